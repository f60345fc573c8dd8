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

    BuildEvent event;
    event.logLine = logLine;
    if (const QRegularExpressionMatch m = cause.match(line); m.hasMatch()) {
        event.kind = BuildEvent::Kind::Cause;
        event.text = m.captured(1).trimmed();
        events.append(event);
        return Status::Done;
    }
    const QString text = withoutDecoration(line);
    if (text.isEmpty())
        return Status::NotHandled;
    if (text == u"maturin failed") {
        event.kind = BuildEvent::Kind::MaturinFailed;
        event.text = text;
    } else if (const QRegularExpressionMatch m = warning.match(text); m.hasMatch()) {
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

} // namespace wb
