// wheelbench-window: the window. `wheelbench` (main.cpp) runs the headless commands itself and
// hands everything else to this program, so that a command never loads Qt Gui and Widgets.
#include "core/cli/CommandContext.h"
#include "core/common/AppInfo.h"
#include "ui/common/FirstPaintProbe.h"
#include "ui/common/MainWindow.h"

#include <QApplication>
#include <QFileInfo>
#include <QTimer>

#include <cstdio>

namespace {

bool hasDisplay()
{
#if defined(Q_OS_LINUX) || defined(Q_OS_FREEBSD)
    return !qEnvironmentVariableIsEmpty("DISPLAY") || !qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY")
        || !qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM");
#else
    return true;
#endif
}

void setIdentity()
{
    QCoreApplication::setApplicationName(wb::AppInfo::executable());
    QCoreApplication::setApplicationVersion(wb::AppInfo::version());
    QCoreApplication::setOrganizationName(wb::AppInfo::organization());
}

} // namespace

int main(int argc, char **argv)
{
    QStringList args;
    for (int i = 0; i < argc; ++i)
        args << QString::fromLocal8Bit(argv[i]);

    // The window. Options: [PATH] [--screenshot FILE] [--area project|build|wheels|troubleshooting|release]
    QString path;
    QString screenshot;
    int area = -1;
    static const QStringList areas = {QStringLiteral("project"), QStringLiteral("build"), QStringLiteral("wheels"),
                                      QStringLiteral("troubleshooting"), QStringLiteral("release")};
    for (int i = 1; i < args.size(); ++i) {
        if (args.at(i) == QLatin1String("--screenshot") && i + 1 < args.size())
            screenshot = args.at(++i);
        else if (args.at(i) == QLatin1String("--area") && i + 1 < args.size()) {
            area = int(areas.indexOf(args.at(++i).toLower()));
            if (area < 0) {
                std::fprintf(stderr, "wheelbench: --area takes one of %s\n", qPrintable(areas.join(QStringLiteral(", "))));
                return wb::cli::ExitUsage;
            }
        } else if (args.at(i).startsWith(QLatin1Char('-'))) {
            std::fprintf(stderr, "wheelbench: unknown option %s (see wheelbench --help)\n", qPrintable(args.at(i)));
            return wb::cli::ExitUsage;
        } else
            path = args.at(i);
    }

    if (!hasDisplay()) {
        const QByteArray target = path.isEmpty() ? QByteArray("PROJECT") : path.toLocal8Bit();
        std::fprintf(stderr,
                     "wheelbench: no display found, so the window cannot open.\n"
                     "Run it headless instead, for example:\n"
                     "  wheelbench check %s          validate the project's settings\n"
                     "  wheelbench build %s          build its wheel with maturin\n"
                     "  wheelbench inspect WHEEL.whl    inspect a wheel\n"
                     "  wheelbench diagnose --project %s\n"
                     "or render the window without a screen:\n"
                     "  QT_QPA_PLATFORM=offscreen wheelbench %s --screenshot window.png\n"
                     "See wheelbench --help for every command.\n",
                     target.constData(), target.constData(), target.constData(), target.constData());
        return wb::cli::ExitUsage;
    }

    QApplication app(argc, argv);
    setIdentity();
    QApplication::setApplicationDisplayName(wb::AppInfo::name());
    QApplication::setDesktopFileName(wb::AppInfo::appId());
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/wheelbench/icons/wheelbench.svg")));

    wb::ui::MainWindow window;
    wb::ui::FirstPaintProbe::installIfRequested(&window);
    if (!path.isEmpty() && !window.openPath(path) && !screenshot.isEmpty())
        return wb::cli::ExitUsage;
    if (area >= 0)
        window.showArea(wb::ui::MainWindow::Area(area));
    window.show();

    if (!screenshot.isEmpty()) {
        // Give views a moment to finish background work (reading the project, the wheel), then save.
        QTimer::singleShot(1500, &window, [&window, screenshot] {
            const bool saved = window.grab().save(screenshot);
            std::fprintf(saved ? stdout : stderr, saved ? "saved %s\n" : "could not save %s\n", qPrintable(screenshot));
            QCoreApplication::exit(saved ? 0 : 1);
        });
    }
    return app.exec();
}
