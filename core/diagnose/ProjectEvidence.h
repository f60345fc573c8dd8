#pragma once

#include "core/diagnose/Evidence.h"

namespace wb::diagnose {

// What the detectors need from a project folder, read through core/project: the settings with the
// line of every value, the effective settings, and the #[pymodule] names in the crate's Rust sources.
class ProjectEvidence
{
public:
    static ProjectFacts read(const QString &dir);
};

} // namespace wb::diagnose
