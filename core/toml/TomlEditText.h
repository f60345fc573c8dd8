#pragma once

// The pieces TomlEditor puts its edits together from, shared by the files that hold them:
// TomlEditText.cpp (splices into the original bytes, results, and the check that an edit changed
// exactly what it meant), TomlSectionPlacement.cpp (where a new key or table goes), TomlArraySplices.cpp
// (removing and appending array elements) and TomlArraySet.cpp (replacing an array element by element).

#include "core/toml/TomlDocument.h"
#include "core/toml/TomlEditor.h"
#include "core/toml/TomlKeyPath.h"
#include "core/toml/TomlScanner.h"
#include "core/toml/TomlTree.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <string_view>

namespace wb::tomledit {

struct Splice {
    int begin = 0;
    int end = 0;
    QByteArray text;
};

inline bool isBlank(char c)
{
    return c == ' ' || c == '\t';
}

// The bytes of a document and their lines.
class Text
{
public:
    explicit Text(const TomlDocument &d) : doc(d), b(d.bytes()), eol(d.lineBreak()) {}
    const TomlDocument &doc;
    const QByteArray &b;
    QByteArray eol;

    int size() const { return int(b.size()); }
    int lineStart(int pos) const
    {
        while (pos > 0 && b.at(pos - 1) != '\n')
            --pos;
        return pos;
    }
    // Start of the comment lines directly above the line that starts at lineBegin.
    int commentBlockStart(int lineBegin, int floor = 0) const
    {
        int start = lineBegin;
        while (start > floor) {
            const int prev = lineStart(start - 1);
            if (prev < floor)
                break;
            int k = prev;
            while (k < start && isBlank(b.at(k)))
                ++k;
            if (k < start && b.at(k) == '#')
                start = prev;
            else
                break;
        }
        return start;
    }
    // After the blank lines following pos (pos at a line start).
    int skipBlankLines(int pos) const
    {
        while (pos < size()) {
            int k = pos;
            while (k < size() && (isBlank(b.at(k)) || b.at(k) == '\r'))
                ++k;
            if (k < size() && b.at(k) == '\n')
                pos = k + 1;
            else
                break;
        }
        return pos;
    }
    // A removal of whole lines [begin, end): when it reaches the end of a text without a final line
    // break, take the line break before it instead, so that the file still ends the same way.
    Splice removeLines(int begin, int end) const
    {
        if (end >= size() && !b.endsWith('\n') && begin > 0) {
            int k = begin - 1; // the '\n' ending the previous line
            if (k > 0 && b.at(k - 1) == '\r')
                --k;
            return {k, size(), {}};
        }
        return {begin, end, {}};
    }
    // Inserting a line (without line break) at pos, a line start or the end of the text.
    Splice insertLine(int pos, const QByteArray &line) const
    {
        if (pos >= size() && size() > 0 && !b.endsWith('\n'))
            return {size(), size(), eol + line};
        return {pos, pos, line + eol};
    }
};

struct ElementInfo {
    int begin = 0;
    int end = 0;
};

QByteArray applySplices(const QByteArray &bytes, QList<Splice> splices);

TomlEditResult refuse(const TomlDocument &doc, const QString &message);

TomlEditResult unchanged(const TomlDocument &doc, const QString &message);

std::string_view keyView(const QByteArray &utf8);

// The re-parse must give exactly the intended tree.
TomlEditResult verify(const TomlDocument &doc, const QByteArray &bytes, const toml::table &intended);

TomlEditResult spliceAndVerify(const TomlDocument &doc, const QList<Splice> &splices, const toml::table &intended);

// Parses a literal into holder["v"].
const toml::node *parseLiteral(const QString &literal, TomlDocument *holder, QString *error);

// Sets path in tree (creating tables); false when a step is not a table.
bool assign(toml::table &root, const TomlKeyPath &path, const toml::node &value, QString *error);

toml::node *mutableAt(toml::table &root, const TomlKeyPath &path);

TomlKeyPath headerPath(const TomlScan &scan, int header);

TomlKeyPath fullPath(const TomlScan &scan, const TomlScan::Entry &e);

int sectionContentEnd(const TomlScan &scan, int header);

QByteArray separatorLike(const Text &t, const TomlScan::Entry &e);

// A new key line in a section (header index, -1 root) after its last key.
Splice insertInSection(const Text &t, const TomlScan &scan, int header, const QByteArray &keyText, const QByteArray &value);

// New table [tablePath] holding key = value, where a person would put it.
Splice insertTable(const Text &t, const TomlScan &scan, const TomlKeyPath &tablePath, const QByteArray &keyText,
                   const QByteArray &value);

int maxDescendantEnd(const TomlDocument &doc, const toml::node &node);

bool isArrayOfTables(const TomlDocument &doc, const TomlKeyPath &path);

QList<ElementInfo> elementsOf(const TomlDocument &doc, const toml::array &a);

// After an element: blanks, an optional comma, blanks, an optional comment, then a line break?
// Returns the offset after that line break, or -1 when something else follows on the line.
int endOfOwnLine(const QByteArray &b, int pos, bool *hasComma);

bool onlyBlanksBefore(const QByteArray &b, int lineBegin, int pos);

// The indentation of the line holding an empty multi-line array's `]` (what its new elements are
// indented by, plus four spaces), or nothing when text precedes the `]` on that line.
QByteArray closingIndent(const QByteArray &b, int lineBegin, int close);

bool arraySpans(const TomlDocument &doc, const TomlKeyPath &path, const toml::array **array, TomlSpan *span, QString *error);

// Text splices that remove element index (no verification).
bool removeElementSplices(const TomlDocument &doc, const TomlKeyPath &path, int index, QList<Splice> *out, QString *error);

bool appendSplices(const TomlDocument &doc, const TomlKeyPath &path, const QByteArray &literal, QList<Splice> *out, QString *error);

QByteArray keepQuoteStyle(const TomlDocument &doc, const TomlSpan &span, const toml::node &oldNode, const toml::node &newNode,
                          const QByteArray &literal);

// The text of the array at path becomes the literal array newA (held in holder), element by element:
// elements that stay keep their text, comments and lines; see diffArrays for how old and new elements
// are matched. One element per line ("perLine"): an edited element (same name) keeps its line and the
// comment on it; a removed or replaced element goes with its line, the comment on that line and the
// comment lines directly above it; new elements get a line of their own with the neighbours'
// indentation. Inline arrays: elements are replaced, removed and inserted with ", " separators.
// Splices are in the original text; false (with no splices) when they would overlap.
bool arraySetSplices(const TomlDocument &doc, const TomlSpan &span, const toml::array &oldA, const TomlDocument &holder,
                     const toml::array &newA, QList<Splice> *out);

} // namespace wb::tomledit
