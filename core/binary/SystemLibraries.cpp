#include "core/binary/SystemLibraries.h"

#include <QRegularExpression>
#include <QSet>

namespace wb {

namespace {

// Checked against delvewheel's ignore_names_x64 (every name here is in it).
const QSet<QString> &windowsSystemDlls()
{
    static const QSet<QString> names = [] {
        QSet<QString> s;
        for (const char *n : {
                 "advapi32", "advpack", "apphelp", "authz", "avrt", "bcrypt", "bcryptprimitives", "cabinet", "cfgmgr32",
                 "clbcatq", "comctl32", "comdlg32", "credui", "crypt32", "cryptbase", "cryptnet", "cryptsp",
                 "cryptui", "d2d1", "d3d10", "d3d10_1", "d3d11", "d3d9", "dbgeng", "dbghelp",
                 "devobj", "dhcpcsvc", "dinput8", "dnsapi", "dsound", "dwmapi", "dwrite", "dxgi", "dxva2",
                 "esent", "evr", "fltlib", "fwpuclnt", "gdi32", "glu32", "hid", "httpapi", "iertutil",
                 "imagehlp", "imm32", "iphlpapi", "kernel32", "kernelbase", "ksuser", "ktmw32", "mf", "mfplat",
                 "mfreadwrite", "mlang", "mpr", "msacm32", "msasn1", "mscms", "msctf", "msi", "msimg32", "msvcrt",
                 "mswsock", "msxml6", "ncrypt", "netapi32", "normaliz", "ntdll", "ntdsapi", "ole32", "oleacc",
                 "oleaut32", "opengl32", "pdh", "powrprof", "profapi", "propsys", "psapi", "rasapi32", "rpcrt4",
                 "rstrtmgr", "sechost", "secur32", "setupapi", "shell32", "shfolder", "shlwapi", "srvcli",
                 "sspicli", "tbs", "urlmon", "user32", "userenv", "usp10", "uxtheme", "version", "winhttp",
                 "wininet", "winmm", "winspool.drv", "wintrust", "wldap32", "wlanapi", "ws2_32", "wsock32", "wtsapi32",
                 "xmllite"}) {
            const QString name = QString::fromLatin1(n);
            s.insert(name.contains(u'.') ? name : name + QStringLiteral(".dll"));
        }
        return s;
    }();
    return names;
}

} // namespace

bool isWindowsSystemDll(const QString &name)
{
    // ucrtbase.dll, the Universal CRT the api-ms-win-crt-* sets lead to, is part of Windows 10 and later.
    const QString l = name.toLower();
    return windowsSystemDlls().contains(l) || l == QLatin1String("ucrtbase.dll");
}

bool isWindowsApiSet(const QString &name)
{
    const QString l = name.toLower();
    return l.startsWith(QLatin1String("api-ms-win-")) || l.startsWith(QLatin1String("ext-ms-win-"));
}

bool isMsvcRuntime(const QString &name)
{
    static const QRegularExpression re(QStringLiteral("^(vcruntime[0-9].*|vccorlib[0-9].*|msvcp[0-9_].*|msvcr[0-9].*|concrt[0-9].*|"
                                                      "mfc(m(ifc)?)?[0-9].*|vcamp[0-9].*|vcomp[0-9]*.*)\\.dll$"),
                                       QRegularExpression::CaseInsensitiveOption);
    return re.match(name).hasMatch();
}

bool isMacSystemLibrary(const QString &installName)
{
    return installName.startsWith(QLatin1String("/usr/lib/")) || installName.startsWith(QLatin1String("/System/"));
}

} // namespace wb
