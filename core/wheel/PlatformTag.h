#pragma once

#include <QString>
#include <QStringList>

namespace wb {

// What a platform tag means: manylinux_X_Y (with the legacy aliases), musllinux_X_Y, macOS, Windows,
// Android, iOS, plain linux, any.
struct PlatformTag {
    enum class Kind { Any, Manylinux, Musllinux, Linux, MacOS, Windows, Android, IOS, Other };
    Kind kind = Kind::Other;
    QString tag;       // as given
    QString arch;      // x86_64, aarch64, universal2, arm64_v8a, amd64, ...
    int major = 0;     // glibc/musl/macOS/iOS major, Android API level
    int minor = 0;
    QString canonical; // manylinux1_x86_64 -> manylinux_2_5_x86_64; otherwise the tag
    QString sdk;       // iOS: iphoneos / iphonesimulator

    static PlatformTag parse(const QString &tag);
    QString policyName() const; // "manylinux_2_17", "musllinux_1_2", else empty
    // In words, for people: "Linux with glibc 2.17 or newer, x86_64 (manylinux2014 is the legacy name of
    // manylinux_2_17)", "iOS 13.0 or newer, arm64, simulator", "Android API level 24 or newer, arm64_v8a".
    QString describe() const;
    static QString kindName(Kind k);
};

// ELF machine names used by the policy tables for a platform arch (x86_64, i686, aarch64, ...).
// macOS arch sets: universal2 = {x86_64, arm64}, intel = {i386, x86_64}, ...
QStringList macosArchitectures(const QString &arch);

} // namespace wb
