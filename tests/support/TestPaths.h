#pragma once

#include <QString>

namespace wb::test {

// Where tests find things. All from the environment ctest sets (see tests/CMakeLists.txt).
QString sourceDir();                 // the repository
QString binaryDir();                 // the build folder
QString corpusDir();                 // ../shared/corpus, possibly absent
QString executable();                // the wheelbench program
QString examplesDir();               // sourceDir()/examples
// QSKIP-friendly: empty when the corpus is present, else the reason to skip.
QString corpusMissingReason();

} // namespace wb::test

// Skips the current test function when the shared corpus is not there.
#define WB_REQUIRE_CORPUS()                                                                                  \
    do {                                                                                                     \
        const QString reason_ = wb::test::corpusMissingReason();                                             \
        if (!reason_.isEmpty())                                                                              \
            QSKIP(qPrintable(reason_));                                                                      \
    } while (false)
