#include "core/wheel/RecordFile.h"

#include "core/wheel/PathSet.h"

#include <QHash>

#include <algorithm>

namespace wb {

QList<CsvRecord> parseCsv(const QByteArray &data, qsizetype maxRows, QString *error)
{
    QList<CsvRecord> out;
    const QString text = QString::fromUtf8(data);
    CsvRecord cur;
    QString field;
    int line = 1;
    cur.line = 1;
    bool inQuotes = false;
    bool fieldStarted = false;
    bool any = false;
    const qsizetype n = text.size();
    out.reserve(data.count('\n') + 1);
    auto endField = [&] {
        cur.fields.append(std::move(field));
        field = QString();
        fieldStarted = false;
    };
    auto endRecord = [&] {
        if (any) {
            endField();
            out.append(std::move(cur));
        }
        cur = CsvRecord{};
        cur.line = line;
        any = false;
    };
    for (qsizetype i = 0; i < n; ++i) {
        const QChar ch = text.at(i);
        if (inQuotes) {
            if (ch == QLatin1Char('"')) {
                if (i + 1 < n && text.at(i + 1) == QLatin1Char('"')) {
                    field += QLatin1Char('"');
                    ++i;
                } else
                    inQuotes = false;
            } else {
                // The run up to the next quote at once.
                qsizetype j = i;
                while (j < n && text.at(j) != QLatin1Char('"')) {
                    if (text.at(j) == QLatin1Char('\n'))
                        ++line;
                    ++j;
                }
                field += QStringView(text).mid(i, j - i);
                i = j - 1;
            }
            continue;
        }
        if (ch == QLatin1Char('"') && !fieldStarted) {
            inQuotes = true;
            fieldStarted = true;
            any = true;
        } else if (ch == QLatin1Char(',')) {
            any = true;
            endField();
        } else if (ch == QLatin1Char('\r') && i + 1 < n && text.at(i + 1) == QLatin1Char('\n')) {
            // handled with the \n
        } else if (ch == QLatin1Char('\n') || ch == QLatin1Char('\r')) {
            ++line;
            endRecord();
            if (out.size() >= maxRows) {
                if (error)
                    *error = QStringLiteral("more than %1 rows").arg(maxRows);
                return out;
            }
        } else {
            // A run of plain characters at once (a quote inside a started field is plain).
            qsizetype j = i + 1;
            while (j < n) {
                const QChar c = text.at(j);
                if (c == QLatin1Char(',') || c == QLatin1Char('\n') || c == QLatin1Char('\r'))
                    break;
                ++j;
            }
            if (field.isEmpty())
                field = text.mid(i, j - i);
            else
                field += QStringView(text).mid(i, j - i);
            i = j - 1;
            fieldStarted = true;
            any = true;
        }
    }
    if (inQuotes && error)
        *error = QStringLiteral("unexpected end of data inside a quoted field (line %1)").arg(line);
    endRecord();
    return out;
}

namespace {

// Decodes a digest as Python's urlsafe_b64encode(...).rstrip(b'=') writes it: the URL-safe alphabet
// only, exactly the length `bytes` need, and the unused bits of the last character zero. Anything
// else is refused (so the text is the one canonical spelling of the bytes).
bool decodeDigest(QStringView text, int bytes, QByteArray *out)
{
    if (text.size() != (qsizetype(bytes) * 4 + 2) / 3)
        return false;
    out->resize(bytes);
    char *dst = out->data();
    quint32 acc = 0;
    int bits = 0, o = 0;
    for (const QChar ch : text) {
        const char16_t c = ch.unicode();
        int v;
        if (c >= u'A' && c <= u'Z')
            v = c - u'A';
        else if (c >= u'a' && c <= u'z')
            v = c - u'a' + 26;
        else if (c >= u'0' && c <= u'9')
            v = c - u'0' + 52;
        else if (c == u'-')
            v = 62;
        else if (c == u'_')
            v = 63;
        else
            return false;
        acc = (acc << 6) | quint32(v);
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            if (o >= bytes)
                return false;
            dst[o++] = char((acc >> bits) & 0xFF);
        }
    }
    return o == bytes && (acc & ((1u << bits) - 1)) == 0;
}

} // namespace

