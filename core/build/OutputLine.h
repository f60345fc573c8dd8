#pragma once

#include <QList>
#include <QMetaType>
#include <QString>

namespace wb {

// One line of a tool's output, decoded. `text` keeps ANSI escapes (for display); `transient` lines
// ended with a bare carriage return: the next line replaces them (cargo's progress bar).
struct OutputLine {
    QString text;
    bool transient = false;
    bool operator==(const OutputLine &) const = default;
};

} // namespace wb

Q_DECLARE_METATYPE(wb::OutputLine)
