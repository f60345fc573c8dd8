#include "core/release/WorkflowTargets.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>

namespace wb {

namespace {

using Kind = PlatformTag::Kind;

int indentOf(const QString &line)
{
    int n = 0;
    while (n < line.size() && line.at(n) == u' ')
        ++n;
    return n;
}

QString unquote(QString v)
{
    v = v.trimmed();
    const int hash = v.indexOf(QLatin1String(" #"));
    if (hash >= 0)
        v = v.left(hash).trimmed();
    if (v.size() >= 2 && (v.startsWith(u'"') || v.startsWith(u'\'')) && v.endsWith(v.at(0)))
        v = v.mid(1, v.size() - 2);
    return v;
}

// The OS a target triple names, or Other for a short target ("x86_64").
Kind tripleKind(const QString &t, bool *musl)
{
    *musl = t.contains(QLatin1String("musl"));
    if (t.contains(QLatin1String("-linux")))
        return *musl ? Kind::Musllinux : Kind::Manylinux;
    if (t.contains(QLatin1String("-apple-darwin")) || t.contains(QLatin1String("universal2")))
        return Kind::MacOS;
    if (t.contains(QLatin1String("-windows")))
        return Kind::Windows;
    return Kind::Other;
}

struct Job {
    QString name;
    int line = 0;
    QStringList body;          // the job's lines
    QList<QPair<QString, int>> targets;
};

Kind jobKind(const Job &job)
{
    const QString n = job.name.toLower();
    const QString text = job.body.join(u'\n').toLower();
    if (n.contains(QLatin1String("musl")) || text.contains(QLatin1String("manylinux: musllinux")))
        return Kind::Musllinux;
    if (n.contains(QLatin1String("linux")))
        return Kind::Manylinux;
    if (n.contains(QLatin1String("windows")) || n.startsWith(QLatin1String("win")))
        return Kind::Windows;
    if (n.contains(QLatin1String("mac")) || n.contains(QLatin1String("darwin")))
        return Kind::MacOS;
    static const QRegularExpression runner(QStringLiteral("(runs-on|runner|os):\\s*\\[?\\s*['\"]?([a-z0-9.-]+)"));
    auto it = runner.globalMatch(text);
    while (it.hasNext()) {
        const QString r = it.next().captured(2);
        if (r.startsWith(QLatin1String("ubuntu")))
            return Kind::Manylinux;
        if (r.startsWith(QLatin1String("windows")))
            return Kind::Windows;
        if (r.startsWith(QLatin1String("macos")))
            return Kind::MacOS;
    }
    return Kind::Other;
}

} // namespace

QString WorkflowTargets::wheelArch(PlatformTag::Kind kind, const QString &target)
{
    const QString t = target.section(u'-', 0, 0).toLower();
    if (kind == Kind::Windows) {
        if (t == QLatin1String("x64") || t == QLatin1String("x86_64"))
            return QStringLiteral("amd64");
        if (t == QLatin1String("x86") || t == QLatin1String("i686"))
            return QStringLiteral("x86");
        if (t == QLatin1String("aarch64") || t == QLatin1String("arm64"))
            return QStringLiteral("arm64");
        return t;
    }
    if (kind == Kind::MacOS) {
        if (t == QLatin1String("aarch64") || t == QLatin1String("arm64"))
            return QStringLiteral("arm64");
        return t;
    }
    if (t == QLatin1String("x86") || t == QLatin1String("i686") || t == QLatin1String("i586"))
        return QStringLiteral("i686");
    if (t == QLatin1String("armv7") || t == QLatin1String("armv7l"))
        return QStringLiteral("armv7l");
    if (t == QLatin1String("arm64"))
        return QStringLiteral("aarch64");
    if (t == QLatin1String("powerpc64le"))
        return QStringLiteral("ppc64le");
    if (t == QLatin1String("riscv64gc"))
        return QStringLiteral("riscv64");
    return t;
}

QList<CiPlatform> WorkflowTargets::parse(const QString &yaml, const QString &file)
{
    const QStringList lines = yaml.split(u'\n');
    // 1. Jobs: keys one level below `jobs:`.
    QList<Job> jobs;
    int jobsIndent = -1, jobIndent = -1;
    for (int i = 0; i < lines.size(); ++i) {
        const QString &l = lines.at(i);
        const QString trimmed = l.trimmed();
        if (trimmed.isEmpty() || trimmed.startsWith(u'#'))
            continue;
        const int ind = indentOf(l);
        if (jobsIndent < 0) {
            if (trimmed == QLatin1String("jobs:"))
                jobsIndent = ind;
            continue;
        }
        if (ind <= jobsIndent)
            break;
        if (jobIndent < 0)
            jobIndent = ind;
        if (ind == jobIndent && trimmed.endsWith(u':')) {
            jobs.append(Job{trimmed.chopped(1), i + 1, {}, {}});
            continue;
        }
        if (!jobs.isEmpty()) {
            jobs.last().body.append(l);
            // 2. Targets inside the job.
            static const QRegularExpression key(QStringLiteral("^\\s*-?\\s*target:\\s*(.*)$"));
            static const QRegularExpression arg(QStringLiteral("--target[ =]([A-Za-z0-9_.-]+)"));
            const QRegularExpressionMatch m = key.match(l);
            if (m.hasMatch()) {
                QString v = unquote(m.captured(1));
                if (v.startsWith(QLatin1String("${{")))
                    continue;
                if (v.isEmpty()) { // a block list follows
                    for (int j = i + 1; j < lines.size() && lines.at(j).trimmed().startsWith(QLatin1String("- ")); ++j)
                        jobs.last().targets.append({unquote(lines.at(j).trimmed().mid(2)), j + 1});
                } else if (v.startsWith(u'[')) {
                    for (const QString &t : v.mid(1).chopped(v.endsWith(u']') ? 1 : 0).split(u',', Qt::SkipEmptyParts))
                        jobs.last().targets.append({unquote(t), i + 1});
                } else {
                    jobs.last().targets.append({v, i + 1});
                }
            }
            auto it = arg.globalMatch(l);
            while (it.hasNext()) {
                const QString v = it.next().captured(1);
                if (!v.startsWith(QLatin1String("${{")))
                    jobs.last().targets.append({v, i + 1});
            }
        }
    }
    QList<CiPlatform> out;
    for (const Job &job : std::as_const(jobs)) {
        const QString text = job.body.join(u'\n');
        if (!text.contains(QLatin1String("maturin-action"), Qt::CaseInsensitive))
            continue;
        static const QRegularExpression manylinux(QStringLiteral("manylinux:\\s*['\"]?([A-Za-z0-9_]+)"));
        const QString level = manylinux.match(text).captured(1);
        const Kind fallback = jobKind(job);
        for (const auto &[target, line] : job.targets) {
            bool musl = false;
            Kind kind = tripleKind(target, &musl);
            if (kind == Kind::Other)
                kind = fallback;
            if (kind == Kind::Other || target.isEmpty())
                continue;
            CiPlatform p{kind, wheelArch(kind, target), target, job.name, file, line, level};
            if (target.startsWith(QLatin1String("universal2")))
                p.arch = QStringLiteral("universal2");
            bool seen = false;
            for (const CiPlatform &q : std::as_const(out))
                seen = seen || (q.kind == p.kind && q.arch == p.arch);
            if (!seen)
                out.append(p);
        }
    }
    return out;
}

QList<CiPlatform> WorkflowTargets::read(const QString &projectDir, QStringList *files)
{
    QList<CiPlatform> out;
    const QDir dir(projectDir + QStringLiteral("/.github/workflows"));
    const QStringList names = dir.entryList({QStringLiteral("*.yml"), QStringLiteral("*.yaml")}, QDir::Files, QDir::Name);
    for (const QString &n : names) {
        QFile f(dir.filePath(n));
        if (!f.open(QIODevice::ReadOnly) || f.size() > 4 * 1024 * 1024)
            continue;
        const QString text = QString::fromUtf8(f.readAll());
        if (!text.contains(QLatin1String("maturin-action"), Qt::CaseInsensitive))
            continue;
        if (files)
            files->append(dir.filePath(n));
        for (const CiPlatform &p : parse(text, QStringLiteral(".github/workflows/") + n)) {
            bool seen = false;
            for (const CiPlatform &q : std::as_const(out))
                seen = seen || (q.kind == p.kind && q.arch == p.arch);
            if (!seen)
                out.append(p);
        }
    }
    return out;
}

} // namespace wb
