#include "core/release/CoverageMatrix.h"

#include "core/build/RequiresPython.h"
#include "core/release/ProjectDeclaration.h"
#include "core/release/ReleaseSet.h"

#include <QRegularExpression>

#include <algorithm>

namespace wb {

namespace {

using Kind = PlatformTag::Kind;
using Impl = MatrixColumn::Impl;

// What one (python, abi) tag pair installs on.
struct InterpreterSpan {
    Impl impl = Impl::CPython;
    int from = 0;        // minor
    bool range = false;  // every minor from `from` on (abi3, pyXY-none)
    bool anyImpl = false;
    QString text;        // "abi3 ≥3.8", "py3"
};

int minorOf(const QString &digits) // "313" -> 13, "38" -> 8, "3" -> -1
{
    if (digits.size() < 2 || digits.at(0) != u'3')
        return -1;
    return digits.mid(1).toInt();
}

QList<InterpreterSpan> spansOf(const QString &py, const QString &abi)
{
    static const QRegularExpression re(QStringLiteral("^(cp|pp|py|graalpy)(\\d+)$"));
    const QRegularExpressionMatch m = re.match(py);
    if (!m.hasMatch())
        return {};
    const QString impl = m.captured(1);
    const QString digits = m.captured(2);
    if (!digits.startsWith(u'3'))
        return {};
    const int minor = minorOf(digits);
    if (abi == QLatin1String("none")) {
        if (impl == QLatin1String("py"))
            return {{Impl::Any, std::max(minor, 0), true, true, py}};
        if (impl == QLatin1String("cp") && minor >= 0)
            return {{Impl::CPython, minor, false, false, py + QStringLiteral("-none")}};
        return {};
    }
    if (impl == QLatin1String("cp") && abi == QLatin1String("abi3") && minor >= 0)
        return {{Impl::CPython, minor, true, false, QStringLiteral("abi3 ≥3.%1").arg(minor)}};
    if (impl == QLatin1String("cp") && abi.startsWith(QLatin1String("cp")) && minor >= 0)
        return {{abi.endsWith(u't') ? Impl::FreeThreaded : Impl::CPython, minor, false, false, abi}};
    if (impl == QLatin1String("pp") && minor >= 0)
        return {{Impl::PyPy, minor, false, false, py}};
    if (impl == QLatin1String("graalpy") && minor >= 0)
        return {{Impl::GraalPy, minor, false, false, py}};
    return {};
}

QList<InterpreterSpan> spansOf(const WheelFilename &fn)
{
    QList<InterpreterSpan> out;
    for (const QString &py : fn.pythonTags)
        for (const QString &abi : fn.abiTags)
            out += spansOf(py, abi);
    return out;
}

QString columnKey(Impl impl, int minor)
{
    switch (impl) {
    case Impl::CPython: return QStringLiteral("cp3%1").arg(minor);
    case Impl::FreeThreaded: return QStringLiteral("cp3%1t").arg(minor);
    case Impl::PyPy: return QStringLiteral("pp3%1").arg(minor);
    case Impl::GraalPy: return QStringLiteral("graalpy3%1").arg(minor);
    case Impl::Any: return QStringLiteral("any");
    }
    return {};
}

MatrixColumn makeColumn(Impl impl, int minor)
{
    MatrixColumn c;
    c.impl = impl;
    c.minor = minor;
    c.key = columnKey(impl, minor);
    switch (impl) {
    case Impl::CPython: c.label = QStringLiteral("3.%1").arg(minor); break;
    case Impl::FreeThreaded: c.label = QStringLiteral("3.%1t").arg(minor); break;
    case Impl::PyPy: c.label = QStringLiteral("PyPy 3.%1").arg(minor); break;
    case Impl::GraalPy: c.label = QStringLiteral("GraalPy 3.%1").arg(minor); break;
    case Impl::Any: c.label = QStringLiteral("any Python"); break;
    }
    return c;
}

bool spanCovers(const InterpreterSpan &s, const MatrixColumn &c)
{
    if (c.impl == Impl::Any)
        return s.anyImpl;
    if (s.anyImpl)
        return c.minor >= s.from;
    if (s.impl != c.impl)
        return false;
    return s.range ? c.minor >= s.from : c.minor == s.from;
}

QStringList archSet(Kind kind, const QString &arch)
{
    if (kind == Kind::MacOS) {
        const QStringList a = macosArchitectures(arch);
        return a.isEmpty() ? QStringList{arch} : a;
    }
    return {arch};
}

bool tagCovers(const PlatformTag &t, const MatrixRow &row)
{
    if (t.kind == Kind::Any)
        return true;
    if (t.kind != row.kind)
        return false;
    if (row.kind == Kind::Any)
        return false;
    const QStringList have = archSet(t.kind, t.arch);
    for (const QString &a : archSet(row.kind, row.arch))
        if (!have.contains(a))
            return false;
    return true;
}

QString levelOf(const PlatformTag &t)
{
    switch (t.kind) {
    case Kind::Manylinux:
    case Kind::Musllinux: return t.policyName();
    case Kind::MacOS: return QStringLiteral("macOS %1.%2").arg(t.major).arg(t.minor);
    case Kind::IOS: return QStringLiteral("iOS %1.%2").arg(t.major).arg(t.minor);
    case Kind::Android: return QStringLiteral("API %1").arg(t.major);
    case Kind::Linux: return QStringLiteral("plain linux tag");
    default: return {};
    }
}

int kindOrder(Kind k)
{
    static const QList<Kind> order = {Kind::Manylinux, Kind::Musllinux, Kind::MacOS, Kind::Windows, Kind::IOS, Kind::Android,
                                      Kind::Linux, Kind::Other, Kind::Any};
    return int(order.indexOf(k));
}

int implOrder(Impl i)
{
    return int(i);
}

} // namespace

QString CoverageMatrix::rowKey(const PlatformTag &tag)
{
    QString k = PlatformTag::kindName(tag.kind) + QLatin1Char('/') + tag.arch;
    if (tag.kind == Kind::IOS)
        k += QLatin1Char('/') + tag.sdk;
    return k;
}

QString CoverageMatrix::rowLabel(PlatformTag::Kind kind, const QString &arch)
{
    switch (kind) {
    case Kind::Manylinux: return QStringLiteral("Linux glibc %1").arg(arch);
    case Kind::Musllinux: return QStringLiteral("Linux musl %1").arg(arch);
    case Kind::Linux: return QStringLiteral("Linux %1 (plain tag)").arg(arch);
    case Kind::MacOS: return QStringLiteral("macOS %1").arg(arch);
    case Kind::Windows: return QStringLiteral("Windows %1").arg(arch);
    case Kind::IOS: return QStringLiteral("iOS %1").arg(arch);
    case Kind::Android: return QStringLiteral("Android %1").arg(arch);
    case Kind::Any: return QStringLiteral("any platform");
    default: return arch;
    }
}

QString CoverageMatrix::missingConsequence(const ReleaseSet &set, const ProjectDeclaration &project, const QStringList &sdistFatal)
{
    bool sdist = false;
    for (const ReleaseFile *s : set.sdists())
        sdist = sdist || s->readable();
    if (!sdist)
        return QStringLiteral("no sdist: pip cannot install");
    if (!sdistFatal.isEmpty())
        return QStringLiteral("pip tries the sdist, which lacks %1: the build fails").arg(sdistFatal.join(QStringLiteral(", ")));
    if (!project.rustVersion.isEmpty())
        return QStringLiteral("pip builds from the sdist: needs Rust ≥ %1 (rust-version of %2)").arg(project.rustVersion, project.rustVersionFrom);
    return QStringLiteral("pip builds from the sdist: needs a Rust toolchain (Cargo.toml states no rust-version)");
}

CoverageMatrix CoverageMatrix::build(const ReleaseSet &set, const ProjectDeclaration &project, const QStringList &sdistFatal)
{
    CoverageMatrix m;
    m.consequence = missingConsequence(set, project, sdistFatal);

    // Declared versions.
    QList<MatrixColumn> columns;
    const auto column = [&columns](Impl impl, int minor) -> MatrixColumn & {
        for (MatrixColumn &c : columns)
            if (c.impl == impl && c.minor == minor)
                return c;
        columns.append(makeColumn(impl, minor));
        return columns.last();
    };
    const RequiresPython req(project.requiresPython);
    const bool bounded = !project.requiresPython.isEmpty() && req.isValid() && req.minimumMinor().has_value();
    QList<int> declared;
    if (bounded)
        declared = req.allowedMinors(FirstMinor, LastMinor);
    for (int minor : project.classifierMinors)
        if (minor >= FirstMinor && minor <= LastMinor && !declared.contains(minor) && (!req.isValid() || req.allowsMinor(minor)))
            declared.append(minor);
    std::sort(declared.begin(), declared.end());
    QStringList from;
    if (bounded)
        from.append(QStringLiteral("Requires-Python %1 (%2)").arg(project.requiresPython, project.requiresPythonFrom));
    if (!project.classifierMinors.isEmpty())
        from.append(QStringLiteral("classifiers"));
    m.declaredFrom = from.isEmpty() ? QStringLiteral("nothing declares Python versions (no Requires-Python lower bound, no version classifiers)")
                                    : QStringLiteral("CPython %1 from %2 (up to 3.%3, the newest release)")
                                          .arg(RequiresPython::describe(declared), from.join(QStringLiteral(" and ")))
                                          .arg(LastMinor);
    for (int minor : std::as_const(declared))
        column(Impl::CPython, minor).declared = true;
    if (project.classifierFreeThreading)
        for (int minor : std::as_const(declared))
            if (minor >= 13)
                column(Impl::FreeThreaded, minor).declared = true;
    if (project.classifierPyPy)
        for (int minor : {10, 11})
            if (!req.isValid() || req.allowsMinor(minor))
                column(Impl::PyPy, minor).declared = true;

    // Rows and present columns from the wheels.
    struct WheelCover {
        const ReleaseFile *file;
        QList<PlatformTag> tags;
        QList<InterpreterSpan> spans;
    };
    QList<WheelCover> covers;
    const auto row = [&m](Kind kind, const QString &arch, const QString &key) -> MatrixRow & {
        for (MatrixRow &r : m.rows)
            if (r.key == key)
                return r;
        MatrixRow r;
        r.kind = kind;
        r.arch = arch;
        r.key = key;
        r.label = rowLabel(kind, arch);
        m.rows.append(r);
        return m.rows.last();
    };
    const int reqMin = bounded ? *req.minimumMinor() : FirstMinor;
    for (const ReleaseFile *w : set.wheels()) {
        if (!w->wheel.filename.valid)
            continue;
        WheelCover wc{w, {}, spansOf(w->wheel.filename)};
        QStringList rowsSeen;
        for (const QString &p : w->wheel.filename.platformTags) {
            const PlatformTag t = PlatformTag::parse(p);
            wc.tags.append(t);
            const QString key = rowKey(t);
            MatrixRow &r = row(t.kind, t.arch, key);
            r.present = true;
            const QString level = levelOf(t);
            if (!level.isEmpty() && !r.levels.contains(level))
                r.levels.append(level);
            if (!rowsSeen.contains(key)) {
                rowsSeen.append(key);
                r.size += w->size;
                ++r.wheelCount;
            }
        }
        for (const InterpreterSpan &s : std::as_const(wc.spans)) {
            if (s.anyImpl)
                continue;
            if (!s.range) {
                column(s.impl, s.from).present = true;
            } else {
                for (int minor = std::max(s.from, reqMin); minor <= LastMinor; ++minor)
                    column(s.impl, minor).present = true;
            }
        }
        covers.append(wc);
    }
    for (const CiPlatform &p : project.ciPlatforms) {
        PlatformTag t;
        t.kind = p.kind;
        t.arch = p.arch;
        MatrixRow &r = row(p.kind, p.arch, rowKey(t));
        r.inCi = true;
        r.ciWhere = QStringLiteral("%1 job, %2:%3").arg(p.job, p.file).arg(p.line);
    }
    if (columns.isEmpty())
        column(Impl::Any, 0);
    std::sort(columns.begin(), columns.end(), [](const MatrixColumn &a, const MatrixColumn &b) {
        return implOrder(a.impl) != implOrder(b.impl) ? implOrder(a.impl) < implOrder(b.impl) : a.minor < b.minor;
    });
    std::sort(m.rows.begin(), m.rows.end(), [](const MatrixRow &a, const MatrixRow &b) {
        return kindOrder(a.kind) != kindOrder(b.kind) ? kindOrder(a.kind) < kindOrder(b.kind) : a.arch < b.arch;
    });
    m.columns = columns;

    // Cells.
    for (const MatrixRow &r : std::as_const(m.rows)) {
        QList<MatrixCell> line;
        for (MatrixColumn &c : m.columns) {
            MatrixCell cell;
            QStringList exact, ranged;
            for (const WheelCover &wc : std::as_const(covers)) {
                bool platform = false;
                for (const PlatformTag &t : wc.tags)
                    platform = platform || tagCovers(t, r);
                if (!platform)
                    continue;
                for (const InterpreterSpan &s : wc.spans) {
                    if (!spanCovers(s, c))
                        continue;
                    (s.range || s.anyImpl ? ranged : exact).append(s.text);
                    if (!cell.wheels.contains(wc.file->path))
                        cell.wheels.append(wc.file->path);
                }
            }
            if (!exact.isEmpty()) {
                cell.state = MatrixCell::State::Present;
                cell.text = exact.first();
            } else if (!ranged.isEmpty()) {
                cell.state = MatrixCell::State::Covered;
                cell.text = ranged.first();
            } else if (((c.declared && (r.present || r.inCi)) || (r.inCi && !r.present && c.present)) && r.kind != Kind::Any
                       && r.kind != Kind::Linux) {
                // A declared version on a platform with wheels or built by CI; on a CI platform with no
                // wheel at all, also every version the other platforms have.
                cell.state = MatrixCell::State::Missing;
                cell.text = QStringLiteral("missing");
                cell.detail = m.consequence;
            }
            if (!cell.wheels.isEmpty()) {
                QStringList names;
                for (const QString &p : std::as_const(cell.wheels))
                    names.append(p.section(u'/', -1));
                cell.detail = names.join(u'\n');
                c.present = true;
            }
            line.append(cell);
        }
        m.cells.append(line);
    }
    return m;
}

int CoverageMatrix::missingCount() const
{
    int n = 0;
    for (const auto &line : cells)
        for (const MatrixCell &c : line)
            n += c.state == MatrixCell::State::Missing;
    return n;
}

ReleaseFindingList CoverageMatrix::findings() const
{
    ReleaseFindingList out;
    const QString source = QString::fromLatin1(rule_source::coverage);
    for (int r = 0; r < rows.size(); ++r) {
        const MatrixRow &row = rows.at(r);
        if (row.inCi && !row.present) {
            out.append({QStringLiteral("coverage.platform-missing"), Finding::Severity::Error, ReleaseFinding::Category::Coverage,
                        QStringLiteral("%1 is built by the CI workflow (%2) but the set has no wheel for it: %3").arg(row.label, row.ciWhere, consequence),
                        {}, source});
            continue;
        }
        QStringList missing;
        for (int c = 0; c < columns.size(); ++c)
            if (cells.at(r).at(c).state == MatrixCell::State::Missing)
                missing.append(columns.at(c).label);
        if (!missing.isEmpty())
            out.append({QStringLiteral("coverage.version-missing"), Finding::Severity::Error, ReleaseFinding::Category::Coverage,
                        QStringLiteral("%1: no wheel for Python %2, which the project declares: %3").arg(row.label, missing.join(QStringLiteral(", ")), consequence),
                        {}, source});
    }
    return out;
}

} // namespace wb
