#include "core/build/CommandPreview.h"

#include "core/build/MaturinFlags.h"
#include "core/build/PyprojectBuildSettings.h"
#include "core/build/ShellQuote.h"

namespace wb {

CommandPreview CommandPreview::of(const BuildRequest &request, const QStringList &maturin, const QString &maturinVersion,
                                  const QString &projectDir)
{
    const QString command = BuildRequest::commandName(request.command);
    const MaturinFlags &flags = MaturinFlags::builtIn();
    // In the installed version's form (--strip's value from 1.12), as BuildRunner runs it.
    QStringList adapted;
    const QStringList arguments = flags.adapt(command, request.arguments(), maturinVersion, &adapted);
    CommandPreview preview;
    preview.commandLine = shell::join((maturin.isEmpty() ? QStringList{QStringLiteral("maturin")} : maturin) + arguments);
    preview.notes = request.problems() + flags.unsupported(command, request.arguments(), maturinVersion) + adapted;
    if (!projectDir.isEmpty())
        preview.notes += request.overrideWarnings(PyprojectBuildSettings::read(projectDir));
    preview.notes.removeAll(QStringLiteral("No project folder."));
    return preview;
}

} // namespace wb
