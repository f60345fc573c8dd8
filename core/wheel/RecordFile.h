#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

namespace wb {

// One row of a RECORD file: path,algorithm=urlsafe-b64-nopad-digest,size
struct RecordRow {
    int line = 0;
    QString path;
    QString algorithm;   // "sha256", ... (empty when no hash)
    QByteArray digest;   // raw bytes (decoded)
    qint64 size = -1;    // -1 when absent
    // The digest as written: only the canonical spelling is accepted, so it is the encoding of `digest`.
    QString digestText() const;
};

// A problem with RECORD itself (not yet with the archive). `kind` mirrors the error taxonomy of
// wheel-inspect: RecordLengthError, EmptyPathError, NonNormalizedPathError, AbsolutePathError,
// UnknownDigestError, WeakDigestError, MalformedDigestError, MalformedSizeError, EmptyDigestError,
// EmptySizeError, RecordConflictError, CsvError.
struct RecordIssue {
    int line = 0;
    QString kind;
    QString path;
    QString message;
};

struct RecordFile {
    QList<RecordRow> rows;
    QList<RecordIssue> issues;

    // Parses CSV as Python's csv.reader does by default (',' delimiter, '"' quoting with "" escapes,
    // \n or \r\n line ends). Bounded: stops after maxRows rows.
    // `pathOf`, when given, turns a row's path bytes into the path (a caller that already holds the
    // same names shares them instead of decoding each again); it must decode as UTF-8 does.
    using PathOf = std::function<QString(QByteArrayView utf8)>;
    static RecordFile parse(const QByteArray &data, qsizetype maxRows = 1000000, const PathOf &pathOf = {});
    // Digest size in bytes for an algorithm name, 0 when unknown; weak ones (md5, sha1) are known.
    static int digestSize(const QString &algorithm);
    static bool isWeak(const QString &algorithm);
};

// The CSV splitter used by parse(), exposed for tests and fuzzing. Each record with its 1-based line.
struct CsvRecord {
    int line = 0;
    QStringList fields;
};
QList<CsvRecord> parseCsv(const QByteArray &data, qsizetype maxRows, QString *error);

QByteArray urlsafeB64NoPad(const QByteArray &raw);

} // namespace wb
