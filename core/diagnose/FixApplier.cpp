#include "core/diagnose/FixApplier.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

#include <toml++/toml.hpp>

#include <sstream>
#include <string_view>

namespace wb::diagnose {

namespace {

constexpr qint64 MaxFileBytes = 4 * 1024 * 1024;

std::string_view view(const QByteArray &b) { return {b.constData(), size_t(b.size())}; }

// Byte offsets of the starts of lines (line 1 at index 0).
QList<qsizetype> lineStarts(const QByteArray &b)
{
    QList<qsizetype> starts = {0};
    for (qsizetype i = 0; i < b.size(); ++i) {
        if (b.at(i) == '\n')
            starts << i + 1;
    }
    return starts;
}

// Byte offset of (line, column), where the column counts code points from 1.
qsizetype offsetOf(const QByteArray &b, const QList<qsizetype> &starts, quint32 line, quint32 column)
{
    if (line == 0 || line > quint32(starts.size()))
        return -1;
    qsizetype off = starts.at(line - 1);
    for (quint32 c = 1; c < column && off < b.size() && b.at(off) != '\n'; ++c) {
        ++off;
        while (off < b.size() && (static_cast<unsigned char>(b.at(off)) & 0xC0) == 0x80)
            ++off;  // continuation bytes
    }
    return off;
}

// The end (exclusive) of the TOML value starting at `start`, or -1.
qsizetype valueEnd(const QByteArray &b, qsizetype start)
{
    if (start < 0 || start >= b.size())
        return -1;
    const char c = b.at(start);
    auto stringEnd = [&](qsizetype i) -> qsizetype {
        const char q = b.at(i);
        const bool triple = b.mid(i, 3) == QByteArray(3, q);
        qsizetype j = i + (triple ? 3 : 1);
        while (j < b.size()) {
            if (q == '"' && b.at(j) == '\\') {
                j += 2;
                continue;
            }
            if (!triple && b.at(j) == '\n')
                return -1;
            if (triple ? b.mid(j, 3) == QByteArray(3, q) : b.at(j) == q) {
                j += triple ? 3 : 1;
                while (triple && j < b.size() && b.at(j) == q)
                    ++j;  // up to two quotes may end a multi-line string
                return j;
            }
            ++j;
        }
        return -1;
    };
    if (c == '"' || c == '\'')
        return stringEnd(start);
    if (c == '[' || c == '{') {
        int depth = 0;
        for (qsizetype i = start; i < b.size(); ++i) {
            const char d = b.at(i);
            if (d == '"' || d == '\'') {
                const qsizetype e = stringEnd(i);
                if (e < 0)
                    return -1;
                i = e - 1;
            } else if (d == '#') {
                while (i < b.size() && b.at(i) != '\n')
                    ++i;
            } else if (d == '[' || d == '{') {
                ++depth;
            } else if (d == ']' || d == '}') {
                if (--depth == 0)
                    return i + 1;
            }
        }
        return -1;
    }
    qsizetype i = start;
    while (i < b.size() && b.at(i) != '\n' && b.at(i) != '#' && b.at(i) != ',' && b.at(i) != ' ' && b.at(i) != '\t'
           && b.at(i) != '\r')
        ++i;
    return i;
}

const toml::table *findTable(const toml::table &root, const QString &dotted)
{
    const toml::table *t = &root;
    const QStringList parts = dotted.split(QLatin1Char('.'));
    for (const QString &part : parts) {
        const QByteArray k = part.toUtf8();
        const toml::node *n = t->get(std::string_view(k.constData(), size_t(k.size())));
        t = n ? n->as_table() : nullptr;
        if (!t)
            return nullptr;
    }
    return t;
}

void collectHeaderLines(const toml::table &t, QList<quint32> *lines)
{
    for (const auto &[key, node] : t) {
        Q_UNUSED(key);
        if (const auto *sub = node.as_table()) {
            if (!sub->is_inline())
                *lines << sub->source().begin.line;
            collectHeaderLines(*sub, lines);
        } else if (const auto *arr = node.as_array()) {
            for (const toml::node &item : *arr) {
                if (const auto *it = item.as_table(); it && !it->is_inline()) {
                    *lines << it->source().begin.line;
                    collectHeaderLines(*it, lines);
                }
            }
        }
    }
}

bool isHeaderOf(const QByteArray &line, const QString &table)
{
    QByteArray compact;
    for (char ch : line) {
        if (ch != ' ' && ch != '\t' && ch != '\r')
            compact += ch;
    }
    return compact.startsWith(QByteArray('[' + table.toUtf8() + ']'));
}

bool applyOne(QByteArray &bytes, const ConfigEdit &edit, QString *error)
{
    const toml::parse_result parsed = toml::parse(view(bytes));
    if (!parsed) {
        *error = QStringLiteral("%1:%2: %3 (not edited)")
                     .arg(edit.file)
                     .arg(parsed.error().source().begin.line)
                     .arg(QString::fromUtf8(parsed.error().description().data(), qsizetype(parsed.error().description().size())));
        return false;
    }
    const QList<qsizetype> starts = lineStarts(bytes);
    const toml::table *table = findTable(parsed.table(), edit.table);
    const QByteArray key = edit.key.toUtf8();
    const toml::node *node = table ? table->get(std::string_view(key.constData(), size_t(key.size()))) : nullptr;
    const QByteArray value = edit.value.toUtf8();

    if (node) {
        const qsizetype start = offsetOf(bytes, starts, node->source().begin.line, node->source().begin.column);
        const qsizetype end = valueEnd(bytes, start);
        if (start < 0 || end < 0) {
            *error = QStringLiteral("%1: cannot locate the value of %2.%3").arg(edit.file, edit.table, edit.key);
            return false;
        }
        if (edit.action == ConfigEdit::Action::Set) {
            bytes = bytes.left(start) + value + bytes.mid(end);
            return true;
        }
        // Remove the whole `key = value` line(s), if the key starts its line.
        const quint32 line = node->source().begin.line;
        const qsizetype lineStart = starts.at(line - 1);
        const QByteArray before = bytes.mid(lineStart, start - lineStart).trimmed();
        const QByteArray written = before.endsWith('=') ? before.chopped(1).trimmed() : QByteArray();
        if (written != key && written != QByteArray('"' + key + '"') && written != QByteArray('\'' + key + '\'')) {
            *error = QStringLiteral("%1:%2: %3 is not on a line of its own; edit it by hand").arg(edit.file).arg(line).arg(edit.key);
            return false;
        }
        qsizetype cut = bytes.indexOf('\n', end);
        cut = cut < 0 ? bytes.size() : cut + 1;
        bytes.remove(lineStart, cut - lineStart);
        return true;
    }
    if (edit.action == ConfigEdit::Action::Remove)
        return true;  // nothing to remove
    const QByteArray newLine = key + " = " + value + '\n';
    if (table && !table->is_inline() && table->source().begin.line > 0
        && isHeaderOf(bytes.mid(starts.value(table->source().begin.line - 1),
                                starts.value(table->source().begin.line, bytes.size()) - starts.value(table->source().begin.line - 1)),
                      edit.table)) {
        const quint32 header = table->source().begin.line;
        QList<quint32> headers;
        collectHeaderLines(parsed.table(), &headers);
        quint32 next = quint32(starts.size()) + 1;
        for (quint32 h : std::as_const(headers)) {
            if (h > header && h < next)
                next = h;
        }
        // Insert after the last line of the table that is not blank or a comment.
        quint32 last = header;
        for (quint32 l = header + 1; l < next && l <= quint32(starts.size()); ++l) {
            const qsizetype s = starts.at(l - 1);
            const qsizetype e = l < quint32(starts.size()) ? starts.at(l) : bytes.size();
            const QByteArray text = bytes.mid(s, e - s).trimmed();
            if (!text.isEmpty() && !text.startsWith('#'))
                last = l;
        }
        qsizetype at = last < quint32(starts.size()) ? starts.at(last) : bytes.size();
        if (at == bytes.size() && !bytes.isEmpty() && !bytes.endsWith('\n')) {
            bytes += '\n';
            at = bytes.size();
        }
        bytes.insert(at, newLine);
        return true;
    }
    if (!bytes.isEmpty() && !bytes.endsWith('\n'))
        bytes += '\n';
    bytes += '\n' + ('[' + edit.table.toUtf8() + "]\n") + newLine;
    return true;
}

std::string render(const toml::node &n)
{
    std::ostringstream out;
    n.visit([&out](const auto &v) { out << toml::toml_formatter(v); });
    return out.str();
}

bool verify(const QByteArray &bytes, const ConfigEdit &edit, QString *error)
{
    const toml::parse_result parsed = toml::parse(view(bytes));
    if (!parsed) {
        *error = QStringLiteral("%1: the edit would make the file invalid; edit it by hand").arg(edit.file);
        return false;
    }
    const toml::table *table = findTable(parsed.table(), edit.table);
    const QByteArray key = edit.key.toUtf8();
    const toml::node *node = table ? table->get(std::string_view(key.constData(), size_t(key.size()))) : nullptr;
    if (edit.action == ConfigEdit::Action::Remove) {
        if (node) {
            *error = QStringLiteral("%1: %2 is still there after the edit").arg(edit.file, edit.key);
            return false;
        }
        return true;
    }
    const QByteArray probe = "v = " + edit.value.toUtf8();
    const toml::parse_result expected = toml::parse(view(probe));
    if (!expected || !node || !expected.table().get("v") || render(*expected.table().get("v")) != render(*node)) {
        *error = QStringLiteral("%1: %2.%3 does not read back as %4; edit it by hand").arg(edit.file, edit.table, edit.key, edit.value);
        return false;
    }
    return true;
}

} // namespace

PreparedFix FixApplier::prepareText(const QByteArray &original, const QList<ConfigEdit> &edits, const QString &displayName)
{
    PreparedFix fix;
    fix.before = original;
    QByteArray bytes = original;
    if (edits.isEmpty()) {
        fix.error = QStringLiteral("no configuration edit to apply");
        return fix;
    }
    for (const ConfigEdit &edit : edits) {
        if (edit.file != edits.first().file) {
            fix.error = QStringLiteral("edits of several files must be prepared one file at a time");
            return fix;
        }
        if (!applyOne(bytes, edit, &fix.error) || !verify(bytes, edit, &fix.error))
            return fix;
    }
    fix.after = bytes;
    fix.diff = unifiedDiff(original, bytes, displayName);
    fix.ok = true;
    return fix;
}

PreparedFix FixApplier::prepare(const QString &projectDir, const QList<ConfigEdit> &edits)
{
    PreparedFix fix;
    if (edits.isEmpty()) {
        fix.error = QStringLiteral("no configuration edit to apply");
        return fix;
    }
    const QString path = QDir(projectDir).filePath(edits.first().file);
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        fix.error = QStringLiteral("%1: cannot read (%2)").arg(path, file.errorString());
        return fix;
    }
    if (file.size() > MaxFileBytes) {
        fix.error = QStringLiteral("%1: too large to edit").arg(path);
        return fix;
    }
    fix = prepareText(file.readAll(), edits, edits.first().file);
    fix.path = path;
    return fix;
}

