#pragma once

#include <QByteArray>
#include <QString>

namespace wb {

// A settings file as a plain-text editor shows it, and typing in that editor taken back into the
// file's bytes. The editor shows text without a byte-order mark and with LF line ends; what the user
// did not type keeps its bytes: its CRLF or mixed line ends, its BOM.

// The text an editor shows for a file's bytes.
QString editorText(const QByteArray &fileBytes);

// The file's bytes after the editor's text became `edited`: the one region where `edited` differs
// from editorText(fileBytes) is replaced, its line breaks written as the file's first line break is
// (TomlDocument::lineBreakOf); every other byte stays. The same text gives the same bytes back.
QByteArray spliceEditorText(const QByteArray &fileBytes, const QString &edited);

} // namespace wb
