#pragma once

#include "core/build/BuildRequest.h"
#include "core/build/BuildRunner.h"
#include "core/build/TestSetup.h"
#include "core/build/ToolDiscovery.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

#include <optional>

class QWidget;

namespace wb::ui {

// One run of a queue, and what it is for (the history's kind, the status line's wording).
struct QueuedRun {
    enum class Step { Build, Develop, CreateVenv, InstallPytest, Pytest, Sdist };
    Step step;
    wb::RunCommand command;
};

// The runs behind Develop and Test: the project's .venv (created after asking), pytest from the system
// or from pip, `maturin develop` with the options that apply to it, then pytest. The questions are asked
// on `parent`; a plan the user declined comes back empty, with the reason in `*declined`.
class RunPlan
{
    Q_DECLARE_TR_FUNCTIONS(RunPlan)
public:
    struct Context {
        QString projectDir;
        wb::ToolReport tools;
        wb::BuildRequest request;  // from the options form
        QString maturinVersion;    // empty: unknown
        QString venvDir() const;
        // The first Python that is not the project's own venv.
        QString systemPython() const;
    };

    static QueuedRun develop(const Context &context);
    static std::optional<QList<QueuedRun>> developWithVenv(QWidget *parent, const Context &context, QString *declined);
    static std::optional<QList<QueuedRun>> test(QWidget *parent, const Context &context, const wb::PytestProbe &probe,
                                                QString *declined);
    // After pip failed to install pytest: develop, then the system's pytest.
    static QList<QueuedRun> testWithSystemPytest(const Context &context, const wb::PytestProbe &probe);

private:
    // Appends the step that creates .venv (asking first); false when the user said no.
    static bool ensureVenv(QWidget *parent, const Context &context, QList<QueuedRun> &runs, bool systemSitePackages,
                           const QString &note, QString *declined);
};

} // namespace wb::ui
