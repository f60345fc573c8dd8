#pragma once

#include "core/diagnose/Catalogue.h"
#include "core/diagnose/Evidence.h"
#include "core/diagnose/Finding.h"

namespace wb::diagnose {

// Runs every detector over the evidence and returns the findings, errors first.
class Diagnoser
{
public:
    static QList<Finding> diagnose(const Evidence &evidence, const Catalogue &catalogue = Catalogue::builtIn());
    // Errors first; among them the more specific cause (rank), then the surer one.
    static void sort(QList<Finding> *findings);
};

} // namespace wb::diagnose
