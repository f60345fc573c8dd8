#include "core/wheel/RecordFile.h"

#include "core/wheel/PathSet.h"

#include <QHash>

#include <algorithm>
#include <array>
#include <charconv>
#include <cstring>

namespace wb {

namespace {

qsizetype countLines(const QByteArray &data)
{
    qsizetype n = 0;
    const char *p = data.constData(), *end = p + data.size();
    while ((p = static_cast<const char *>(std::memchr(p, '\n', size_t(end - p))))) {
        ++n;
        ++p;
    }
    return n;
}

} // namespace

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
    out.reserve(countLines(data) + 1);
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
// The value of each URL-safe base64 character, -1 for any other byte.
constexpr std::array<qint8, 256> kBase64Values = [] {
    std::array<qint8, 256> t{};
    for (auto &v : t)
        v = -1;
    const char *alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    for (int i = 0; i < 64; ++i)
        t[quint8(alphabet[i])] = qint8(i);
    return t;
}();

bool decodeDigest(QByteArrayView text, int bytes, QByteArray *out)
{
    if (text.size() != (qsizetype(bytes) * 4 + 2) / 3)
        return false;
    *out = QByteArray(bytes, Qt::Uninitialized);
    auto *dst = reinterpret_cast<quint8 *>(out->data());
    const auto *in = reinterpret_cast<const quint8 *>(text.data());
    const qsizetype n = text.size();
    qsizetype i = 0;
    int all = 0; // OR of every value: negative when a character is not in the alphabet
    // Four characters give three bytes.
    for (; i + 4 <= n; i += 4) {
        const int a = kBase64Values[in[i]], b = kBase64Values[in[i + 1]], c = kBase64Values[in[i + 2]], d = kBase64Values[in[i + 3]];
        all |= a | b | c | d;
        const quint32 v = (quint32(a) << 18) | (quint32(b) << 12) | (quint32(c) << 6) | quint32(d);
        *dst++ = quint8(v >> 16);
        *dst++ = quint8(v >> 8);
        *dst++ = quint8(v);
    }
    // Two or three characters left: one or two bytes, the unused low bits zero (the one canonical spelling).
    bool lowBits = false;
    const qsizetype rest = n - i;
    if (rest == 2) {
        const int a = kBase64Values[in[i]], b = kBase64Values[in[i + 1]];
        all |= a | b;
        lowBits = (b & 0x0F) != 0;
        *dst = quint8((a << 2) | (b >> 4));
    } else if (rest == 3) {
        const int a = kBase64Values[in[i]], b = kBase64Values[in[i + 1]], c = kBase64Values[in[i + 2]];
        all |= a | b | c;
        lowBits = (c & 0x03) != 0;
        dst[0] = quint8((a << 2) | (b >> 4));
        dst[1] = quint8(((b & 0x0F) << 4) | (c >> 2));
    } else if (rest == 1) {
        return false;
    }
    return all >= 0 && !lowBits;
}

// No "." or ".." component and no empty one but the last ("a/" names a folder).
bool isNormalPath(const QString &path)
{
    // Nearly every path: no component starts with '.' and none is empty, seen in one pass.
    const char16_t *d = reinterpret_cast<const char16_t *>(path.constData());
    const qsizetype n = path.size();
    bool suspicious = n > 0 && d[0] == u'.';
    for (qsizetype i = 1; i < n; ++i)
        suspicious |= d[i - 1] == u'/' && (d[i] == u'.' || d[i] == u'/');
    if (!suspicious)
        return n == 0 || d[0] != u'/';
    for (qsizetype from = 0; from <= path.size();) {
        qsizetype to = path.indexOf(QLatin1Char('/'), from);
        const bool last = to < 0;
        if (last)
            to = path.size();
        const QStringView p = QStringView(path).mid(from, to - from);
        if (p == QLatin1String(".") || p == QLatin1String("..") || (p.isEmpty() && !last))
            return false;
        from = to + 1;
    }
    return true;
}


} // namespace

QByteArray urlsafeB64NoPad(const QByteArray &raw)
{
    // As QByteArray::toBase64(Base64UrlEncoding | OmitTrailingEquals), without its generality: this
    // runs once per member.
    static constexpr char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    const auto *in = reinterpret_cast<const quint8 *>(raw.constData());
    const qsizetype n = raw.size();
    QByteArray out((n * 4 + 2) / 3, Qt::Uninitialized);
    char *o = out.data();
    qsizetype i = 0;
    for (; i + 3 <= n; i += 3) {
        const quint32 v = (quint32(in[i]) << 16) | (quint32(in[i + 1]) << 8) | in[i + 2];
        *o++ = alphabet[(v >> 18) & 63];
        *o++ = alphabet[(v >> 12) & 63];
        *o++ = alphabet[(v >> 6) & 63];
        *o++ = alphabet[v & 63];
    }
    if (n - i == 1) {
        const quint32 v = quint32(in[i]) << 16;
        *o++ = alphabet[(v >> 18) & 63];
        *o++ = alphabet[(v >> 12) & 63];
    } else if (n - i == 2) {
        const quint32 v = (quint32(in[i]) << 16) | (quint32(in[i + 1]) << 8);
        *o++ = alphabet[(v >> 18) & 63];
        *o++ = alphabet[(v >> 12) & 63];
        *o++ = alphabet[(v >> 6) & 63];
    }
    return out;
}

