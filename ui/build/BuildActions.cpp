#include "ui/build/BuildActions.h"

#include <QAction>
#include <QIcon>
#include <QStyle>
#include <QToolButton>
#include <QWidget>

namespace wb::ui {

namespace {

QAction *makeAction(QWidget *view, const QString &text, const char *name, const QString &tip, const QIcon &icon,
                    const QList<QKeySequence> &keys = {})
{
    auto *a = new QAction(icon, text, view);
    a->setObjectName(QLatin1String(name));
    a->setShortcuts(keys);
    a->setStatusTip(tip);
    a->setToolTip(keys.isEmpty() ? tip : QStringLiteral("%1 (%2)").arg(tip, keys.first().toString(QKeySequence::NativeText)));
    view->addAction(a);
    return a;
}

QIcon themed(QWidget *view, const char *name, QStyle::StandardPixmap fallback)
{
    return QIcon::fromTheme(QLatin1String(name), view->style()->standardIcon(fallback));
}

} // namespace

BuildActions::BuildActions(QWidget *view)
    : QObject(view)
    , m_view(view)
{
    m_build = makeAction(view, tr("&Build"), "action/build", tr("Build the project's wheel with maturin"),
                         themed(view, "run-build", QStyle::SP_MediaPlay), {QKeySequence(Qt::CTRL | Qt::Key_B)});
    m_develop = makeAction(view, tr("&Develop"), "action/develop",
                           tr("Build and install the project into its virtual environment (maturin develop)"),
                           themed(view, "run-install", QStyle::SP_ArrowDown));
    m_test = makeAction(view, tr("&Test"), "action/test", tr("Develop, then run the project's tests with pytest"),
                        themed(view, "media-playback-start", QStyle::SP_DialogApplyButton), {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_T)});
    m_sdist = makeAction(view, tr("&Sdist"), "action/sdist", tr("Build the source distribution (maturin sdist)"),
                         themed(view, "package-x-generic", QStyle::SP_FileIcon));
    m_cancel = makeAction(view, tr("&Cancel"), "action/cancel", tr("Stop the running build and everything it started"),
                          themed(view, "process-stop", QStyle::SP_BrowserStop), {QKeySequence(Qt::CTRL | Qt::Key_Period), QKeySequence(Qt::Key_Escape)});
    m_generateCi = makeAction(view, tr("Generate &CI…"), "action/generate-ci",
                              tr("Write a GitHub Actions workflow that builds and publishes wheels"), themed(view, "document-new", QStyle::SP_FileIcon));
    m_saveLog = makeAction(view, tr("Save &Log…"), "action/save-log", tr("Save the complete output of the last run"),
                           themed(view, "document-save-as", QStyle::SP_DialogSaveButton));
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

QToolButton *BuildActions::button(QAction *action, const char *name, QWidget *parent)
{
    auto *b = new QToolButton(parent);
    b->setObjectName(QLatin1String(name));
    b->setDefaultAction(action);
    b->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    return b;
}

} // namespace wb::ui
