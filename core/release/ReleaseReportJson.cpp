// ReleaseReport::toJson(): the versioned `wheelbench release --json` object (docs/release.md).
#include "core/release/ReleaseReport.h"

#include <QJsonArray>

namespace wb {

namespace {

QString cellState(MatrixCell::State s)
{
    switch (s) {
    case MatrixCell::State::Present: return QStringLiteral("present");
    case MatrixCell::State::Covered: return QStringLiteral("covered");
    case MatrixCell::State::Missing: return QStringLiteral("missing");
    case MatrixCell::State::Open: return QStringLiteral("not-declared");
    }
    return {};
}

QJsonObject matrixJson(const CoverageMatrix &m)
{
    QJsonArray columns, rows;
    for (const MatrixColumn &c : m.columns)
        columns.append(QJsonObject{{QStringLiteral("key"), c.key}, {QStringLiteral("label"), c.label},
                                   {QStringLiteral("declared"), c.declared}, {QStringLiteral("present"), c.present}});
    for (int r = 0; r < m.rows.size(); ++r) {
        const MatrixRow &row = m.rows.at(r);
        QJsonObject cells;
        for (int c = 0; c < m.columns.size(); ++c) {
            const MatrixCell &cell = m.cell(r, c);
            QJsonObject o{{QStringLiteral("state"), cellState(cell.state)}, {QStringLiteral("text"), cell.text}};
            QJsonArray wheels;
            for (const QString &w : cell.wheels)
                wheels.append(w);
            o.insert(QStringLiteral("wheels"), wheels);
            if (cell.state == MatrixCell::State::Missing)
                o.insert(QStringLiteral("consequence"), cell.detail);
            cells.insert(m.columns.at(c).key, o);
        }
        rows.append(QJsonObject{{QStringLiteral("key"), row.key}, {QStringLiteral("label"), row.label},
                                {QStringLiteral("os"), PlatformTag::kindName(row.kind)}, {QStringLiteral("arch"), row.arch},
                                {QStringLiteral("levels"), QJsonArray::fromStringList(row.levels)}, {QStringLiteral("present"), row.present},
                                {QStringLiteral("in_ci"), row.inCi}, {QStringLiteral("ci_where"), row.ciWhere.isEmpty() ? QJsonValue() : QJsonValue(row.ciWhere)},
                                {QStringLiteral("size"), row.size}, {QStringLiteral("wheels"), row.wheelCount}, {QStringLiteral("cells"), cells}});
    }
    return {{QStringLiteral("columns"), columns}, {QStringLiteral("rows"), rows}, {QStringLiteral("declared_from"), m.declaredFrom},
            {QStringLiteral("missing_consequence"), m.consequence}, {QStringLiteral("missing"), m.missingCount()}};
}

} // namespace

QJsonObject ReleaseReport::toJson() const
{
    QJsonObject o;
    o.insert(QStringLiteral("schema_version"), schemaVersion);
    o.insert(QStringLiteral("kind"), QStringLiteral("release"));
    o.insert(QStringLiteral("name"), name);
    o.insert(QStringLiteral("version"), version);
    o.insert(QStringLiteral("verdict"), verdict());
    QJsonArray files;
    for (const ReleaseFile &f : set.files)
        files.append(QJsonObject{{QStringLiteral("path"), f.path}, {QStringLiteral("file"), f.fileName},
                                 {QStringLiteral("kind"), f.isWheel() ? QStringLiteral("wheel") : QStringLiteral("sdist")},
                                 {QStringLiteral("size"), f.size}, {QStringLiteral("sha256"), f.sha256}, {QStringLiteral("readable"), f.readable()},
                                 {QStringLiteral("tags"), QJsonArray::fromStringList(f.isWheel() ? f.wheel.tags : QStringList())}});
    o.insert(QStringLiteral("files"), files);
    o.insert(QStringLiteral("ignored"), QJsonArray::fromStringList(set.ignored));
    QJsonObject decl{{QStringLiteral("requires_python"), project.requiresPython}, {QStringLiteral("rust_version"), project.rustVersion},
                        {QStringLiteral("python_source"), project.pythonSource},
                        {QStringLiteral("workflows"), QJsonArray::fromStringList(project.workflowFiles)}};
    o.insert(QStringLiteral("project"), decl);
    o.insert(QStringLiteral("matrix"), matrixJson(matrix));
    QJsonArray list;
    for (const ReleaseFinding &f : findings)
        list.append(QJsonObject{{QStringLiteral("id"), f.id}, {QStringLiteral("severity"), Finding::severityName(f.severity)},
                                {QStringLiteral("category"), ReleaseFinding::categoryName(f.category)}, {QStringLiteral("message"), f.message},
                                {QStringLiteral("file"), f.file.isEmpty() ? QJsonValue() : QJsonValue(f.file)}, {QStringLiteral("source"), f.source}});
    o.insert(QStringLiteral("findings"), list);
    if (comparison) {
        QJsonArray sizes;
        for (const ReleaseComparison::SizeChange &s : comparison->sizes)
            sizes.append(QJsonObject{{QStringLiteral("platform"), s.platform}, {QStringLiteral("before"), s.before}, {QStringLiteral("after"), s.after}});
        o.insert(QStringLiteral("previous"),
                 QJsonObject{{QStringLiteral("version"), comparison->previousVersion},
                             {QStringLiteral("new_platforms"), QJsonArray::fromStringList(comparison->newPlatforms)},
                             {QStringLiteral("dropped_platforms"), QJsonArray::fromStringList(comparison->droppedPlatforms)},
                             {QStringLiteral("new_versions"), QJsonArray::fromStringList(comparison->newVersions)},
                             {QStringLiteral("dropped_versions"), QJsonArray::fromStringList(comparison->droppedVersions)},
                             {QStringLiteral("sizes"), sizes}});
    }
    o.insert(QStringLiteral("counts"), QJsonObject{{QStringLiteral("error"), count(Finding::Severity::Error)},
                                                   {QStringLiteral("warning"), count(Finding::Severity::Warning)},
                                                   {QStringLiteral("info"), count(Finding::Severity::Info)}});
    return o;
}

} // namespace wb
