#include "ui/project/RecoveryController.h"

#include "core/project/Project.h"
#include "core/project/SettingsFile.h"
#include "core/toml/UnifiedDiff.h"
#include "ui/common/DiffDialog.h"
#include "ui/common/MessageBanner.h"
#include "ui/project/ProjectView.h"

#include <QDir>
#include <QFileInfo>
#include <QLocale>
#include <QPushButton>
#include <QTimer>

namespace wb::ui {

namespace {
QByteArray diskBytes(const QString &path)
{
    QByteArray bytes;
    QString err;
    if (!QFileInfo(path).isFile() || !Project::readFile(path, &bytes, &err))
        return {};
    return bytes;
}
} // namespace

RecoveryController::RecoveryController(ProjectView *view, MessageBanner *banner, const QString &folder)
    : QObject(view)
    , m_view(view)
    , m_banner(banner)
    , m_store(folder)
    , m_timer(new QTimer(this))
{
    m_timer->setSingleShot(true);
    m_timer->setInterval(400);
    connect(m_timer, &QTimer::timeout, this, &RecoveryController::write);
    connect(m_banner->addAction(QStringLiteral("showRecovered"), tr("Show Changes")), &QPushButton::clicked, this, &RecoveryController::showChanges);
    connect(m_banner->addAction(QStringLiteral("recover"), tr("Recover")), &QPushButton::clicked, this, &RecoveryController::recover);
    connect(m_banner->addAction(QStringLiteral("discardRecovered"), tr("Discard")), &QPushButton::clicked, this, &RecoveryController::discardOffer);
}

void RecoveryController::projectOpened()
{
    m_timer->stop();
    m_offered.reset();
    m_banner->hide();
    const QString dir = m_view->projectDir();
    if (dir.isEmpty())
        return;
    const std::optional<Recovery> record = m_store.load(dir);
    if (!record)
        return;
    QStringList names;
    bool changedSince = false;
    for (const RecoveredFile &f : record->files) {
        const QByteArray disk = diskBytes(f.path);
        if (disk == f.bytes)
            continue; // saved after all
        names << QFileInfo(f.path).fileName();
        changedSince = changedSince || SettingsFile::hash(disk) != f.diskHash;
    }
    if (names.isEmpty()) {
        m_store.remove(dir);
        return;
    }
    m_offered = record;
    QString text = tr("Unsaved changes to %1 from %2 were kept when Wheelbench was not closed properly.")
                       .arg(names.join(QStringLiteral(" and ")), QLocale().toString(record->saved.toLocalTime(), QLocale::ShortFormat));
    if (changedSince)
        text += u' ' + tr("The file has changed on disk since: look at the changes before recovering them.");
    m_banner->showMessage(MessageBanner::Kind::Warning, text);
}

void RecoveryController::edited()
{
    if (m_offered)
        return; // the user decides about the older edits first
    if (m_view->isModified())
        m_timer->start();
    else
        forget();
}

void RecoveryController::flush()
{
    if (m_timer->isActive()) {
        m_timer->stop();
        write();
    }
}

void RecoveryController::forget()
{
    m_timer->stop();
    if (!m_view->projectDir().isEmpty() && !m_offered)
        m_store.remove(m_view->projectDir());
}

void RecoveryController::write()
{
    if (m_offered || m_view->projectDir().isEmpty())
        return;
    Recovery r;
    r.projectDir = m_view->projectDir();
    r.saved = QDateTime::currentDateTimeUtc();
    for (const ProjectView::FileState &f : m_view->m_files) {
        if (!f.path.isEmpty() && f.bytes != f.diskBytes)
            r.files << RecoveredFile{f.path, f.diskHash, f.bytes};
    }
    if (r.files.isEmpty())
        m_store.remove(r.projectDir);
    else
        m_store.save(r); // best effort: a full disk must not stop the editing
}

void RecoveryController::recover()
{
    if (!m_offered)
        return;
    const Recovery r = *m_offered;
    m_offered.reset();
    m_banner->hide();
    m_view->takeOverRawTyping(); // typed before Recover was pressed: an undo step of its own
    const std::array<QByteArray, 2> before = m_view->allBytes();
    for (const RecoveredFile &f : r.files) {
        for (int i = 0; i < 2; ++i) {
            if (QFileInfo(m_view->m_files[i].path) == QFileInfo(f.path))
                m_view->m_files[i].bytes = f.bytes;
        }
    }
    m_view->recordStep(QObject::tr("Recover Unsaved Changes"), before);
    m_view->refresh(); // marks the view modified and writes a fresh record
}

void RecoveryController::discardOffer()
{
    if (!m_offered)
        return;
    m_offered.reset();
    m_banner->hide();
    m_store.remove(m_view->projectDir());
    edited();
}

void RecoveryController::showChanges()
{
    if (!m_offered)
        return;
    QString diff;
    for (const RecoveredFile &f : m_offered->files) {
        const QString name = QFileInfo(f.path).fileName();
        diff += unifiedDiff(diskBytes(f.path), f.bytes, tr("on disk: %1").arg(name), tr("recovered: %1").arg(name));
    }
    DiffDialog dialog(tr("Recovered Changes"), tr("What recovering would change in %1:").arg(QDir::toNativeSeparators(m_view->projectDir())),
                      diff, QDialogButtonBox::Close, m_view);
    dialog.exec();
}

} // namespace wb::ui
