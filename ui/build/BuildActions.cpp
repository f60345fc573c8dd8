#include "ui/build/BuildActions.h"

#include "ui/common/ActionFactory.h"

#include <QAction>
#include <QIcon>
#include <QWidget>

namespace wb::ui {

namespace {

// An action of VIEW, so its keys work in the view when it stands alone.
QAction *viewAction(QWidget *view, const QString &text, const char *name, const QString &tip, const QIcon &icon,
                    const QList<QKeySequence> &keys = {})
{
    QAction *action = makeAction(view, icon, text, QLatin1String(name), tip, keys);
    view->addAction(action);
    return action;
}

} // namespace

BuildActions::BuildActions(QWidget *view)
    : QObject(view)
{
    m_build = viewAction(view, tr("&Build"), "action/build", tr("Build the project's wheel with maturin"),
                         themedIcon("run-build", QStyle::SP_MediaPlay), {QKeySequence(Qt::CTRL | Qt::Key_B)});
    m_develop = viewAction(view, tr("&Develop"), "action/develop",
                           tr("Build and install the project into its virtual environment (maturin develop)"),
                           themedIcon("run-install", QStyle::SP_ArrowDown));
    m_test = viewAction(view, tr("&Test"), "action/test", tr("Develop, then run the project's tests with pytest"),
                        themedIcon("media-playback-start", QStyle::SP_DialogApplyButton), {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_T)});
    m_sdist = viewAction(view, tr("&Sdist"), "action/sdist", tr("Build the source distribution (maturin sdist)"),
                         themedIcon("package-x-generic", QStyle::SP_FileIcon));
    m_cancel = viewAction(view, tr("&Cancel"), "action/cancel", tr("Stop the running build and everything it started"),
                          themedIcon("process-stop", QStyle::SP_BrowserStop), {QKeySequence(Qt::CTRL | Qt::Key_Period), QKeySequence(Qt::Key_Escape)});
    m_generateCi = viewAction(view, tr("Generate &CI…"), "action/generate-ci",
                              tr("Write a GitHub Actions workflow that builds and publishes wheels"), themedIcon("document-new", QStyle::SP_FileIcon));
    m_saveLog = viewAction(view, tr("Save &Log…"), "action/save-log", tr("Save the complete output of the last run"),
                           themedIcon("document-save-as", QStyle::SP_DialogSaveButton));
}

void BuildActions::update(const State &state)
{
    for (QAction *a : {m_build, m_develop, m_test, m_sdist})
        a->setEnabled(state.idle);
    if (!m_cancelShared)
        m_cancel->setEnabled(state.running);
    m_generateCi->setEnabled(state.project);
    m_saveLog->setEnabled(state.output);
}

void BuildActions::shareCancel(QAction *windowCancel)
{
    if (!windowCancel || windowCancel == m_cancel)
        return;
    delete m_cancel;
    m_cancel = windowCancel;
    m_cancelShared = true;
    Q_EMIT cancelChanged(m_cancel);
}

} // namespace wb::ui
