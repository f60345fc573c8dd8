#include "ui/wheels/VerificationBar.h"

#include "core/common/SizeFormat.h"
#include "ui/common/ActionFactory.h"

#include <QAction>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QStyle>
#include <QToolButton>

namespace wb::ui {

namespace {
constexpr int kScale = 1000;   // the bar counts per mille: smooth, and no overflow on big wheels
}

VerificationBar::VerificationBar(QWidget *parent)
    : QFrame(parent)
{
    setObjectName(QStringLiteral("verificationBar"));
    setFrameShape(QFrame::StyledPanel);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 4, 4, 4);
    m_label = new QLabel(this);
    m_label->setObjectName(QStringLiteral("verificationText"));
    m_label->setTextFormat(Qt::PlainText);
    m_label->setWordWrap(true); // a verdict with archive problems takes two lines in a narrow window, never a cut word
    m_bar = new QProgressBar(this);
    m_bar->setObjectName(QStringLiteral("verificationProgress"));
    m_bar->setRange(0, kScale);
    m_bar->setTextVisible(true);
    m_bar->setMinimumWidth(160);
    m_bar->setMaximumWidth(320);

    m_cancel = makeAction(this, themedIcon("process-stop", QStyle::SP_BrowserStop), tr("Cancel"), QStringLiteral("cancelVerification"),
                          tr("Stop verifying the wheel's contents; the summary read so far stays"));
    m_verifyAgain = makeAction(this, themedIcon("view-refresh", QStyle::SP_BrowserReload), tr("Verify Again"), QStringLiteral("verifyAgain"),
                               tr("Hash every member of the wheel again and compare with RECORD"));
    m_cancelButton = actionButton(m_cancel, QStringLiteral("cancelVerificationButton"), this);
    m_againButton = actionButton(m_verifyAgain, QStringLiteral("verifyAgainButton"), this);

    layout->addWidget(m_label, 1);
    layout->addWidget(m_bar);
    layout->addWidget(m_cancelButton);
    layout->addWidget(m_againButton);
    clear();
}

void VerificationBar::setState(Verification state)
{
    m_state = state;
    setVisible(state != Verification::None);
    m_cancel->setEnabled(state == Verification::Running);
    m_cancelButton->setVisible(state == Verification::Running);
    m_verifyAgain->setEnabled(state == Verification::Cancelled || state == Verification::Finished);
    m_againButton->setVisible(state == Verification::Cancelled && m_againShown);
}

void VerificationBar::setVerifyAgainShown(bool shown)
{
    m_againShown = shown;
    m_againButton->setVisible(m_state == Verification::Cancelled && m_againShown);
}

void VerificationBar::start(const QString &fileName)
{
    m_fileName = fileName;
    m_bar->setValue(0);
    m_bar->setFormat(QStringLiteral("%p%"));
    m_label->setText(tr("Verifying the contents of %1 against RECORD…").arg(fileName));
    m_label->setToolTip({});
    setState(Verification::Running);
}

void VerificationBar::setProgress(qint64 done, qint64 total)
{
    if (m_state != Verification::Running || total <= 0)
        return;
    m_bar->setValue(int(std::clamp<qint64>(done * kScale / total, 0, kScale)));
    m_bar->setToolTip(tr("%1 of %2 compressed data read").arg(formatSize(done), formatSize(total)));
}

void VerificationBar::finish(int problems, int archiveProblems, qint64 elapsedMs)
{
    m_bar->setValue(kScale);
    m_bar->setFormat(problems || archiveProblems ? tr("Problems") : tr("Verified"));
    m_bar->setToolTip({});
    // Under a second in milliseconds ("0.0 s" would say it took no time at all), else in seconds.
    const QString took = elapsedMs < 1      ? tr("under 1 ms")
                       : elapsedMs < 1000 ? tr("%1 ms").arg(QLocale().toString(elapsedMs))
                                          : tr("%1 s").arg(QLocale().toString(double(elapsedMs) / 1000.0, 'f', 1));
    QString text = problems == 0 ? tr("Every hash and size matches RECORD (verified in %1).").arg(took)
        : problems == 1         ? tr("Verified in %1: 1 entry with a problem (see RECORD).").arg(took)
                                : tr("Verified in %1: %2 entries with problems (see RECORD).").arg(took, QLocale().toString(problems));
    // The archive's own checks (CRC-32, sizes, readable data): pip refuses a wheel that fails them, even
    // when every digest matches RECORD.
    if (archiveProblems > 0 && problems == 0)
        text = archiveProblems == 1 ? tr("RECORD matches, but 1 member fails the ZIP checks (CRC-32 or size): pip refuses this wheel.")
                                    : tr("RECORD matches, but %1 members fail the ZIP checks (CRC-32 or size): pip refuses this wheel.")
                                          .arg(QLocale().toString(archiveProblems));
    else if (archiveProblems > 0)
        text += QLatin1Char(' ') + (archiveProblems == 1 ? tr("1 member also fails the ZIP checks (CRC-32 or size).")
                                                       : tr("%1 members also fail the ZIP checks (CRC-32 or size).").arg(QLocale().toString(archiveProblems)));
    m_label->setText(text);
    m_label->setToolTip(archiveProblems > 0 ? tr("Python's zipfile, and so pip, refuse to extract a member whose CRC-32 or size does not "
                                                 "match the archive's headers. The Findings tab names them.")
                                            : QString());
    setState(Verification::Finished);
}

void VerificationBar::setCancelled()
{
    m_bar->setFormat(tr("Cancelled at %p%"));
    m_bar->setToolTip({});
    m_label->setText(tr("Verification cancelled: the summary shows the wheel's structure; contents were not hashed."));
    setState(Verification::Cancelled);
}

void VerificationBar::clear()
{
    m_fileName.clear();
    m_label->clear();
    m_bar->setValue(0);
    setState(Verification::None);
}

int VerificationBar::value() const
{
    return m_bar->value();
}

QString VerificationBar::text() const
{
    return m_label->text();
}

} // namespace wb::ui
