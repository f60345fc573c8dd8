#include "core/build/BuildEvent.h"

namespace wb {

QString severityName(DiagnosticSeverity severity)
{
    switch (severity) {
    case DiagnosticSeverity::Error: return QStringLiteral("error");
    case DiagnosticSeverity::Warning: return QStringLiteral("warning");
    case DiagnosticSeverity::Note: return QStringLiteral("note");
    case DiagnosticSeverity::Help: return QStringLiteral("help");
    }
    return {};
}

QString BuildEvent::kindName(Kind kind)
{
    switch (kind) {
    case Kind::Diagnostic: return QStringLiteral("diagnostic");
    case Kind::Progress: return QStringLiteral("progress");
    case Kind::Compiling: return QStringLiteral("compiling");
    case Kind::CargoFinished: return QStringLiteral("cargo-finished");
    case Kind::CargoError: return QStringLiteral("cargo-error");
    case Kind::ProjectLayout: return QStringLiteral("project-layout");
    case Kind::Bindings: return QStringLiteral("bindings");
    case Kind::Interpreter: return QStringLiteral("interpreter");
    case Kind::BuildOptions: return QStringLiteral("build-options");
    case Kind::Wheel: return QStringLiteral("wheel");
    case Kind::Sdist: return QStringLiteral("sdist");
    case Kind::MaturinWarning: return QStringLiteral("maturin-warning");
    case Kind::MaturinFailed: return QStringLiteral("maturin-failed");
    case Kind::TestSummary: return QStringLiteral("test-summary");
    }
    return {};
}

} // namespace wb
