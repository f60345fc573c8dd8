#pragma once

#include "core/wheel/SdistReport.h"
#include "core/wheel/WheelReport.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <atomic>

namespace wb {

// One file of a release: a wheel or an sdist, read by the wheel/sdist inspectors.
struct ReleaseFile {
    enum class Kind { Wheel, Sdist };
    Kind kind = Kind::Wheel;
    QString path;
    QString fileName;
    qint64 size = 0;
    QString sha256;            // of the whole file (duplicates)
    WheelReport wheel;         // Kind::Wheel
    SdistReport sdist;         // Kind::Sdist
    QByteArray sdistPyproject; // <root>/pyproject.toml of an sdist (up to 1 MiB)
    QByteArray sdistCargoToml; // the Cargo.toml nearest the root of an sdist
    QString sdistCargoTomlPath;

    bool isWheel() const { return kind == Kind::Wheel; }
    bool readable() const { return isWheel() ? wheel.readable : sdist.readable; }
    QString name() const { return isWheel() ? wheel.name : sdist.name; }
    QString version() const { return isWheel() ? wheel.version : sdist.version; }
    const HeaderFile &metadata() const { return isWheel() ? wheel.metadata : sdist.pkgInfo; }
};

// The files a CI run produced for one release (what `twine upload dist/*` would send), read from
// folders (recursively: download-artifact often leaves one folder per job) or single files.
struct ReleaseSet {
    QStringList inputs;
    QList<ReleaseFile> files;  // sorted by file name
    QStringList ignored;       // other files found in the folders (signatures, logs, ...)
    QStringList missing;       // inputs that do not exist
    bool cancelled = false;

    // Reads every .whl and sdist under PATHS. CANCEL (may be null) is polled between files.
    static ReleaseSet read(const QStringList &paths, const std::atomic_bool *cancel = nullptr);
    static bool isReleaseFile(const QString &fileName);  // .whl or an sdist flavour
    QList<const ReleaseFile *> wheels() const;
    QList<const ReleaseFile *> sdists() const;
    bool isEmpty() const { return files.isEmpty(); }
};

} // namespace wb
