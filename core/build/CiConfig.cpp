#include "core/build/CiConfig.h"

#include "core/toml/TomlTree.h"

#include <QFile>

#include <toml++/toml.hpp>

#include <string_view>

namespace wb {

QString ciJobName(CiJobPlatform p)
{
    switch (p) {
    case CiJobPlatform::Linux: return QStringLiteral("linux");
    case CiJobPlatform::Musllinux: return QStringLiteral("musllinux");
    case CiJobPlatform::Windows: return QStringLiteral("windows");
    case CiJobPlatform::Macos: return QStringLiteral("macos");
    case CiJobPlatform::Emscripten: return QStringLiteral("emscripten");
    case CiJobPlatform::Android: return QStringLiteral("android");
    }
    return {};
}

namespace {

const QList<CiJobPlatform> allPlatforms = {CiJobPlatform::Linux, CiJobPlatform::Musllinux, CiJobPlatform::Windows,
                                        CiJobPlatform::Macos, CiJobPlatform::Emscripten, CiJobPlatform::Android};
const QList<CiJobPlatform> defaultPlatforms = {CiJobPlatform::Linux, CiJobPlatform::Musllinux, CiJobPlatform::Windows, CiJobPlatform::Macos};

QString str(const toml::node *node)
{
    if (node)
        if (auto v = node->value<std::string>())
            return QString::fromStdString(*v);
    return {};
}

std::optional<bool> boolean(const toml::table &t, std::string_view key)
{
    if (const toml::node *n = t.get(key))
        return n->value<bool>();
    return std::nullopt;
}

CiTargetSettings overrides(const toml::table &t)
{
    CiTargetSettings s;
    s.runner = str(t.get("runner"));
    s.manylinux = str(t.get("manylinux"));
    s.container = str(t.get("container"));
    s.dockerOptions = str(t.get("docker-options"));
    s.rustToolchain = str(t.get("rust-toolchain"));
    s.rustupComponents = str(t.get("rustup-components"));
    s.beforeScriptLinux = str(t.get("before-script-linux"));
    s.args = str(t.get("args"));
    return s;
}

CiGithubConfig::Platform platformConfig(const toml::table &t)
{
    CiGithubConfig::Platform p;
    p.overrides = overrides(t);
    if (const toml::array *a = t.get_as<toml::array>("targets")) {
        QStringList list;
        for (const toml::node &n : *a)
            list << str(&n);
        p.targets = list;
    }
    if (const toml::array *a = t.get_as<toml::array>("target")) {
        QList<CiGithubConfig::Target> list;
        for (const toml::node &n : *a) {
            if (const toml::table *tt = n.as_table())
                list << CiGithubConfig::Target{str(tt->get("arch")), overrides(*tt)};
        }
        p.target = list;
    }
    return p;
}

// maturin's defaults per platform (src/ci: default targets, runners, manylinux and toolchain).
QStringList defaultTargets(CiJobPlatform p)
{
    switch (p) {
    case CiJobPlatform::Linux: return {QStringLiteral("x86_64"), QStringLiteral("x86"), QStringLiteral("aarch64"), QStringLiteral("armv7"), QStringLiteral("s390x"), QStringLiteral("ppc64le")};
    case CiJobPlatform::Musllinux: return {QStringLiteral("x86_64"), QStringLiteral("x86"), QStringLiteral("aarch64"), QStringLiteral("armv7")};
    case CiJobPlatform::Windows: return {QStringLiteral("x64"), QStringLiteral("x86"), QStringLiteral("aarch64")};
    case CiJobPlatform::Macos: return {QStringLiteral("x86_64"), QStringLiteral("aarch64")};
    case CiJobPlatform::Emscripten: return {QStringLiteral("wasm32-unknown-emscripten")};
    case CiJobPlatform::Android: return {QStringLiteral("aarch64-linux-android"), QStringLiteral("x86_64-linux-android")};
    }
    return {};
}

QString defaultRunner(CiJobPlatform p, const QString &arch)
{
    switch (p) {
    case CiJobPlatform::Windows: return arch == u"aarch64" ? QStringLiteral("windows-11-arm") : QStringLiteral("windows-latest");
    case CiJobPlatform::Macos: return arch == u"x86_64" ? QStringLiteral("macos-15-intel") : QStringLiteral("macos-latest");
    case CiJobPlatform::Android: return QStringLiteral("ubuntu-latest");
    default: return QStringLiteral("ubuntu-22.04");
    }
}

QString defaultPythonArch(CiJobPlatform p, const QString &arch)
{
    if (p != CiJobPlatform::Windows)
        return {};
    if (arch == u"aarch64")
        return QStringLiteral("arm64");
    return arch == u"x86" ? QStringLiteral("x86") : QStringLiteral("x64");
}

QString first(const QString &a, const QString &b, const QString &c = {})
{
    return !a.isEmpty() ? a : !b.isEmpty() ? b : c;
}

} // namespace

CiGithubConfig CiGithubConfig::read(const QString &pyprojectPath)
{
    CiGithubConfig c;
    QFile file(pyprojectPath);
    if (!file.open(QIODevice::ReadOnly))
        return c;
    const TomlDocument doc = TomlDocument::parse(file.read(8 * 1024 * 1024), pyprojectPath);
    if (!doc.isValid())
        return c;
    const toml::table *gh =
        doc.parsed()->root[std::string_view("tool")]["maturin"]["generate-ci"]["github"].as_table();
    if (!gh)
        return c;
    c.present = true;
    c.pytest = boolean(*gh, "pytest");
    c.zig = boolean(*gh, "zig");
    c.skipAttestation = boolean(*gh, "skip-attestation");
    c.trustedPublishing = boolean(*gh, "trusted-publishing");
    c.publishingEnvironment = str(gh->get("publishing-environment"));
    c.args = str(gh->get("args"));
    for (const CiJobPlatform p : allPlatforms) {
        const std::string key = ciJobName(p).toStdString();
        if (const toml::table *t = gh->get_as<toml::table>(key)) {
            const Platform pc = platformConfig(*t);
            const QString where = QStringLiteral("[tool.maturin.generate-ci.github.%1]").arg(ciJobName(p));
            if (pc.targets && pc.target && c.error.isEmpty())
                c.error = QStringLiteral("%1: `targets` and `[[target]]` are mutually exclusive").arg(where);
            else if (pc.targets && pc.targets->isEmpty() && c.error.isEmpty())
                c.error = QStringLiteral("%1: `targets` must not be empty").arg(where);
            else if (pc.target && pc.target->isEmpty() && c.error.isEmpty())
                c.error = QStringLiteral("%1: `[[target]]` must not be empty").arg(where);
            c.platforms.insert(p, pc);
        }
    }
    return c;
}

CiResolved CiResolved::resolve(const CiGithubConfig &config, bool pytest, bool zig, bool skipAttestation, bool bin,
                               const QList<CiJobPlatform> &asked)
{
    CiResolved r;
    r.pytest = pytest || config.pytest.value_or(false);
    r.zig = zig || config.zig.value_or(false);
    r.skipAttestation = skipAttestation || config.skipAttestation.value_or(false);
    r.trustedPublishing = config.trustedPublishing.value_or(false);
    r.publishingEnvironment = config.publishingEnvironment;
    r.error = config.error;

    QList<CiJobPlatform> platforms;
    if (!asked.isEmpty()) {
        platforms = asked;
    } else {
        for (const CiJobPlatform p : allPlatforms) {
            if (config.platforms.contains(p))
                platforms << p;
        }
        if (platforms.isEmpty())
            platforms = defaultPlatforms;
    }
    for (const CiJobPlatform p : allPlatforms) { // maturin's order, whatever order they were asked in
        if (!platforms.contains(p) || (bin && p == CiJobPlatform::Emscripten))
            continue;
        const auto pc = config.platforms.constFind(p);
        const CiGithubConfig::Platform *platform = pc == config.platforms.constEnd() ? nullptr : &*pc;
        QStringList arches = defaultTargets(p);
        if (platform && platform->target) {
            arches.clear();
            for (const CiGithubConfig::Target &t : *platform->target)
                arches << t.arch;
        } else if (platform && platform->targets) {
            arches = *platform->targets;
        }
        QList<CiResolvedTarget> targets;
        for (const QString &arch : arches) {
            CiTargetSettings per;
            if (platform && platform->target) {
                for (const CiGithubConfig::Target &t : *platform->target) {
                    if (t.arch == arch) {
                        per = t.overrides;
                        break;
                    }
                }
            }
            const CiTargetSettings pl = platform ? platform->overrides : CiTargetSettings{};
            CiResolvedTarget t;
            t.target = arch;
            t.pythonArch = defaultPythonArch(p, arch);
            CiTargetSettings &s = t.settings;
            s.runner = first(per.runner, pl.runner, defaultRunner(p, arch));
            const QString manylinux = p == CiJobPlatform::Linux       ? QStringLiteral("auto")
                                      : p == CiJobPlatform::Musllinux ? QStringLiteral("musllinux_1_2")
                                                                   : QString();
            s.manylinux = first(per.manylinux, pl.manylinux, manylinux);
            s.container = first(per.container, pl.container);
            s.dockerOptions = first(per.dockerOptions, pl.dockerOptions);
            s.rustToolchain = first(per.rustToolchain, pl.rustToolchain, p == CiJobPlatform::Emscripten ? QStringLiteral("nightly") : QString());
            s.rustupComponents = first(per.rustupComponents, pl.rustupComponents);
            s.beforeScriptLinux = first(per.beforeScriptLinux, pl.beforeScriptLinux);
            s.args = first(per.args, pl.args, config.args);
            targets << t;
        }
        r.platforms.append({p, targets});
    }
    return r;
}

} // namespace wb
