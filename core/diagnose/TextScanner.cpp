#include "core/diagnose/TextScanner.h"

#include "core/diagnose/RuleGroups.h"

#include <QRegularExpression>

namespace wb::diagnose {

namespace {

constexpr qsizetype MaxTextChars = 16 * 1024 * 1024;
constexpr qsizetype MaxLineChars = 8192;
constexpr int MaxMatches = 2000;

struct Rule {
    const char *kind;
    QRegularExpression re;
};

QRegularExpression rx(const char *pattern)
{
    return QRegularExpression(QString::fromUtf8(pattern), QRegularExpression::UseUnicodePropertiesOption);
}

// The texts come from maturin (src/main.rs, src/compile.rs, src/auditwheel/*, src/develop/*,
// src/python_interpreter/*, src/project_layout.rs, src/pyproject_toml.rs), cargo, rustc, pip and CPython.
const QList<Rule> &rules()
{
    static const QList<Rule> all = {
        {"pyinit-import", rx(R"(dynamic module does not define (?:module export|init) function \((?:PyInit|PyModExport)_(\w+)\))")},
        {"pyinit-build", rx(R"(Couldn't find the symbol `PyInit_(\w+)`)")},
        {"module-not-found", rx(R"(ModuleNotFoundError: No module named '([^']+)')")},
        {"cannot-import-name", rx(R"(ImportError: cannot import name '([^']+)' from '([^']+)')")},
        {"undefined-symbol", rx(R"(undefined symbol: ([A-Za-z_][\w.@]*))")},
        {"libpython-not-loaded", rx(R"(Library not loaded: (\S*libpython\S*))")},
        {"unsupported-wheel", rx(R"((\S+\.whl) is not a supported wheel on this platform)")},
        {"glibc-not-found", rx(R"(version [`'‘]((?:GLIBC|GLIBCXX|CXXABI)_[\d.]+)' not found(?: \(required by ([^)]+)\))?)")},
        {"links-libpython", rx(R"(Your library links libpython \(([^)]+)\))")},
        {"too-recent-symbols", rx(R"(Your library is not (\S+)(?: \(aka [^)]*\))? compliant because of the presence of too-recent versioned symbols: (.*))")},
        {"external-newer-symbols", rx(R"(External libraries \[([^\]]*)\] require newer symbol versions than (\S+) allows)")},
        // maturin's older wording for libpython: a "forbidden library" list that holds only libpython.
        {"links-libpython", rx(R"re(compliant because it links the following forbidden libraries: \[\s*"(libpython[^"]*)"\s*\])re")},
        {"forbidden-libraries", rx(R"(Your library is not (\S+)(?: \(aka [^)]*\))? compliant because it links the following forbidden libraries: \[([^\]]*)\])")},
        {"blacklisted-symbols", rx(R"((?:compliant|ABI) because it depends on black-listed symbols)")},
        {"patchelf-missing", rx(R"(Failed to execute 'patchelf'|(?:^|[\s:])patchelf: (?:command )?not found)")},
        {"linux-tag-fallback", rx(R"(No compatible platform tag found, using the linux tag)")},
        {"pypi-linux-tag", rx(R"(unsupported platform tag '(linux_\w+)')")},
        {"copy-needed", rx(R"(Your library requires copying the above external libraries)")},
        {"cargo-missing", rx(R"(Cargo, the Rust package manager, is not installed|cargo not found in PATH\. Please install rust|Cargo metadata failed\. Do you have cargo in your PATH|Cargo metadata failed: No such file or directory|(?:^|[\s:])cargo: (?:command )?not found|'cargo' is not recognized as an internal or external command)")},
        {"rustc-missing", rx(R"(rustc, the rust compiler,? is not installed|could not execute process `rustc|(?:^|[\s:])rustc: (?:command )?not found|'rustc' is not recognized as an internal or external command|No such file or directory: '(?:[^']*/)?rustc')")},
        {"maturin-missing", rx(R"((?:^|[\s:])maturin: (?:command )?not found|No module named '?maturin'?$|'maturin' is not recognized as an internal or external command|Cannot import 'maturin')")},
        {"no-venv", rx(R"(Couldn't find a virtualenv or conda environment|You need to be inside a virtualenv or conda environment to use develop|Both VIRTUAL_ENV and CONDA_PREFIX are set|Your virtualenv at .* is broken)")},
        {"no-interpreter", rx(R"(Couldn't find any python interpreters|Python interpreter `([^`]+)` doesn't exist|None of the found Python interpreters)")},
        {"interpreter-platform-unknown", rx(R"(Failed to determine python platform)")},
        {"interpreter-found", rx(R"(🐍 Found (CPython|PyPy|GraalPy) (\d+\.\d+)\S*(?: at (\S+))?)")},
        {"module-name-dash", rx(R"(The module name must not contains? a minus)")},
        {"version-missing", rx(R"(Cannot build without valid version information|`project\.version` field is required in pyproject\.toml unless it is present in the `project\.dynamic` list)")},
        {"python-source-missing", rx(R"(Failed to normalize python source path `([^`]+)`|python-source is set to `([^`]+)`,? but)")},
        {"rust-target-missing", rx(R"(error\[E0463\]: can't find crate for `(?:core|std)`|the `[\w.-]+` target may not be installed)")},
        {"rust-error", rx(R"(^\s*error(\[E\d{4}\])?: (.*)$)")},
        {"dev-profile", rx(R"(Finished `?dev`? (?:profile )?\[unoptimized \+ debuginfo\])")},
        {"found-bindings", rx(R"(🔗 Found pyo3(?:-ffi)? bindings( with abi3)?)")},
        {"found-cffi", rx(R"((?:^|\s)Found cffi bindings)")},
        {"cffi-failed", rx(R"(Failed to generate cffi declarations)")},
        {"built-wheel", rx(R"(📦 Built wheel(?: for [^/]*?)? to (\S+\.whl))")},
        {"pip-missing", rx(R"(Failed to find pip)")},
        // The command line of a transcript or a saved log ("$ maturin develop --uv"), and maturin's bare cause
        // when a program it runs is not there (1.8.3 names neither the program nor the path).
        {"develop-uv", rx(R"((?:^|[\s$>])maturin(?:\.exe)?\s+develop\b.*\s--uv\b)")},
        {"os-error-2-cause", rx(R"(Caused by: (?:No such file or directory|The system cannot find the file specified\.) \(os error 2\)\s*$)")},
        {"cargo-test-link", rx(R"(undefined reference to [`']_?(Py\w+)'|Symbol not found: _(Py\w+))")},
        {"maturin-unpinned", rx(R"(Please use maturin in pyproject\.toml with a version constraint)")},
        {"develop-install", rx(R"(Setting installed package as editable|🛠 Installed )")},
        {"extension-module-warning", rx(R"(You're building a library without activating pyo3's `extension-module` feature)")},
        {"extension-in-use", rx(R"(could not overwrite the installed extension module because it is in use)")},
    };
    return all;
}

// Long texts are scanned with the rules in groups (RuleGroups).
const RuleGroups &ruleGroups()
{
    static const RuleGroups groups(patternsOf(rules()));
    return groups;
}

} // namespace

QString TextScanner::stripAnsi(const QString &text)
{
    static const QRegularExpression ansi(QStringLiteral("\x1b\\[[0-9;?]*[A-Za-z]"));
    QString out = text;
    out.remove(ansi);
    return out;
}

QString TextScanner::lineOf(const QString &text, int number)
{
    if (number <= 0)
        return {};
    qsizetype start = 0;
    for (int i = 1; i < number; ++i) {
        start = text.indexOf(QLatin1Char('\n'), start);
        if (start < 0)
            return {};
        ++start;
    }
    const qsizetype end = text.indexOf(QLatin1Char('\n'), start);
    return stripAnsi(text.mid(start, end < 0 ? -1 : end - start).left(MaxLineChars)).trimmed();
}

bool TextScanner::isCargoProgress(QStringView line)
{
    // Checked on the words first: most lines of a long log are these, most others fail at the first letter.
    const QStringView t = line.trimmed();
    if (!(t.startsWith(QLatin1String("Compiling ")) || t.startsWith(QLatin1String("Checking ")) || t.startsWith(QLatin1String("Fresh "))
          || t.startsWith(QLatin1String("Downloaded ")) || t.startsWith(QLatin1String("Documenting "))))
        return false;
    static const QRegularExpression progress(
        QStringLiteral(R"re(^(?:Compiling|Checking|Fresh|Downloaded|Documenting) [\w-]+ v\d+\.\d+\.\d+[\w.+-]*(?: \([^()]*\))?$)re"));
    return progress.matchView(t).hasMatch();
}

QList<TextMatch> TextScanner::scan(const QString &input)
{
    QList<TextMatch> out;
    if (input.isEmpty())
        return out;
    const QString text = stripAnsi(input.left(MaxTextChars));
    const QStringList lines = text.split(QLatin1Char('\n'));
    static const QRegularExpression arrow(QStringLiteral(R"(^\s*--> (\S+?):(\d+):(\d+))"));
    const RuleGroups &groups = lines.size() >= RuleGroups::WorthFromLines ? ruleGroups() : RuleGroups::none();
    for (qsizetype i = 0; i < lines.size() && out.size() < MaxMatches; ++i) {
        QString line = lines.at(i);
        if (line.endsWith(QLatin1Char('\r')))
            line.chop(1);
        if (line.size() > MaxLineChars)
            line.truncate(MaxLineChars);
        if (line.trimmed().isEmpty() || isCargoProgress(line))
            continue;
        RuleGroups::Line grouped(groups, line);
        for (qsizetype k = 0; k < rules().size(); ++k) {
            const Rule &rule = rules().at(k);
            if (!grouped.mayMatch(k))
                continue;
            const QRegularExpressionMatch m = rule.re.match(line);
            if (!m.hasMatch())
                continue;
            TextMatch t;
            t.kind = QString::fromLatin1(rule.kind);
            for (int g = 1; g <= m.lastCapturedIndex(); ++g)
                t.args << m.captured(g);
            t.line = int(i) + 1;
            t.text = line.trimmed();
            if (t.kind == QLatin1String("rust-error")) {
                const QString message = t.args.value(1);
                if (message.startsWith(QLatin1String("could not compile")) || message.startsWith(QLatin1String("aborting"))
                    || message.startsWith(QLatin1String("linking with")))
                    t.kind = QStringLiteral("rust-error-summary");
                for (qsizetype k = i + 1; k < lines.size() && k <= i + 6; ++k) {
                    const QRegularExpressionMatch a = arrow.match(lines.at(k));
                    if (a.hasMatch()) {
                        t.location = a.captured(1) + QLatin1Char(':') + a.captured(2) + QLatin1Char(':') + a.captured(3);
                        break;
                    }
                }
            }
            out << t;
            break;  // one rule per line: the table is ordered from the most specific
        }
    }
    return out;
}

} // namespace wb::diagnose
