#include "ui/build/TestQuestions.h"

#include <QCoreApplication>
#include <QDir>
#include <QMessageBox>
#include <QPushButton>

namespace wb::ui::test_questions {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("wb::ui::BuildView", text);
}
} // namespace

bool createVenv(QWidget *parent, const QString &projectDir, const QString &note)
{
    const auto answer = QMessageBox::question(
        parent, tr("Create a virtual environment?"),
        note.isEmpty() ? tr("maturin develop installs into a virtual environment, and %1 has none.\nCreate .venv there now?").arg(projectDir)
                       : tr("maturin develop installs into a virtual environment, and %1 has none.\nCreate .venv there now?\n\n%2").arg(projectDir, note));
    return answer == QMessageBox::Yes;
}

PytestSource pytestSource(QWidget *parent, const QString &venv, const wb::PytestProbe &probe)
{
    QMessageBox box(QMessageBox::Question, tr("pytest is not installed"), tr("pytest is not installed in %1.").arg(QDir::toNativeSeparators(venv)),
                    QMessageBox::Cancel, parent);
    QPushButton *useSystem = nullptr;
    if (probe.systemHasPytest()) {
        box.setInformativeText(tr("The system's Python (%1) has pytest %2: the tests can run with it, on the packages of .venv. "
                                  "Installing pytest with pip needs a network connection.")
                                   .arg(QDir::toNativeSeparators(probe.systemPython), probe.systemPytestVersion));
        useSystem = box.addButton(tr("Use the system's pytest"), QMessageBox::AcceptRole);
        useSystem->setObjectName(QStringLiteral("useSystemPytest"));
    } else {
        box.setInformativeText(tr("Install it there now (python -m pip install pytest)? This needs a network connection."));
    }
    QPushButton *install = box.addButton(tr("Install with pip"), QMessageBox::AcceptRole);
    install->setObjectName(QStringLiteral("installPytest"));
    box.setDefaultButton(useSystem ? useSystem : install);
    box.exec();
    if (useSystem && box.clickedButton() == useSystem)
        return PytestSource::System;
    if (box.clickedButton() == install)
        return PytestSource::Pip;
    return PytestSource::Cancel;
}

bool systemAfterPipFailed(QWidget *parent, const QString &why, const wb::PytestProbe &probe)
{
    const auto answer = QMessageBox::question(parent, tr("Use the system's pytest?"),
                                              why + QStringLiteral("\n\n")
                                                  + tr("The system's Python (%1) has pytest %2. Run the tests with it, on the packages of .venv?")
                                                        .arg(QDir::toNativeSeparators(probe.systemPython), probe.systemPytestVersion));
    return answer == QMessageBox::Yes;
}

} // namespace wb::ui::test_questions
