#pragma once

#include "core/project/RecoveryStore.h"

#include <QObject>

#include <optional>

class QTimer;

namespace wb::ui {

class MessageBanner;
class ProjectView;

// Keeps the Project view's unsaved edits in a recovery record (RecoveryStore, outside the project)
// a moment after each change, forgets it when the files are saved or the edits discarded, and offers
// a record left by a crash or a kill when that project opens again: a banner with Show Changes,
// Recover and Discard, as Kate offers its swap files. While an offer is open nothing overwrites it.
class RecoveryController : public QObject
{
    Q_OBJECT
public:
    RecoveryController(ProjectView *view, MessageBanner *banner, const QString &folder = {});

    const RecoveryStore &store() const { return m_store; }
    bool isOffered() const { return m_offered.has_value(); }
    std::optional<Recovery> offered() const { return m_offered; }

    void projectOpened(); // looks for a record of the project just opened
    void edited();        // the view's bytes changed: keep them (debounced), or forget when clean
    void flush();         // writes a pending change now
    void forget();        // the edits were saved or discarded

    void recover();
    void discardOffer();
    void showChanges();

private:
    void write();

    ProjectView *m_view;
    MessageBanner *m_banner;
    RecoveryStore m_store;
    QTimer *m_timer;
    std::optional<Recovery> m_offered;
};

} // namespace wb::ui
