#pragma once

#include <QString>
#include <QStringList>

namespace wb {

// A wheel file name per PEP 427: {distribution}-{version}(-{build tag})?-{python}-{abi}-{platform}.whl
// Each tag component may be a compressed set ("py2.py3"); expandedTags() is their cartesian product.
struct WheelFilename {
    bool valid = false;
    QString error;        // why it is not valid
    QString distribution; // as written
    QString version;
    QString buildTag;     // empty when absent
    QStringList pythonTags;
    QStringList abiTags;
    QStringList platformTags;

    static WheelFilename parse(const QString &fileName); // a file name or a path
    QStringList expandedTags() const;                    // "py3-none-any", ...
    // Build tag sort key: (leading number, rest); a missing tag sorts first.
    int buildNumber() const;
};

// PEP 503 normalisation (runs of -_. to '-', lower case) and the wheel-filename escaped form ('_').
QString normalizeProjectName(const QString &name);
QString escapeProjectName(const QString &name);
// Expands "a.b-c-d.e" style compressed tag sets; returns empty on malformed input.
QStringList expandTagSet(const QString &compressed);

} // namespace wb
