#include "ui/project/RawFileTab.h"

#include "core/toml/EditorText.h"
#include "ui/common/Highlighting.h"

#include <QTextBlock>
#include <QTimer>

namespace wb::ui {

RawFileTab::RawFileTab(ProjectFileKind kind, const QString &fileName, QWidget *parent)
    : CodeEditor(parent)
    , m_kind(kind)
    , m_pause(new QTimer(this))
{
    setObjectName(QStringLiteral("raw/") + fileName);
    highlight(document(), QStringLiteral("TOML"), this);
    m_pause->setSingleShot(true);
    m_pause->setInterval(300);
    connect(m_pause, &QTimer::timeout, this, &RawFileTab::typingPaused);
    // The highlighter's colours change the document too: such a change is told apart later, when
    // the text is compared with what was put here.
    connect(this, &QPlainTextEdit::textChanged, this, [this] {
        if (m_setting)
            return;
        m_pending = true;
        m_pause->start();
    });
}

QByteArray RawFileTab::takeTyping(const QByteArray &bytes)
{
    m_pause->stop();
    m_pending = false;
    const QString text = toPlainText();
    if (text == m_shown)
        return bytes; // only the colours changed
    m_shown = text;
    return spliceEditorText(bytes, text);
}

void RawFileTab::showFile(const QByteArray &bytes, bool present)
{
    if (m_pending)
        return;
    setReadOnly(!present);
    const QString text = editorText(bytes);
    m_shown = text;
    if (toPlainText() == text)
        return;
    m_setting = true;
    const int pos = textCursor().position();
    setPlainText(text);
    QTextCursor c = textCursor();
    c.setPosition(qMin(pos, int(text.size())));
    setTextCursor(c);
    m_setting = false;
}

void RawFileTab::markDiagnostics(const QList<SettingsDiagnostic> &diagnostics)
{
    QList<QTextEdit::ExtraSelection> marks;
    for (const SettingsDiagnostic &d : diagnostics) {
        if (d.fileKind != m_kind || d.line <= 0)
            continue;
        QTextEdit::ExtraSelection s;
        s.cursor = QTextCursor(document()->findBlockByNumber(d.line - 1));
        const QColor color = d.severity == SettingsSeverity::Error     ? QColor(0xf5, 0xb7, 0xb1)
                             : d.severity == SettingsSeverity::Warning ? QColor(0xfa, 0xe5, 0xd3)
                                                                       : QColor(0xd6, 0xea, 0xf8);
        s.format.setBackground(color);
        s.format.setProperty(QTextFormat::FullWidthSelection, true);
        s.format.setToolTip(d.message);
        marks << s;
    }
    setMarks(marks);
}

} // namespace wb::ui
