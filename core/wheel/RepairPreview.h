#pragma once

#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

namespace wb {

class LibraryResolver;
class PolicyTable;
struct WheelReport;

// What `auditwheel repair` would do to a Linux wheel on this machine (auditwheel 6.8's rules): the
// libraries its ELF files need that the chosen policy does not allow, found here as the loader finds
// them, copied into the wheel together with what they need in turn (recursively, minus what the policy
// allows); the symbol versions of those copies count towards the repaired wheel's tag.
struct RepairLibrary {
    QString soname;              // libssl.so.3
    QString path;                // the file found here, its name's symbolic links followed as auditwheel does (empty: not found)
    qint64 size = 0;
    QString neededBy;            // the wheel member or library that needs it
    QStringList needs;           // its own DT_NEEDED
    QMap<QString, QStringList> versions; // library -> symbol versions it needs (libc.so.6 -> GLIBC_2.34)
};

struct RepairPreview {
    bool applicable = false;     // a Linux ELF wheel that needs libraries no policy allows
    QString family;              // manylinux or musllinux
    QString arch;
    QString policy;              // the policy the copies are made for (the best one repair can reach)
    QList<RepairLibrary> copied; // for that policy, in the order they were found (the ones not found
                                 // too, with an empty path; they are also in missing)
    QStringList missing;         // sonames that cannot be found here: repair would stop
    QString repairedPolicy;      // the repaired wheel's tag (the copies' symbol versions counted); empty when repair fails
    QString symbolPolicy;        // as auditwheel show's sym_tag: the best over the policies of
                                 // min(policy, symbols of the wheel plus those the policy would copy)
    int symbolPriority = 0;
};

// table: the one the wheel was judged by (by its binaries' libc).
RepairPreview previewRepair(const WheelReport &report, const PolicyTable &table, const LibraryResolver &resolver);
// Puts the preview into report.repair and, as auditwheel show does, counts the symbol versions of the
// libraries repair would copy in the wheel's symbol policy (and so its overall policy); adds a finding.
void applyRepairPreview(WheelReport &report, const PolicyTable &table, const LibraryResolver &resolver);

} // namespace wb
