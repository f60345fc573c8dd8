#pragma once

#include <QString>
#include <QStringList>

namespace wb::diagnose {

// Maps symbol versions to the lowest manylinux tag that allows them (x86_64 policy tables of
// auditwheel, as shipped by maturin), and tags to the glibc they promise.
namespace ManylinuxTags {

// "GLIBC_2.36" -> "manylinux_2_36"; "GLIBCXX_3.4.30" -> "manylinux_2_35". Empty if unknown.
QString lowestTagFor(const QString &symbolVersion);
// "manylinux2014" -> "manylinux_2_17"; "manylinux_2_28_x86_64" -> "manylinux_2_28". Empty if none.
QString normalise(const QString &tag);
// The glibc minor version a manylinux tag promises (17 for manylinux_2_17), -1 if not manylinux.
int glibcMinor(const QString &tag);
// Compares dotted versions numerically.
int compareVersions(const QString &a, const QString &b);
// The highest of several tags (by glibc minor).
QString highest(const QStringList &tags);

} // namespace ManylinuxTags

} // namespace wb::diagnose
