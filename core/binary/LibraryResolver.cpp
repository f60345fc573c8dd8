#include "core/binary/LibraryResolver.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

namespace wb {

namespace {

QStringList splitPaths(const QString &value, const QString &origin)
{
    QStringList out;
    for (QString p : value.split(u':', Qt::SkipEmptyParts)) {
        if (p.contains(QLatin1String("$ORIGIN")) || p.contains(QLatin1String("${ORIGIN}"))) {
            if (origin.isEmpty())
                continue;
            p.replace(QLatin1String("${ORIGIN}"), origin).replace(QLatin1String("$ORIGIN"), origin);
        }
        out << QDir::cleanPath(p);
    }
    return out;
}

} // namespace

QByteArray LibraryResolver::identOf(const QByteArray &head)
{
    if (head.size() < 20 || !head.startsWith("\x7f" "ELF"))
        return {};
    return head.mid(4, 2) + head.mid(18, 2);
}

LibraryResolver::LibraryResolver(const QString &root, const QString &ldLibraryPath)
    : m_root(root)
{
    m_ldLibraryPath = splitPaths(ldLibraryPath, {});
    readLdConf(QStringLiteral("/etc/ld.so.conf"), 0);
    m_defaults = {QStringLiteral("/lib64"), QStringLiteral("/usr/lib64"), QStringLiteral("/lib"), QStringLiteral("/usr/lib")};
    // Multiarch folders (Debian and derivatives): /lib/<triplet>, /usr/lib/<triplet>.
    for (const QString &base : {QStringLiteral("/lib"), QStringLiteral("/usr/lib")}) {
        const QStringList dirs = QDir(inRoot(base)).entryList({QStringLiteral("*-linux-gnu*"), QStringLiteral("*-linux-musl*")},
                                                              QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
        for (const QString &d : dirs)
            m_defaults << base + u'/' + d;
    }
}

QString LibraryResolver::inRoot(const QString &path) const
{
    if (m_root.isEmpty() || m_root == QLatin1String("/"))
        return path;
    return QDir::cleanPath(m_root + u'/' + path);
}

void LibraryResolver::readLdConf(const QString &file, int depth)
{
    if (depth > 8)
        return;
    QFile f(inRoot(file));
    if (!f.open(QIODevice::ReadOnly))
        return;
    const QStringList lines = QString::fromUtf8(f.read(1 << 20)).split(u'\n');
    for (QString line : lines) {
        line = line.section(u'#', 0, 0).trimmed();
        if (line.isEmpty())
            continue;
        if (line.startsWith(QLatin1String("include")) && line.size() > 7 && line.at(7).isSpace()) {
            QString pattern = line.mid(8).trimmed();
            if (!pattern.startsWith(u'/'))
                pattern = QFileInfo(file).path() + u'/' + pattern;
            const QFileInfo pi(pattern);
            const QStringList files = QDir(inRoot(pi.path())).entryList({pi.fileName()}, QDir::Files, QDir::Name);
            for (const QString &name : files)
                readLdConf(pi.path() + u'/' + name, depth + 1);
            continue;
        }
        for (const QString &dir : line.split(QRegularExpression(QStringLiteral("[:,\\s]+")), Qt::SkipEmptyParts)) {
            const QString clean = QDir::cleanPath(dir);
            if (clean.startsWith(u'/') && !m_ldconf.contains(clean))
                m_ldconf << clean;
        }
    }
}

QString LibraryResolver::tryDirs(const QStringList &dirs, const Request &request) const
{
    for (const QString &dir : dirs) {
        const QString candidate = inRoot(dir + u'/' + request.soname);
        QFile f(candidate);
        if (!QFileInfo(candidate).isFile() || !f.open(QIODevice::ReadOnly))
            continue;
        const QByteArray ident = identOf(f.read(20));
        if (ident.isEmpty() || (!request.elfIdent.isEmpty() && ident != request.elfIdent))
            continue;
        return candidate;
    }
    return {};
}

QString LibraryResolver::find(const Request &request) const
{
    if (request.soname.isEmpty() || request.soname.contains(u'/'))
        return {};
    QString found;
    if (request.runpaths.isEmpty())
        found = tryDirs(splitPaths(request.rpaths.join(u':'), request.origin), request);
    if (found.isEmpty())
        found = tryDirs(m_ldLibraryPath, request);
    if (found.isEmpty())
        found = tryDirs(splitPaths(request.runpaths.join(u':'), request.origin), request);
    if (found.isEmpty())
        found = tryDirs(m_ldconf, request);
    if (found.isEmpty())
        found = tryDirs(m_defaults, request);
    return found;
}

} // namespace wb
