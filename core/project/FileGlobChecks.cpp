// The glob patterns of the settings against the project's files: [tool.maturin] include and [project]
// license-files, which maturin 1.8.3 applies silently, matching nothing when a pattern is wrong.
#include "core/project/SettingsChecker.h"

#include <QDir>
#include <QDirIterator>
#include <QRegularExpression>

#include <algorithm>

namespace wb::validation {

namespace {

// A PyPA glob pattern (the glob patterns specification): '*' and '?' within one path part, '**' across parts
// ('**/' also none), [...] character ranges; everything else literal.
QRegularExpression pypaGlob(const QString &glob)
{
    QString re = QStringLiteral("^");
    for (qsizetype i = 0; i < glob.size(); ++i) {
        const QChar c = glob.at(i);
        if (c == u'*' && glob.mid(i, 3) == QLatin1String("**/")) {
            re += QStringLiteral("(?:.*/)?");
            i += 2;
        } else if (c == u'*' && glob.mid(i, 2) == QLatin1String("**")) {
            re += QStringLiteral(".*");
            ++i;
        } else if (c == u'*') {
            re += QStringLiteral("[^/]*");
        } else if (c == u'?') {
            re += QStringLiteral("[^/]");
        } else if (c == u'[' && glob.indexOf(u']', i + 1) > i + 1) {
            const qsizetype end = glob.indexOf(u']', i + 1);
            re += u'[' + QRegularExpression::escape(glob.mid(i + 1, end - i - 1)).replace(QStringLiteral("\\-"), QStringLiteral("-")) + u']';
            i = end;
        } else {
            re += QRegularExpression::escape(QString(c));
        }
    }
    return QRegularExpression(re + u'$');
}

} // namespace

const QStringList &SettingsChecker::projectFiles()
{
    // The project's files and folders (bounded), relative to the project folder, without build output and tools' state.
    if (walkedFiles)
        return *walkedFiles;
    QStringList &files = walkedFiles.emplace();
    QDirIterator it(p.dir, QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot | QDir::Hidden, QDirIterator::Subdirectories);
    static const QStringList skip = {QStringLiteral("/target/"), QStringLiteral("/.git/"), QStringLiteral("/node_modules/"),
                                     QStringLiteral("/.venv/")};
    const QDir root(p.dir);
    while (it.hasNext() && files.size() < 50000) {
        const QString f = it.next();
        const QString rel = root.relativeFilePath(f);
        bool skipIt = false;
        for (const QString &s : skip)
            skipIt = skipIt || QString(u'/' + rel + u'/').contains(s);
        if (!skipIt)
            files << rel;
    }
    return files;
}

void SettingsChecker::includes()
{
    if (!p.options.checkFilesystem)
        return;
    const TomlKeyPath path = toolMaturin().child(QStringLiteral("include"));
    const toml::node *n = tomlNodeAt(p.pyproject, path);
    const toml::array *a = n ? n->as_array() : nullptr;
    if (!a)
        return;
    const QStringList &files = projectFiles();
    const QString ps = e.pythonSource;
    for (const toml::node &el : *a) {
        QString glob;
        if (el.is_string())
            glob = tomlString(&el);
        else if (const toml::table *t = el.as_table()) {
            if (t->get("from"))
                continue; // copied from a build script's OUT_DIR at build time
            glob = tomlString(t->get("path"));
        }
        if (glob.isEmpty())
            continue;
        const QRegularExpression re(QRegularExpression::wildcardToRegularExpression(glob, QRegularExpression::NonPathWildcardConversion));
        const QString alt = ps.isEmpty() ? QString() : QDir::cleanPath(ps + u'/' + glob);
        const QRegularExpression reAlt(alt.isEmpty() ? QStringLiteral("^$")
                                                     : QRegularExpression::wildcardToRegularExpression(alt, QRegularExpression::NonPathWildcardConversion));
        bool matched = false;
        for (const QString &f : files) {
            if (re.match(f).hasMatch() || (!alt.isEmpty() && reAlt.match(f).hasMatch())) {
                matched = true;
                break;
            }
        }
        if (!matched)
            add(QStringLiteral("files.include-no-match"), SettingsSeverity::Warning, Kind::Pyproject, path,
                QStringLiteral("include pattern '%1' matches no file in the project").arg(glob), true);
    }
}

// PEP 639 (the glob patterns specification): a build tool must stop when a license-files pattern matches no
// file. maturin 1.8.3 builds on, without the license in the wheel.
void SettingsChecker::licenseFiles()
{
    if (!p.options.checkFilesystem)
        return;
    const TomlKeyPath path({QStringLiteral("project"), QStringLiteral("license-files")});
    if (p.pyproject.kind(path) != TomlDocument::Kind::Array)
        return;
    const QStringList patterns = p.pyproject.stringArray(path);
    if (patterns.isEmpty())
        return;
    const QStringList &files = projectFiles();
    for (const QString &glob : patterns) {
        const QRegularExpression re = pypaGlob(glob);
        const bool matched = std::any_of(files.cbegin(), files.cend(), [&re](const QString &f) { return re.match(f).hasMatch(); });
        if (!matched)
            add(QStringLiteral("project.license-files-no-match"), SettingsSeverity::Warning, Kind::Pyproject, path,
                QStringLiteral("license-files pattern '%1' matches no file: maturin 1.8.3 builds the wheel without it and says "
                               "nothing (PEP 639 asks build tools to stop)")
                    .arg(glob),
                true);
    }
}

} // namespace wb::validation
