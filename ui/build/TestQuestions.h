#pragma once

#include "core/build/TestSetup.h"

class QWidget;

namespace wb::ui {

// The questions Develop and Test ask before they run: create a venv, where pytest comes from.
namespace test_questions {

// "Create .venv there now?" with an optional note; true for Yes.
bool createVenv(QWidget *parent, const QString &projectDir, const QString &note = {});

enum class PytestSource { Cancel, System, Pip };
// The venv has no pytest: the system's (when it has one) or pip. Buttons are named
// "useSystemPytest" and "installPytest".
PytestSource pytestSource(QWidget *parent, const QString &venv, const wb::PytestProbe &probe);

// pip failed (`why`); true when the user wants the system's pytest instead.
bool systemAfterPipFailed(QWidget *parent, const QString &why, const wb::PytestProbe &probe);

} // namespace test_questions
} // namespace wb::ui
