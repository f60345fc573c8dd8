#include "core/project/SettingsChecker.h"

#include "core/project/PackagingSpecs.h"
#include "core/toml/TomlLiteral.h"

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>

#include <algorithm>

namespace wb::validation {

void SettingsChecker::project()
{
    const TomlKeyPath proj({QStringLiteral("project")});
    if (p.pyproject.kind(proj) != TomlDocument::Kind::Table)
        return;
    const QString name = p.pyproject.string(proj.child(QStringLiteral("name")));
    if (p.pyproject.contains(proj.child(QStringLiteral("name"))) && !PackagingSpecs::isValidName(name)) {
        // maturin (1.8.3, a name with a space) still builds: it writes the name as is into METADATA and a cleaned one
        // into the file name, and pip then refuses the wheel ("has inconsistent name").
        SettingsDiagnostic &d = add(QStringLiteral("project.name-invalid"), SettingsSeverity::Error, Kind::Pyproject,
                                    proj.child(QStringLiteral("name")),
                                    QStringLiteral("project name '%1' is not a valid PEP 508 name (letters, digits, '-', '_', '.'; starting "
                                                   "and ending with a letter or digit): installers refuse the wheel built from it "
                                                   "(pip: \"has inconsistent name\")")
                                        .arg(name),
                                    true);
        if (const QString valid = PackagingSpecs::validNameFrom(name); !valid.isEmpty()) {
            d.fixLabel = QStringLiteral("Rename the project '%1'").arg(valid);
            d.fix = {setEdit(Kind::Pyproject, proj.child(QStringLiteral("name")), TomlLiteral::string(valid))};
        }
    }
    const bool hasVersion = p.pyproject.contains(proj.child(QStringLiteral("version")));
    const bool dynamicVersion = p.pyproject.stringArray(proj.child(QStringLiteral("dynamic"))).contains(QStringLiteral("version"));
    if (hasVersion && dynamicVersion) {
        SettingsDiagnostic &d = add(QStringLiteral("project.version-conflict"), SettingsSeverity::Error, Kind::Pyproject, proj.child(QStringLiteral("version")),
                            QStringLiteral("project.version is set and also listed in dynamic; keep one of them"));
        d.fixLabel = QStringLiteral("Remove project.version (take it from Cargo.toml)");
        d.fix = {unsetEdit(Kind::Pyproject, proj.child(QStringLiteral("version")))};
    } else if (!hasVersion && !dynamicVersion) {
        SettingsDiagnostic &d = add(QStringLiteral("project.version-missing"), SettingsSeverity::Error, Kind::Pyproject, proj,
                            QStringLiteral("neither project.version nor dynamic = [\"version\"]: maturin develop stops with "
                                           "\"Cannot build without valid version information\""));
        d.fixLabel = QStringLiteral("Add dynamic = [\"version\"] (the version comes from Cargo.toml)");
        if (p.pyproject.contains(proj.child(QStringLiteral("dynamic"))))
            d.fix = {{SettingsEdit::Op::Append, Kind::Pyproject, QStringLiteral("project.dynamic"), QStringLiteral("\"version\""), -1}};
        else
            d.fix = {setEdit(Kind::Pyproject, proj.child(QStringLiteral("dynamic")), QStringLiteral("[\"version\"]"))};
    }
    if (hasVersion) {
        const QString v = p.pyproject.string(proj.child(QStringLiteral("version")));
        if (!PackagingSpecs::isValidVersion(v))
            add(QStringLiteral("project.version-invalid"), SettingsSeverity::Error, Kind::Pyproject, proj.child(QStringLiteral("version")),
                QStringLiteral("version '%1' is not a PEP 440 version").arg(v), true);
    }
    const TomlKeyPath rpPath = proj.child(QStringLiteral("requires-python"));
    if (p.pyproject.contains(rpPath)) {
        QString bad;
        if (!PackagingSpecs::isValidSpecifier(p.pyproject.string(rpPath), &bad))
            add(QStringLiteral("project.requires-python-invalid"), SettingsSeverity::Error, Kind::Pyproject, rpPath,
                QStringLiteral("requires-python: '%1' is not a PEP 440 version specifier").arg(bad), true);
    }
    auto checkReqs = [&](const TomlKeyPath &path) {
        QString err;
        for (const QString &r : p.pyproject.stringArray(path)) {
            if (!PackagingSpecs::isValidRequirement(r, &err)) {
                add(QStringLiteral("project.dependency-invalid"), SettingsSeverity::Error, Kind::Pyproject, path,
                    QStringLiteral("%1: %2").arg(path.toString(), err), true);
            }
        }
    };
    checkReqs(proj.child(QStringLiteral("dependencies")));
    const TomlKeyPath extras = proj.child(QStringLiteral("optional-dependencies"));
    for (const QString &extra : p.pyproject.keys(extras)) {
        checkReqs(extras.child(extra));
        // maturin (the pep508 crate) refuses such an extra: "invalid extra name: ...".
        if (!PackagingSpecs::isValidName(extra))
            add(QStringLiteral("project.extra-invalid"), SettingsSeverity::Error, Kind::Pyproject, extras.child(extra),
                QStringLiteral("extra name '%1' is not a valid name (letters, digits, '-', '_', '.'; starting and ending with a letter "
                               "or digit): maturin stops with \"invalid extra name\"")
                    .arg(extra));
    }
}

// [project] authors and maintainers: maturin writes each email into Author-email/Maintainer-email as it is, and
// PyPI refuses an upload whose address is not one ("'x' is an invalid value for Author-email").
void SettingsChecker::people()
{
    for (const char *field : {"authors", "maintainers"}) {
        const TomlKeyPath path({QStringLiteral("project"), QLatin1String(field)});
        const toml::node *node = tomlNodeAt(p.pyproject, path);
        const toml::array *people = node ? node->as_array() : nullptr;
        if (!people)
            continue;
        for (const toml::node &person : *people) {
            const toml::table *t = person.as_table();
            const toml::node *email = t ? t->get("email") : nullptr;
            if (email && email->is_string() && !PackagingSpecs::isValidEmail(tomlString(email)))
                add(QStringLiteral("project.email-invalid"), SettingsSeverity::Warning, Kind::Pyproject, path,
                    QStringLiteral("%1: '%2' is not an e-mail address: maturin builds, but PyPI refuses the upload (\"Use a valid "
                                   "email address\"); give one address per entry, or the name alone")
                        .arg(QLatin1String(field), tomlString(email)),
                    true);
        }
    }
}

// The console and GUI scripts: maturin writes them as they are into entry_points.txt, and installers refuse a
// wheel whose script is not "module:function" (pip: "Invalid script entry point ... A callable suffix is required").
void SettingsChecker::scripts()
{
    const TomlKeyPath proj({QStringLiteral("project")});
    // PEP 621: scripts have tables of their own; maturin refuses them among the entry points.
    const TomlKeyPath entryPoints = proj.child(QStringLiteral("entry-points"));
    for (const auto &[group, table] : {std::pair{"console_scripts", "[project.scripts]"}, std::pair{"gui_scripts", "[project.gui-scripts]"}}) {
        const TomlKeyPath at = entryPoints.child(QLatin1String(group));
        if (p.pyproject.contains(at))
            add(QStringLiteral("project.entry-points-scripts"), SettingsSeverity::Error, Kind::Pyproject, at,
                QStringLiteral("%1 is not allowed in [project.entry-points] (maturin stops with \"%1 is not allowed in "
                               "project.entry-points table\"): move these entries to %2")
                    .arg(QLatin1String(group), QLatin1String(table)));
    }
    for (const char *table : {"scripts", "gui-scripts"}) {
        const TomlKeyPath at = proj.child(QLatin1String(table));
        for (const QString &name : p.pyproject.keys(at)) {
            const TomlKeyPath entry = at.child(name);
            const QString target = p.pyproject.string(entry);
            if (p.pyproject.kind(entry) != TomlDocument::Kind::String)
                add(QStringLiteral("project.script-invalid"), SettingsSeverity::Error, Kind::Pyproject, entry,
                    QStringLiteral("script '%1' in [project.%2] must be a string \"module:function\"").arg(name, QLatin1String(table)), true);
            else if (!PackagingSpecs::isValidScriptTarget(target))
                add(QStringLiteral("project.script-invalid"), SettingsSeverity::Error, Kind::Pyproject, entry,
                    QStringLiteral("script '%1' = \"%2\" is not \"module:function\": installers refuse the wheel (pip: \"A callable "
                                   "suffix is required\")")
                        .arg(name, target),
                    true);
        }
    }
}

void SettingsChecker::buildSystem()
{
    const TomlKeyPath bs({QStringLiteral("build-system")});
    if (!p.pyproject.contains(bs)) {
        add(QStringLiteral("build-system.missing"), SettingsSeverity::Warning, Kind::Pyproject, bs,
            QStringLiteral("no [build-system]: pip cannot build this project with maturin, and maturin sdist refuses it"));
        return;
    }
    const QString backend = p.pyproject.string(bs.child(QStringLiteral("build-backend")));
    if (backend != QLatin1String("maturin") && e.hasToolMaturin) {
        add(QStringLiteral("build-system.backend-not-maturin"), SettingsSeverity::Warning, Kind::Pyproject, bs.child(QStringLiteral("build-backend")),
            backend.isEmpty() ? QStringLiteral("build-backend is not set; maturin projects use build-backend = \"maturin\"")
                              : QStringLiteral("build-backend is \"%1\", not \"maturin\"; maturin warns about it").arg(backend),
            true);
    }
    const TomlKeyPath reqPath = bs.child(QStringLiteral("requires"));
    const QStringList reqs = p.pyproject.stringArray(reqPath);
    // A PEP 517 frontend (pip, uv, build) installs requires and nothing else before it imports the backend.
    const bool requiresMaturin = std::any_of(reqs.cbegin(), reqs.cend(), [](const QString &r) {
        return PackagingSpecs::normalizedName(PackagingSpecs::requirementName(r)) == QLatin1String("maturin");
    });
    if (backend == QLatin1String("maturin") && p.pyproject.kind(reqPath) == TomlDocument::Kind::Array && !requiresMaturin) {
        QStringList fixed = reqs;
        fixed << QStringLiteral("maturin>=1.0,<2.0");
        SettingsDiagnostic &d = add(QStringLiteral("build-system.maturin-not-required"), SettingsSeverity::Error, Kind::Pyproject, reqPath,
                                    QStringLiteral("build-backend is \"maturin\" but requires does not list maturin: pip, uv and build install "
                                                   "only what requires lists, then fail to import the backend (BackendUnavailable)"),
                                    true);
        d.fixLabel = QStringLiteral("Add \"maturin>=1.0,<2.0\" to requires");
        d.fix = {setEdit(Kind::Pyproject, reqPath, TomlLiteral::stringArray(fixed))};
    }
    for (int i = 0; i < reqs.size(); ++i) {
        QString err;
        if (!PackagingSpecs::isValidRequirement(reqs.at(i), &err)) {
            add(QStringLiteral("build-system.requirement-invalid"), SettingsSeverity::Error, Kind::Pyproject, reqPath,
                QStringLiteral("build-system.requires: %1").arg(err), true);
            continue;
        }
        if (PackagingSpecs::normalizedName(PackagingSpecs::requirementName(reqs.at(i))) != QLatin1String("maturin"))
            continue;
        const QString spec = PackagingSpecs::requirementSpecifier(reqs.at(i));
        if (!PackagingSpecs::hasUpperBound(spec) && !reqs.at(i).contains(u'@')) {
            SettingsDiagnostic &d = add(QStringLiteral("build-system.maturin-unbounded"), SettingsSeverity::Warning, Kind::Pyproject, reqPath,
                                QStringLiteral("'%1' has no upper bound; maturin asks for one, e.g. \"maturin>=1.0,<2.0\"").arg(reqs.at(i)),
                                true);
            QStringList fixed = reqs;
            const QString name = PackagingSpecs::requirementName(reqs.at(i));
            fixed[i] = spec.trimmed().isEmpty() ? QString(name + QStringLiteral(">=1.0,<2.0")) : QString(name + spec.trimmed() + QStringLiteral(",<2.0"));
            d.fixLabel = QStringLiteral("Use \"%1\"").arg(fixed.at(i));
            d.fix = {setEdit(Kind::Pyproject, reqPath, TomlLiteral::stringArray(fixed))};
        }
    }
}

void SettingsChecker::size()
{
    if (e.bindings.isEmpty())
        return;
    if (p.pyproject.boolean(toolMaturin().child(QStringLiteral("strip"))))
        return;
    const TomlKeyPath ps = kp(QStringLiteral("profile.release.strip"));
    for (const TomlDocument *doc : {&p.cargo, &p.workspaceRoot}) {
        const toml::node *n = tomlNodeAt(*doc, ps);
        if (n && ((n->is_boolean() && n->as_boolean()->get()) || (n->is_string() && tomlString(n) != QLatin1String("none"))))
            return;
    }
    SettingsDiagnostic &d = add(QStringLiteral("size.no-strip"), SettingsSeverity::Info, Kind::Pyproject, toolMaturin(),
                        QStringLiteral("symbols are not stripped (no strip = true here, no [profile.release] strip in Cargo.toml); "
                                       "wheels are larger than they need to be"));
    d.fixLabel = QStringLiteral("Set strip = true");
    d.fix = {setEdit(Kind::Pyproject, toolMaturin().child(QStringLiteral("strip")), QStringLiteral("true"))};
}

// maturin (src/metadata.rs) reads [project] readme (a path, or a table with file or text) and license = {file
// = ...} relative to pyproject.toml, and Cargo.toml's [package] readme relative to the manifest; a missing
// file stops sdist, build and develop ("Failed to read readme specified in pyproject.toml, which should be
// at ...", "Failed to read Readme specified in Cargo.toml, ...", "Failed to read .../LICENSE" after the
// compile), and a table with both file and text is refused.
void SettingsChecker::metadataFiles()
{
    if (!p.options.checkFilesystem)
        return;
    const TomlKeyPath proj({QStringLiteral("project")});
    for (const char *field : {"readme", "license"}) {
        const QString name = QString::fromLatin1(field);
        const TomlKeyPath path = proj.child(name);
        const toml::node *node = p.hasPyproject ? tomlNodeAt(p.pyproject, path) : nullptr;
        if (!node)
            continue;
        if (const toml::table *t = node->as_table()) {
            const bool file = t->contains("file");
            if (file && t->contains("text"))
                add(QStringLiteral("project.%1-file-and-text").arg(name), SettingsSeverity::Error, Kind::Pyproject, path,
                    QStringLiteral("[project] %1 sets both file and text; maturin refuses the table (\"file and text fields of "
                                   "'project.%1' are mutually-exclusive\"): keep one")
                        .arg(name),
                    true);
            else if (file && missingFile(p.dir, tomlString(t->get("file"))))
                add(QStringLiteral("project.%1-missing").arg(name), SettingsSeverity::Error, Kind::Pyproject, path.child(QStringLiteral("file")),
                    name == QLatin1String("readme")
                        ? QStringLiteral("readme file '%1' does not exist in the project folder: maturin stops before it builds (\"Failed "
                                         "to read readme specified in pyproject.toml\")")
                              .arg(tomlString(t->get("file")))
                        : QStringLiteral("license file '%1' does not exist in the project folder: maturin stops after the compile "
                                         "(\"Failed to read …/%1\")")
                              .arg(tomlString(t->get("file"))),
                    true);
        } else if (name == QLatin1String("readme") && node->is_string() && missingFile(p.dir, tomlString(node))) {
            add(QStringLiteral("project.readme-missing"), SettingsSeverity::Error, Kind::Pyproject, path,
                QStringLiteral("readme file '%1' does not exist in the project folder: maturin stops before it builds (\"Failed to read "
                               "readme specified in pyproject.toml\")")
                    .arg(tomlString(node)),
                true);
        }
    }
    // Cargo.toml: a path (not false, not inherited from the workspace), relative to the manifest.
    const TomlKeyPath readme = kp(QStringLiteral("package.readme"));
    const toml::node *node = p.hasCargo && p.cargo.isValid() ? tomlNodeAt(p.cargo, readme) : nullptr;
    if (node && node->is_string() && missingFile(QFileInfo(p.cargoPath).absolutePath(), tomlString(node)))
        add(QStringLiteral("cargo.readme-missing"), SettingsSeverity::Error, Kind::Cargo, readme,
            QStringLiteral("readme file '%1' does not exist in the crate's folder: maturin stops before it builds (\"Failed to read "
                           "Readme specified in Cargo.toml\")")
                .arg(tomlString(node)),
            true);
}

} // namespace wb::validation
