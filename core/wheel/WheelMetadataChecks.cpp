#include "core/wheel/WheelInspectionSteps.h"

#include "core/build/RequiresPython.h"
#include "core/project/PackagingSpecs.h"
#include "core/wheel/WheelNames.h"

#include <QRegularExpression>

namespace wb {

using namespace wheelnames;

void WheelInspectionSteps::checkWheelFile()
{
    FindingList &F = rep.findings;
    // 4. WHEEL
    if (!rep.distInfo.isEmpty() && byName.contains(di + QStringLiteral("WHEEL"))) {
        rep.wheel = HeaderFile::parse(readText(di + QStringLiteral("WHEEL")));
        for (const QString &p : rep.wheel.problems)
            addFinding(F, QStringLiteral("wheel-file.syntax"), S::Warning, p, di + QStringLiteral("WHEEL"));
        const QString wv = rep.wheel.value(QStringLiteral("Wheel-Version"));
        if (wv.isEmpty())
            addFinding(F, QStringLiteral("wheel-file.no-version"), S::Error, QStringLiteral("WHEEL is missing Wheel-Version"), di + QStringLiteral("WHEEL"));
        else if (!wv.startsWith(QLatin1String("1.")))
            addFinding(F, QStringLiteral("wheel-file.unsupported-version"), S::Error,
                       QStringLiteral("Wheel-Version %1 is not supported (installers only accept 1.x)").arg(wv), di + QStringLiteral("WHEEL"));
        if (!rep.wheel.contains(QStringLiteral("Root-Is-Purelib")))
            addFinding(F, QStringLiteral("wheel-file.no-root-is-purelib"), S::Error,
                       QStringLiteral("Root-Is-Purelib header not found in WHEEL file"), di + QStringLiteral("WHEEL"));
        else {
            const QString rip = rep.wheel.value(QStringLiteral("Root-Is-Purelib"));
            if (rip.toLower() != QLatin1String("true") && rip.toLower() != QLatin1String("false"))
                addFinding(F, QStringLiteral("wheel-file.bad-root-is-purelib"), S::Error,
                           QStringLiteral("Invalid Root-Is-Purelib value in WHEEL file: '%1'").arg(rip), di + QStringLiteral("WHEEL"));
        }
        QStringList wheelTags;
        for (const QString &t : rep.wheel.values(QStringLiteral("Tag")))
            wheelTags += expandTagSet(t);
        if (rep.filename.valid && !wheelTags.isEmpty()) {
            QSet<QString> a(rep.tags.begin(), rep.tags.end()), b(wheelTags.begin(), wheelTags.end());
            if (a != b) {
                QStringList onlyName = QStringList((a - b).begin(), (a - b).end()), onlyWheel = QStringList((b - a).begin(), (b - a).end());
                onlyName.sort();
                onlyWheel.sort();
                addFinding(F, QStringLiteral("tags.wheel-mismatch"), S::Error,
                           QStringLiteral("the file name's tags and WHEEL's Tag lines differ (only in the name: %1; only in WHEEL: %2)")
                               .arg(onlyName.isEmpty() ? QStringLiteral("none") : onlyName.join(QStringLiteral(", ")),
                                    onlyWheel.isEmpty() ? QStringLiteral("none") : onlyWheel.join(QStringLiteral(", "))),
                           di + QStringLiteral("WHEEL"));
            }
        } else if (rep.filename.valid && wheelTags.isEmpty())
            addFinding(F, QStringLiteral("wheel-file.no-tags"), S::Warning, QStringLiteral("WHEEL lists no Tag lines"), di + QStringLiteral("WHEEL"));
        const QString build = rep.wheel.value(QStringLiteral("Build"));
        if (build != rep.buildTag && rep.filename.valid && !(build.isEmpty() && rep.buildTag.isEmpty()))
            addFinding(F, QStringLiteral("tags.build-mismatch"), S::Warning,
                       QStringLiteral("the build tag is '%1' in the file name and '%2' in WHEEL").arg(rep.buildTag, build), di + QStringLiteral("WHEEL"));
    } else if (!rep.distInfo.isEmpty())
        addFinding(F, QStringLiteral("wheel-file.missing"), S::Error, QStringLiteral("No WHEEL file in wheel"), di + QStringLiteral("WHEEL"));
}

void WheelInspectionSteps::checkMetadata()
{
    FindingList &F = rep.findings;
    // 5. METADATA
    if (!rep.distInfo.isEmpty() && byName.contains(di + QStringLiteral("METADATA"))) {
        const QString mp = di + QStringLiteral("METADATA");
        rep.metadata = HeaderFile::parse(readText(mp));
        for (const QString &p : rep.metadata.problems)
            addFinding(F, QStringLiteral("metadata.syntax"), S::Warning, p, mp);
        const QString mv = rep.metadata.value(QStringLiteral("Metadata-Version"));
        static const QStringList known = {QStringLiteral("1.0"), QStringLiteral("1.1"), QStringLiteral("1.2"), QStringLiteral("2.0"),
                                          QStringLiteral("2.1"), QStringLiteral("2.2"), QStringLiteral("2.3"), QStringLiteral("2.4"),
                                          QStringLiteral("2.5"), QStringLiteral("2.6")};
        if (mv.isEmpty())
            addFinding(F, QStringLiteral("metadata.no-version"), S::Error, QStringLiteral("METADATA has no Metadata-Version"), mp);
        else if (!known.contains(mv)) {
            const bool newerMajor = mv.section(QLatin1Char('.'), 0, 0).toInt() > 2;
            addFinding(F, QStringLiteral("metadata.unknown-version"), newerMajor ? S::Error : S::Warning,
                       QStringLiteral("Metadata-Version %1 is not one this tool knows (up to 2.6)").arg(mv), mp);
        }
        const QString mname = rep.metadata.value(QStringLiteral("Name"));
        const QString mver = rep.metadata.value(QStringLiteral("Version"));
        if (mname.isEmpty())
            addFinding(F, QStringLiteral("metadata.no-name"), S::Error, QStringLiteral("METADATA has no Name"), mp);
        else {
            if (rep.filename.valid && normalizeProjectName(mname) != normalizeProjectName(rep.filename.distribution))
                addFinding(F, QStringLiteral("metadata.name-mismatch"), S::Error,
                           QStringLiteral("METADATA names the project '%1', the file name '%2'").arg(mname, rep.filename.distribution), mp);
            rep.name = mname;
        }
        if (mver.isEmpty())
            addFinding(F, QStringLiteral("metadata.no-version-field"), S::Error, QStringLiteral("METADATA has no Version"), mp);
        else {
            if (rep.filename.valid && versionKey(mver) != versionKey(rep.filename.version))
                addFinding(F, QStringLiteral("metadata.version-mismatch"), S::Error,
                           QStringLiteral("METADATA says version %1, the file name %2").arg(mver, rep.filename.version), mp);
            rep.version = mver;
        }
        for (const QString &d : rep.metadata.values(QStringLiteral("Dynamic")))
            if (d.compare(QLatin1String("Name"), Qt::CaseInsensitive) == 0 || d.compare(QLatin1String("Version"), Qt::CaseInsensitive) == 0
                || d.compare(QLatin1String("Metadata-Version"), Qt::CaseInsensitive) == 0)
                addFinding(F, QStringLiteral("metadata.bad-dynamic"), S::Error, QStringLiteral("Dynamic may not name %1").arg(d), mp);
        if (rep.metadata.contains(QStringLiteral("License-Expression")) && rep.metadata.contains(QStringLiteral("License")))
            addFinding(F, QStringLiteral("metadata.license-both"), S::Warning,
                       QStringLiteral("both License-Expression and License are set (PyPI rejects this)"), mp);
        checkRequiresPython(mp);
        for (const QString &lf : rep.metadata.values(QStringLiteral("License-File"))) {
            if (mv >= QLatin1String("2.4") && !byName.contains(di + QStringLiteral("licenses/") + lf))
                addFinding(F, QStringLiteral("metadata.license-file-missing"), S::Error,
                           QStringLiteral("License-File '%1' is not in %2licenses/").arg(lf, di), mp);
        }
    } else if (!rep.distInfo.isEmpty())
        addFinding(F, QStringLiteral("metadata.missing"), S::Error, QStringLiteral("No METADATA file in wheel"), di + QStringLiteral("METADATA"));
}

// The Python versions the file name's tags are for against Requires-Python: a wheel whose every tag is
// outside it installs nowhere (pip: "requires a different Python: 3.13.5 not in '>=3.14'"). maturin 1.8.3
// builds such a wheel without a word when the interpreter it finds is older than requires-python.
void WheelInspectionSteps::checkRequiresPython(const QString &metadataPath)
{
    const QString spec = rep.metadata.value(QStringLiteral("Requires-Python"));
    if (spec.isEmpty() || !rep.filename.valid)
        return;
    const RequiresPython req(spec);
    if (!req.isValid())
        return;
    static const QRegularExpression cpython(QStringLiteral("^(?:cp|pp|py|graalpy)3(\\d+)$"));
    const bool abi3 = rep.filename.abiTags.contains(QStringLiteral("abi3"));
    QStringList versionTags;
    for (const QString &tag : rep.filename.pythonTags) {
        const QRegularExpressionMatch m = cpython.match(tag);
        if (!m.hasMatch())
            return; // py3, py2.py3 or another implementation: any 3.x may install it
        const int minor = m.captured(1).toInt();
        // cp39-abi3 installs on 3.9 and later; cp313-cp313 on 3.13 only.
        for (int v = minor; v <= (abi3 ? 40 : minor); ++v)
            if (req.allowsMinor(v))
                return;
        versionTags << tag;
    }
    if (versionTags.isEmpty())
        return;
    addFinding(rep.findings, QStringLiteral("metadata.requires-python-excludes-tags"), S::Error,
               QStringLiteral("Requires-Python '%1' excludes every Python the file name's tags are for (%2%3): no installer takes "
                              "this wheel (pip: \"requires a different Python\"); it was built with an interpreter older than "
                              "requires-python")
                   .arg(spec, versionTags.join(QStringLiteral(", ")), abi3 ? QStringLiteral(" and later, abi3") : QString()),
               metadataPath);
}

void WheelInspectionSteps::checkEntryPoints()
{
    FindingList &F = rep.findings;
    // entry points
    if (!rep.distInfo.isEmpty() && byName.contains(di + QStringLiteral("entry_points.txt"))) {
        const EntryPoints ep = EntryPoints::parse(readText(di + QStringLiteral("entry_points.txt")));
        rep.entryPoints = ep.entries;
        for (const QString &p : ep.problems)
            addFinding(F, QStringLiteral("entry-points.invalid"), S::Warning, p, di + QStringLiteral("entry_points.txt"));
        // pip's wheel installer refuses a script without its function (distlib's ExportEntry with no suffix).
        for (const EntryPoint &e : ep.entries) {
            if ((e.group == QLatin1String("console_scripts") || e.group == QLatin1String("gui_scripts"))
                && !PackagingSpecs::isValidScriptTarget(e.value))
                addFinding(F, QStringLiteral("entry-points.script-no-callable"), S::Error,
                           QStringLiteral("script '%1' = %2 names no function (module:function): pip refuses to install the wheel "
                                          "(\"A callable suffix is required\")")
                               .arg(e.name, e.value),
                           di + QStringLiteral("entry_points.txt"));
        }
    }
}

} // namespace wb
