#include "core/release/ReleaseSet.h"

#include <KTar>

#include <QCryptographicHash>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>

#include <algorithm>

namespace wb {

namespace {

constexpr qint64 kMaxMemberBytes = 1024 * 1024;

QString fileSha256(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    QCryptographicHash h(QCryptographicHash::Sha256);
    h.addData(&f);
    return QString::fromLatin1(h.result().toHex());
}

QByteArray member(const KArchiveDirectory *top, const QString &path)
{
    const KArchiveEntry *e = top->entry(path);
    if (!e || !e->isFile())
        return {};
    const auto *f = static_cast<const KArchiveFile *>(e);
    return f->size() > kMaxMemberBytes ? QByteArray() : f->data();
}

// The two build files the release check reads from an sdist: pyproject.toml at the root and the
// shallowest Cargo.toml (the inspector has already listed them; here only their text is read).
void readSdistSources(ReleaseFile &rf)
{
    KTar tar(rf.path);
    if (!tar.open(QIODevice::ReadOnly))
        return;
    const QString prefix = rf.sdist.root.isEmpty() ? QString() : rf.sdist.root + QLatin1Char('/');
    rf.sdistPyproject = member(tar.directory(), prefix + QStringLiteral("pyproject.toml"));
    QStringList tomls = rf.sdist.cargoTomls;
    std::sort(tomls.begin(), tomls.end(), [](const QString &a, const QString &b) { return a.count(u'/') < b.count(u'/'); });
    if (!tomls.isEmpty()) {
        rf.sdistCargoTomlPath = tomls.first();
        rf.sdistCargoToml = member(tar.directory(), tomls.first());
    }
}

} // namespace

bool ReleaseSet::isReleaseFile(const QString &fileName)
{
    return fileName.endsWith(QLatin1String(".whl"), Qt::CaseInsensitive) || looksLikeSdist(fileName);
}

ReleaseSet ReleaseSet::read(const QStringList &paths, const std::atomic_bool *cancel)
{
    ReleaseSet set;
    set.inputs = paths;
    QStringList candidates;
    for (const QString &p : paths) {
        const QFileInfo info(p);
        if (info.isDir()) {
            QDirIterator it(p, QDir::Files | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
            while (it.hasNext()) {
                const QString f = it.next();
                (isReleaseFile(QFileInfo(f).fileName()) ? candidates : set.ignored).append(f);
            }
        } else if (info.isFile()) {
            candidates.append(p);
        } else {
            set.missing.append(p);
        }
    }
    for (const QString &path : std::as_const(candidates)) {
        if (cancel && cancel->load()) {
            set.cancelled = true;
            break;
        }
        ReleaseFile rf;
        rf.path = path;
        rf.fileName = QFileInfo(path).fileName();
        rf.size = QFileInfo(path).size();
        rf.sha256 = fileSha256(path);
        if (looksLikeSdist(rf.fileName)) {
            rf.kind = ReleaseFile::Kind::Sdist;
            rf.sdist = inspectSdist(path);
            if (rf.sdist.readable)
                readSdistSources(rf);
        } else {
            rf.wheel = inspectWheel(path);
        }
        set.files.append(rf);
    }
    std::sort(set.files.begin(), set.files.end(), [](const ReleaseFile &a, const ReleaseFile &b) {
        return a.fileName == b.fileName ? a.path < b.path : a.fileName < b.fileName;
    });
    set.ignored.sort();
    return set;
}

QList<const ReleaseFile *> ReleaseSet::wheels() const
{
    QList<const ReleaseFile *> out;
    for (const ReleaseFile &f : files)
        if (f.isWheel())
            out.append(&f);
    return out;
}

QList<const ReleaseFile *> ReleaseSet::sdists() const
{
    QList<const ReleaseFile *> out;
    for (const ReleaseFile &f : files)
        if (!f.isWheel())
            out.append(&f);
    return out;
}

} // namespace wb
