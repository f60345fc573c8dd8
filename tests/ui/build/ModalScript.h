#pragma once
// Answers modal dialogs in GUI tests as a user would: a script of steps, each waiting (polling the
// event loop) until the active modal widget is of the type it expects, then acting on it. Actions
// that open another modal dialog must not block: click with clickLater(). A step that never sees its
// dialog in time closes whatever modal widget is open (so the test does not hang) and counts as a
// failure: check done() and failure() after the action that opened the first dialog returned.

#include <QAbstractButton>
#include <QApplication>
#include <QDialog>
#include <QElapsedTimer>
#include <QMessageBox>
#include <QMetaObject>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <functional>

namespace wb::test {

// Clicks the button from the event loop, after the current step returned.
inline void clickLater(QAbstractButton *button)
{
    QMetaObject::invokeMethod(button, &QAbstractButton::click, Qt::QueuedConnection);
}

class ModalScript : public QObject
{
public:
    explicit ModalScript(int stepTimeoutMs = 60000)
        : m_timeoutMs(stepTimeoutMs)
    {
        m_timer.setInterval(20);
        connect(&m_timer, &QTimer::timeout, this, &ModalScript::poll);
    }

    // Waits for a modal T and runs act on it.
    template <typename T>
    ModalScript &then(std::function<void(T *)> act)
    {
        m_steps.append([act](QWidget *w) {
            T *t = qobject_cast<T *>(w);
            if (!t)
                return false;
            act(t);
            return true;
        });
        return *this;
    }

    // Answers the next message box with a button, keeping its text.
    ModalScript &answer(QMessageBox::StandardButton button, QString *text = nullptr)
    {
        return then<QMessageBox>([button, text](QMessageBox *box) {
            if (text)
                *text = box->text();
            if (QAbstractButton *b = box->button(button))
                b->click();
            else
                box->reject();
        });
    }

    void start()
    {
        m_clock.start();
        m_timer.start();
    }
    bool done() const { return m_next == m_steps.size(); }
    QString failure() const { return m_failure; }

private:
    void poll()
    {
        if (done()) {
            m_timer.stop();
            return;
        }
        QWidget *modal = QApplication::activeModalWidget();
        if (modal && modal != m_lastHandled.data() && m_steps.at(m_next)(modal)) {
            ++m_next;
            m_lastHandled = modal;
            m_clock.restart();
            return;
        }
        // The same dialog again (e.g. a dialog after the message box it opened closed): allowed once
        // the step before it is done and another modal widget came and went.
        if (modal && modal == m_lastHandled.data() && m_sawOther && m_steps.at(m_next)(modal)) {
            ++m_next;
            m_sawOther = false;
            m_clock.restart();
            return;
        }
        if (modal != m_lastHandled.data())
            m_sawOther = true;
        if (m_clock.elapsed() > m_timeoutMs) {
            m_failure = QStringLiteral("step %1 of %2 saw no matching dialog (active modal widget: %3)")
                            .arg(m_next + 1)
                            .arg(m_steps.size())
                            .arg(modal ? QString::fromLatin1(modal->metaObject()->className()) : QStringLiteral("none"));
            m_next = m_steps.size();
            m_timer.stop();
            if (auto *dialog = qobject_cast<QDialog *>(modal))
                dialog->reject();
        }
    }

    QList<std::function<bool(QWidget *)>> m_steps;
    qsizetype m_next = 0;
    QPointer<QWidget> m_lastHandled;
    bool m_sawOther = false;
    QTimer m_timer;
    QElapsedTimer m_clock;
    int m_timeoutMs;
    QString m_failure;
};

} // namespace wb::test
