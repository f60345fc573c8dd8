#include "core/wheel/PlatformTag.h"

#include <QRegularExpression>

namespace wb {

PlatformTag PlatformTag::parse(const QString &tagIn)
{
    PlatformTag p;
    p.tag = tagIn;
    p.canonical = tagIn;
    const QString tag = tagIn.toLower();
    if (tag == QLatin1String("any")) {
        p.kind = Kind::Any;
        return p;
    }
    static const QRegularExpression legacy(QStringLiteral("^manylinux(1|2010|2014)_(.+)$"));
    static const QRegularExpression many(QStringLiteral("^manylinux_([0-9]+)_([0-9]+)_(.+)$"));
    static const QRegularExpression musl(QStringLiteral("^musllinux_([0-9]+)_([0-9]+)_(.+)$"));
    static const QRegularExpression mac(QStringLiteral("^macosx_([0-9]+)_([0-9]+)_(.+)$"));
    static const QRegularExpression android(QStringLiteral("^android_([0-9]+)_(.+)$"));
    static const QRegularExpression ios(QStringLiteral("^ios_([0-9]+)_([0-9]+)_(.+)_(iphoneos|iphonesimulator)$"));
    QRegularExpressionMatch m;
    if ((m = legacy.match(tag)).hasMatch()) {
        p.kind = Kind::Manylinux;
        p.major = 2;
        const QString alias = m.captured(1);
        p.minor = alias == QLatin1String("1") ? 5 : alias == QLatin1String("2010") ? 12 : 17;
        p.arch = m.captured(2);
        p.canonical = QStringLiteral("manylinux_2_%1_%2").arg(p.minor).arg(p.arch);
    } else if ((m = many.match(tag)).hasMatch()) {
        p.kind = Kind::Manylinux;
        p.major = m.captured(1).toInt();
        p.minor = m.captured(2).toInt();
        p.arch = m.captured(3);
    } else if ((m = musl.match(tag)).hasMatch()) {
        p.kind = Kind::Musllinux;
        p.major = m.captured(1).toInt();
        p.minor = m.captured(2).toInt();
        p.arch = m.captured(3);
    } else if (tag.startsWith(QLatin1String("linux_"))) {
        p.kind = Kind::Linux;
        p.arch = tag.mid(6);
    } else if ((m = mac.match(tag)).hasMatch()) {
        p.kind = Kind::MacOS;
        p.major = m.captured(1).toInt();
        p.minor = m.captured(2).toInt();
        p.arch = m.captured(3);
    } else if (tag == QLatin1String("win32") || tag.startsWith(QLatin1String("win_"))) {
        p.kind = Kind::Windows;
        p.arch = tag == QLatin1String("win32") ? QStringLiteral("x86") : tag.mid(4);
    } else if ((m = android.match(tag)).hasMatch()) {
        p.kind = Kind::Android;
        p.major = m.captured(1).toInt();
        p.arch = m.captured(2);
    } else if ((m = ios.match(tag)).hasMatch()) {
        p.kind = Kind::IOS;
        p.major = m.captured(1).toInt();
        p.minor = m.captured(2).toInt();
        p.arch = m.captured(3);
        p.sdk = m.captured(4);
    }
    return p;
}

QString PlatformTag::policyName() const
{
    if (kind == Kind::Manylinux)
        return QStringLiteral("manylinux_%1_%2").arg(major).arg(minor);
    if (kind == Kind::Musllinux)
        return QStringLiteral("musllinux_%1_%2").arg(major).arg(minor);
    return {};
}

QString PlatformTag::describe() const
{
    const QString version = QStringLiteral("%1.%2").arg(major).arg(minor);
    switch (kind) {
    case Kind::Any:
        return QStringLiteral("any platform");
    case Kind::Manylinux: {
        QString d = QStringLiteral("Linux with glibc %1 or newer, %2").arg(version, arch);
        if (canonical != tag)
            d += QStringLiteral(" (%1 is the legacy name of %2)").arg(tag.section(QLatin1Char('_'), 0, 0), policyName());
        return d;
    }
    case Kind::Musllinux:
        return QStringLiteral("Linux with musl %1 or newer, %2").arg(version, arch);
    case Kind::Linux:
        return QStringLiteral("Linux, %1, with no promise about the system libraries (PyPI refuses plain linux tags)").arg(arch);
    case Kind::MacOS: {
        QString d = QStringLiteral("macOS %1 or newer, %2").arg(version, arch);
        const QStringList archs = macosArchitectures(arch);
        if (archs.size() > 1)
            d += QStringLiteral(" (%1)").arg(archs.join(QStringLiteral(" + ")));
        return d;
    }
    case Kind::Windows:
        return arch == QLatin1String("x86") ? QStringLiteral("Windows, 32-bit x86") : QStringLiteral("Windows, %1").arg(arch);
    case Kind::Android:
        return QStringLiteral("Android API level %1 or newer, %2").arg(major).arg(arch);
    case Kind::IOS:
        return QStringLiteral("iOS %1 or newer, %2, %3").arg(version, arch, sdk == QLatin1String("iphonesimulator") ? QStringLiteral("simulator") : QStringLiteral("device"));
    case Kind::Other:
        break;
    }
    return QStringLiteral("a platform this tool does not know");
}

QString PlatformTag::kindName(Kind k)
{
    switch (k) {
    case Kind::Any: return QStringLiteral("any");
    case Kind::Manylinux: return QStringLiteral("manylinux");
    case Kind::Musllinux: return QStringLiteral("musllinux");
    case Kind::Linux: return QStringLiteral("linux");
    case Kind::MacOS: return QStringLiteral("macos");
    case Kind::Windows: return QStringLiteral("windows");
    case Kind::Android: return QStringLiteral("android");
    case Kind::IOS: return QStringLiteral("ios");
    case Kind::Other: break;
    }
    return QStringLiteral("other");
}

QStringList macosArchitectures(const QString &arch)
{
    if (arch == QLatin1String("universal2"))
        return {QStringLiteral("arm64"), QStringLiteral("x86_64")};
    if (arch == QLatin1String("universal"))
        return {QStringLiteral("i386"), QStringLiteral("ppc"), QStringLiteral("ppc64"), QStringLiteral("x86_64")};
    if (arch == QLatin1String("intel"))
        return {QStringLiteral("i386"), QStringLiteral("x86_64")};
    if (arch == QLatin1String("fat"))
        return {QStringLiteral("i386"), QStringLiteral("ppc")};
    if (arch == QLatin1String("fat3"))
        return {QStringLiteral("i386"), QStringLiteral("ppc"), QStringLiteral("x86_64")};
    if (arch == QLatin1String("fat64"))
        return {QStringLiteral("ppc64"), QStringLiteral("x86_64")};
    return {arch};
}

} // namespace wb