bool FixApplier::write(const QString &path, const QByteArray &bytes, QString *error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        if (error)
            *error = QStringLiteral("%1: cannot write (%2)").arg(path, file.errorString());
        return false;
    }
    return true;
}

QString FixApplier::unifiedDiff(const QByteArray &before, const QByteArray &after, const QString &name)
{
    const QStringList a = QString::fromUtf8(before).split(QLatin1Char('\n'));
    const QStringList b = QString::fromUtf8(after).split(QLatin1Char('\n'));
    qsizetype prefix = 0;
    while (prefix < a.size() && prefix < b.size() && a.at(prefix) == b.at(prefix))
        ++prefix;
    qsizetype suffix = 0;
    while (suffix < a.size() - prefix && suffix < b.size() - prefix && a.at(a.size() - 1 - suffix) == b.at(b.size() - 1 - suffix))
        ++suffix;
    if (prefix == a.size() && a.size() == b.size())
        return {};
    const qsizetype context = 2;
    const qsizetype from = std::max<qsizetype>(0, prefix - context);
    const qsizetype aEnd = std::min(a.size(), a.size() - suffix + context);
    const qsizetype bEnd = std::min(b.size(), b.size() - suffix + context);
    QString out = QStringLiteral("--- %1\n+++ %1\n@@ -%2,%3 +%2,%4 @@\n").arg(name).arg(from + 1).arg(aEnd - from).arg(bEnd - from);
    for (qsizetype i = from; i < prefix; ++i)
        out += QLatin1Char(' ') + a.at(i) + QLatin1Char('\n');
    for (qsizetype i = prefix; i < a.size() - suffix; ++i)
        out += QLatin1Char('-') + a.at(i) + QLatin1Char('\n');
    for (qsizetype i = prefix; i < b.size() - suffix; ++i)
        out += QLatin1Char('+') + b.at(i) + QLatin1Char('\n');
    for (qsizetype i = a.size() - suffix; i < aEnd; ++i)
        out += QLatin1Char(' ') + a.at(i) + QLatin1Char('\n');
    return out;
}

} // namespace wb::diagnose
