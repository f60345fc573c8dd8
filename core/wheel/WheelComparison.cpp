#include "core/wheel/WheelComparison.h"

#include <QHash>
#include <QJsonArray>
#include <QMap>
#include <QSet>

#include <algorithm>

namespace wb {

namespace {

// "foo/bar.py" -> "foo/"; "" for a file at the top.
QString topFolder(const QString &path)
{
    const qsizetype slash = path.indexOf(QLatin1Char('/'));
    return slash < 0 ? QString() : path.left(slash + 1);
}

enum class FolderKind { DistInfo, Data, Package };

FolderKind kindOf(const QString &folder)
{
    if (folder.endsWith(QLatin1String(".dist-info/")))
        return FolderKind::DistInfo;
    if (folder.endsWith(QLatin1String(".data/")))
        return FolderKind::Data;
    return FolderKind::Package;
}

bool changedContent(const WheelFileEntry &f, const WheelFileEntry &o)
{
    return f.size != o.size || (!f.digest.isEmpty() && !o.digest.isEmpty() && f.digest != o.digest);
}

} // namespace

QList<QPair<QString, QString>> WheelComparison::pairRenamedFolders(const QStringList &onlyA, const QStringList &onlyB)
{
    // Folder -> the paths below it.
    auto group = [](const QStringList &paths) {
        QMap<QString, QSet<QString>> out;
        for (const QString &p : paths) {
            const QString top = topFolder(p);
            if (!top.isEmpty())
                out[top].insert(p.mid(top.size()));
        }
        return out;
    };
    const QMap<QString, QSet<QString>> ga = group(onlyA), gb = group(onlyB);
    struct Candidate {
        QString a, b;
        qsizetype common = 0;
    };
    QList<Candidate> candidates;
    for (auto ia = ga.constBegin(); ia != ga.constEnd(); ++ia) {
        for (auto ib = gb.constBegin(); ib != gb.constEnd(); ++ib) {
            if (kindOf(ia.key()) != kindOf(ib.key()))
                continue;
            qsizetype common = 0;
            for (const QString &rel : ia.value())
                common += ib.value().contains(rel) ? 1 : 0;
            // The one .dist-info (or .data) of each wheel always pairs; packages pair when at least
            // half of the smaller one's files are found again below the other.
            const bool single = kindOf(ia.key()) != FolderKind::Package;
            if (common > 0 && (single || 2 * common >= std::min(ia.value().size(), ib.value().size())))
                candidates.append({ia.key(), ib.key(), common});
        }
    }
    std::stable_sort(candidates.begin(), candidates.end(), [](const Candidate &x, const Candidate &y) { return x.common > y.common; });
    QList<QPair<QString, QString>> pairs;
    QSet<QString> usedA, usedB;
    for (const Candidate &c : std::as_const(candidates)) {
        if (usedA.contains(c.a) || usedB.contains(c.b))
            continue;
        usedA.insert(c.a);
        usedB.insert(c.b);
        pairs.append({c.a, c.b});
    }
    std::sort(pairs.begin(), pairs.end());
    return pairs;
}

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
    // Folders only one side has: renamed, if their contents say so.
    QSet<QString> topsA, topsB;
    for (const WheelFileEntry &f : a.files)
        topsA.insert(topFolder(f.path));
    for (const WheelFileEntry &f : b.files)
        topsB.insert(topFolder(f.path));
    QStringList onlyA, onlyB;
    for (const WheelFileEntry &f : a.files)
        if (!f.isDirectory && !topFolder(f.path).isEmpty() && !topsB.contains(topFolder(f.path)))
            onlyA.append(f.path);
    for (const WheelFileEntry &f : b.files)
        if (!f.isDirectory && !topFolder(f.path).isEmpty() && !topsA.contains(topFolder(f.path)))
            onlyB.append(f.path);
    c.renamedFolders = pairRenamedFolders(onlyA, onlyB);
    QHash<QString, QString> renamedTo;
    for (const auto &p : std::as_const(c.renamedFolders))
        renamedTo.insert(p.first, p.second);

    QSet<QString> pairedInB;
    for (const WheelFileEntry &f : a.files) {
        if (f.isDirectory)
            continue;
        QString pathB = f.path;
        const QString top = topFolder(f.path);
        if (renamedTo.contains(top))
            pathB = renamedTo.value(top) + f.path.mid(top.size());
        const WheelFileEntry *o = fb.value(pathB);
        if (!o) {
            c.removed.append({f.path, f.size, -1, {}, true});
            continue;
        }
        pairedInB.insert(pathB);
        if (f.path.endsWith(QLatin1String(".dist-info/RECORD")))
            continue; // follows from the other changes
        const bool content = changedContent(f, *o);
        if (pathB != f.path || content)
            c.changed.append({f.path, f.size, o->size, pathB == f.path ? QString() : pathB, content});
    }
    for (const WheelFileEntry &f : b.files)
        if (!f.isDirectory && !pairedInB.contains(f.path))
            c.added.append({f.path, -1, f.size, {}, true});
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
            if (!ch.pathB.isEmpty()) {
                o.insert(QStringLiteral("path_b"), ch.pathB);
                o.insert(QStringLiteral("content_changed"), ch.contentChanged);
            }
            arr.append(o);
        }
        return arr;
    };
    QJsonArray renamed;
    for (const auto &r : renamedFolders)
        renamed.append(QJsonObject{{QStringLiteral("a"), r.first}, {QStringLiteral("b"), r.second}});
    QJsonArray md;
    for (const auto &m : metadataChanges)
        md.append(QJsonObject{{QStringLiteral("field"), m.first}, {QStringLiteral("a"), m.second.first}, {QStringLiteral("b"), m.second.second}});
    return {{QStringLiteral("schema_version"), 1},
            {QStringLiteral("a"), a.file},
            {QStringLiteral("b"), b.file},
            {QStringLiteral("added"), changes(added)},
            {QStringLiteral("removed"), changes(removed)},
            {QStringLiteral("changed"), changes(changed)},
            {QStringLiteral("renamed_folders"), renamed},
            {QStringLiteral("tags_added"), QJsonArray::fromStringList(tagsAdded)},
            {QStringLiteral("tags_removed"), QJsonArray::fromStringList(tagsRemoved)},
            {QStringLiteral("metadata_changes"), md},
            {QStringLiteral("size_delta"), sizeDelta},
            {QStringLiteral("file_size_delta"), fileSizeDelta},
            {QStringLiteral("policy_a"), policyA.isEmpty() ? QJsonValue() : QJsonValue(policyA)},
            {QStringLiteral("policy_b"), policyB.isEmpty() ? QJsonValue() : QJsonValue(policyB)}};
}

} // namespace wb
