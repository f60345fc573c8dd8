#include "core/build/PyprojectBuildSettings.h"

#include "core/toml/TomlTree.h"

#include <QFile>

#include <toml++/toml.hpp>

#include <string_view>

namespace wb {

namespace {

template <typename View>
QString str(const View &node)
{
    if (auto v = node.template value<std::string>())
        return QString::fromStdString(*v);
    return {};
}

template <typename View>
bool flag(const View &node)
{
    return node.template value<bool>().value_or(false);
}

bool readToml(const QString &path, toml::table *out, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    const QByteArray bytes = file.read(8 * 1024 * 1024);
    // Through TomlDocument: it keeps toml++ 3.4.0 away from the inputs it cannot handle safely.
    const TomlDocument doc = TomlDocument::parse(bytes, path);
    if (!doc.isValid()) {
        if (error)
            *error = QStringLiteral("%1:%2").arg(path, doc.error().toString());
        return false;
    }
    *out = doc.parsed()->root;
    return true;
}

bool mentionsAbi3(const QStringList &features)
{
    for (const QString &f : features) {
        if (f.contains(QLatin1String("abi3")))
            return true;
    }
    return false;
}

} // namespace

PyprojectBuildSettings PyprojectBuildSettings::read(const QString &projectDir)
{
    PyprojectBuildSettings s;
    toml::table pyproject;
    if (readToml(projectDir + QStringLiteral("/pyproject.toml"), &pyproject, &s.error)) {
        s.found = true;
        const auto project = pyproject[std::string_view("project")];
        s.projectName = str(project["name"]);
        s.requiresPython = str(project["requires-python"]);
        const auto maturin = pyproject[std::string_view("tool")]["maturin"];
        if (const toml::array *features = maturin["features"].as_array()) {
            for (const toml::node &f : *features) {
                if (auto name = f.value<std::string>()) {
                    s.features << QString::fromStdString(*name);
                } else if (const toml::table *t = f.as_table()) {
                    QString text = str((*t)["feature"]);
                    const QString py = str((*t)["python-version"]);
                    const QString impl = str((*t)["python-implementation"]);
                    if (!py.isEmpty() || !impl.isEmpty())
                        text += QStringLiteral(" (python %1)").arg(QStringList{impl, py}.join(u' ').trimmed());
                    s.features << text;
                }
            }
        }
        s.profile = str(maturin["profile"]);
        s.compatibility = str(maturin["compatibility"]);
        if (s.compatibility.isEmpty())
            s.compatibility = str(maturin["manylinux"]);
        s.auditwheel = str(maturin["auditwheel"]);
        if (flag(maturin["skip-auditwheel"]) && s.auditwheel.isEmpty())
            s.auditwheel = QStringLiteral("skip");
        if (auto v = maturin["strip"].value<bool>())
            s.strip = *v;
        s.allFeatures = flag(maturin["all-features"]);
        s.noDefaultFeatures = flag(maturin["no-default-features"]);
        s.locked = flag(maturin["locked"]);
        s.frozen = flag(maturin["frozen"]);
        s.manifestPath = str(maturin["manifest-path"]);
        s.pythonSource = str(maturin["python-source"]);
        s.moduleName = str(maturin["module-name"]);
        s.hasBin = str(maturin["bindings"]) == u"bin";
    }
    QString manifest = s.manifestPath.isEmpty() ? QStringLiteral("Cargo.toml") : s.manifestPath;
    if (s.manifestPath.isEmpty() && !QFile::exists(projectDir + u'/' + manifest)
        && QFile::exists(projectDir + QStringLiteral("/rust/Cargo.toml")))
        manifest = QStringLiteral("rust/Cargo.toml");
    toml::table cargo;
    if (readToml(projectDir + u'/' + manifest, &cargo, nullptr)) {
        s.crateName = str(cargo[std::string_view("package")]["name"]);
        QStringList pyo3Features;
        if (const toml::array *f = cargo[std::string_view("dependencies")]["pyo3"]["features"].as_array()) {
            for (const toml::node &n : *f) {
                if (auto v = n.value<std::string>())
                    pyo3Features << QString::fromStdString(*v);
            }
        }
        s.abi3 = mentionsAbi3(pyo3Features);
        const auto deps = cargo[std::string_view("dependencies")];
        s.binPython = s.hasBin && (deps["pyo3"] || deps["pyo3-ffi"] || deps["cffi"] || deps["uniffi"]);
    }
    s.abi3 = s.abi3 || mentionsAbi3(s.features);
    return s;
}

} // namespace wb
