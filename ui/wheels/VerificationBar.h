#pragma once

#include <QFrame>

class QAction;
class QLabel;
class QProgressBar;
class QToolButton;

namespace wb::ui {

// How far the contents of the wheel shown were checked against RECORD.
enum class Verification {
    None,        // nothing to verify (no file, an sdist, an unreadable wheel)
    Running,     // the quick report is shown; contents are being hashed
    Cancelled,   // the user stopped it: the quick report stays
    Finished,    // the full report is shown
};

// The strip above the Wheels view's tabs while a wheel is verified: what is going on, a determinate
// progress bar (compressed bytes read of all), Cancel; then a visible end state (verified, problems
// found, cancelled with Verify Again). Hidden when there is nothing to verify.
class VerificationBar : public QFrame
{
    Q_OBJECT
public:
    explicit VerificationBar(QWidget *parent = nullptr);

    void start(const QString &fileName);
    void setProgress(qint64 done, qint64 total);
    void finish(int problems, int archiveProblems, qint64 elapsedMs);
    void setCancelled();
    void clear();   // hidden
    // Whether the bar shows its own Verify Again button when cancelled (not beside a page that has one).
    void setVerifyAgainShown(bool shown);

    Verification state() const { return m_state; }
    int value() const;   // per mille
    QString text() const;
    QAction *cancelAction() const { return m_cancel; }
    QAction *verifyAgainAction() const { return m_verifyAgain; }

private:
    void setState(Verification state);

    Verification m_state = Verification::None;
    QLabel *m_label = nullptr;
    QProgressBar *m_bar = nullptr;
    QToolButton *m_cancelButton = nullptr;
    QToolButton *m_againButton = nullptr;
    QAction *m_cancel = nullptr;
    QAction *m_verifyAgain = nullptr;
    QString m_fileName;
    bool m_againShown = true;
};

} // namespace wb::ui
