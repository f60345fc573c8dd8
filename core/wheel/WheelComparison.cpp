#include "core/wheel/WheelComparison.h"

#include <QHash>
#include <QJsonArray>
#include <QSet>

namespace wb {

WheelComparison WheelComparison::compare(const WheelReport &a, const WheelReport &b)
{
    WheelComparison c;
    QHash<QString, const WheelFileEntry *> fa, fb;
    for (const WheelFileEntry &f : a.files)
        if (!f.isDirectory)
            fa.insert(f.path, &f);
    for (const WheelFileEntry &f : b.files)
        if (!f.isDirectory)
            fb.insert(f.path, &f);
    for (const WheelFileEntry &f : a.files) {
        if (f.isDirectory)
            continue;
        const WheelFileEntry *o = fb.value(f.path);
        if (!o)
            c.removed.append({f.path, f.size, -1});
        else if (f.path.endsWith(QLatin1String(".dist-info/RECORD")))
            continue; // follows from the other changes
        else if (f.size != o->size || (!f.digest.isEmpty() && !o->digest.isEmpty() && f.digest != o->digest))
            c.changed.append({f.path, f.size, o->size});
    }
    for (const WheelFileEntry &f : b.files)
        if (!f.isDirectory && !fa.contains(f.path))
            c.added.append({f.path, -1, f.size});
    const QSet<QString> ta(a.tags.begin(), a.tags.end()), tb(b.tags.begin(), b.tags.end());
    for (const QString &t : b.tags)
        if (!ta.contains(t))
            c.tagsAdded.append(t);
    for (const QString &t : a.tags)
        if (!tb.contains(t))
            c.tagsRemoved.append(t);
    QStringList keys;
    for (const HeaderFile::Field &f : a.metadata.fields)
        if (!keys.contains(f.key))
            keys.append(f.key);
    for (const HeaderFile::Field &f : b.metadata.fields)
        if (!keys.contains(f.key))
            keys.append(f.key);
    for (const QString &k : keys) {
        const QString va = a.metadata.values(k).join(QStringLiteral("; ")), vb = b.metadata.values(k).join(QStringLiteral("; "));
        if (va != vb)
            c.metadataChanges.append({k, {va, vb}});
    }
    c.sizeDelta = b.totalSize - a.totalSize;
    c.fileSizeDelta = b.fileSize - a.fileSize;
    c.policyA = a.policy.policy;
    c.policyB = b.policy.policy;
    return c;
}

QJsonObject WheelComparison::toJson(const WheelReport &a, const WheelReport &b) const
{
    auto changes = [](const QList<Change> &l) {
        QJsonArray arr;
        for (const Change &ch : l) {
            QJsonObject o{{QStringLiteral("path"), ch.path}};
            if (ch.sizeA >= 0)
                o.insert(QStringLiteral("size_a"), ch.sizeA);
            if (ch.sizeB >= 0)
                o.insert(QStringLiteral("size_b"), ch.sizeB);
            if (ch.sizeA >= 0 && ch.sizeB >= 0)
                o.insert(QStringLiteral("size_delta"), ch.sizeB - ch.sizeA);
            arr.append(o);
        }
        return arr;
    };
    QJsonArray md;
    for (const auto &m : metadataChanges)
        md.append(QJsonObject{{QStringLiteral("field"), m.first}, {QStringLiteral("a"), m.second.first}, {QStringLiteral("b"), m.second.second}});
    return {{QStringLiteral("schema_version"), 1},
            {QStringLiteral("a"), a.file},
            {QStringLiteral("b"), b.file},
            {QStringLiteral("added"), changes(added)},
            {QStringLiteral("removed"), changes(removed)},
            {QStringLiteral("changed"), changes(changed)},
            {QStringLiteral("tags_added"), QJsonArray::fromStringList(tagsAdded)},
            {QStringLiteral("tags_removed"), QJsonArray::fromStringList(tagsRemoved)},
            {QStringLiteral("metadata_changes"), md},
            {QStringLiteral("size_delta"), sizeDelta},
            {QStringLiteral("file_size_delta"), fileSizeDelta},
            {QStringLiteral("policy_a"), policyA.isEmpty() ? QJsonValue() : QJsonValue(policyA)},
            {QStringLiteral("policy_b"), policyB.isEmpty() ? QJsonValue() : QJsonValue(policyB)}};
}

} // namespace wb
