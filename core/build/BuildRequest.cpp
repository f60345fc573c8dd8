#include "core/build/BuildRequest.h"

#include "core/build/PyprojectBuildSettings.h"
#include "core/build/ShellQuote.h"

namespace wb {

QString BuildRequest::commandName(Command command)
{
    switch (command) {
    case Command::Build: return QStringLiteral("build");
    case Command::Develop: return QStringLiteral("develop");
    case Command::Sdist: return QStringLiteral("sdist");
    }
    return {};
}

QStringList BuildRequest::compatibilityValues(const QString &text)
{
    QString t = text;
    t.replace(u',', u' ');
    return t.split(u' ', Qt::SkipEmptyParts);
}

QStringList BuildRequest::arguments() const
{
    QStringList args{commandName(command)};
    const bool build = command == Command::Build;
    const bool develop = command == Command::Develop;
    if (build || develop) {
        if (profile == Profile::Release)
            args << QStringLiteral("--release");
        else if (profile == Profile::Named && !profileName.isEmpty())
            args << QStringLiteral("--profile") << profileName;
    }
    if (build) {
        if (findInterpreter)
            args << QStringLiteral("--find-interpreter");
        else if (!interpreters.isEmpty())
            args << QStringLiteral("--interpreter") << interpreters;
        if (!compatibilityValues(compatibility).isEmpty())
            args << QStringLiteral("--compatibility") << compatibilityValues(compatibility);
        if (!auditwheel.isEmpty())
            args << QStringLiteral("--auditwheel") << auditwheel;
        if (strip)
            args << (*strip ? QStringLiteral("--strip") : QStringLiteral("--strip=false"));
        if (zig)
            args << QStringLiteral("--zig");
        if (sdist)
            args << QStringLiteral("--sdist");
        if (includeDebuginfo)
            args << QStringLiteral("--include-debuginfo");
        if (!sbomInclude.isEmpty())
            args << QStringLiteral("--sbom-include") << sbomInclude;
    }
    if (build || develop) {
        if (pgo)
            args << QStringLiteral("--pgo");
        if (generateStubs)
            args << QStringLiteral("--generate-stubs");
        if (!compressionMethod.isEmpty())
            args << QStringLiteral("--compression-method") << compressionMethod;
        if (compressionLevel)
            args << QStringLiteral("--compression-level") << QString::number(*compressionLevel);
    }
    if (develop) {
        if (!extras.isEmpty())
            args << QStringLiteral("--extras=%1").arg(extras.join(u','));
        if (!groups.isEmpty())
            args << QStringLiteral("--group=%1").arg(groups.join(u','));
        if (uv)
            args << QStringLiteral("--uv");
        if (skipInstall)
            args << QStringLiteral("--skip-install");
    }
    if ((build || command == Command::Sdist) && !outDir.isEmpty())
        args << QStringLiteral("--out") << outDir;
    if (build || develop) {
        if (!features.isEmpty())
            args << QStringLiteral("--features") << features.join(u',');
        if (allFeatures)
            args << QStringLiteral("--all-features");
        if (noDefaultFeatures)
            args << QStringLiteral("--no-default-features");
        if (build && !target.isEmpty())
            args << QStringLiteral("--target") << target;
    }
    if (!manifestPath.isEmpty())
        args << QStringLiteral("--manifest-path") << manifestPath;
    if (build || develop) {
        if (locked)
            args << QStringLiteral("--locked");
        if (frozen)
            args << QStringLiteral("--frozen");
        if (offline)
            args << QStringLiteral("--offline");
    }
    args << extraArguments;
    return args;
}

QString BuildRequest::commandLine(const QStringList &maturinCommand) const
{
    return shell::join(maturinCommand + arguments());
}

BuildRequest BuildRequest::withExtraFlags() const
{
    BuildRequest r = *this;
    const QStringList &x = extraArguments;
    // The value of an option written "--opt VALUE", "--opt=VALUE" or (short) "-oVALUE"; null when `arg` is not it.
    auto value = [&x](qsizetype &i, const QString &longName, const QString &shortName = {}) -> std::optional<QString> {
        const QString &arg = x.at(i);
        if (arg == longName || (!shortName.isEmpty() && arg == shortName))
            return i + 1 < x.size() ? std::optional<QString>(x.at(++i)) : std::optional<QString>(QString());
        if (arg.startsWith(longName + u'='))
            return arg.mid(longName.size() + 1);
        if (!shortName.isEmpty() && arg.startsWith(shortName) && arg.size() > shortName.size())
            return arg.mid(shortName.size());
        return std::nullopt;
    };
    for (qsizetype i = 0; i < x.size(); ++i) {
        const QString &arg = x.at(i);
        if (arg == u"--")
            break;
        if (arg == u"-r" || arg == u"--release") {
            r.profile = Profile::Release;
        } else if (const auto v = value(i, QStringLiteral("--features"), QStringLiteral("-F"))) {
            QString list = *v; // maturin collects every -F, the form's and the typed ones
            list.replace(u',', u' ');
            for (const QString &f : list.split(u' ', Qt::SkipEmptyParts)) {
                if (!r.features.contains(f))
                    r.features << f;
            }
        } else if (const auto v = value(i, QStringLiteral("--profile"))) {
            r.profile = Profile::Named;
            r.profileName = *v;
        } else if (const auto v = value(i, QStringLiteral("--compatibility"))) {
            r.compatibility = *v;
        } else if (const auto v = value(i, QStringLiteral("--auditwheel"))) {
            r.auditwheel = *v;
        } else if (arg == u"--strip" || arg == u"--strip=true") {
            r.strip = true;
        } else if (arg == u"--strip=false") {
            r.strip = false;
        } else if (const auto v = value(i, QStringLiteral("--manifest-path"), QStringLiteral("-m"))) {
            r.manifestPath = *v;
        }
    }
    r.extraArguments.clear();
    return r;
}

QStringList BuildRequest::overrideWarnings(const PyprojectBuildSettings &settings) const
{
    return extraArguments.isEmpty() ? overrideWarningsOfForm(settings) : withExtraFlags().overrideWarningsOfForm(settings);
}

QStringList BuildRequest::overrideWarningsOfForm(const PyprojectBuildSettings &s) const
{
    QStringList out;
    const bool compiles = command != Command::Sdist;
    if (compiles && !features.isEmpty() && !s.features.isEmpty()) {
        QStringList dropped;
        for (const QString &f : s.features) {
            if (!features.contains(f))
                dropped << f;
        }
        if (!dropped.isEmpty()) {
            out << QStringLiteral("--features replaces the whole `features` list of [tool.maturin]: %1 will not be enabled "
                                  "unless you add it to the features here.")
                       .arg(dropped.join(QStringLiteral(", ")));
        }
    }
    if (compiles && !s.profile.isEmpty()) {
        if (profile == Profile::Release && s.profile != u"release")
            out << QStringLiteral("--release replaces `profile = \"%1\"` from [tool.maturin].").arg(s.profile);
        else if (profile == Profile::Named && profileName != s.profile)
            out << QStringLiteral("--profile %1 replaces `profile = \"%2\"` from [tool.maturin].").arg(profileName, s.profile);
        else if (profile == Profile::Debug)
            out << QStringLiteral("Debug builds without --profile use `profile = \"%1\"` from [tool.maturin].").arg(s.profile);
    }
    if (command == Command::Build) {
        if (!compatibility.isEmpty() && !s.compatibility.isEmpty() && compatibility != s.compatibility)
            out << QStringLiteral("--compatibility %1 replaces `compatibility = \"%2\"` from [tool.maturin].").arg(compatibility, s.compatibility);
        if (!auditwheel.isEmpty() && !s.auditwheel.isEmpty() && auditwheel != s.auditwheel)
            out << QStringLiteral("--auditwheel %1 replaces `auditwheel = \"%2\"` from [tool.maturin].").arg(auditwheel, s.auditwheel);
        if (strip && s.strip && *strip != *s.strip)
            out << QStringLiteral("--strip=%1 replaces `strip = %2` from [tool.maturin].")
                       .arg(*strip ? QStringLiteral("true") : QStringLiteral("false"), *s.strip ? QStringLiteral("true") : QStringLiteral("false"));
    }
    if (!manifestPath.isEmpty() && !s.manifestPath.isEmpty() && manifestPath != s.manifestPath)
        out << QStringLiteral("--manifest-path %1 replaces `manifest-path = \"%2\"` from [tool.maturin].").arg(manifestPath, s.manifestPath);
    return out;
}

QStringList BuildRequest::problems() const
{
    QStringList out;
    if (profile == Profile::Named && profileName.trimmed().isEmpty() && command != Command::Sdist)
        out << QStringLiteral("Give the name of the Cargo profile to use.");
    if (findInterpreter && !interpreters.isEmpty() && command == Command::Build)
        out << QStringLiteral("--find-interpreter and --interpreter cannot be used together.");
    if (command == Command::Develop && (zig || !compatibility.isEmpty() || !outDir.isEmpty() || sdist))
        out << QStringLiteral("develop installs into the virtual environment: --zig, --compatibility, --out and --sdist do not apply.");
    if (projectDir.isEmpty())
        out << QStringLiteral("No project folder.");
    return out;
}

} // namespace wb
