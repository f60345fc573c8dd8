#pragma once

#include <QMetaType>
#include <QString>
#include <QStringList>

#include <optional>

namespace wb {

struct PyprojectBuildSettings;

// What the user asked for, as values. Each option maps to one real maturin flag (maturin 1.8).
struct BuildRequest {
    enum class Command { Build, Develop, Sdist };
    enum class Profile { Debug, Release, Named };

    Command command = Command::Build;
    QString projectDir;
    Profile profile = Profile::Release;      // Debug: no flag (cargo's dev profile, or pyproject's `profile`)
    QString profileName;                     // --profile NAME, with Profile::Named
    QStringList interpreters;                // -i A B ...
    bool findInterpreter = false;            // -f
    QString compatibility;                   // --compatibility TAG ("manylinux2014", "pypi", ...)
    QString auditwheel;                      // --auditwheel repair|check|warn|skip
    std::optional<bool> strip;               // --strip / --strip=false
    bool zig = false;                        // --zig
    QString outDir;                          // -o DIR
    QStringList features;                    // -F a,b
    bool allFeatures = false;                // --all-features
    bool noDefaultFeatures = false;          // --no-default-features
    QString target;                          // --target TRIPLE
    QString manifestPath;                    // -m PATH
    bool locked = false;                     // --locked
    bool frozen = false;                     // --frozen
    bool offline = false;                    // --offline
    bool sdist = false;                      // --sdist (build only)
    QStringList extraArguments;              // passed at the end, as given

    // The maturin arguments ("build", "--release", ...), only flags valid for the command.
    QStringList arguments() const;
    // The whole command, shell-quoted and copyable: `maturin build --release -o dist`.
    QString commandLine(const QStringList &maturinCommand = {QStringLiteral("maturin")}) const;
    // Sentences about CLI options that silently replace pyproject.toml settings, the ones typed in
    // extraArguments included (-F/--features, -r/--release, --profile, --compatibility, --auditwheel,
    // --strip, -m/--manifest-path).
    QStringList overrideWarnings(const PyprojectBuildSettings &settings) const;
    // This request with the flags in extraArguments applied to the fields (and extraArguments empty).
    BuildRequest withExtraFlags() const;
    // Options that do not go together, or do not apply to the command (empty when fine).
    QStringList problems() const;

    static QString commandName(Command command);

private:
    QStringList overrideWarningsOfForm(const PyprojectBuildSettings &settings) const;
};

} // namespace wb

Q_DECLARE_METATYPE(wb::BuildRequest)
