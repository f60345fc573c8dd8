#include "core/toml/EditorText.h"

#include "core/toml/TomlDocument.h"

#include <QList>

namespace wb {

namespace {
constexpr QByteArrayView bom("\xEF\xBB\xBF");

// The file's bytes the editor's text comes from (after the BOM), and for each byte of that text
// (and its end) where it starts in the file: a shown LF of a CRLF starts at the CR.
struct ShownBytes {
    QByteArray text;
    QList<qsizetype> fileOffset;
};

ShownBytes shownBytes(const QByteArray &file)
{
    ShownBytes s;
    const qsizetype start = file.startsWith(bom) ? bom.size() : 0;
    s.text.reserve(file.size() - start);
    s.fileOffset.reserve(file.size() - start + 1);
    for (qsizetype i = start; i < file.size(); ++i) {
        s.fileOffset.append(i);
        if (file.at(i) == '\r' && i + 1 < file.size() && file.at(i + 1) == '\n')
            ++i; // the LF below stands for both
        s.text.append(file.at(i));
    }
    s.fileOffset.append(file.size());
    return s;
}
} // namespace

QString editorText(const QByteArray &fileBytes)
{
    return QString::fromUtf8(shownBytes(fileBytes).text);
}

QByteArray spliceEditorText(const QByteArray &fileBytes, const QString &edited)
{
    const ShownBytes shown = shownBytes(fileBytes);
    const QByteArray now = edited.toUtf8();
    // Bytes that are not UTF-8 show as replacement characters: no byte of the shown text can be
    // traced back to the file, so the edited text is the file (as before this splice existed).
    if (!QUtf8StringView(shown.text).isValidUtf8()) {
        QByteArray whole = now;
        whole.replace("\n", TomlDocument::lineBreakOf(fileBytes));
        return fileBytes.startsWith(bom) ? bom.toByteArray() + whole : whole;
    }
    const qsizetype shorter = qMin(shown.text.size(), now.size());
    qsizetype prefix = 0;
    while (prefix < shorter && shown.text.at(prefix) == now.at(prefix))
        ++prefix;
    qsizetype suffix = 0;
    while (suffix < shorter - prefix && shown.text.at(shown.text.size() - 1 - suffix) == now.at(now.size() - 1 - suffix))
        ++suffix;
    if (prefix == shown.text.size() && prefix == now.size())
        return fileBytes; // nothing typed
    QByteArray typed = now.mid(prefix, now.size() - suffix - prefix);
    typed.replace("\n", TomlDocument::lineBreakOf(fileBytes));
    const qsizetype from = shown.fileOffset.at(prefix);
    const qsizetype to = shown.fileOffset.at(shown.text.size() - suffix);
    return fileBytes.left(from) + typed + fileBytes.mid(to);
}

} // namespace wb