int RecordFile::digestSize(const QString &a)
{
    if (a == QLatin1String("sha256")) // nearly every row
        return 32;
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

QString RecordRow::digestText() const
{
    return QString::fromLatin1(urlsafeB64NoPad(digest));
}

RecordFile RecordFile::parse(const QByteArray &data, qsizetype maxRows, const PathOf &pathOf)
{
    RecordFile rf;
    const auto isDigits = [](QByteArrayView t) {
        return !t.isEmpty() && std::all_of(t.begin(), t.end(), [](char c) { return c >= '0' && c <= '9'; });
    };
    const qsizetype expectedRows = countLines(data) + 1;
    PathSet byPath(expectedRows);
    rf.rows.reserve(expectedRows);
    // One CSV record: its line, how many fields it has and the first three (hash and size as UTF-8).
    auto addRecord = [&](int line, qsizetype fieldCount, QString &&path, QByteArrayView hash, QByteArrayView size) {
        auto issue = [&](const QString &kind, const QString &p, const QString &msg) {
            rf.issues.append({line, kind, p, msg});
        };
        if (fieldCount != 3) {
            issue(QStringLiteral("RecordLengthError"), path,
                  QStringLiteral("RECORD entry for '%1' has %2 fields; expected 3").arg(path).arg(fieldCount));
            return;
        }
        RecordRow row;
        row.line = line;
        row.path = std::move(path);
        if (row.path.isEmpty()) {
            issue(QStringLiteral("EmptyPathError"), {}, QStringLiteral("RECORD entry has an empty path"));
            return;
        }
        if (row.path.startsWith(QLatin1Char('/'))) {
            issue(QStringLiteral("AbsolutePathError"), row.path, QStringLiteral("RECORD entry has an absolute path: '%1'").arg(row.path));
            return;
        }
        if (!isNormalPath(row.path)) {
            issue(QStringLiteral("NonNormalizedPathError"), row.path,
                  QStringLiteral("RECORD entry has a non-normalized path: '%1'").arg(row.path));
            return;
        }
        bool rowOk = true;
        if (!hash.isEmpty()) {
            const qsizetype eq = hash.indexOf('=');
            const QByteArrayView algorithm = eq < 0 ? hash : hash.first(eq);
            const QByteArrayView digestText = eq < 0 ? QByteArrayView() : hash.sliced(eq + 1);
            // Rows share their algorithm's name (one string for all, not one each).
            row.algorithm = !rf.rows.isEmpty() && rf.rows.constLast().algorithm == QUtf8StringView(algorithm)
                ? rf.rows.constLast().algorithm
                : QString::fromUtf8(algorithm);
            const int expected = digestSize(row.algorithm);
            if (isWeak(row.algorithm)) {
                issue(QStringLiteral("WeakDigestError"), row.path,
                      QStringLiteral("RECORD entry for '%1' uses a weak digest algorithm: '%2'").arg(row.path, row.algorithm));
                rowOk = false;
            } else if (expected == 0) {
                issue(QStringLiteral("UnknownDigestError"), row.path,
                      QStringLiteral("RECORD entry for '%1' uses an unknown digest algorithm: '%2'").arg(row.path, row.algorithm));
                rowOk = false;
            } else if (eq < 0 || !decodeDigest(digestText, expected, &row.digest)) {
                row.digest.clear();
                issue(QStringLiteral("MalformedDigestError"), row.path,
                      QStringLiteral("RECORD contains invalid %1 base64 nopad digest for '%2': '%3'")
                          .arg(row.algorithm, row.path, QString::fromUtf8(digestText)));
                rowOk = false;
            }
        }
        if (!size.isEmpty()) {
            qint64 value = -1;
            const auto [end, ec] = std::from_chars(size.data(), size.data() + size.size(), value);
            const bool ok = isDigits(size) && ec == std::errc() && end == size.data() + size.size();
            row.size = ok ? value : -1;
            if (!ok) {
                issue(QStringLiteral("MalformedSizeError"), row.path,
                      QStringLiteral("RECORD contains invalid size for '%1': '%2'").arg(row.path, QString::fromUtf8(size)));
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
    if (!data.contains('"')) {
        // No quoting (what writers produce): fields are the bytes between commas, line by line, read
        // in place. Line ends and row limit as parseCsv has them.
        const char *const all = data.constData();
        const qsizetype n = data.size();
        int line = 1;
        qsizetype records = 0;
        for (qsizetype i = 0; i < n;) {
            // The line ends at the first \n or \r (both found with memchr, which reads many bytes at once).
            const char *nl = static_cast<const char *>(std::memchr(all + i, '\n', size_t(n - i)));
            qsizetype end = nl ? nl - all : n;
            if (const void *cr = std::memchr(all + i, '\r', size_t(end - i)))
                end = static_cast<const char *>(cr) - all;
            const QByteArrayView rec(all + i, end - i);
            const bool lineBreak = end < n;
            if (!rec.isEmpty()) {
                QByteArrayView f[3];
                qsizetype count = 0, from = 0;
                while (true) {
                    const qsizetype comma = rec.indexOf(',', from);
                    const QByteArrayView field = rec.sliced(from, (comma < 0 ? rec.size() : comma) - from);
                    if (count < 3)
                        f[count] = field;
                    ++count;
                    if (comma < 0)
                        break;
                    from = comma + 1;
                }
                addRecord(line, count, pathOf ? pathOf(f[0]) : QString::fromUtf8(f[0]), f[1], f[2]);
                ++records;
            }
            if (!lineBreak)
                break;
            i = end + (all[end] == '\r' && end + 1 < n && all[end + 1] == '\n' ? 2 : 1);
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
        addRecord(rec.line, rec.fields.size(), rec.fields.value(0), rec.fields.value(1).toUtf8(), rec.fields.value(2).toUtf8());
    return rf;
}

} // namespace wb
