#include "core/build/MaturinLineParser.h"

#include <QRegularExpression>

namespace wb {

QString MaturinLineParser::withoutDecoration(const QString &line)
{
    qsizetype i = 0;
    while (i < line.size()) {
        const QChar c = line.at(i);
        if (c.isSpace() || c.isSurrogate() || c.unicode() == 0xfe0f || c.unicode() == 0x200d
            || (c.unicode() >= 0x2190 && c.unicode() <= 0x2bff)) // arrows, symbols, dingbats (⚠ ✏ ✨ …)
            ++i;
        else
            break;
    }
    return line.mid(i);
}

OutputLineParser::Status MaturinLineParser::handleLine(const QString &line, int logLine, QList<BuildEvent> &events)
{
    static const QRegularExpression bindings(QStringLiteral(R"(^Found (\S+) bindings(?: (with .+))?$)"));
    static const QRegularExpression interpreter(QStringLiteral(R"(^Found (\S+ \d+\.\d+\S*) at (.+)$)"));
    static const QRegularExpression wheel(QStringLiteral(R"(^Built wheel(?: for (.+?))? to (.+)$)"));
    static const QRegularExpression sdist(QStringLiteral(R"(^Built source distribution to (.+)$)"));
    static const QRegularExpression options(QStringLiteral(R"(^Using build options (.+) from pyproject\.toml$)"));
    static const QRegularExpression layout(QStringLiteral(R"(^(Building a (?:mixed python/rust|pure rust) project.*)$)"));
    static const QRegularExpression warning(QStringLiteral(R"(^Warning: (.*)$)"));
    static const QRegularExpression cause(QStringLiteral(R"(^\s*Caused by: (.*)$)"));

    if (const QRegularExpressionMatch m = cause.match(line); m.hasMatch()) {
        if (!m_inFailure) { // a chain without its "maturin failed" line
            m_inFailure = true;
            m_failure = {};
            m_failure.kind = BuildEvent::Kind::MaturinFailed;
            m_failure.logLine = logLine;
            m_rendered.clear();
        }
        if (m_failure.causes.size() < MaxCauses) {
            m_failure.causes << m.captured(1).trimmed();
            m_rendered << line.trimmed();
        }
        return Status::InProgress;
    }
    if (m_inFailure)
        return Status::NotHandled; // the chain ended; flush() emits it
    BuildEvent event;
    event.logLine = logLine;
    const QString text = withoutDecoration(line);
    if (text.isEmpty())
        return Status::NotHandled;
    if (text == u"maturin failed") {
        m_inFailure = true;
        m_failure = {};
        m_failure.kind = BuildEvent::Kind::MaturinFailed;
        m_failure.text = text;
        m_failure.logLine = logLine;
        m_rendered = QStringList{line.trimmed()};
        return Status::InProgress;
    }
    if (const QRegularExpressionMatch m = warning.match(text); m.hasMatch()) {
        event.kind = BuildEvent::Kind::MaturinWarning;
        event.text = m.captured(1).trimmed();
    } else if (const QRegularExpressionMatch m = bindings.match(text); m.hasMatch()) {
        event.kind = BuildEvent::Kind::Bindings;
        event.text = m.captured(2).isEmpty() ? m.captured(1) : m.captured(1) + u' ' + m.captured(2);
    } else if (const QRegularExpressionMatch m = interpreter.match(text); m.hasMatch()) {
        event.kind = BuildEvent::Kind::Interpreter;
        event.text = m.captured(1);
        event.path = m.captured(2).trimmed();
    } else if (const QRegularExpressionMatch m = sdist.match(text); m.hasMatch()) {
        event.kind = BuildEvent::Kind::Sdist;
        event.path = m.captured(1).trimmed();
    } else if (const QRegularExpressionMatch m = wheel.match(text); m.hasMatch()) {
        event.kind = BuildEvent::Kind::Wheel;
        event.text = m.captured(1);
        event.path = m.captured(2).trimmed();
    } else if (const QRegularExpressionMatch m = options.match(text); m.hasMatch()) {
        event.kind = BuildEvent::Kind::BuildOptions;
        event.text = m.captured(1);
    } else if (const QRegularExpressionMatch m = layout.match(text); m.hasMatch()) {
        event.kind = BuildEvent::Kind::ProjectLayout;
        event.text = m.captured(1);
    } else {
        return Status::NotHandled;
    }
    events.append(event);
    return Status::Done;
}

void MaturinLineParser::flush(QList<BuildEvent> &events)
{
    if (!m_inFailure)
        return;
    m_inFailure = false;
    m_failure.diagnostic = failureDiagnostic(m_failure.text, m_failure.causes, m_failure.logLine);
    m_failure.diagnostic.rendered = m_rendered.join(u'\n');
    events.append(m_failure);
    m_failure = {};
    m_rendered.clear();
}

Diagnostic MaturinLineParser::failureDiagnostic(const QString &header, const QStringList &causes, int logLine)
{
    Diagnostic d;
    d.severity = DiagnosticSeverity::Error;
    d.message = causes.isEmpty() ? (header.isEmpty() ? QStringLiteral("maturin failed") : header) : causes.first();
    for (qsizetype i = 1; i < causes.size(); ++i)
        d.children << QStringLiteral("Caused by: ") + causes.at(i);
    d.logLine = logLine;
    QStringList rendered;
    if (!header.isEmpty())
        rendered << header;
    for (const QString &c : causes)
        rendered << QStringLiteral("  Caused by: ") + c;
    d.rendered = rendered.join(u'\n');
    return d;
}

} // namespace wb
