#include "core/release/UploadRules.h"

#include "core/project/PackagingSpecs.h"

#include "core/release/DescriptionRules.h"
#include "core/release/ReleaseSet.h"
#include "core/release/SpdxExpression.h"
#include "core/wheel/WheelFilename.h"

#include <QHash>
#include <QLocale>
#include <QRegularExpression>

namespace wb {

namespace {

using S = Finding::Severity;
using C = ReleaseFinding::Category;

QString src(const char *a, const char *b = nullptr)
{
    return b ? QString::fromLatin1(a) + QStringLiteral("; ") + QString::fromLatin1(b) : QString::fromLatin1(a);
}

void refuse(ReleaseFindingList &out, const QString &id, const QString &message, const QString &file, const QString &source)
{
    out.append({id, S::Error, C::Upload, message, file, source});
}

// The most common value, and how many files have it.
QString majority(const QStringList &values)
{
    QHash<QString, int> counts;
    QString best;
    for (const QString &v : values)
        if (++counts[v] > counts.value(best) || best.isNull())
            best = v;
    return best;
}

void checkNames(const ReleaseFile &f, ReleaseFindingList &out)
{
    const QString name = f.name();
    if (f.isWheel()) {
        const WheelFilename &fn = f.wheel.filename;
        if (!fn.valid) {
            refuse(out, QStringLiteral("upload.wheel-filename"), QStringLiteral("not a valid wheel file name: %1").arg(fn.error), f.fileName,
                   src(rule_source::pep427, rule_source::pypiUpload));
            return;
        }
        if (!name.isEmpty() && normalizeProjectName(fn.distribution) != normalizeProjectName(name))
            refuse(out, QStringLiteral("upload.filename-name"),
                   QStringLiteral("the file name starts with '%1' but the metadata names '%2': PyPI wants the file name to start with the project name")
                       .arg(fn.distribution, name),
                   f.fileName, src(rule_source::pypiUpload));
        else if (!name.isEmpty() && fn.distribution != escapeProjectName(name))
            out.append({QStringLiteral("upload.filename-not-normalized"), S::Warning, C::Upload,
                        QStringLiteral("the name part '%1' is not the normalised '%2' (lower case, runs of -_. as one _); PyPI has begun "
                                       "refusing file names that are not normalised").arg(fn.distribution, escapeProjectName(name)),
                        f.fileName, src(rule_source::pep427)});
        if (!f.version().isEmpty() && fn.version != f.version())
            refuse(out, QStringLiteral("upload.filename-version"),
                   QStringLiteral("the file name says version %1, the metadata %2").arg(fn.version, f.version()), f.fileName,
                   src(rule_source::pypiUpload));
        return;
    }
    if (!f.fileName.endsWith(QLatin1String(".tar.gz")))
        refuse(out, QStringLiteral("upload.sdist-extension"),
               QStringLiteral("PyPI accepts source distributions only as .tar.gz"), f.fileName, src(rule_source::pep625, rule_source::pypiUpload));
    const QString stem = f.fileName.left(f.fileName.indexOf(QLatin1String(".tar")));
    const QString expected = escapeProjectName(name) + QLatin1Char('-') + f.version();
    if (!name.isEmpty() && normalizeProjectName(stem.section(u'-', 0, -2)) != normalizeProjectName(name))
        refuse(out, QStringLiteral("upload.filename-name"),
               QStringLiteral("the file name starts with '%1' but PKG-INFO names '%2'").arg(stem.section(u'-', 0, -2), name), f.fileName,
               src(rule_source::pypiUpload));
    else if (!name.isEmpty() && stem.section(u'-', -1) != f.version())
        refuse(out, QStringLiteral("upload.filename-version"),
               QStringLiteral("the file name says version %1, PKG-INFO %2").arg(stem.section(u'-', -1), f.version()), f.fileName,
               src(rule_source::pypiUpload));
    else if (!name.isEmpty() && stem != expected)
        refuse(out, QStringLiteral("upload.filename-not-normalized"),
               QStringLiteral("PEP 625 names this file %1.tar.gz; PyPI refuses sdists whose names are not normalised").arg(expected),
               f.fileName, src(rule_source::pep625, rule_source::pypiUpload));
}

void checkMetadata(const ReleaseFile &f, ReleaseFindingList &out)
{
    const HeaderFile &m = f.metadata();
    const QString mv = m.value(QStringLiteral("Metadata-Version"));
    static const QStringList versions = {QStringLiteral("1.0"), QStringLiteral("1.1"), QStringLiteral("1.2"), QStringLiteral("2.1"),
                                         QStringLiteral("2.2"), QStringLiteral("2.3"), QStringLiteral("2.4")};
    if (mv.isEmpty())
        refuse(out, QStringLiteral("upload.metadata-version"), QStringLiteral("the metadata has no Metadata-Version"), f.fileName,
               src(rule_source::coreMetadata, rule_source::pypiUpload));
    else if (!versions.contains(mv))
        refuse(out, QStringLiteral("upload.metadata-version"),
               QStringLiteral("Metadata-Version %1 is not one PyPI knows (1.0, 1.1, 1.2, 2.1-2.4)").arg(mv), f.fileName,
               src(rule_source::coreMetadata, rule_source::pypiUpload));
    static const QRegularExpression nameRe(QStringLiteral("^([A-Z0-9]|[A-Z0-9][A-Z0-9._-]*[A-Z0-9])$"), QRegularExpression::CaseInsensitiveOption);
    const QString name = m.value(QStringLiteral("Name"));
    if (name.isEmpty())
        refuse(out, QStringLiteral("upload.required-field"), QStringLiteral("the metadata has no Name"), f.fileName, src(rule_source::coreMetadata));
    else if (!nameRe.match(name).hasMatch())
        refuse(out, QStringLiteral("upload.name-invalid"),
               QStringLiteral("Name '%1' must start and end with a letter or digit and hold only letters, digits, '.', '_' and '-'").arg(name),
               f.fileName, src(rule_source::coreMetadata, rule_source::pypiUpload));
    const QString version = m.value(QStringLiteral("Version"));
    if (version.isEmpty())
        refuse(out, QStringLiteral("upload.required-field"), QStringLiteral("the metadata has no Version"), f.fileName, src(rule_source::coreMetadata));
    else if (version.contains(u'+'))
        refuse(out, QStringLiteral("upload.local-version"),
               QStringLiteral("version %1 has a local part (+...): PyPI refuses PEP 440 local versions").arg(version), f.fileName,
               src(rule_source::pypiUpload));
    // PyPI answers 400 "'x' is an invalid value for Author-email. Error: Use a valid email address". It reads the
    // value UNKNOWN (old setuptools' placeholder, in wheels on PyPI) as no value.
    for (const char *field : {"Author-email", "Maintainer-email"}) {
        const QString value = m.value(QString::fromLatin1(field));
        if (value.trimmed() == QLatin1String("UNKNOWN"))
            continue;
        for (const QString &address : PackagingSpecs::emailAddresses(value)) {
            if (!PackagingSpecs::isValidEmail(address))
                refuse(out, QStringLiteral("upload.email-invalid"),
                       QStringLiteral("%1 '%2' is not an e-mail address: PyPI refuses the upload (\"Use a valid email address\")")
                           .arg(QLatin1String(field), address),
                       f.fileName, src(rule_source::coreMetadata, rule_source::pypiUpload));
        }
    }
    out += DescriptionRules::check(m, f.fileName);
}

void checkLicense(const ReleaseFile &f, ReleaseFindingList &out)
{
    const HeaderFile &m = f.metadata();
    const QString expr = m.value(QStringLiteral("License-Expression"));
    const QString mv = m.value(QStringLiteral("Metadata-Version"));
    if (!expr.isEmpty()) {
        if (mv != QLatin1String("2.4") && !mv.isEmpty())
            refuse(out, QStringLiteral("upload.license-expression-version"),
                   QStringLiteral("License-Expression needs Metadata-Version 2.4, this file declares %1").arg(mv), f.fileName,
                   src(rule_source::pep639, rule_source::pypiUpload));
        const SpdxExpression e = SpdxExpression::parse(expr);
        if (!e.valid)
            refuse(out, QStringLiteral("upload.license-expression"),
                   QStringLiteral("License-Expression '%1' is not a valid SPDX expression: %2").arg(expr, e.error), f.fileName,
                   src(rule_source::pep639, rule_source::pypiUpload));
        else if (!e.unknown.isEmpty())
            out.append({QStringLiteral("upload.license-unknown-id"), S::Warning, C::Upload,
                        QStringLiteral("%1 not among the common SPDX identifiers known here; PyPI refuses ids that are not on the SPDX "
                                       "License List (spdx.org/licenses)").arg(e.unknown.join(QStringLiteral(", "))),
                        f.fileName, src(rule_source::pep639)});
    }
    const QStringList licenseFiles = m.values(QStringLiteral("License-File"));
    if (licenseFiles.isEmpty() || mv != QLatin1String("2.4"))
        return;
    QStringList present;
    if (f.isWheel()) {
        for (const WheelFileEntry &e : f.wheel.files)
            present.append(e.path);
    } else {
        for (const SdistFileEntry &e : f.sdist.files)
            present.append(e.path);
    }
    const QString prefix = f.isWheel() ? f.wheel.distInfo + QStringLiteral("/licenses/")
                                       : (f.sdist.root.isEmpty() ? QString() : f.sdist.root + QLatin1Char('/'));
    for (const QString &lf : licenseFiles) {
        if (!present.contains(prefix + lf))
            refuse(out, QStringLiteral("upload.license-file-missing"),
                   QStringLiteral("License-File '%1' is not in the file (expected at %2%1)").arg(lf, prefix), f.fileName,
                   src(rule_source::pep639, rule_source::pypiUpload));
    }
}

} // namespace

bool UploadRules::platformAllowed(const QString &tag, QString *why)
{
    static const QStringList fixed = {
        QStringLiteral("any"), QStringLiteral("win32"), QStringLiteral("win_arm64"), QStringLiteral("win_amd64"), QStringLiteral("win_ia64"),
        QStringLiteral("manylinux1_x86_64"), QStringLiteral("manylinux1_i686"), QStringLiteral("manylinux2010_x86_64"),
        QStringLiteral("manylinux2010_i686"), QStringLiteral("manylinux2014_x86_64"), QStringLiteral("manylinux2014_i686"),
        QStringLiteral("manylinux2014_aarch64"), QStringLiteral("manylinux2014_armv7l"), QStringLiteral("manylinux2014_ppc64"),
        QStringLiteral("manylinux2014_ppc64le"), QStringLiteral("manylinux2014_s390x"), QStringLiteral("linux_armv6l"),
        QStringLiteral("linux_armv7l"),
    };
    if (fixed.contains(tag))
        return true;
    static const QStringList linuxArches = {QStringLiteral("x86_64"), QStringLiteral("i686"), QStringLiteral("aarch64"), QStringLiteral("armv7l"),
                                            QStringLiteral("ppc64le"), QStringLiteral("s390x"), QStringLiteral("riscv64")};
    static const QRegularExpression linuxRe(QStringLiteral("^(many|musl)linux_(\\d+)_(\\d+)_(.+)$"));
    if (const QRegularExpressionMatch m = linuxRe.match(tag); m.hasMatch()) {
        const QString arch = m.captured(4);
        if (linuxArches.contains(arch) || (m.captured(1) == QLatin1String("many") && arch == QLatin1String("ppc64")))
            return true;
        if (why)
            *why = QStringLiteral("PyPI accepts %1linux wheels only for %2").arg(m.captured(1), linuxArches.join(QStringLiteral(", ")));
        return false;
    }
    static const QRegularExpression macRe(QStringLiteral("^macosx_(\\d+)_(\\d+)_(.+)$"));
    static const QStringList macArches = {QStringLiteral("ppc"), QStringLiteral("ppc64"), QStringLiteral("i386"), QStringLiteral("x86_64"),
                                          QStringLiteral("arm64"), QStringLiteral("intel"), QStringLiteral("fat"), QStringLiteral("fat3"),
                                          QStringLiteral("fat64"), QStringLiteral("universal"), QStringLiteral("universal2")};
    if (const QRegularExpressionMatch m = macRe.match(tag); m.hasMatch()) {
        if (macArches.contains(m.captured(3)))
            return true;
        if (why)
            *why = QStringLiteral("'%1' is not a macOS architecture PyPI knows").arg(m.captured(3));
        return false;
    }
    static const QRegularExpression iosRe(QStringLiteral("^ios_(\\d+)_(\\d+)_(arm64|x86_64)_(iphoneos|iphonesimulator)$"));
    static const QRegularExpression androidRe(QStringLiteral("^android_(\\d+)_(armeabi_v7a|arm64_v8a|x86|x86_64)$"));
    if (iosRe.match(tag).hasMatch() || androidRe.match(tag).hasMatch())
        return true;
    if (why) {
        if (tag.startsWith(QLatin1String("linux_")))
            *why = QStringLiteral("a plain linux tag promises nothing about the system libraries; repair the wheel to manylinux/musllinux "
                                  "(maturin --compatibility, or auditwheel)");
        else
            *why = QStringLiteral("not a platform tag PyPI knows");
    }
    return false;
}

ReleaseFindingList UploadRules::checkFile(const ReleaseFile &f, const UploadOptions &options)
{
    ReleaseFindingList out;
    if (!f.readable()) {
        refuse(out, QStringLiteral("upload.unreadable"),
               QStringLiteral("the file cannot be read: %1").arg(f.isWheel() ? f.wheel.unreadableReason : f.sdist.unreadableReason), f.fileName,
               src(rule_source::pypiUpload));
        return out;
    }
    checkNames(f, out);
    if (f.isWheel()) {
        for (const QString &p : f.wheel.filename.platformTags) {
            QString why;
            if (!platformAllowed(p, &why))
                refuse(out, QStringLiteral("upload.platform-tag"), QStringLiteral("platform tag %1 is refused: %2").arg(p, why), f.fileName,
                       src(rule_source::pypiUpload));
        }
    }
    if (f.size > options.maxFileSize)
        refuse(out, QStringLiteral("upload.file-too-large"),
               QStringLiteral("%1 is over the upload limit of %2 (PyPI's default is 100 MB; a project can ask PyPI for a larger limit)")
                   .arg(QLocale().formattedDataSize(f.size), QLocale().formattedDataSize(options.maxFileSize, 0, QLocale::DataSizeSIFormat)),
               f.fileName, src(rule_source::pypiUpload));
    checkMetadata(f, out);
    checkLicense(f, out);
    return out;
}

ReleaseFindingList UploadRules::check(const ReleaseSet &set, const UploadOptions &options)
{
    ReleaseFindingList out;
    QStringList names, versions;
    for (const ReleaseFile &f : set.files) {
        out += checkFile(f, options);
        if (f.readable()) {
            names.append(normalizeProjectName(f.name()));
            versions.append(f.version());
        }
    }
    // One name and one version across the set.
    const QString name = majority(names), version = majority(versions);
    for (const ReleaseFile &f : set.files) {
        if (!f.readable())
            continue;
        if (normalizeProjectName(f.name()) != name)
            refuse(out, QStringLiteral("upload.mixed-names"),
                   QStringLiteral("this file is for '%1', the rest of the set for '%2'").arg(f.name(), name), f.fileName, src(rule_source::pypiUpload));
        else if (f.version() != version)
            refuse(out, QStringLiteral("upload.mixed-versions"),
                   QStringLiteral("this file is version %1, the rest of the set %2: it would land in another release").arg(f.version(), version),
                   f.fileName, src(rule_source::pypiUpload));
    }
    // Duplicates: the same file name twice, or the same contents under two names.
    QHash<QString, const ReleaseFile *> byName, byHash;
    for (const ReleaseFile &f : set.files) {
        if (const ReleaseFile *o = byName.value(f.fileName)) {
            refuse(out, QStringLiteral("upload.duplicate-file"),
                   QStringLiteral("%1 is in the set twice (%2 and %3)%4: PyPI refuses a file name it already has")
                       .arg(f.fileName, o->path, f.path, o->sha256 == f.sha256 ? QStringLiteral(", same contents") : QStringLiteral(", different contents")),
                   f.fileName, src(rule_source::pypiUpload));
        } else if (const ReleaseFile *h = f.sha256.isEmpty() ? nullptr : byHash.value(f.sha256)) {
            refuse(out, QStringLiteral("upload.duplicate-contents"),
                   QStringLiteral("the same bytes as %1: PyPI refuses a file whose contents it already has").arg(h->fileName), f.fileName,
                   src(rule_source::pypiUpload));
        }
        byName.insert(f.fileName, &f);
        if (!f.sha256.isEmpty())
            byHash.insert(f.sha256, &f);
    }
    return out;
}

} // namespace wb
