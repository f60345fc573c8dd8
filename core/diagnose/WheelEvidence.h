#pragma once

#include "core/diagnose/Evidence.h"

namespace wb::diagnose {

// What the detectors need from a wheel: the tags of its file name and the wheel inspector's report
// (extensions with their exports, needed libraries, symbol versions and manylinux policy checks).
class WheelEvidence
{
public:
    static WheelFacts read(const QString &path);
    // Only the file name: dist, version and tags (no file access).
    static WheelFacts fromFileName(const QString &fileName);
};

} // namespace wb::diagnose
