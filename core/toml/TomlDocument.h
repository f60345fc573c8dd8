#pragma once

#include "core/toml/TomlKeyPath.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <memory>

namespace wb {

struct TomlParsed; // the toml++ tree and the text layout; see TomlTree.h
struct TomlScan;

// Where a parse failed. Lines count from 1; columns count code points from 1 (as toml++ does).
struct TomlError {
    int line = 0;
    int column = 0;
    QString message;
    QString toString() const;
};

// A byte range in the document and its line:column start.
struct TomlSpan {
    int begin = -1; // byte offset, inclusive
    int end = -1;   // byte offset, exclusive
    int line = 0;
    int column = 0;
    bool isValid() const { return begin >= 0; }
};

// A TOML file as bytes plus what toml++ read from them. The bytes are never re-serialised: every edit
// is a splice (see TomlEditor), so a byte the user did not change stays the same.
class TomlDocument
{
public:
    TomlDocument();
    static TomlDocument parse(const QByteArray &bytes, const QString &sourceName = {});

    bool isValid() const { return m_parsed != nullptr; }
    const TomlError &error() const { return m_error; }
    const QByteArray &bytes() const { return m_bytes; }
    QString sourceName() const { return m_sourceName; }

    bool hasBom() const;
    QByteArray lineBreak() const; // "\r\n" when the file uses CRLF, else "\n"
    // The same for any file's bytes: the style of its first line break.
    static QByteArray lineBreakOf(const QByteArray &bytes);
    bool endsWithLineBreak() const;

    // toml++ line:column (column in code points) -> byte offset; -1 when out of range.
    int offsetOf(int line, int column) const;
    // byte offset -> line:column (column in code points).
    void lineColumnOf(int offset, int *line, int *column) const;
    TomlSpan spanOf(int begin, int end) const;

    bool contains(const TomlKeyPath &path) const;
    TomlSpan keySpan(const TomlKeyPath &path) const;   // the key as written (last segment)
    TomlSpan valueSpan(const TomlKeyPath &path) const; // scalar/array/inline table text; a table: its header
    QString valueText(const TomlKeyPath &path) const;  // the raw TOML text of a value

    // Convenience readers (empty/false/fallback when absent or of another type).
    QString string(const TomlKeyPath &path, const QString &fallback = {}) const;
    bool boolean(const TomlKeyPath &path, bool fallback = false) const;
    QStringList stringArray(const TomlKeyPath &path) const;
    QStringList keys(const TomlKeyPath &tablePath) const; // the keys of a table, in no particular order
    enum class Kind { Missing, Table, Array, String, Integer, Float, Boolean, DateTime, Other };
    Kind kind(const TomlKeyPath &path) const;
    bool isInlineTable(const TomlKeyPath &path) const;

    const TomlParsed *parsed() const { return m_parsed.get(); }
    const TomlScan &scan() const;

private:
    QByteArray m_bytes;
    QString m_sourceName;
    TomlError m_error;
    std::shared_ptr<const TomlParsed> m_parsed;
    std::shared_ptr<const QList<int>> m_lineStarts;
};

} // namespace wb
