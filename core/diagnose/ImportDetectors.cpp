// Import-time problems: the init function, module names, undefined symbols, the interpreter.
#include "core/diagnose/DetectorContext.h"

#include <QDir>
#include <QRegularExpression>

namespace wb::diagnose {

namespace {

QString lastPart(const QString &dotted) { return dotted.section(QLatin1Char('.'), -1); }
QString packagePart(const QString &dotted)
{
    const qsizetype dot = dotted.lastIndexOf(QLatin1Char('.'));
    return dot < 0 ? QString() : dotted.left(dot);
}

QStringList pymoduleNames(const ProjectFacts &p)
{
    QStringList names;
    for (const PyModuleDecl &d : p.pymodules)
        names << d.name;
    return names;
}

// The edit that gives the extension the name `newName` (dotted), where the name is set now.
ConfigEdit moduleNameEdit(const ProjectFacts &p, const QString &newName)
{
    if (!p.moduleName.present() && p.libName.present() && !newName.contains(QLatin1Char('.')))
        return {p.cargoRelative.isEmpty() ? QStringLiteral("Cargo.toml") : p.cargoRelative, QStringLiteral("lib"),
                QStringLiteral("name"), DetectorContext::tomlString(newName), ConfigEdit::Action::Set};
    return {QStringLiteral("pyproject.toml"), QStringLiteral("tool.maturin"), QStringLiteral("module-name"),
            DetectorContext::tomlString(newName), ConfigEdit::Action::Set};
}

EvidenceRef moduleNameRef(const DetectorContext &ctx)
{
    const ProjectFacts &p = ctx.project();
    return ctx.lineRef(p.effectiveModuleInPyproject(), p.effectiveModuleSetting().line);
}

// PyInit_* / PyModExport_* the binary exports (the reader also lists Python 2 init* functions).
QStringList initExports(const ExtensionReport &ext)
{
    QStringList out;
    for (const QString &s : ext.binary.allExports()) {
        if (s.startsWith(QLatin1String("PyInit_")) || s.startsWith(QLatin1String("PyModExport_")))
            out << s;
    }
    return out;
}

EvidenceRef pymoduleRef(const PyModuleDecl &d)
{
    return {d.file, QStringLiteral("line %1").arg(d.itemLine), QStringLiteral("#[pymodule] %1").arg(d.name)};
}

void detectPyInit(DetectorContext &ctx)
{
    const ProjectFacts &p = ctx.project();
    QList<EvidenceRef> evidence;
    QString wanted;  // the name Python (or maturin) looks for
    for (const char *kind : {"pyinit-import", "pyinit-build"}) {
        for (const SourcedMatch &m : ctx.matches(QString::fromLatin1(kind))) {
            evidence << DetectorContext::ref(m);
            if (wanted.isEmpty())
                wanted = m.match.args.value(0);
        }
    }
    QStringList exported;
    for (const ExtensionReport &ext : ctx.wheel().report.extensions) {
        if (ext.binary.format != BinaryInfo::Format::Elf || !ext.pythonModule || ext.pyinitFound)
            continue;
        const QStringList inits = initExports(ext);
        const bool versioned = ext.suffix.contains(QLatin1String("cpython")) || ext.suffix.contains(QLatin1String("abi3"));
        if (inits.isEmpty() && !versioned)
            continue;  // a plain shared library, not an extension module
        evidence << DetectorContext::wheelRef(ext.path, inits.isEmpty()
                                                            ? QStringLiteral("exports no PyInit_ function; Python looks for %1").arg(ext.pyinitExpected)
                                                            : QStringLiteral("exports %1, not %2").arg(inits.join(QStringLiteral(", ")), ext.pyinitExpected));
        exported << inits;
        if (wanted.isEmpty())
            wanted = ext.moduleName;
    }
    const QStringList declared = pymoduleNames(p);
    const QString effective = p.effectiveModuleName();
    const bool projectMismatch = p.present && p.usesPyO3Bindings() && !declared.isEmpty() && !effective.isEmpty()
        && !declared.contains(lastPart(effective));
    if (evidence.isEmpty() && !projectMismatch)
        return;
    if (wanted.isEmpty())
        wanted = lastPart(effective);

    // What the Rust side calls the module: the declaration, or the wheel's exported symbol.
    QString rustName;
    if (!declared.isEmpty())
        rustName = declared.contains(wanted) ? QString() : declared.first();
    if (rustName.isEmpty() && !exported.isEmpty())
        rustName = exported.first().section(QLatin1Char('_'), 1);

    QString message;
    if (!rustName.isEmpty() && rustName != wanted) {
        message = QStringLiteral("Python looks for PyInit_%1, but the Rust code defines the module as '%2' (PyInit_%2).")
                      .arg(wanted, rustName);
    } else {
        message = QStringLiteral("The extension '%1' does not export PyInit_%1.").arg(wanted);
    }
    if (p.present && !effective.isEmpty() && lastPart(effective) == wanted)
        message += QStringLiteral(" The extension gets the name '%1' from %2.").arg(effective, p.effectiveModuleSource());
    else if (p.present && !effective.isEmpty() && declared.contains(lastPart(effective)))
        message += QStringLiteral(" The project now names it '%1', which matches: the failing module comes from an older build. "
                                  "Rebuild, reinstall, and delete stale compiled files.")
                       .arg(effective);

    Finding &f = ctx.add(QStringLiteral("pyinit-missing"), message, evidence);
    if (p.present && !effective.isEmpty() && lastPart(effective) == wanted)
        f.evidence << moduleNameRef(ctx);
    for (const PyModuleDecl &d : p.pymodules) {
        if (d.name == rustName)
            f.evidence << pymoduleRef(d);
    }
    if (!rustName.isEmpty() && rustName != wanted && p.present && lastPart(effective) == wanted) {
        const QString package = packagePart(effective);
        const QString newName = package.isEmpty() ? rustName : package + QLatin1Char('.') + rustName;
        f.fix.edits = {moduleNameEdit(p, newName)};
        f.fix.summary = QStringLiteral("Set the extension name to '%1' so that it matches #[pymodule] %2.").arg(newName, rustName);
        QString where;
        for (const PyModuleDecl &d : p.pymodules) {
            if (d.name == rustName)
                where = QStringLiteral(" (%1:%2)").arg(d.file).arg(d.itemLine);
        }
        f.fix.steps = {QStringLiteral("Or rename #[pymodule] fn %1%2 to %3 and update the Python code that imports it.")
                           .arg(rustName, where, wanted),
                       QStringLiteral("Rebuild and reinstall the wheel.")};
    } else if (p.present && !declared.isEmpty() && declared.contains(lastPart(effective))) {
        // The configuration is consistent now: what fails is an older installed build.
        f.evidence << moduleNameRef(ctx);
        f.fix.edits.clear();
        f.fix.summary = QStringLiteral("The settings already agree: rebuild and reinstall so that the installed module is built from them.");
        f.fix.commands = {QStringLiteral("maturin develop"), QStringLiteral("maturin build --release && pip install --force-reinstall target/wheels/*.whl")};
        f.fix.steps = {QStringLiteral("Delete compiled files of the old name (%1*.so) from the source tree and site-packages.").arg(wanted)};
    } else if (p.present && !declared.isEmpty()) {
        f.fix.edits.clear();
    } else {
        f.fix.edits.clear();
        f.fix.steps = {QStringLiteral("Name the #[pymodule] fn (or #[pyo3(name = \"%1\")]) '%1', or change module-name to the #[pymodule] name.").arg(wanted)};
    }
}

// Whether a traceback runs through the package's __init__.py inside the project's python-source folder.
bool importedFromSource(const DetectorContext &ctx, const ProjectFacts &p, const QString &package)
{
    const QString text = ctx.evidence().errorText + QLatin1Char('\n') + ctx.evidence().logText;
    QStringList parts;
    const QString folder = QDir::cleanPath(p.pythonSource.value) + u'/' + package;
    for (const QString &part : folder.split(u'/', Qt::SkipEmptyParts))
        parts << QRegularExpression::escape(part);
    const QString separator = QStringLiteral(R"([/\\])");
    const QRegularExpression frame(QStringLiteral("File \"[^\"]*") + separator + parts.join(separator) + separator
                                   + QStringLiteral(R"(__init__\.py")"));
    return frame.match(text).hasMatch();
}

void detectModuleNotFound(DetectorContext &ctx)
{
    const ProjectFacts &p = ctx.project();
    for (const SourcedMatch &m : ctx.matches(QStringLiteral("module-not-found"))) {
        const QString missing = m.match.args.value(0);
        if (missing == QLatin1String("maturin"))
            continue;
        QString message = QStringLiteral("Python cannot find the module '%1'.").arg(missing);
        Finding &f = ctx.add(QStringLiteral("module-not-found"), message, {DetectorContext::ref(m)});
        const QString effective = p.effectiveModuleName();
        if (!p.present || effective.isEmpty() || !p.usesPyO3Bindings())
            continue;
        const QString top = missing.section(QLatin1Char('.'), 0, 0);
        const QString package = effective.section(QLatin1Char('.'), 0, 0);
        const bool samePackage = top == package || lastPart(missing) == lastPart(effective);
        if (missing == package && effective.contains(QLatin1Char('.'))) {
            // The project's own package is what is missing: not a naming problem, an install that is not there.
            f.message = QStringLiteral("'%1' is this project's own package (module-name %2), and the Python that ran does not have it "
                                       "installed.")
                            .arg(missing, effective);
            f.evidence << moduleNameRef(ctx);
            f.fix.summary = QStringLiteral("Install the project into the environment of the Python that runs the code.");
            f.fix.edits.clear();
            f.fix.commands = {QStringLiteral("maturin develop"), QStringLiteral("pip install .")};
            f.fix.steps = {QStringLiteral("Check which Python runs the code: python -c 'import sys; print(sys.executable)'; install into that one.")};
            continue;
        }
        if (missing == effective && p.pythonSource.present() && importedFromSource(ctx, p, package)) {
            // The package was found in the source folder (the traceback runs through its __init__.py), where no
            // extension was built: Python did not reach an installed copy.
            f.message = QStringLiteral("Python imported the package from the source folder %1/%2, which holds no compiled %3 "
                                       "(maturin develop builds it there; an installed copy is not reached from here).")
                            .arg(p.pythonSource.value, package, lastPart(effective));
            f.evidence << ctx.pyprojectRef(p.pythonSource);
            f.confidence = Confidence::Medium;
            f.fix.summary = QStringLiteral("Build the extension into the source folder (maturin develop does), or run from a folder "
                                           "where the source package does not shadow the installed one.");
            f.fix.edits.clear();
            f.fix.commands = {QStringLiteral("maturin develop")};
            f.fix.steps = {QStringLiteral("Run python (or pytest) from outside %1/, or with the installed package first on sys.path.")
                               .arg(p.pythonSource.value)};
            continue;
        }
        if (missing != effective && samePackage) {
            f.message = QStringLiteral("The code imports '%1', but the extension is built as '%2' (from %3).")
                            .arg(missing, effective, p.effectiveModuleSource());
            f.evidence << moduleNameRef(ctx);
            const QStringList declared = pymoduleNames(p);
            if (declared.isEmpty() || declared.contains(lastPart(missing))) {
                f.fix.summary = QStringLiteral("Build the extension as '%1', the name the code imports.").arg(missing);
                f.fix.edits = {moduleNameEdit(p, missing)};
                for (const PyModuleDecl &d : p.pymodules) {
                    if (d.name == lastPart(missing))
                        f.evidence << pymoduleRef(d);
                }
            } else {
                f.fix.edits.clear();
                f.fix.steps = {QStringLiteral("Make module-name, the #[pymodule] name and the Python imports agree.")};
            }
        } else if (missing == effective && !p.pythonSource.present()) {
            f.message += QStringLiteral(" The package folder next to Cargo.toml can shadow the installed package.");
            f.fix.summary = QStringLiteral("Move the Python package into python/ and set python-source = \"python\".");
            f.fix.edits.clear();
            f.fix.steps = {QStringLiteral("Move the package folder to python/, then set python-source = \"python\" in [tool.maturin]."),
                           QStringLiteral("Delete compiled files left in the source tree and reinstall.")};
        }
    }
    for (const SourcedMatch &m : ctx.matches(QStringLiteral("cannot-import-name"))) {
        QString message = QStringLiteral("'%1' cannot be imported from '%2'.").arg(m.match.args.value(0), m.match.args.value(1));
        // "(unknown location)": Python took the name for a namespace package, a folder without __init__.py and
        // without a module file this interpreter can load.
        if (m.match.text.contains(QLatin1String("(unknown location)")))
            message += QStringLiteral(" Python found '%1' only as a folder without __init__.py and without a module file it can load "
                                      "(unknown location): the installed package lacks its files, its compiled module is built for another "
                                      "interpreter, or a folder of that name on sys.path shadows it.")
                           .arg(m.match.args.value(1));
        ctx.add(QStringLiteral("module-not-found"), message, {DetectorContext::ref(m)});
    }
}

// The package imports a module the build does not provide (core/project/PackageImportScanner): certain from the
// files. Alone, or as the evidence of a pasted "No module named" for that module; a text about something else
// is diagnosed as itself.
void detectUnbuiltImports(DetectorContext &ctx)
{
    const ProjectFacts &p = ctx.project();
    const Evidence &e = ctx.evidence();
    const bool text = !e.errorText.trimmed().isEmpty() || !e.logText.trimmed().isEmpty();
    for (const UnbuiltImport &imp : p.unbuiltImports) {
        const EvidenceRef line{imp.file, QStringLiteral("line %1").arg(imp.line), imp.text};
        if (Finding *f = ctx.find(QStringLiteral("module-not-found")); f && f->message.contains(QStringLiteral("'%1'").arg(imp.module))) {
            f->evidence << line;
            continue;
        }
        if (text)
            continue;
        Finding &f = ctx.add(QStringLiteral("module-not-found"),
                             QStringLiteral("%1 line %2 imports %3, which the package does not have: the extension is built as %4 (from "
                                            "%5). maturin builds without a word, and the import fails once installed.")
                                 .arg(imp.file)
                                 .arg(imp.line)
                                 .arg(imp.module, p.effectiveModuleName(), p.effectiveModuleSource()),
                             {line, moduleNameRef(ctx)});
        f.confidence = Confidence::High;
        const QStringList declared = pymoduleNames(p);
        if (declared.contains(lastPart(imp.module))) {
            f.fix.summary = QStringLiteral("Build the extension as '%1', the name the package imports.").arg(imp.module);
            f.fix.edits = {moduleNameEdit(p, imp.module)};
            f.fix.steps = {QStringLiteral("Rebuild and reinstall.")};
        } else {
            f.fix.summary = QStringLiteral("Import the module the extension is built as (%1), or build it under the name the package imports.")
                                .arg(p.effectiveModuleName());
            f.fix.edits.clear();
            f.fix.commands.clear();
            f.fix.steps = {QStringLiteral("Make module-name, the #[pymodule] name and the package's imports agree.")};
        }
    }
}

void detectSymbols(DetectorContext &ctx)
{
    for (const SourcedMatch &m : ctx.matches(QStringLiteral("undefined-symbol"))) {
        const QString symbol = m.match.args.value(0);
        if (symbol.startsWith(QLatin1String("Py")) || symbol.startsWith(QLatin1String("_Py"))) {
            // Another Python version, a process without libpython's symbols (an embedding program) or bindings that use a
            // name the C API does not export all end here: a lead.
            ctx.add(QStringLiteral("wrong-interpreter"),
                    QStringLiteral("The extension needs %1 from the Python C API, which the running interpreter does not have: "
                                   "it was built for another Python version or build.")
                        .arg(symbol),
                    {DetectorContext::ref(m)})
                .confidence = Confidence::Low;
        } else if (symbol.startsWith(QLatin1String("_polars_plugin_"))) {
            // polars looks the plugin's entry points up by name (libloading's DlSym): a plugin built against another
            // Rust polars than the installed Python polars has other ones.
            ctx.add(QStringLiteral("polars-plugin-version-mismatch"),
                    QStringLiteral("polars cannot find %1 in the plugin: the plugin was built for another polars version than the "
                                   "one installed.")
                        .arg(symbol),
                    {DetectorContext::ref(m)})
                .confidence = Confidence::Medium;
        } else {
            Finding &f = ctx.add(QStringLiteral("external-symbol-undefined"),
                                 QStringLiteral("The extension needs the symbol %1 from a library that is not loaded.").arg(symbol),
                                 {DetectorContext::ref(m)});
            // A host program looking a symbol up in a library it loaded (libloading's DlSym, dlsym) is not the
            // extension missing a dependency's symbol: a lead.
            if (m.match.text.contains(QLatin1String("DlSym")) || m.match.text.contains(QLatin1String("dlsym")))
                f.confidence = Confidence::Low;
            // Libraries the wheel neither carries nor may expect on the system (the manylinux policy's view).
            for (const ExtensionReport &ext : ctx.wheel().report.extensions) {
                QStringList external;
                for (const PolicyCheck &check : ext.policy.better) {
                    for (const PolicyBlocker &b : check.blockers) {
                        if (b.kind == PolicyBlocker::Kind::Library && !b.library.startsWith(QLatin1String("libpython"))
                            && !external.contains(b.library))
                            external << b.library;
                    }
                }
                for (const QString &lib : std::as_const(external))
                    f.evidence << DetectorContext::wheelRef(ext.path, QStringLiteral("needs %1, not in the wheel").arg(lib));
            }
            if (ctx.project().auditwheel.value == QLatin1String("skip"))
                f.evidence << ctx.pyprojectRef(ctx.project().auditwheel);
        }
    }
    for (const SourcedMatch &m : ctx.matches(QStringLiteral("libpython-not-loaded")))
        ctx.add(QStringLiteral("wrong-interpreter"),
                QStringLiteral("The extension was linked against %1, which this machine does not have.").arg(m.match.args.value(0)),
                {DetectorContext::ref(m)});
    // The platform of an interpreter that does not exist is unknown too: that is no-python-interpreter's.
    const QList<SourcedMatch> unknownPlatform = ctx.matches(QStringLiteral("interpreter-platform-unknown"));
    if (!unknownPlatform.isEmpty() && ctx.matches(QStringLiteral("no-interpreter")).isEmpty()) {
        QList<EvidenceRef> evidence = {DetectorContext::ref(unknownPlatform.first())};
        QString version;
        for (const SourcedMatch &m : ctx.matches(QStringLiteral("interpreter-found"))) {
            evidence << DetectorContext::ref(m);
            version = m.match.args.value(1);
        }
        for (const SourcedMatch &m : ctx.matches(QStringLiteral("built-wheel")))
            evidence << DetectorContext::ref(m);
        ctx.add(QStringLiteral("wrong-interpreter"),
                QStringLiteral("maturin could not run the interpreter it was given and built for Python %1 from the name alone; "
                               "the wheel only installs on that version.")
                    .arg(version.isEmpty() ? QStringLiteral("(unknown)") : version),
                evidence);
    }
}

} // namespace

void detectImportProblems(DetectorContext &ctx)
{
    detectPyInit(ctx);
    detectModuleNotFound(ctx);
    detectUnbuiltImports(ctx);
    detectSymbols(ctx);
}

} // namespace wb::diagnose
