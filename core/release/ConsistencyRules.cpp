#include "core/release/ConsistencyRules.h"

#include "core/common/Counted.h"
#include "core/release/ProjectDeclaration.h"
#include "core/release/ReleaseSet.h"

#include <QHash>
#include <QDir>
#include <QMap>
#include <QSet>

namespace wb {

namespace {

using S = Finding::Severity;
using C = ReleaseFinding::Category;

ReleaseFinding warn(const QString &id, const QString &message, const QString &file, const char *source)
{
    return {id, S::Warning, C::Consistency, message, file, QString::fromLatin1(source)};
}

// Groups KEYS (one per wheel) and returns the value most wheels share.
template <typename T>
T commonValue(const QList<T> &values)
{
    QMap<T, int> counts;
    for (const T &v : values)
        ++counts[v];
    T best;
    int n = -1;
    for (auto it = counts.constBegin(); it != counts.constEnd(); ++it)
        if (it.value() > n) {
            best = it.key();
            n = it.value();
        }
    return best;
}

QString fieldsText(const HeaderFile &m, const QString &key)
{
    return m.values(key).join(QStringLiteral(" | "));
}

bool isNativeFile(const QString &path)
{
    const QString base = path.section(u'/', -1).toLower();
    return base.endsWith(QLatin1String(".so")) || base.contains(QLatin1String(".so.")) || base.endsWith(QLatin1String(".pyd"))
        || base.endsWith(QLatin1String(".dll")) || base.endsWith(QLatin1String(".dylib"));
}

} // namespace

bool ConsistencyRules::isPlatformField(const QString &key)
{
    const QString k = key.toLower();
    return k == QLatin1String("platform") || k == QLatin1String("supported-platform");
}

ReleaseFindingList ConsistencyRules::metadata(const ReleaseSet &set)
{
    ReleaseFindingList out;
    QList<const ReleaseFile *> wheels;
    for (const ReleaseFile *w : set.wheels())
        if (w->readable())
            wheels.append(w);
    if (wheels.size() < 2)
        return out;
    QStringList keys;
    for (const ReleaseFile *w : std::as_const(wheels))
        for (const HeaderFile::Field &f : w->metadata().fields)
            if (!isPlatformField(f.key) && !keys.contains(f.key))
                keys.append(f.key);
    keys.append(QStringLiteral("(description)"));
    for (const QString &key : std::as_const(keys)) {
        QStringList values;
        for (const ReleaseFile *w : std::as_const(wheels))
            values.append(key == QLatin1String("(description)") ? w->metadata().body.trimmed() : fieldsText(w->metadata(), key));
        const QString common = commonValue(values);
        const int agree = int(values.count(common));
        for (int i = 0; i < wheels.size(); ++i) {
            if (values.at(i) == common)
                continue;
            const auto shown = [](const QString &v) { return v.isEmpty() ? QStringLiteral("(absent)") : QStringLiteral("'%1'").arg(v.left(120).simplified()); };
            if (QString(values.at(i)).remove(u'\r') == QString(common).remove(u'\r')) {
                out.append(warn(QStringLiteral("consistency.metadata"),
                                QStringLiteral("METADATA %1 differs from %2 only in line endings (CRLF: a Windows checkout with "
                                               "git's core.autocrlf)").arg(key, counted(agree, "other wheel", "other wheels")),
                                wheels.at(i)->fileName, rule_source::consistency));
                continue;
            }
            out.append(warn(QStringLiteral("consistency.metadata"),
                            QStringLiteral("METADATA %1 differs: %2 here, %3 in %4")
                                .arg(key, shown(values.at(i)), shown(common), counted(agree, "other wheel", "other wheels")),
                            wheels.at(i)->fileName, rule_source::consistency));
        }
    }
    // The sdist's PKG-INFO against the wheels, on the fields a resolver reads.
    for (const ReleaseFile *s : set.sdists()) {
        if (!s->readable())
            continue;
        for (const char *k : {"Name", "Version", "Requires-Python", "Requires-Dist", "License-Expression"}) {
            const QString key = QString::fromLatin1(k);
            const QString sv = fieldsText(s->metadata(), key);
            QStringList values;
            for (const ReleaseFile *w : std::as_const(wheels))
                values.append(fieldsText(w->metadata(), key));
            const QString wv = commonValue(values);
            if (!wheels.isEmpty() && sv != wv && !(key == QLatin1String("Name") && normalizeProjectName(sv) == normalizeProjectName(wv)))
                out.append(warn(QStringLiteral("consistency.sdist-metadata"),
                                QStringLiteral("PKG-INFO %1 is '%2', the wheels' METADATA '%3'").arg(key, sv, wv), s->fileName, rule_source::consistency));
        }
    }
    return out;
}

ReleaseFindingList ConsistencyRules::pureFiles(const ReleaseSet &set)
{
    ReleaseFindingList out;
    QList<const ReleaseFile *> wheels;
    QList<QMap<QString, QString>> pure; // path -> digest
    for (const ReleaseFile *w : set.wheels()) {
        if (!w->readable())
            continue;
        QSet<QString> extensions;
        for (const ExtensionReport &x : w->wheel.extensions)
            extensions.insert(x.path);
        QMap<QString, QString> files;
        for (const WheelFileEntry &e : w->wheel.files) {
            const QString top = e.path.section(u'/', 0, 0);
            if (e.isDirectory || extensions.contains(e.path) || isNativeFile(e.path) || top.endsWith(QLatin1String(".dist-info"))
                || top.endsWith(QLatin1String(".libs")) || top.endsWith(QLatin1String(".data")))
                continue;
            files.insert(e.path, e.digest);
        }
        wheels.append(w);
        pure.append(files);
    }
    if (wheels.size() < 2)
        return out;
    // Each path's usual digest (or absence) across the wheels; a wheel that differs is named.
    QSet<QString> paths;
    for (const auto &m : std::as_const(pure))
        for (auto it = m.constBegin(); it != m.constEnd(); ++it)
            paths.insert(it.key());
    QList<QString> sorted(paths.begin(), paths.end());
    std::sort(sorted.begin(), sorted.end());
    QHash<int, QStringList> missing, extra, changed;
    for (const QString &p : std::as_const(sorted)) {
        QStringList values;
        for (const auto &m : std::as_const(pure))
            values.append(m.contains(p) ? m.value(p) + QStringLiteral("#") : QString());
        const QString common = commonValue(values);
        for (int i = 0; i < wheels.size(); ++i) {
            if (values.at(i) == common)
                continue;
            if (values.at(i).isEmpty())
                missing[i].append(p);
            else if (common.isEmpty())
                extra[i].append(p);
            else
                changed[i].append(p);
        }
    }
    for (int i = 0; i < wheels.size(); ++i) {
        const auto list = [](const QStringList &l) { return l.mid(0, 5).join(QStringLiteral(", ")) + (l.size() > 5 ? QStringLiteral(", …") : QString()); };
        if (!missing.value(i).isEmpty())
            out.append(warn(QStringLiteral("consistency.pure-missing"),
                            QStringLiteral("%1 the other wheels have %2 missing: %3")
                                .arg(counted(missing.value(i).size(), "Python file", "Python files"),
                                     missing.value(i).size() == 1 ? QStringLiteral("is") : QStringLiteral("are"), list(missing.value(i))),
                            wheels.at(i)->fileName, rule_source::consistency));
        if (!extra.value(i).isEmpty())
            out.append(warn(QStringLiteral("consistency.pure-extra"),
                            QStringLiteral("%1 only this wheel has: %2").arg(counted(extra.value(i).size(), "file", "files"), list(extra.value(i))),
                            wheels.at(i)->fileName, rule_source::consistency));
        if (!changed.value(i).isEmpty())
            out.append(warn(QStringLiteral("consistency.pure-changed"),
                            QStringLiteral("%1 from the other wheels' (another checkout, a generated file, or line "
                                           "endings: git's core.autocrlf makes them CRLF on Windows runners): %2")
                                .arg(counted(changed.value(i).size(), "Python file differs", "Python files differ"), list(changed.value(i))),
                            wheels.at(i)->fileName, rule_source::consistency));
    }
    return out;
}

ReleaseFindingList ConsistencyRules::stripping(const ReleaseSet &set)
{
    ReleaseFindingList out;
    QStringList stripped, unstripped;
    for (const ReleaseFile *w : set.wheels()) {
        bool any = false, all = true;
        for (const ExtensionReport &x : w->wheel.extensions) {
            if (!x.pythonModule)
                continue;
            any = true;
            all = all && x.binary.stripped;
        }
        if (any)
            (all ? stripped : unstripped).append(w->fileName);
    }
    if (stripped.isEmpty() || unstripped.isEmpty())
        return out;
    for (const QString &f : std::as_const(unstripped))
        out.append(warn(QStringLiteral("consistency.strip"),
                        QStringLiteral("extensions here are not stripped, in %1 they are: a build setting differs between the CI "
                                       "jobs (set `strip = true` in [tool.maturin] or [profile.release])")
                            .arg(counted(stripped.size(), "other wheel", "other wheels")),
                        f, rule_source::consistency));
    return out;
}

ReleaseFindingList ConsistencyRules::suffixes(const ReleaseSet &set)
{
    ReleaseFindingList out;
    static const QStringList ids = {QStringLiteral("extension.suffix-mismatch"), QStringLiteral("extension.abi3-untagged"),
                                    QStringLiteral("extension.abi3-violation")};
    for (const ReleaseFile *w : set.wheels()) {
        for (const Finding &f : w->wheel.findings) {
            if (!ids.contains(f.id))
                continue;
            ReleaseFinding r = warn(QStringLiteral("consistency.abi-tags"),
                                    QStringLiteral("%1: %2 (tags %3)").arg(f.path, f.message, w->wheel.tags.join(QLatin1Char(' '))), w->fileName,
                                    rule_source::pep425);
            out.append(r);
        }
    }
    return out;
}

ReleaseFindingList ConsistencyRules::sdistContents(const ReleaseSet &set, const ProjectDeclaration &project, QStringList *fatal)
{
    ReleaseFindingList out;
    const QList<const ReleaseFile *> sdists = set.sdists();
    if (sdists.isEmpty() || !sdists.first()->readable())
        return out;
    const ReleaseFile &s = *sdists.first();
    const QString prefix = s.sdist.root.isEmpty() ? QString() : s.sdist.root + QLatin1Char('/');
    QStringList files;
    for (const SdistFileEntry &e : s.sdist.files)
        if (e.kind == QLatin1String("file") || e.kind == QLatin1String("symlink"))
            files.append(e.path);
    const auto lacks = [&](const QString &what, const QString &why, bool isFatal) {
        out.append(warn(QStringLiteral("consistency.sdist-contents"), QStringLiteral("the sdist has no %1: %2").arg(what, why), s.fileName,
                        rule_source::maturinSdist));
        if (isFatal && fatal)
            fatal->append(what);
    };
    if (!s.sdist.hasPyproject)
        lacks(QStringLiteral("pyproject.toml"), QStringLiteral("pip cannot tell it is a maturin project"), true);
    if (s.sdist.cargoTomls.isEmpty()) {
        lacks(QStringLiteral("Cargo.toml"), QStringLiteral("there is no crate to build"), true);
    } else {
        // The crate sources: a src/ folder beside one of the manifests.
        bool sources = false;
        for (const QString &toml : s.sdist.cargoTomls) {
            const QString dir = toml.section(u'/', 0, -2);
            const QString srcDir = (dir.isEmpty() ? QString() : dir + QLatin1Char('/')) + QStringLiteral("src/");
            for (const QString &f : std::as_const(files))
                sources = sources || (f.startsWith(srcDir) && f.endsWith(QLatin1String(".rs")));
        }
        if (!sources)
            lacks(QStringLiteral("crate sources (src/*.rs beside a Cargo.toml)"), QStringLiteral("cargo has nothing to compile"), true);
    }
    if (s.sdist.cargoLocks.isEmpty())
        lacks(QStringLiteral("Cargo.lock"), QStringLiteral("a build from it resolves every crate anew (newer, possibly incompatible versions; "
                                                          "`cargo build --locked` fails)"), false);
    if (!project.pythonSource.isEmpty()) {
        const QString dir = prefix + QDir::cleanPath(project.pythonSource) + QLatin1Char('/');
        bool found = false;
        for (const QString &f : std::as_const(files))
            found = found || f.startsWith(dir);
        if (!found)
            lacks(QStringLiteral("%1/ (python-source)").arg(project.pythonSource),
                  QStringLiteral("pyproject.toml sets python-source, the Python package would be missing from wheels built from it"), true);
    }
    // (With Metadata-Version 2.4 the upload rule reports a missing License-File already.)
    const bool pep639 = s.metadata().value(QStringLiteral("Metadata-Version")) == QLatin1String("2.4");
    for (const QString &lf : s.metadata().values(QStringLiteral("License-File"))) {
        if (!pep639 && !files.contains(prefix + lf))
            lacks(QStringLiteral("%1 (License-File)").arg(lf), QStringLiteral("PKG-INFO lists it"), false);
    }
    return out;
}

ReleaseFindingList ConsistencyRules::check(const ReleaseSet &set, const ProjectDeclaration &project)
{
    ReleaseFindingList out = metadata(set);
    out += pureFiles(set);
    out += stripping(set);
    out += suffixes(set);
    out += sdistContents(set, project);
    return out;
}

} // namespace wb
