#include "core/project/MaturinVersion.h"

#include "core/build/ToolDiscovery.h"

namespace wb {

QString MaturinVersion::describe() const
{
    if (!isKnown() && !program.isEmpty())
        return QStringLiteral("a maturin of unknown version (%1 %2: inside the project, so not run, and no dist-info to read)")
            .arg(from, program);
    if (!isKnown())
        return QStringLiteral("no maturin found");
    if (readBy == QLatin1String("command line"))
        return QStringLiteral("maturin %1 (given with --maturin-version)").arg(text);
    return QStringLiteral("maturin %1 (%2 %3, %4)")
        .arg(text, from, program,
             readBy == QLatin1String("dist-info") ? QStringLiteral("read from its dist-info, not run") : QStringLiteral("asked with --version"));
}

MaturinVersion MaturinVersion::given(const QString &text)
{
    MaturinVersion m;
    m.version = QVersionNumber::fromString(text);
    m.text = text;
    m.from = QStringLiteral("--maturin-version");
    m.readBy = QStringLiteral("command line");
    return m;
}

MaturinVersion MaturinVersion::detect(const QString &projectDir, const QProcessEnvironment &env)
{
    const ToolInfo tool = ToolDiscovery::findMaturinWithoutRunningProject(projectDir, env);
    MaturinVersion m;
    if (!tool.found())
        return m;
    m.version = QVersionNumber::fromString(tool.version); // null when its version could not be read
    m.text = tool.version;
    m.from = tool.origin;
    m.program = tool.program;
    m.readBy = tool.versionFromFiles ? QStringLiteral("dist-info") : QStringLiteral("--version");
    return m;
}

} // namespace wb
