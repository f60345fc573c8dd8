// The reference for bench_window's scrolling target: the plainest Qt model/view program — a
// QTreeView over a QStandardItemModel of N rows and four columns, uniform row heights — scrolled end
// to end by the same ScrollProbe the window's probe uses. Prints
//   scroll reference max-gap <ms> steps <n> rows <n> total <ms>
//   scroll_reference [ROWS]    (default 60000)
#include "ui/wheels/ScrollProbe.h"

#include <QApplication>
#include <QStandardItemModel>
#include <QTimer>
#include <QTreeView>

#include <cstdio>

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    const int rows = argc > 1 ? std::max(1, QByteArray(argv[1]).toInt()) : 60000;
    QStandardItemModel model(rows, 4);
    for (int i = 0; i < rows; ++i) {
        model.setItem(i, 0, new QStandardItem(QStringLiteral("bigpkg/mod%1/m%2.py").arg(i / 400).arg(i)));
        model.setItem(i, 1, new QStandardItem(QStringLiteral("%1 KiB").arg(i % 977)));
        model.setItem(i, 2, new QStandardItem(QStringLiteral("%1 KiB").arg(i % 311)));
        model.setItem(i, 3, new QStandardItem(QStringLiteral("%1%").arg(i % 100)));
    }
    QTreeView view;
    view.setRootIsDecorated(false);
    view.setUniformRowHeights(true);
    view.setModel(&model);
    view.resize(1200, 800);
    view.show();
    wb::ui::ScrollProbe probe(&view);
    QObject::connect(&probe, &wb::ui::ScrollProbe::finished, &app, [rows](const wb::ui::ScrollProbe::Result &r) {
        std::fprintf(stderr, "scroll reference max-gap %.1f steps %d rows %d total %.0f\n", r.maxGapMs, r.steps, rows, r.totalMs);
        QCoreApplication::exit(0);
    });
    QTimer::singleShot(200, &probe, &wb::ui::ScrollProbe::start);
    return app.exec();
}
