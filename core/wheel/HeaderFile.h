#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

namespace wb {

// An RFC 822 style header block as used by METADATA and WHEEL: "Key: value" lines, continuation lines
// starting with whitespace, an optional body after the first empty line. Keys keep their order and
// may repeat (Classifier, Requires-Dist, Tag, ...).
struct HeaderFile {
    struct Field {
        int line = 0;
        QString key;
        QString value;
    };
    QList<Field> fields;
    QString body;
    QStringList problems; // "line N: ..." for lines that are not headers

    static HeaderFile parse(const QByteArray &data);
    QString value(const QString &key) const;       // first value, case-insensitive key
    QStringList values(const QString &key) const;  // every value
    bool contains(const QString &key) const;
};

// entry_points.txt: INI sections of name = object.reference [extras].
struct EntryPoint {
    QString group;
    QString name;
    QString value;
};
struct EntryPoints {
    QList<EntryPoint> entries;
    QStringList problems;
    static EntryPoints parse(const QByteArray &data);
};

} // namespace wb
