#pragma once

#include "core/binary/BinaryInfo.h"
#include "core/binary/Policy.h"
#include "core/wheel/Finding.h"
#include "core/wheel/HeaderFile.h"
#include "core/wheel/RepairPreview.h"
#include "core/wheel/WheelFilename.h"

#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

#include <atomic>
#include <functional>

namespace wb {

struct WheelFileEntry {
    QString path;
    qint64 size = 0;            // uncompressed, as the central directory declares
    qint64 compressedSize = 0;
    bool isDirectory = false;
    bool isSymlink = false;
    QString digest;             // "sha256=..." computed (empty with --quick)
};

struct RecordProblem {
    QString path;
    QString problem;   // message
    QString kind;      // RecordDigestMismatchError, FileMissingError, ExtraFileError, ... (see RecordFile.h)
};

// One row of RECORD or one member of the archive, with what verification found for it.
struct RecordEntry {
    enum class Status {
        Verified,           // in the archive, size and hash as RECORD says
        NotHashed,          // listed but not hashed: --quick, RECORD's own row, a row without a digest
        HashMismatch,
        SizeMismatch,
        Missing,            // listed in RECORD, not in the archive
        NotListed,          // in the archive, not in RECORD
        Invalid,            // the row itself is malformed (bad digest, no size and no hash, ...)
    };
    QString path;
    Status status = Status::NotHashed;
    QString recordDigest;   // as RECORD writes it ("sha256=..."), empty when none
    qint64 recordSize = -1; // as RECORD declares it, -1 when none
    qint64 archiveSize = -1; // -1: not in the archive
    QString problem;        // the problems' messages, "; "-joined (empty when fine)

    static QString statusName(Status s);   // "verified", "hash mismatch", "missing from the archive", ...
    bool isProblem() const { return status != Status::Verified && status != Status::NotHashed; }
};

struct RecordStatus {
    bool present = false;
    bool verified = false;     // contents were hashed (false with --quick or when unreadable)
    bool ok = false;           // present and no problems
    int rows = 0;
    QList<RecordProblem> problems;
    QList<RecordEntry> entries;   // every RECORD row (its order), then every member RECORD does not list
};

struct ExtensionReport {
    QString path;
    BinaryInfo binary;
    bool pythonModule = false;     // a Python extension module (else a bundled library)
    QString moduleName;            // from the path: pkg/_core.cpython-312-x86_64-linux-gnu.so -> _core
    QString pyinitExpected;        // PyInit__core
    bool pyinitFound = false;
    bool linksLibpython = false;
    bool abi3 = false;             // by suffix (.abi3.so) or import of python3.dll
    QStringList abi3NonStableCalls; // claimed abi3 (suffix or tag): undefined Py*/_Py* symbols outside the stable ABI
    QString suffix;                // ".cpython-312-x86_64-linux-gnu.so", ".abi3.so", ".pyd", ...
    qint64 sizeAfterStrip = 0;
    PolicyVerdict policy;          // Linux ELF only
    QMap<QString, QStringList> symbolVersions() const; // library -> versions (first slice)
};

struct WheelReport {
    static constexpr int schemaVersion = 1;
    QString file;                  // the path given
    qint64 fileSize = 0;
    bool readable = false;         // false: not a readable ZIP (exit code 2)
    bool cancelled = false;        // InspectOptions::cancel stopped verification: the report is incomplete
    QString unreadableReason;

    WheelFilename filename;
    QString name;                  // from METADATA, else the file name
    QString version;
    QString buildTag;
    QStringList tags;              // expanded from the file name
    QString distInfo;              // "foo-1.0.dist-info"
    HeaderFile wheel;              // WHEEL
    HeaderFile metadata;           // METADATA
    QList<EntryPoint> entryPoints;
    bool pyTyped = false;
    int stubFiles = 0;             // .pyi

    RecordStatus record;
    QList<WheelFileEntry> files;   // archive order
    qint64 totalSize = 0;
    qint64 totalCompressedSize = 0;
    QList<QPair<QString, qint64>> folderSizes;   // top-level folder -> uncompressed bytes, largest first

    QList<ExtensionReport> extensions;
    PolicyVerdict policy;          // whole wheel (Linux ELF wheels); empty family otherwise
    RepairPreview repair;          // what `auditwheel repair` would copy in on this machine (Linux ELF wheels)
    FindingList findings;

    int count(Finding::Severity s) const;
    bool hasErrors() const { return count(Finding::Severity::Error) > 0; }
    QString verdict() const;       // "ok", "warnings", "errors", "unreadable"
    // Members that fail the archive's own checks (CRC-32, declared size, readable data): Python's zipfile,
    // and so pip, refuse them whatever RECORD says.
    int archiveCheckFailures() const;
    QList<const WheelFileEntry *> largestFiles(int n) const;
};

struct InspectOptions {
    bool verifyHashes = true;      // false: --quick (structure only, no content read except metadata and binaries)
    int threads = 0;               // 0: automatic (up to 4)
    qint64 maxBinaryBytes = 160ll * 1024 * 1024; // larger native files are not parsed (keeps the peak under 256 MiB)
    bool recordRows = true;        // fill record.entries (every row with its status, for the window's RECORD tab)
    // Verification's progress, in compressed bytes read of all to read; called from worker threads.
    std::function<void(qint64 done, qint64 total)> progress;
    // Set from another thread to stop verification: the report then comes back with cancelled = true
    // and is incomplete (use the --quick report for what it shows).
    const std::atomic<bool> *cancel = nullptr;
    // A command that exits right after: the working state (every name, RECORD row and index) is left
    // for the process's end to release instead of being freed piece by piece (100,000 entries cost
    // about 40 M instructions to free).
    bool leaveStateAtExit = false;
};

// Reads a wheel without extracting it and says everything the inspector knows. Never throws, never
// crashes on hostile input; memory stays bounded.
WheelReport inspectWheel(const QString &path, const InspectOptions &options = {});

} // namespace wb
