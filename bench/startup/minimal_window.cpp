// The reference for bench_startup: the smallest Qt Widgets program with a window of the same size,
// reporting its first paint the same way Wheelbench does (FirstPaintProbe).
#include "ui/common/FirstPaintProbe.h"

#include <QApplication>
#include <QLabel>
#include <QMainWindow>

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QMainWindow window;
    window.setCentralWidget(new QLabel(QStringLiteral("reference window")));
    window.resize(1200, 800);
    wb::ui::FirstPaintProbe::installIfRequested(&window);
    window.show();
    return app.exec();
}
