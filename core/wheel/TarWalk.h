#pragma once

#include "core/wheel/Finding.h"

#include <QByteArray>
#include <QList>
#include <QString>

class QIODevice;

namespace wb {

// One member of a tar stream as its headers state it (GNU long names and pax paths applied).
struct TarEntryRecord {
    QByteArray rawName;
    QString name;
    char type = '0';          // '0' file, '5' directory, '2' symlink, '1' hard link, '3'/'4'/'6' devices, fifo
    qint64 size = 0;
    QString linkTarget;       // symlinks and hard links
};

// Our own walk of the tar headers over the (already decompressed) stream: what KTar does not say or
// quietly normalises (raw names with '..' or a leading '/', links pointing outside the tree, device
// files, checksum errors, truncation). Reads the stream once; memory stays bounded.
struct TarWalk {
    bool readable = false;
    QString error;
    QList<TarEntryRecord> entries;
    FindingList findings;

    static TarWalk walk(QIODevice &stream, qsizetype maxEntries = 250000);
};

} // namespace wb
