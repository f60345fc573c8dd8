// wheelbench config get|set|unset|append DIR KEY [VALUE] [--file F] [--dry-run]
#include "core/cli/CommandRegistry.h"
#include "core/project/Project.h"
#include "core/project/SettingsEditor.h"
#include "core/project/SettingsFile.h"
#include "core/toml/TomlTree.h"
#include "core/toml/UnifiedDiff.h"

#include <QDir>
#include <QFileInfo>

#include <sstream>

namespace wb::cli {

namespace {
const char *const configUsage =
    "wheelbench config get DIR KEY [--file F]\n"
    "wheelbench config set DIR KEY VALUE [--file F] [--dry-run]\n"
    "wheelbench config unset DIR KEY [--file F] [--dry-run]\n"
    "wheelbench config append DIR KEY VALUE [--file F] [--dry-run]\n"
    "\n"
    "Reads or changes one setting, keeping every other byte of the file as it is.\n"
    "KEY is a dotted TOML key. Keys starting with tool., project., build-system. are in pyproject.toml;\n"
    "package., lib., dependencies., features., profile., workspace. (and other Cargo tables) are in the\n"
    "crate's Cargo.toml. --file F picks the file explicitly.\n"
    "VALUE is a TOML value as written in the file: true, \"python\", [\"a\", \"b\"].\n"
    "set/unset/append print a unified diff and save atomically; --dry-run only prints the diff.\n"
    "Exit codes: 0 done, 1 the edit was refused or could not be saved, 2 unusable input.\n";
} // namespace

int runConfig(CommandContext &ctx)
{
    QStringList positional;
    QString file;
    bool dryRun = false;
    const QStringList &args = ctx.arguments;
    for (int i = 1; i < args.size(); ++i) {
        const QString &a = args.at(i);
        if (a == QLatin1String("-h") || a == QLatin1String("--help")) {
            ctx.out << configUsage;
            return ExitOk;
        } else if (a == QLatin1String("--file") && i + 1 < args.size()) {
            file = args.at(++i);
        } else if (a == QLatin1String("--dry-run")) {
            dryRun = true;
        } else {
            positional << a;
        }
    }
    const QString action = positional.value(0);
    const bool needsValue = action == QLatin1String("set") || action == QLatin1String("append");
    const bool known = needsValue || action == QLatin1String("get") || action == QLatin1String("unset");
    if (!known || positional.size() != (needsValue ? 4 : 3)) {
        ctx.err << (known ? "wheelbench config: wrong number of arguments\n\n" : "wheelbench config: expected get, set, unset or append\n\n")
                << configUsage;
        return ExitUsage;
    }
    const QString dir = positional.at(1);
    const QString keyText = positional.at(2);
    TomlKeyPath key;
    QString error;
    if (!TomlKeyPath::parse(keyText, &key, &error)) {
        ctx.err << "wheelbench config: " << error << '\n';
        return ExitUsage;
    }
    QString path;
    if (!file.isEmpty()) {
        path = QFileInfo(file).isAbsolute() || QFileInfo::exists(file) ? file : QDir(dir).filePath(file);
    } else {
        ProjectFileKind kind;
        if (!Project::fileForKey(keyText, &kind)) {
            ctx.err << "wheelbench config: cannot tell which file '" << keyText
                    << "' belongs to; start it with tool., project., build-system. (pyproject.toml) or package., lib., "
                       "dependencies., features., profile., workspace. (Cargo.toml), or pass --file\n";
            return ExitUsage;
        }
        const Project project = Project::load(dir);
        if (!project.isUsable()) {
            ctx.err << "wheelbench config: " << project.readError << '\n';
            return ExitUsage;
        }
        path = project.path(kind);
        if (path.isEmpty()) {
            ctx.err << "wheelbench config: the project has no Cargo.toml\n";
            return ExitUsage;
        }
    }
    QByteArray bytes;
    if (!QFileInfo::exists(path) && action == QLatin1String("set")) {
        bytes.clear(); // a new file
    } else if (!Project::readFile(path, &bytes, &error)) {
        ctx.err << "wheelbench config: " << error << '\n';
        return ExitUsage;
    }
    const TomlDocument doc = TomlDocument::parse(bytes, path);
    if (!doc.isValid()) {
        ctx.err << path << ':' << doc.error().line << ':' << doc.error().column << ": error: " << doc.error().message
                << "\nwheelbench config: the file is not valid TOML; nothing was changed\n";
        return ExitUsage;
    }
    if (action == QLatin1String("get")) {
        const toml::node *node = tomlNodeAt(doc, key);
        if (!node) {
            ctx.err << "wheelbench config: " << keyText << " is not set in " << path << '\n';
            return ExitFindings;
        }
        if (node->is_table() && !node->as_table()->is_inline()) {
            std::ostringstream s;
            s << *node->as_table();
            ctx.out << QString::fromStdString(s.str()) << '\n';
        } else {
            ctx.out << doc.valueText(key) << '\n';
        }
        return ExitOk;
    }
    SettingsEdit edit;
    edit.key = keyText;
    edit.value = positional.value(3);
    edit.op = action == QLatin1String("set") ? SettingsEdit::Op::Set
            : action == QLatin1String("append") ? SettingsEdit::Op::Append
                                                : SettingsEdit::Op::Unset;
    const TomlEditResult result = applySettingsEdit(doc, edit);
    if (!result.ok) {
        ctx.err << "wheelbench config: " << result.message << '\n';
        return ExitFindings;
    }
    if (!result.changed) {
        ctx.err << "wheelbench config: " << (result.message.isEmpty() ? QStringLiteral("nothing to change") : result.message) << '\n';
        return ExitOk;
    }
    const QString name = QFileInfo(path).fileName();
    ctx.out << unifiedDiff(bytes, result.bytes, QStringLiteral("a/") + name, QStringLiteral("b/") + name);
    if (dryRun)
        return ExitOk;
    if (!SettingsFile::write(path, result.bytes, QFileInfo::exists(path) ? SettingsFile::hash(bytes) : QByteArray(), &error)) {
        ctx.err << "wheelbench config: " << error << '\n';
        return ExitFindings;
    }
    return ExitOk;
}

} // namespace wb::cli
