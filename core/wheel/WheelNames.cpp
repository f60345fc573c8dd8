#include "core/wheel/WheelNames.h"

#include <QRegularExpression>

namespace wb::wheelnames {

bool isNativeName(const QString &path)
{
    const QChar *d = path.constData();
    const qsizetype n = path.size();
    qsizetype base = n;
    while (base > 0 && d[base - 1] != QLatin1Char('/'))
        --base;
    const auto lower = [d](qsizetype k) {
        const char16_t c = d[k].unicode();
        return c >= u'A' && c <= u'Z' ? char16_t(c + 32) : c;
    };
    const auto is = [&](qsizetype at, const char *word) {
        for (qsizetype k = 0; word[k]; ++k)
            if (lower(at + k) != char16_t(word[k]))
                return false;
        return true;
    };
    for (qsizetype i = base; i < n; ++i) {
        if (d[i] != QLatin1Char('.'))
            continue;
        const qsizetype rest = n - i; // ".so" = 3
        if ((rest == 3 && is(i, ".so")) || (rest == 4 && (is(i, ".pyd") || is(i, ".dll"))) || (rest == 6 && is(i, ".dylib")))
            return true;
        if (rest >= 4 && is(i, ".so.")) // "libfoo.so.1"
            return true;
    }
    return false;
}

bool isAscii(QByteArrayView bytes)
{
    quint8 all = 0;
    for (const char c : bytes)
        all |= quint8(c);
    return all < 0x80;
}

// The first path component ("pkg" of "pkg/mod.py"), the whole name when it has none.
QStringView topOf(const QString &name)
{
    const qsizetype slash = name.indexOf(QLatin1Char('/'));
    return slash < 0 ? QStringView(name) : QStringView(name).left(slash);
}

// pkg/_core.cpython-312-x86_64-linux-gnu.so -> ("_core", ".cpython-312-x86_64-linux-gnu.so")
QPair<QString, QString> splitModule(const QString &path)
{
    const QString base = path.section(QLatin1Char('/'), -1);
    const qsizetype dot = base.indexOf(QLatin1Char('.'));
    if (dot < 0)
        return {base, {}};
    return {base.left(dot), base.mid(dot)};
}

QString versionKey(QString v)
{
    return v.toLower().replace(QLatin1Char('-'), QLatin1Char('_'));
}

// The C library an extension's name implies: "-linux-musl.so" / "-arm-linux-musleabihf.so" is musl;
// "-linux-gnu.so" is glibc for CPython 3.11 and later (before, musl builds used that suffix too).
QString libcFromFileName(const QString &path)
{
    const QString base = path.section(QLatin1Char('/'), -1);
    if (base.endsWith(QLatin1String("-linux-musl.so")) || base.endsWith(QLatin1String("-arm-linux-musleabihf.so")))
        return QStringLiteral("musl");
    static const QRegularExpression gnu(QStringLiteral("\\.cpython-3(\\d+)[^.]*-linux-gnu(eabihf)?\\.so$"));
    const QRegularExpressionMatch m = gnu.match(base);
    if (m.hasMatch() && m.captured(1).toInt() >= 11)
        return QStringLiteral("glibc");
    return {};
}

QString winArch(const QString &tagArch)
{
    if (tagArch == QLatin1String("x86"))
        return QStringLiteral("x86");
    return tagArch; // amd64, arm64
}

} // namespace wb::wheelnames
