#pragma once
// Helpers of the Build view's GUI tests: what the view shows (status, console, issues, history) and
// driving it as a user does (clicking an issue, feeding a saved log).
#include "core/build/BuildOutputParser.h"
#include "core/build/BuildRequest.h"
#include "core/build/BuildResult.h"
#include "core/build/LineSplitter.h"
#include "ui/build/BuildConsole.h"
#include "ui/build/BuildView.h"
#include "ui/build/EditorLauncher.h"
#include "ui/build/HistoryModel.h"
#include "ui/build/IssuesModel.h"
#include "support/TestFiles.h"

#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>
#include <QTextBlock>

namespace wb::test::buildview {

using wb::ui::BuildView;

// Once per test program: the app's data (the build history) in test mode under `name`, and no venv or conda
// environment inherited from the shell that runs the tests.
inline void isolateTestProgram(const QString &name)
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("WheelbenchTest"));
    QCoreApplication::setApplicationName(name);
    qunsetenv("VIRTUAL_ENV");
    qunsetenv("CONDA_PREFIX");
}

// Before each test: no build history, and no editor chosen for opening issues.
inline void forgetHistoryAndEditor()
{
    QFile::remove(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/build-history.json"));
    wb::ui::EditorLauncher::setCommand(QString());
    wb::ui::EditorLauncher::setOpenWith(wb::ui::EditorLauncher::OpenWith::Ask);
}
// test::writeAll into a folder made first, with `extra` permissions added (an editor script: ExeOwner).
inline bool writeBytes(const QString &path, const QByteArray &bytes, QFileDevice::Permissions extra = {})
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    return wb::test::writeAll(path, bytes) && (!extra || QFile::setPermissions(path, QFile::permissions(path) | extra));
}

// Runs a program to its end (in the test, not in the view): exit code, -1 when it did not finish.
inline int runToEnd(const QString &program, const QStringList &args, QByteArray *out = nullptr, const QString &dir = {})
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.setWorkingDirectory(dir);
    p.start(program, args);
    if (!p.waitForFinished(180000))
        return -1;
    if (out)
        *out = p.readAll();
    return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
}

inline QString statusOf(const BuildView &view)
{
    return view.findChild<QLabel *>(QStringLiteral("buildStatus"))->text();
}

inline QString consoleOf(const BuildView &view)
{
    return view.findChild<wb::ui::BuildConsole *>(QStringLiteral("buildConsole"))->toPlainText();
}

inline void chooseDebug(BuildView &view)
{
    auto *profile = view.findChild<QComboBox *>(QStringLiteral("profileCombo"));
    profile->setCurrentIndex(profile->findData(int(wb::BuildRequest::Profile::Debug)));
}

inline wb::BuildResult resultAt(const QSignalSpy &spy, int i)
{
    return spy.at(i).at(0).value<BuildResult>();
}

wb::ui::BuildConsole *consoleWidget(const BuildView &view)
{
    return view.findChild<wb::ui::BuildConsole *>(QStringLiteral("buildConsole"));
}

// The text of the console line that is highlighted, empty when none is.
inline QString highlightedLine(const BuildView &view)
{
    wb::ui::BuildConsole *console = consoleWidget(view);
    if (console->highlightedBlock() < 0)
        return {};
    return console->document()->findBlockByNumber(console->highlightedBlock()).text();
}

QTableView *issuesView(const BuildView &view)
{
    return view.findChild<QTableView *>(QStringLiteral("issuesView"));
}

// Clicks the issue whose message starts with `message`; false when none does.
inline bool clickIssue(const BuildView &view, const QString &message, bool twice = false)
{
    QTableView *issues = issuesView(view);
    for (int row = 0; row < issues->model()->rowCount(); ++row) {
        const QModelIndex index = issues->model()->index(row, wb::ui::IssuesModel::MessageColumn);
        if (!index.data().toString().startsWith(message))
            continue;
        issues->scrollTo(index);
        const QPoint at = issues->visualRect(index).center();
        QTest::mouseClick(issues->viewport(), Qt::LeftButton, {}, at);
        if (twice)
            QTest::mouseDClick(issues->viewport(), Qt::LeftButton, {}, at);
        return true;
    }
    return false;
}

inline QStringList issueColumn(const BuildView &view, int column)
{
    QStringList out;
    QAbstractItemModel *model = issuesView(view)->model();
    for (int row = 0; row < model->rowCount(); ++row)
        out << model->index(row, column).data().toString();
    return out;
}

// Feeds a saved log into the view as a run would: the console and the Issues list.
inline void feedLog(BuildView &view, const QByteArray &log, const QString &projectDir)
{
    wb::ui::BuildConsole *console = consoleWidget(view);
    const int run = console->beginRun();
    console->appendMessage(QStringLiteral("$ maturin build"));
    wb::LineSplitter splitter;
    console->appendLines(splitter.feed(log) + splitter.finish());
    console->flushPending();
    view.issues()->addEvents(wb::BuildOutputParser::parseLog(log, projectDir), run);
}

inline QStringList kindsOf(const BuildView &view)
{
    QStringList out;
    for (const wb::BuildRecord &r : view.history()->records())
        out << r.kind + u'=' + r.outcome;
    return out;
}

} // namespace wb::test::buildview
