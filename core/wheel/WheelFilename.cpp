#include "core/wheel/WheelFilename.h"

#include <QFileInfo>
#include <QRegularExpression>

namespace wb {

namespace {

// PEP 440 public and local versions (the grammar of the version specification), case-insensitive.
const QRegularExpression &versionPattern()
{
    static const QRegularExpression re(
        QStringLiteral("^\\s*v?(?:(?:[0-9]+!)?[0-9]+(?:\\.[0-9]+)*"
                       "(?:[-_.]?(?:a|b|c|rc|alpha|beta|pre|preview)[-_.]?[0-9]*)?"
                       "(?:-[0-9]+|[-_.]?(?:post|rev|r)[-_.]?[0-9]*)?"
                       "(?:[-_.]?dev[-_.]?[0-9]*)?)"
                       "(?:\\+[a-z0-9]+(?:[-_.][a-z0-9]+)*)?\\s*$"),
        QRegularExpression::CaseInsensitiveOption);
    return re;
}

} // namespace

QString normalizeProjectName(const QString &name)
{
    static const QRegularExpression runs(QStringLiteral("[-_.]+"));
    return QString(name).replace(runs, QStringLiteral("-")).toLower();
}

QString escapeProjectName(const QString &name)
{
    return normalizeProjectName(name).replace(QLatin1Char('-'), QLatin1Char('_'));
}

QStringList expandTagSet(const QString &compressed)
{
    const QStringList parts = compressed.split(QLatin1Char('-'));
    if (parts.size() != 3)
        return {};
    QStringList out;
    const QStringList pys = parts.at(0).toLower().split(QLatin1Char('.'));
    const QStringList abis = parts.at(1).toLower().split(QLatin1Char('.'));
    const QStringList plats = parts.at(2).toLower().split(QLatin1Char('.'));
    for (const QString &py : pys)
        for (const QString &abi : abis)
            for (const QString &plat : plats) {
                const QString tag = py + QLatin1Char('-') + abi + QLatin1Char('-') + plat;
                if (!out.contains(tag))
                    out.append(tag);
            }
    return out;
}

WheelFilename WheelFilename::parse(const QString &fileName)
{
    WheelFilename f;
    QString name = QFileInfo(fileName).fileName();
    if (!name.endsWith(QLatin1String(".whl"))) {
        f.error = QStringLiteral("the file name does not end with .whl");
        return f;
    }
    name.chop(4);
    const qsizetype dashes = name.count(QLatin1Char('-'));
    if (dashes != 4 && dashes != 5) {
        f.error = QStringLiteral("a wheel name has 5 or 6 parts separated by '-' "
                                 "(name-version[-build]-python-abi-platform), this one has %1").arg(dashes + 1);
        return f;
    }
    const QStringList parts = name.split(QLatin1Char('-'));
    f.distribution = parts.at(0);
    f.version = parts.at(1);
    static const QRegularExpression namePattern(QStringLiteral("^[\\w.]*$"), QRegularExpression::UseUnicodePropertiesOption);
    if (f.distribution.contains(QLatin1String("__")) || !namePattern.match(f.distribution).hasMatch()) {
        f.error = QStringLiteral("invalid project name '%1'").arg(f.distribution);
        return f;
    }
    if (!versionPattern().match(f.version).hasMatch()) {
        f.error = QStringLiteral("invalid version '%1' (not PEP 440)").arg(f.version);
        return f;
    }
    if (dashes == 5) {
        f.buildTag = parts.at(2);
        if (f.buildTag.isEmpty() || !f.buildTag.at(0).isDigit() || f.buildTag.at(0).unicode() > 127) {
            f.error = QStringLiteral("invalid build tag '%1' (must start with a digit)").arg(f.buildTag);
            f.buildTag.clear();
            return f;
        }
    }
    f.pythonTags = parts.at(dashes - 2).toLower().split(QLatin1Char('.'));
    f.abiTags = parts.at(dashes - 1).toLower().split(QLatin1Char('.'));
    f.platformTags = parts.at(dashes).toLower().split(QLatin1Char('.'));
    f.valid = true;
    return f;
}

QStringList WheelFilename::expandedTags() const
{
    if (!valid)
        return {};
    return expandTagSet(pythonTags.join(QLatin1Char('.')) + QLatin1Char('-') + abiTags.join(QLatin1Char('.'))
                        + QLatin1Char('-') + platformTags.join(QLatin1Char('.')));
}

int WheelFilename::buildNumber() const
{
    qsizetype i = 0;
    while (i < buildTag.size() && buildTag.at(i).isDigit() && buildTag.at(i).unicode() < 128)
        ++i;
    bool ok = false;
    const int n = buildTag.left(i).toInt(&ok);
    return ok ? n : -1;
}

} // namespace wb
