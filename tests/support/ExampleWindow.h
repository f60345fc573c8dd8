#pragma once

#include "support/TestFiles.h"
#include "support/TestPaths.h"
#include "ui/common/MainWindow.h"

#include <QTemporaryDir>
#include <QTest>

namespace wb::test {

// The main window, at a usual size, on a fresh copy of the example project (hello-pyo3) in a temporary
// folder, so that nothing a test does reaches the repository's example.
struct ExampleWindow {
    QTemporaryDir tmp;
    QString project = tmp.filePath(QStringLiteral("hello-pyo3"));
    wb::ui::MainWindow window;

    // Copies the example, shows the window and opens the copy; false if a step fails.
    [[nodiscard]] bool open()
    {
        if (!tmp.isValid() || !copyTree(examplesDir() + QStringLiteral("/hello-pyo3"), project))
            return false;
        window.resize(1200, 800);
        window.show();
        return QTest::qWaitForWindowExposed(&window) && window.openPath(project);
    }
};

} // namespace wb::test
