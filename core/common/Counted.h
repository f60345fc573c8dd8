#pragma once

#include <QString>
#include <QtGlobal>

namespace wb {

// A count with its noun, in English: "1 wheel", "0 wheels", "14 wheels" (never "14 wheel(s)"). The
// program has no translations, so Qt's "%n wheel(s)" would show its brackets.
QString counted(qint64 n, const char *one, const char *many);

} // namespace wb
