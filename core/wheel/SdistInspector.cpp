// inspectSdist(): a source distribution read twice without extracting anything: KTar (KF6 Archive, with
// the compression filter the file name calls for) for the tree and the files' contents, and our own
// walk of the raw tar headers over KCompressionDevice for what KTar normalises away.
#include "core/wheel/SdistReport.h"
#include "core/wheel/TarWalk.h"

#include <KCompressionDevice>
#include <KTar>

#include <QFileInfo>
#include <QJsonArray>
#include <QRegularExpression>

#include <algorithm>

namespace wb {

namespace {

using S = Finding::Severity;
constexpr qint64 kMaxTextBytes = 16ll * 1024 * 1024;

QString normalizedName(QString n)
{
    static const QRegularExpression runs(QStringLiteral("[-_.]+"));
    return n.replace(runs, QStringLiteral("-")).toLower();
}

const KArchiveFile *fileAt(const KArchiveDirectory *root, const QString &path)
{
    const KArchiveEntry *e = root->entry(path);
    return e && e->isFile() ? static_cast<const KArchiveFile *>(e) : nullptr;
}

} // namespace

int SdistReport::count(Finding::Severity s) const
{
    return int(std::count_if(findings.begin(), findings.end(), [s](const Finding &f) { return f.severity == s; }));
}

QString SdistReport::verdict() const
{
    if (!readable)
        return QStringLiteral("unreadable");
    if (hasErrors())
        return QStringLiteral("errors");
    return count(Finding::Severity::Warning) > 0 ? QStringLiteral("warnings") : QStringLiteral("ok");
}

bool looksLikeSdist(const QString &path)
{
    const QString n = path.toLower();
    for (const char *s : {".tar.gz", ".tgz", ".tar.bz2", ".tar.xz", ".tar.zst", ".tar"})
        if (n.endsWith(QLatin1String(s)))
            return true;
    return false;
}

SdistReport inspectSdist(const QString &path)
{
    SdistReport rep;
    rep.file = path;
    rep.fileSize = QFileInfo(path).size();
    FindingList &F = rep.findings;

    // 1. Our own walk of the headers, over the decompressed stream.
    TarWalk walk;
    {
        KCompressionDevice stream(path);
        if (!stream.open(QIODevice::ReadOnly)) {
            rep.unreadableReason = QStringLiteral("cannot open the file: %1").arg(stream.errorString());
            addFinding(F, QStringLiteral("sdist.unreadable"), S::Error, rep.unreadableReason);
            return rep;
        }
        walk = TarWalk::walk(stream);
    }
    F += walk.findings;
    if (!walk.readable) {
        rep.unreadableReason = walk.error;
        addFinding(F, QStringLiteral("sdist.unreadable"), S::Error, walk.error);
        return rep;
    }
    // 2. KTar for the tree and the contents.
    KTar tar(path);
    if (!tar.open(QIODevice::ReadOnly)) {
        rep.unreadableReason = tar.errorString();
        addFinding(F, QStringLiteral("sdist.unreadable"), S::Error, QStringLiteral("KF6 Archive cannot read it: %1").arg(tar.errorString()));
        return rep;
    }
    rep.readable = true;
    const KArchiveDirectory *top = tar.directory();

    QStringList roots;
    for (const TarEntryRecord &e : std::as_const(walk.entries)) {
        QString p = e.name;
        if (p.startsWith(QLatin1String("./")))
            p = p.mid(2);
        const QString first = p.section(QLatin1Char('/'), 0, 0);
        if (!first.isEmpty() && !roots.contains(first) && (p.contains(QLatin1Char('/')) || e.type == '5'))
            roots.append(first);
        else if (!p.contains(QLatin1Char('/')) && e.type != '5' && !roots.contains(QStringLiteral("/")))
            roots.append(QStringLiteral("/")); // a file at the top level
        SdistFileEntry f;
        f.path = p;
        f.size = e.type == '0' || e.type == '7' ? e.size : 0;
        f.kind = e.type == '0' || e.type == '7' ? QStringLiteral("file")
            : e.type == '5'                     ? QStringLiteral("dir")
            : e.type == '2'                     ? QStringLiteral("symlink")
            : e.type == '1'                     ? QStringLiteral("hardlink")
                                                : QStringLiteral("other");
        f.linkTarget = e.linkTarget;
        rep.totalSize += f.size;
        if (f.kind == QLatin1String("file")) {
            const QString base = p.section(QLatin1Char('/'), -1);
            if (base == QLatin1String("Cargo.toml"))
                rep.cargoTomls.append(p);
            else if (base == QLatin1String("Cargo.lock"))
                rep.cargoLocks.append(p);
        }
        rep.files.append(f);
    }
    if (roots.size() == 1 && roots.first() != QLatin1String("/"))
        rep.root = roots.first();
    else
        addFinding(F, QStringLiteral("sdist.no-single-root"), S::Warning,
                   QStringLiteral("the archive does not hold exactly one top-level folder (PEP 625: {name}-{version}/)"));

    // 3. PKG-INFO and pyproject.toml at the root.
    const QString prefix = rep.root.isEmpty() ? QString() : rep.root + QLatin1Char('/');
    if (const KArchiveFile *pkg = fileAt(top, prefix + QStringLiteral("PKG-INFO"))) {
        rep.hasPkgInfo = true;
        if (pkg->size() > kMaxTextBytes) {
            addFinding(F, QStringLiteral("sdist.file-too-large"), S::Error, QStringLiteral("PKG-INFO is larger than %1 bytes").arg(kMaxTextBytes),
                       prefix + QStringLiteral("PKG-INFO"));
        } else {
            rep.pkgInfo = HeaderFile::parse(pkg->data());
            rep.name = rep.pkgInfo.value(QStringLiteral("Name"));
            rep.version = rep.pkgInfo.value(QStringLiteral("Version"));
            for (const QString &p : std::as_const(rep.pkgInfo.problems))
                addFinding(F, QStringLiteral("sdist.pkg-info-syntax"), S::Warning, p, prefix + QStringLiteral("PKG-INFO"));
            if (rep.name.isEmpty() || rep.version.isEmpty())
                addFinding(F, QStringLiteral("sdist.pkg-info-incomplete"), S::Error, QStringLiteral("PKG-INFO lacks Name or Version"),
                           prefix + QStringLiteral("PKG-INFO"));
        }
    } else {
        addFinding(F, QStringLiteral("sdist.no-pkg-info"), S::Error,
                   QStringLiteral("no PKG-INFO at the top of the archive: installers cannot tell name and version without building"));
    }
    rep.hasPyproject = fileAt(top, prefix + QStringLiteral("pyproject.toml")) != nullptr;
    if (!rep.hasPyproject)
        addFinding(F, QStringLiteral("sdist.no-pyproject"), S::Warning,
                   QStringLiteral("no pyproject.toml at the top: pip falls back to the legacy setup.py build"));
    if (!rep.cargoTomls.isEmpty() && rep.cargoLocks.isEmpty())
        addFinding(F, QStringLiteral("sdist.no-cargo-lock"), S::Warning,
                   QStringLiteral("Cargo.toml without Cargo.lock: builds from this sdist resolve crate versions anew"));

    // 4. The file name (PEP 625: {normalized_name}-{version}.tar.gz) against PKG-INFO.
    const QString base = QFileInfo(path).fileName();
    const QString lower = base.toLower();
    if (!lower.endsWith(QLatin1String(".tar.gz")))
        addFinding(F, QStringLiteral("sdist.filename-extension"), S::Info,
                   QStringLiteral("PEP 625 source distributions are .tar.gz; PyPI rejects other formats"));
    if (rep.name.isEmpty()) {
        const QString stem = base.left(base.indexOf(QLatin1String(".tar")) >= 0 ? base.indexOf(QLatin1String(".tar")) : base.lastIndexOf(QLatin1Char('.')));
        rep.name = stem.section(QLatin1Char('-'), 0, -2);
        rep.version = stem.section(QLatin1Char('-'), -1);
    } else {
        const QString expected = normalizedName(rep.name).replace(QLatin1Char('-'), QLatin1Char('_')) + QLatin1Char('-') + rep.version;
        const QString stem = base.left(base.indexOf(QLatin1String(".tar")));
        if (normalizedName(stem.section(QLatin1Char('-'), 0, -2)) != normalizedName(rep.name) || stem.section(QLatin1Char('-'), -1) != rep.version)
            addFinding(F, QStringLiteral("sdist.filename-mismatch"), S::Error,
                       QStringLiteral("the file name says '%1', PKG-INFO says %2 %3").arg(stem, rep.name, rep.version));
        else if (stem != expected)
            addFinding(F, QStringLiteral("sdist.filename-not-normalized"), S::Info,
                       QStringLiteral("PEP 625 names this file %1.tar.gz").arg(expected));
        if (!rep.root.isEmpty() && rep.root != stem)
            addFinding(F, QStringLiteral("sdist.root-mismatch"), S::Warning,
                       QStringLiteral("the top-level folder is '%1', the file name's stem '%2'").arg(rep.root, stem));
    }
    return rep;
}

QJsonObject toJson(const SdistReport &r)
{
    QJsonObject o;
    o.insert(QStringLiteral("schema_version"), SdistReport::schemaVersion);
    o.insert(QStringLiteral("kind"), QStringLiteral("sdist"));
    o.insert(QStringLiteral("file"), r.file);
    o.insert(QStringLiteral("file_size"), r.fileSize);
    o.insert(QStringLiteral("readable"), r.readable);
    if (!r.readable)
        o.insert(QStringLiteral("unreadable_reason"), r.unreadableReason);
    o.insert(QStringLiteral("verdict"), r.verdict());
    o.insert(QStringLiteral("name"), r.name);
    o.insert(QStringLiteral("version"), r.version);
    o.insert(QStringLiteral("root"), r.root.isEmpty() ? QJsonValue() : QJsonValue(r.root));
    QJsonObject pkg;
    for (const HeaderFile::Field &f : r.pkgInfo.fields) {
        if (pkg.contains(f.key)) {
            QJsonArray a = pkg.value(f.key).isArray() ? pkg.value(f.key).toArray() : QJsonArray{pkg.value(f.key)};
            a.append(f.value);
            pkg.insert(f.key, a);
        } else {
            pkg.insert(f.key, f.value);
        }
    }
    o.insert(QStringLiteral("pkg_info"), r.hasPkgInfo ? QJsonValue(pkg) : QJsonValue());
    o.insert(QStringLiteral("pyproject_toml"), r.hasPyproject);
    o.insert(QStringLiteral("cargo_toml"), QJsonArray::fromStringList(r.cargoTomls));
    o.insert(QStringLiteral("cargo_lock"), QJsonArray::fromStringList(r.cargoLocks));
    QJsonArray files;
    for (const SdistFileEntry &f : r.files) {
        QJsonObject fo{{QStringLiteral("path"), f.path}, {QStringLiteral("size"), f.size}, {QStringLiteral("kind"), f.kind}};
        if (!f.linkTarget.isEmpty())
            fo.insert(QStringLiteral("link_target"), f.linkTarget);
        files.append(fo);
    }
    o.insert(QStringLiteral("files"), files);
    o.insert(QStringLiteral("size"), QJsonObject{{QStringLiteral("uncompressed"), r.totalSize}});
    QJsonArray findings;
    for (const Finding &f : r.findings)
        findings.append(QJsonObject{{QStringLiteral("id"), f.id}, {QStringLiteral("severity"), Finding::severityName(f.severity)},
                                    {QStringLiteral("message"), f.message}, {QStringLiteral("path"), f.path.isEmpty() ? QJsonValue() : QJsonValue(f.path)}});
    o.insert(QStringLiteral("findings"), findings);
    return o;
}

} // namespace wb
