#pragma once

#include "core/build/BuildRequest.h"

#include <QString>
#include <QStringList>

namespace wb {

// What Build would run with a request, before it runs: the command line in the installed maturin's form,
// and what to tell the user about it.
struct CommandPreview {
    QString commandLine; // shell-quoted
    // The request's own problems (a missing project folder left out: the view says that already), options
    // the version lacks, what the version's form changed, and options that override the project's
    // [tool.maturin] settings.
    QStringList notes;

    // `maturin`: how maturin is started (empty: "maturin"); `maturinVersion` empty when unknown.
    static CommandPreview of(const BuildRequest &request, const QStringList &maturin, const QString &maturinVersion,
                             const QString &projectDir);
};

} // namespace wb
