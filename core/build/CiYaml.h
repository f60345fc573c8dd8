#pragma once

#include "core/build/CiConfig.h"

#include <QString>

#include <optional>

namespace wb::ci {

// Lines of YAML at an indentation level (two spaces per level).
class Yaml
{
public:
    Yaml &operator()(int level, const QString &text)
    {
        m_text += QString(level * 2, u' ') + text + u'\n';
        return *this;
    }
    Yaml &blank()
    {
        m_text += u'\n';
        return *this;
    }
    QString text() const { return m_text; }

private:
    QString m_text;
};

inline QString L(const char *text)
{
    return QString::fromLatin1(text);
}

// The pytest steps after a platform job's upload, as maturin writes them: uv on the runner,
// QEMU (run-on-arch) for other Linux architectures, Alpine in Docker for musllinux, Pyodide for
// emscripten; Android has none. minMinor: the lowest 3.x requires-python allows.
void pytestSteps(Yaml &y, CiJobPlatform p, const QString &project, std::optional<int> minMinor);

} // namespace wb::ci
