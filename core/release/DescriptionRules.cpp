#include "core/release/DescriptionRules.h"

#include "core/wheel/HeaderFile.h"

#include <QRegularExpression>

namespace wb {

using S = Finding::Severity;

QString DescriptionRules::contentTypeProblem(const QString &contentType)
{
    const QStringList parts = contentType.split(u';');
    const QString type = parts.value(0).trimmed().toLower();
    static const QStringList allowed = {QStringLiteral("text/plain"), QStringLiteral("text/x-rst"), QStringLiteral("text/markdown")};
    if (!allowed.contains(type))
        return QStringLiteral("'%1' is not one of text/plain, text/x-rst, text/markdown").arg(type);
    for (const QString &p : parts.mid(1)) {
        const QString key = p.section(u'=', 0, 0).trimmed().toLower();
        const QString value = p.section(u'=', 1).trimmed().remove(u'"');
        if (key == QLatin1String("charset") && value.compare(QLatin1String("UTF-8"), Qt::CaseInsensitive) != 0)
            return QStringLiteral("charset '%1': only UTF-8 is accepted").arg(value);
        if (key == QLatin1String("variant") && type == QLatin1String("text/markdown") && value != QLatin1String("GFM")
            && value != QLatin1String("CommonMark"))
            return QStringLiteral("markdown variant '%1': only GFM and CommonMark are known").arg(value);
    }
    return {};
}

QList<int> DescriptionRules::shortUnderlines(const QString &rst)
{
    QList<int> out;
    const QStringList lines = rst.split(u'\n');
    static const QRegularExpression adornment(QStringLiteral("^([=\\-~^\"'`#*+_:.<>!$%&,;?@\\\\|/])\\1{3,}\\s*$"));
    for (int i = 1; i < lines.size(); ++i) {
        const QString under = lines.at(i);
        const QString title = lines.at(i - 1);
        if (title.trimmed().isEmpty() || title.startsWith(u' ') || adornment.match(title).hasMatch())
            continue;
        if (!adornment.match(under).hasMatch())
            continue;
        // An overline above the title makes it an over-and-underlined title (checked the same way).
        if (under.trimmed().size() < title.trimmed().size())
            out.append(i + 1);
    }
    return out;
}

ReleaseFindingList DescriptionRules::check(const HeaderFile &metadata, const QString &file)
{
    ReleaseFindingList out;
    const QString description = metadata.body.trimmed().isEmpty() ? metadata.value(QStringLiteral("Description")) : metadata.body;
    const QString type = metadata.value(QStringLiteral("Description-Content-Type"));
    if (!type.isEmpty()) {
        const QString problem = contentTypeProblem(type);
        if (!problem.isEmpty()) {
            out.append({QStringLiteral("upload.description-content-type"), S::Error, ReleaseFinding::Category::Upload,
                        QStringLiteral("Description-Content-Type %1: PyPI refuses the upload").arg(problem), file,
                        QString::fromLatin1(rule_source::coreMetadata) + QStringLiteral("; ") + QString::fromLatin1(rule_source::pypiUpload)});
            return out;
        }
    }
    if (description.trimmed().isEmpty())
        return out;
    const bool rst = type.isEmpty() || type.trimmed().toLower().startsWith(QLatin1String("text/x-rst"));
    if (type.isEmpty())
        out.append({QStringLiteral("upload.description-undeclared"), S::Warning, ReleaseFinding::Category::Upload,
                    QStringLiteral("the long description has no Description-Content-Type: PyPI renders it as reStructuredText and "
                                   "refuses it if that fails (set `readme` in pyproject.toml so maturin declares text/markdown)"),
                    file, QString::fromLatin1(rule_source::coreMetadata)});
    if (!rst)
        return out;
    const QList<int> lines = shortUnderlines(description);
    if (!lines.isEmpty()) {
        QStringList at;
        for (int l : lines)
            at.append(QString::number(l));
        out.append({QStringLiteral("upload.description-rst"), S::Error, ReleaseFinding::Category::Upload,
                    QStringLiteral("reStructuredText title underline shorter than its title (description line %1): docutils warns, "
                                   "readme_renderer fails and PyPI refuses the upload; `twine check` shows every problem")
                        .arg(at.join(QStringLiteral(", "))),
                    file, QString::fromLatin1(rule_source::twineCheck)});
    } else {
        out.append({QStringLiteral("upload.description-rst-unrendered"), S::Info, ReleaseFinding::Category::Upload,
                    QStringLiteral("a reStructuredText description is not rendered here: run `twine check` on the files to be sure "
                                   "PyPI can render it"),
                    file, QString::fromLatin1(rule_source::twineCheck)});
    }
    return out;
}

} // namespace wb