QByteArray urlsafeB64NoPad(const QByteArray &raw)
{
    return raw.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

int RecordFile::digestSize(const QString &a)
{
    static const QHash<QString, int> sizes = {
        {QStringLiteral("md5"), 16},          {QStringLiteral("sha1"), 20},       {QStringLiteral("sha224"), 28},
        {QStringLiteral("sha256"), 32},       {QStringLiteral("sha384"), 48},     {QStringLiteral("sha512"), 64},
        {QStringLiteral("sha3_224"), 28},     {QStringLiteral("sha3_256"), 32},   {QStringLiteral("sha3_384"), 48},
        {QStringLiteral("sha3_512"), 64},     {QStringLiteral("blake2b"), 64},    {QStringLiteral("blake2s"), 32},
    };
    return sizes.value(a, 0);
}

bool RecordFile::isWeak(const QString &a)
{
    return a == QLatin1String("md5") || a == QLatin1String("sha1");
}

RecordFile RecordFile::parse(const QByteArray &data, qsizetype maxRows)
{
    RecordFile rf;
    const auto isDigits = [](QStringView t) {
        return !t.isEmpty() && std::all_of(t.begin(), t.end(), [](QChar c) { return c >= QLatin1Char('0') && c <= QLatin1Char('9'); });
    };
    const qsizetype expectedRows = data.count('\n') + 1;
    PathSet byPath(expectedRows);
    rf.rows.reserve(expectedRows);
    // One CSV record: its line, how many fields it has and the first three.
    auto addRecord = [&](int line, qsizetype fieldCount, QStringView pathField, QStringView hash, QStringView size) {
        auto issue = [&](const QString &kind, const QString &path, const QString &msg) {
            rf.issues.append({line, kind, path, msg});
        };
        if (fieldCount != 3) {
            issue(QStringLiteral("RecordLengthError"), pathField.toString(),
                  QStringLiteral("RECORD entry for '%1' has %2 fields; expected 3").arg(pathField).arg(fieldCount));
            return;
        }
        RecordRow row;
        row.line = line;
        row.path = pathField.toString();
        if (row.path.isEmpty()) {
            issue(QStringLiteral("EmptyPathError"), {}, QStringLiteral("RECORD entry has an empty path"));
            return;
        }
        if (row.path.startsWith(QLatin1Char('/'))) {
            issue(QStringLiteral("AbsolutePathError"), row.path, QStringLiteral("RECORD entry has an absolute path: '%1'").arg(row.path));
            return;
        }
        bool nonNormal = false;
        for (qsizetype from = 0; from <= row.path.size();) {
            qsizetype to = row.path.indexOf(QLatin1Char('/'), from);
            const bool last = to < 0;
            if (last)
                to = row.path.size();
            const QStringView p = QStringView(row.path).mid(from, to - from);
            if (p == QLatin1String(".") || p == QLatin1String("..") || (p.isEmpty() && !last))
                nonNormal = true;
            from = to + 1;
        }
        if (nonNormal) {
            issue(QStringLiteral("NonNormalizedPathError"), row.path,
                  QStringLiteral("RECORD entry has a non-normalized path: '%1'").arg(row.path));
            return;
        }
        bool rowOk = true;
        if (!hash.isEmpty()) {
            const qsizetype eq = hash.indexOf(QLatin1Char('='));
            const QStringView algorithm = eq < 0 ? QStringView(hash) : QStringView(hash).left(eq);
            // Rows share their algorithm's name (one string for all, not one each).
            row.algorithm = !rf.rows.isEmpty() && rf.rows.constLast().algorithm == algorithm ? rf.rows.constLast().algorithm : algorithm.toString();
            row.digestText = eq < 0 ? QString() : hash.mid(eq + 1).toString();
            const int expected = digestSize(row.algorithm);
            if (isWeak(row.algorithm)) {
                issue(QStringLiteral("WeakDigestError"), row.path,
                      QStringLiteral("RECORD entry for '%1' uses a weak digest algorithm: '%2'").arg(row.path, row.algorithm));
                rowOk = false;
            } else if (expected == 0) {
                issue(QStringLiteral("UnknownDigestError"), row.path,
                      QStringLiteral("RECORD entry for '%1' uses an unknown digest algorithm: '%2'").arg(row.path, row.algorithm));
                rowOk = false;
            } else {
                QByteArray decoded;
                if (eq < 0 || !decodeDigest(row.digestText, expected, &decoded)) {
                    issue(QStringLiteral("MalformedDigestError"), row.path,
                          QStringLiteral("RECORD contains invalid %1 base64 nopad digest for '%2': '%3'").arg(row.algorithm, row.path, row.digestText));
                    rowOk = false;
                } else
                    row.digest = decoded;
            }
        }
        if (!size.isEmpty()) {
            bool ok = isDigits(size);
            row.size = ok ? size.toLongLong(&ok) : -1;
            if (!ok) {
                issue(QStringLiteral("MalformedSizeError"), row.path,
                      QStringLiteral("RECORD contains invalid size for '%1': '%2'").arg(row.path, size));
                rowOk = false;
            }
        }
        if (rowOk && !hash.isEmpty() && size.isEmpty()) {
            issue(QStringLiteral("EmptySizeError"), row.path, QStringLiteral("RECORD entry for '%1' has a digest but no size").arg(row.path));
            rowOk = false;
        } else if (rowOk && hash.isEmpty() && !size.isEmpty()) {
            issue(QStringLiteral("EmptyDigestError"), row.path, QStringLiteral("RECORD entry for '%1' has a size but no digest").arg(row.path));
            rowOk = false;
        }
        if (!rowOk)
            return;
        const qsizetype earlier = byPath.findOrInsert(PathSet::hash(row.path), rf.rows.size(),
                                                      [&](qsizetype k) { return rf.rows.at(k).path == row.path; });
        if (earlier >= 0) {
            const RecordRow &prev = rf.rows.at(earlier);
            if (prev.algorithm != row.algorithm || prev.digest != row.digest || prev.size != row.size)
                issue(QStringLiteral("RecordConflictError"), row.path,
                      QStringLiteral("RECORD contains multiple conflicting entries for '%1'").arg(row.path));
            return;
        }
        rf.rows.append(std::move(row));
    };
    const QString text = QString::fromUtf8(data);
    if (!text.contains(QLatin1Char('"'))) {
        // No quoting (what writers produce): fields are the text between commas, line by line, read
        // in place. Line ends and row limit as parseCsv has them.
        const QStringView all(text);
        const qsizetype n = all.size();
        int line = 1;
        qsizetype records = 0;
        for (qsizetype i = 0; i < n;) {
            qsizetype end = i;
            while (end < n && all[end] != QLatin1Char('\n') && all[end] != QLatin1Char('\r'))
                ++end;
            const QStringView rec = all.mid(i, end - i);
            const bool lineBreak = end < n;
            if (!rec.isEmpty()) {
                QStringView f[3];
                qsizetype count = 0, from = 0;
                while (true) {
                    const qsizetype comma = rec.indexOf(QLatin1Char(','), from);
                    const QStringView field = rec.mid(from, (comma < 0 ? rec.size() : comma) - from);
                    if (count < 3)
                        f[count] = field;
                    ++count;
                    if (comma < 0)
                        break;
                    from = comma + 1;
                }
                addRecord(line, count, f[0], f[1], f[2]);
                ++records;
            }
            if (!lineBreak)
                break;
            i = end + (all[end] == QLatin1Char('\r') && end + 1 < n && all[end + 1] == QLatin1Char('\n') ? 2 : 1);
            ++line;
            if (!rec.isEmpty() && records >= maxRows) {
                rf.issues.prepend({0, QStringLiteral("CsvError"), {},
                                   QStringLiteral("RECORD is not valid CSV: %1").arg(QStringLiteral("more than %1 rows").arg(maxRows))});
                break;
            }
        }
        return rf;
    }
    QString csvError;
    const QList<CsvRecord> records = parseCsv(data, maxRows, &csvError);
    if (!csvError.isEmpty())
        rf.issues.append({0, QStringLiteral("CsvError"), {}, QStringLiteral("RECORD is not valid CSV: %1").arg(csvError)});
    for (const CsvRecord &rec : records)
        addRecord(rec.line, rec.fields.size(), rec.fields.value(0), rec.fields.value(1), rec.fields.value(2));
    return rf;
}

} // namespace wb
