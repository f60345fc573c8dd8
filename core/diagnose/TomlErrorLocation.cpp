// maturin's TOML errors (the toml crate's report: "TOML parse error at line N, column C", the line quoted as
// "N | text", a caret line, then the reason) say where and why. The finding says both, is Cargo.toml's own when
// maturin names that file, and cites the open project's line when it still holds the text the error quotes.
#include "core/diagnose/DetectorContext.h"

#include <QRegularExpression>

namespace wb::diagnose {

namespace {

struct TomlError {
    int line = 0;
    QString quoted;  // the line's text as the error quotes it
    QString reason;
    bool pyproject = false;  // the error names pyproject.toml as the invalid file
    bool cargo = false;      // or Cargo.toml ("Failed to parse Cargo.toml at ...")
};

TomlError parseTomlError(const QString &text)
{
    static const QRegularExpression at(QStringLiteral(R"re(TOML parse error at line (\d+), column \d+)re"));
    static const QRegularExpression quote(QStringLiteral(R"re(^\s*(\d+)\s*\|\s?(.*)$)re"));
    static const QRegularExpression gutter(QStringLiteral(R"re(^\s*\|(?:\s*\^+)?\s*$)re"));
    const QStringList lines = text.split(QLatin1Char('\n'));
    TomlError e;
    for (qsizetype i = 0; i < lines.size() && e.line == 0; ++i) {
        const QRegularExpressionMatch m = at.match(lines.at(i));
        if (!m.hasMatch())
            continue;
        e.line = m.captured(1).toInt();
        e.pyproject = i > 0 && lines.at(i - 1).contains(QLatin1String("pyproject.toml"));
        e.cargo = i > 0 && lines.at(i - 1).contains(QLatin1String("Cargo.toml"));
        for (qsizetype j = i + 1; j < lines.size() && j < i + 8; ++j) {
            const QString l = lines.at(j);
            const QRegularExpressionMatch q = quote.match(l);
            if (q.hasMatch() && q.captured(1).toInt() == e.line) {
                e.quoted = q.captured(2).trimmed();
            } else if (!gutter.match(l).hasMatch() && !l.trimmed().isEmpty()) {
                e.reason = l.trimmed().left(300);
                break;
            }
        }
    }
    return e;
}

} // namespace

void detectTomlErrorLocation(DetectorContext &ctx)
{
    Finding *f = ctx.find(QStringLiteral("pyproject-invalid"));
    if (!f)
        return;
    const TomlError e = parseTomlError(ctx.evidence().errorText + QLatin1Char('\n') + ctx.evidence().logText);
    if (e.line <= 0 || e.reason.isEmpty())
        return;
    if (e.cargo) {  // maturin read Cargo.toml itself: the manifest's own entry, with what the finding has
        const Finding found = *f;
        ctx.remove(QStringLiteral("pyproject-invalid"));
        f = &ctx.add(QStringLiteral("cargo-manifest-invalid"), QString(), found.evidence);
        f->confidence = found.confidence;
        f->rank = found.rank;
    }
    const QString file = e.pyproject ? QStringLiteral("pyproject.toml") : e.cargo ? QStringLiteral("Cargo.toml")
                                                                                  : QStringLiteral("A TOML file of the build");
    f->message = QStringLiteral("%1 is invalid at line %2%3: %4")
                     .arg(file)
                     .arg(e.line)
                     .arg(e.quoted.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(e.quoted), e.reason);
    const ProjectFacts &p = ctx.project();
    const QStringList &lines = e.cargo ? p.cargoLines : p.pyprojectLines;
    if (!(e.pyproject || e.cargo) || !p.present || e.quoted.isEmpty() || e.line > lines.size() || lines.at(e.line - 1).trimmed() != e.quoted)
        return;
    const EvidenceRef ref = ctx.lineRef(!e.cargo, e.line);
    if (!f->evidence.contains(ref))
        f->evidence << ref;
    f->confidence = Confidence::High;
}

} // namespace wb::diagnose
