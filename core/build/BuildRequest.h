#pragma once

#include <QMetaType>
#include <QString>
#include <QStringList>

#include <optional>

namespace wb {

struct PyprojectBuildSettings;

// What the user asked for, as values. Each option maps to one real maturin flag; the version each
// flag needs is in resources/maturin/flags.json (MaturinFlags).
struct BuildRequest {
    enum class Command { Build, Develop, Sdist };
    enum class Profile { Debug, Release, Named };

    Command command = Command::Build;
    QString projectDir;
    Profile profile = Profile::Release;      // Debug: no flag (cargo's dev profile, or pyproject's `profile`)
    QString profileName;                     // --profile NAME, with Profile::Named
    QStringList interpreters;                // -i A B ...
    bool findInterpreter = false;            // -f
    QString compatibility;                   // --compatibility TAG... ("manylinux_2_28 pypi"; spaces or commas between values)
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
    bool pgo = false;                        // --pgo (build; develop from 1.15)
    bool includeDebuginfo = false;           // --include-debuginfo (build)
    QStringList sbomInclude;                 // --sbom-include FILE... (build)
    bool generateStubs = false;              // --generate-stubs (build, develop)
    QString compressionMethod;               // --compression-method deflated|stored|bzip2|zstd (build, develop)
    std::optional<int> compressionLevel;     // --compression-level N (build, develop)
    QStringList extras;                      // -E a,b (develop)
    QStringList groups;                      // -G a,b (develop)
    bool uv = false;                         // --uv (develop)
    bool skipInstall = false;                // --skip-install (develop)
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
    // The values of a --compatibility text ("manylinux_2_28, pypi" -> both).
    static QStringList compatibilityValues(const QString &text);

private:
    QStringList overrideWarningsOfForm(const PyprojectBuildSettings &settings) const;
};

} // namespace wb

Q_DECLARE_METATYPE(wb::BuildRequest)
