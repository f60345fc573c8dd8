#pragma once

#include "core/build/BuildRunner.h"

#include <QString>

namespace wb {

// What Test needs besides maturin develop: a venv, pytest in it or on the system, and how to run it.
struct PytestProbe {
    bool venvExists = false;
    bool venvHasPytest = false;      // the venv's Python imports pytest (its own, or the system's through system site packages)
    QString systemPython;            // the Python outside the venv that was asked
    QString systemPytestVersion;     // its pytest's version; empty when it has none
    bool systemHasPytest() const { return !systemPytestVersion.isEmpty(); }
};

class TestSetup
{
public:
    // Asks the venv's and the system Python whether they import pytest. Runs them: call it off the UI thread.
    static PytestProbe probe(const QString &venv, const QString &systemPython);
    static QString pytestVersion(const QString &python); // empty when it cannot import pytest

    // `python -m venv [--system-site-packages] VENV`
    static RunCommand createVenv(const QString &projectDir, const QString &venv, const QString &python, bool systemSitePackages);
    // `python -m pip install --retries 0 --timeout 15 pytest` in the venv: fails at once without a network
    // instead of after pip's five retries.
    static RunCommand installPytest(const QString &projectDir, const QString &venv);
    // `python -m pytest --color=yes` with the venv's Python.
    static RunCommand pytestInVenv(const QString &projectDir, const QString &venv);
    // The system Python's pytest on the venv's packages (its site-packages added as a site folder, .pth
    // files included; the venv first on PATH): for a venv without pytest when pip cannot install it.
    static RunCommand pytestWithSystemPython(const QString &projectDir, const QString &venv, const QString &systemPython);
    // venv/lib/pythonX.Y/site-packages (venv/Lib/site-packages on Windows); empty when there is none.
    static QString sitePackages(const QString &venv);
};

} // namespace wb
