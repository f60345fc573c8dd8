#pragma once

#include "core/wheel/Finding.h"
#include "core/wheel/HeaderFile.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace wb {

struct SdistFileEntry {
    QString path;
    qint64 size = 0;
    QString kind;          // "file", "dir", "symlink", "hardlink", "other"
    QString linkTarget;
};

// What `wheelbench inspect` says about a source distribution (.tar.gz and the other tar flavours).
struct SdistReport {
    static constexpr int schemaVersion = 1;
    QString file;
    qint64 fileSize = 0;
    bool readable = false;
    QString unreadableReason;
    QString root;                  // the single top-level folder ("name-1.0"), empty when there is none
    QString name;                  // PKG-INFO, else the file name
    QString version;
    HeaderFile pkgInfo;
    bool hasPkgInfo = false;
    bool hasPyproject = false;     // <root>/pyproject.toml
    QStringList cargoTomls;        // every Cargo.toml (paths in the archive)
    QStringList cargoLocks;        // every Cargo.lock
    QList<SdistFileEntry> files;   // archive order
    qint64 totalSize = 0;
    FindingList findings;

    int count(Finding::Severity s) const;
    bool hasErrors() const { return count(Finding::Severity::Error) > 0; }
    QString verdict() const;       // "ok", "warnings", "errors", "unreadable"
};

bool looksLikeSdist(const QString &path);           // .tar.gz, .tgz, .tar.bz2, .tar.xz, .tar.zst, .tar
SdistReport inspectSdist(const QString &path);      // KTar (with its compression filter) + our own header walk
QJsonObject toJson(const SdistReport &report);

} // namespace wb
