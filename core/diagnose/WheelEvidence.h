#pragma once

#include "core/diagnose/Evidence.h"

namespace wb::diagnose {

// Reads what the detectors need from a wheel: the tags of its file name, its extension modules with
// their exported init symbols, needed libraries and symbol versions, and its bundled libraries.
// Adapter: to be switched to the wheel inspector's report (core/wheel + core/binary) once it exists.
class WheelEvidence
{
public:
    static WheelFacts read(const QString &path);
    // Only the file name: dist, version and tags (no file access).
    static WheelFacts fromFileName(const QString &fileName);
};

} // namespace wb::diagnose
