#include "core/diagnose/ManylinuxTags.h"

#include <QRegularExpression>

namespace wb::diagnose::ManylinuxTags {

namespace {

// Tags with a policy, and for the C++ runtime the highest version each allows (x86_64; source:
// auditwheel's manylinux policy JSON as copied into maturin, see the reference notes).
const int KnownGlibcMinors[] = {5, 12, 17, 24, 26, 27, 28, 31, 34, 35, 36, 38, 39, 40, 41};

struct Ceiling {
    const char *version;
    int glibcMinor;
};
const Ceiling GlibcxxCeilings[] = {{"3.4.8", 5}, {"3.4.13", 12}, {"3.4.19", 17}, {"3.4.22", 24}, {"3.4.24", 27},
                                   {"3.4.28", 31}, {"3.4.29", 34}, {"3.4.30", 35}, {"3.4.33", 39}};
const Ceiling CxxabiCeilings[] = {{"1.3.1", 5}, {"1.3.3", 12}, {"1.3.7", 17}, {"1.3.10", 24}, {"1.3.11", 27},
                                  {"1.3.12", 31}, {"1.3.13", 34}, {"1.3.15", 39}};
const Ceiling GccCeilings[] = {{"4.2.0", 5}, {"4.3.0", 12}, {"4.8.0", 17}, {"7.0.0", 27}, {"12.0.0", 35}, {"14.0.0", 39}};

QString tagOf(int minor) { return QStringLiteral("manylinux_2_%1").arg(minor); }

template<size_t N>
QString fromCeilings(const Ceiling (&table)[N], const QString &version)
{
    for (const Ceiling &c : table) {
        if (compareVersions(version, QString::fromLatin1(c.version)) <= 0)
            return tagOf(c.glibcMinor);
    }
    return {};
}

} // namespace

int compareVersions(const QString &a, const QString &b)
{
    const QStringList x = a.split(QLatin1Char('.'));
    const QStringList y = b.split(QLatin1Char('.'));
    for (qsizetype i = 0; i < std::max(x.size(), y.size()); ++i) {
        const int p = x.value(i).toInt();
        const int q = y.value(i).toInt();
        if (p != q)
            return p < q ? -1 : 1;
    }
    return 0;
}

QString lowestTagFor(const QString &symbolVersion)
{
    const qsizetype underscore = symbolVersion.indexOf(QLatin1Char('_'));
    if (underscore <= 0)
        return {};
    const QString ns = symbolVersion.left(underscore);
    const QString version = symbolVersion.mid(underscore + 1);
    if (ns == QLatin1String("GLIBC")) {
        const QStringList parts = version.split(QLatin1Char('.'));
        if (parts.value(0) != QLatin1String("2"))
            return {};
        const int minor = parts.value(1).toInt();
        for (int known : KnownGlibcMinors) {
            if (known >= minor)
                return tagOf(known);
        }
        return tagOf(minor);
    }
    if (ns == QLatin1String("GLIBCXX"))
        return fromCeilings(GlibcxxCeilings, version);
    if (ns == QLatin1String("CXXABI"))
        return fromCeilings(CxxabiCeilings, version);
    if (ns == QLatin1String("GCC"))
        return fromCeilings(GccCeilings, version);
    return {};
}

QString normalise(const QString &tagIn)
{
    const QString tag = tagIn.toLower();
    if (tag.startsWith(QLatin1String("manylinux1")))
        return tagOf(5);
    if (tag.startsWith(QLatin1String("manylinux2010")))
        return tagOf(12);
    if (tag.startsWith(QLatin1String("manylinux2014")))
        return tagOf(17);
    static const QRegularExpression re(QStringLiteral(R"(^manylinux_(\d+)_(\d+))"));
    const QRegularExpressionMatch m = re.match(tag);
    if (m.hasMatch())
        return QStringLiteral("manylinux_%1_%2").arg(m.captured(1), m.captured(2));
    return {};
}

int glibcMinor(const QString &tag)
{
    const QString n = normalise(tag);
    if (n.isEmpty())
        return -1;
    return n.section(QLatin1Char('_'), 2, 2).toInt();
}

QString highest(const QStringList &tags)
{
    QString best;
    for (const QString &t : tags) {
        if (glibcMinor(t) > glibcMinor(best))
            best = normalise(t);
    }
    return best;
}

} // namespace wb::diagnose::ManylinuxTags
