#include "core/project/EffectiveSettings.h"

#include "core/toml/TomlTree.h"

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>

namespace wb {

namespace {
TomlKeyPath k(std::initializer_list<const char *> parts)
{
    QStringList s;
    for (const char *p : parts)
        s << QString::fromUtf8(p);
    return TomlKeyPath(s);
}

QVersionNumber lowestOf(const QString &req)
{
    static const QRegularExpression num(QStringLiteral("([0-9]+(?:\\.[0-9]+)*)"));
    // Cargo requirements: "0.22", "^0.27.2", "=0.29", ">=0.21, <0.23", "~0.20"
    const auto m = num.match(req);
    if (!m.hasMatch())
        return {};
    return QVersionNumber::fromString(m.captured(1));
}
} // namespace

EffectiveSettings computeEffectiveSettings(const Project &p)
{
    EffectiveSettings e;
    const TomlDocument &py = p.pyproject;
    const TomlDocument &cargo = p.cargo;
    e.maturinBackend = py.string(k({"build-system", "build-backend"})) == QLatin1String("maturin");
    e.hasToolMaturin = py.kind(k({"tool", "maturin"})) == TomlDocument::Kind::Table;

    // Cargo facts
    e.packageName = cargo.string(k({"package", "name"}));
    e.libName = cargo.string(k({"lib", "name"}));
    e.crateTypes = cargo.stringArray(k({"lib", "crate-type"}));
    if (e.crateTypes.isEmpty())
        e.crateTypes = cargo.stringArray(k({"lib", "crate_type"}));
    e.hasBinTarget = cargo.kind(k({"bin"})) == TomlDocument::Kind::Array;
    if (!e.hasBinTarget && !p.cargoPath.isEmpty() && p.options.checkFilesystem)
        e.hasBinTarget = QFileInfo(QFileInfo(p.cargoPath).absoluteDir().filePath(QStringLiteral("src/main.rs"))).isFile();
    e.cargoFeatures = cargo.keys(k({"features"}));
    e.dependencies = cargo.keys(k({"dependencies"}));
    for (const QString &dep : e.dependencies) {
        if (cargo.boolean(TomlKeyPath({QStringLiteral("dependencies"), dep, QStringLiteral("optional")})))
            e.optionalDependencies << dep;
    }

    // [tool.maturin] features
    if (const toml::node *f = tomlNodeAt(py, k({"tool", "maturin", "features"}))) {
        if (const toml::array *a = f->as_array()) {
            for (const toml::node &n : *a) {
                if (n.is_string())
                    e.toolFeatures << tomlString(&n);
                else if (const toml::table *t = n.as_table())
                    e.toolFeatures << tomlString(t->get("feature"));
            }
        }
    }

    // PyO3
    QString pyo3Key;
    for (const char *name : {"pyo3", "pyo3-ffi"}) {
        if (cargo.contains(TomlKeyPath({QStringLiteral("dependencies"), QString::fromLatin1(name)}))) {
            pyo3Key = QString::fromLatin1(name);
            break;
        }
    }
    if (!pyo3Key.isEmpty()) {
        e.hasPyo3 = true;
        const TomlKeyPath dep({QStringLiteral("dependencies"), pyo3Key});
        QString req;
        QStringList features;
        if (cargo.kind(dep) == TomlDocument::Kind::String) {
            req = cargo.string(dep);
        } else {
            req = cargo.string(dep.child(QStringLiteral("version")));
            features = cargo.stringArray(dep.child(QStringLiteral("features")));
            if (cargo.boolean(dep.child(QStringLiteral("workspace")))) {
                const TomlKeyPath wsDep({QStringLiteral("workspace"), QStringLiteral("dependencies"), pyo3Key});
                const TomlDocument &root = p.workspaceRoot;
                if (root.kind(wsDep) == TomlDocument::Kind::String)
                    req = root.string(wsDep);
                else {
                    req = root.string(wsDep.child(QStringLiteral("version")));
                    features += root.stringArray(wsDep.child(QStringLiteral("features")));
                }
                if (req.isEmpty())
                    e.pyo3Requirement = QStringLiteral("workspace");
            }
        }
        if (!req.isEmpty()) {
            e.pyo3Requirement = req;
            e.pyo3Version = lowestOf(req);
        }
        for (const QString &f : features) {
            e.pyo3Features << f;
            if (f == QLatin1String("extension-module")) {
                e.extensionModule = true;
                e.extensionModuleFrom = QStringLiteral("Cargo.toml [dependencies] %1 features").arg(pyo3Key);
            }
        }
        // Cargo [features] that enable pyo3/extension-module, and [tool.maturin] features.
        const QString prefix = pyo3Key + u'/';
        for (const QString &tf : e.toolFeatures) {
            if (tf.startsWith(prefix)) {
                e.pyo3Features << tf.mid(prefix.size());
                if (tf.mid(prefix.size()) == QLatin1String("extension-module")) {
                    e.extensionModule = true;
                    e.extensionModuleFrom = QStringLiteral("[tool.maturin] features");
                }
            } else {
                // A crate feature enabled by maturin that turns on pyo3 features.
                for (const QString &sub : cargo.stringArray(TomlKeyPath({QStringLiteral("features"), tf}))) {
                    if (sub.startsWith(prefix)) {
                        e.pyo3Features << sub.mid(prefix.size());
                        if (sub.mid(prefix.size()) == QLatin1String("extension-module")) {
                            e.extensionModule = true;
                            e.extensionModuleFrom = QStringLiteral("Cargo.toml [features] %1").arg(tf);
                        }
                    }
                }
            }
        }
        // Default features of the crate.
        for (const QString &sub : cargo.stringArray(k({"features", "default"}))) {
            for (const QString &sub2 : QStringList{sub} + cargo.stringArray(TomlKeyPath({QStringLiteral("features"), sub}))) {
                if (sub2 == prefix + QLatin1String("extension-module") && !e.extensionModule) {
                    e.extensionModule = true;
                    e.extensionModuleFrom = QStringLiteral("Cargo.toml [features] default");
                }
                if (sub2.startsWith(prefix))
                    e.pyo3Features << sub2.mid(prefix.size());
            }
        }
        static const QRegularExpression abi3(QStringLiteral("^abi3-py3([0-9]+)$"));
        for (const QString &f : e.pyo3Features) {
            const auto m = abi3.match(f);
            if (m.hasMatch() && (e.abi3Minor < 0 || m.captured(1).toInt() < e.abi3Minor)) {
                e.abi3Minor = m.captured(1).toInt();
                e.abi3Feature = f;
            }
        }
        e.pyo3Features.removeDuplicates();
    }

    // Module name: module-name -> [lib] name -> [project] name -> package name.
    const QString moduleName = py.string(k({"tool", "maturin", "module-name"}));
    const QString projectName = py.string(k({"project", "name"}));
    if (!moduleName.isEmpty()) {
        e.moduleName = moduleName;
        e.moduleNameFrom = QStringLiteral("[tool.maturin] module-name");
    } else if (!e.libName.isEmpty()) {
        e.moduleName = e.libName;
        e.moduleNameFrom = QStringLiteral("Cargo.toml [lib] name");
    } else if (!projectName.isEmpty()) {
        e.moduleName = projectName;
        e.moduleNameFrom = QStringLiteral("[project] name");
    } else {
        // Cargo's default lib target name: the package name with '-' read as '_'.
        e.moduleName = QString(e.packageName).replace(u'-', u'_');
        e.moduleNameFrom = QStringLiteral("Cargo.toml [package] name");
    }
    e.extensionName = e.moduleName.section(u'.', -1);

    // python-source
    const QString ps = py.string(k({"tool", "maturin", "python-source"}));
    if (!ps.isEmpty()) {
        e.pythonSource = ps;
        e.pythonSourceFrom = QStringLiteral("[tool.maturin] python-source");
    } else {
        const QDir dir(p.dir);
        const QString first = e.moduleName.section(u'.', 0, 0);
        if (p.options.checkFilesystem && QFileInfo(dir.filePath(QStringLiteral("rust/Cargo.toml"))).isFile()
            && QFileInfo(dir.filePath(QStringLiteral("src/%1/__init__.py").arg(first))).isFile()) {
            e.pythonSource = QStringLiteral("src");
            e.pythonSourceFrom = QStringLiteral("automatic: rust/Cargo.toml and src/%1/__init__.py exist").arg(first);
        } else {
            e.pythonSourceFrom = QStringLiteral("default: the project folder");
        }
    }

    // Bindings
    const QString b = py.string(k({"tool", "maturin", "bindings"}));
    if (!b.isEmpty()) {
        e.bindings = b;
        e.bindingsFrom = QStringLiteral("[tool.maturin] bindings");
    } else if (e.hasPyo3) {
        const bool cdylib = e.crateTypes.contains(QStringLiteral("cdylib"));
        e.bindings = (e.hasBinTarget && !cdylib) ? QStringLiteral("bin") : pyo3Key;
        e.bindingsFrom = QStringLiteral("detected: %1 dependency").arg(pyo3Key);
    } else if (e.dependencies.contains(QStringLiteral("uniffi"))) {
        e.bindings = QStringLiteral("uniffi");
        e.bindingsFrom = QStringLiteral("detected: uniffi dependency");
    } else if (e.crateTypes.contains(QStringLiteral("cdylib"))) {
        e.bindings = QStringLiteral("cffi");
        e.bindingsFrom = QStringLiteral("detected: a cdylib without pyo3");
    } else if (e.hasBinTarget) {
        e.bindings = QStringLiteral("bin");
        e.bindingsFrom = QStringLiteral("detected: a binary target");
    } else {
        e.bindingsFrom = QStringLiteral("not detectable; maturin asks for --bindings");
    }

    const QString profile = py.string(k({"tool", "maturin", "profile"}));
    e.profile = profile.isEmpty() ? QStringLiteral("dev") : profile;
    e.releaseProfile = profile.isEmpty() ? QStringLiteral("release") : profile;

    // Platform tag of Linux wheels: compatibility (alias manylinux, short forms allowed), else the
    // audit's choice. pip and python -m build pass --compatibility off unless their build args name a
    // tag, so their wheels are linux_* (source: maturin's pep517 backend).
    QString tag = py.string(k({"tool", "maturin", "compatibility"}));
    QString tagKey = QStringLiteral("compatibility");
    if (tag.isEmpty()) {
        tag = py.string(k({"tool", "maturin", "manylinux"}));
        tagKey = QStringLiteral("manylinux");
    }
    tag = tag.trimmed().toLower();
    static const QRegularExpression shortGlibc(QStringLiteral("^[0-9]+_[0-9]+$"));
    if (tag.isEmpty()) {
        e.platformTag = QStringLiteral("auto");
        e.platformTagFrom = QStringLiteral("default: the lowest manylinux tag the library passes in the audit (musllinux_1_2 on musl targets)");
    } else {
        if (tag == QLatin1String("off"))
            tag = QStringLiteral("linux");
        else if (tag == QLatin1String("1") || tag == QLatin1String("2010") || tag == QLatin1String("2014"))
            tag = QStringLiteral("manylinux") + tag;
        else if (shortGlibc.match(tag).hasMatch())
            tag = QStringLiteral("manylinux_") + tag;
        e.platformTag = tag;
        e.platformTagFrom = QStringLiteral("[tool.maturin] %1").arg(tagKey);
    }
    e.pipPlatformTag = QStringLiteral("linux");
    return e;
}

} // namespace wb
