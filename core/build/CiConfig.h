#pragma once

#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

namespace wb {

// What maturin-action is told per target; empty means "not set" (the input is left out).
struct CiTargetSettings {
    QString runner;
    QString manylinux;
    QString container;
    QString dockerOptions;
    QString rustToolchain;
    QString rustupComponents;
    QString beforeScriptLinux;
    QString args; // extra maturin arguments
};

// The platforms of `maturin generate-ci github`, in the order maturin writes their jobs.
enum class CiJobPlatform { Linux, Musllinux, Windows, Macos, Emscripten, Android };

struct CiResolvedTarget {
    QString target;
    QString pythonArch; // Windows only
    CiTargetSettings settings;
};

// [tool.maturin.generate-ci.github] (maturin 1.13+): platforms with their targets, per-platform
// and per-target overrides, and the workflow-wide switches. Every key is optional.
struct CiGithubConfig {
    struct Target {
        QString arch;
        CiTargetSettings overrides;
    };
    struct Platform {
        CiTargetSettings overrides;
        std::optional<QStringList> targets;   // `targets = [...]`
        std::optional<QList<Target>> target;  // `[[...target]]`
    };
    bool present = false; // the section exists
    std::optional<bool> pytest;
    std::optional<bool> zig;
    std::optional<bool> skipAttestation;
    std::optional<bool> trustedPublishing;
    QString publishingEnvironment;
    QString args; // for every platform
    QMap<CiJobPlatform, Platform> platforms;
    QString error; // what maturin would refuse, in its words

    // Reads the section from a pyproject.toml; a missing file or section gives an empty config.
    static CiGithubConfig read(const QString &pyprojectPath);
};

// The configuration with CLI-like switches merged in, as maturin's resolve step does.
struct CiResolved {
    bool pytest = false;
    bool zig = false;
    bool skipAttestation = false;
    bool trustedPublishing = false;
    QString publishingEnvironment;
    QList<QPair<CiJobPlatform, QList<CiResolvedTarget>>> platforms;
    QString error;

    // platforms: the ones asked for (empty: the configured ones, else linux/musllinux/windows/macos).
    // bin: a "bin" project never gets the emscripten job.
    static CiResolved resolve(const CiGithubConfig &config, bool pytest, bool zig, bool skipAttestation, bool bin,
                              const QList<CiJobPlatform> &platforms = {});
};

QString ciJobName(CiJobPlatform p); // the job name: linux, musllinux, windows, macos, emscripten, android

} // namespace wb
