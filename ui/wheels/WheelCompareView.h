#pragma once

#include "core/wheel/WheelComparison.h"

#include <QFutureWatcher>
#include <QWidget>

class QComboBox;
class QLabel;
class QTreeWidget;

namespace wb::ui {

// One comparison of wheel A (the one shown) with wheel B (read on a worker thread).
struct WheelComparisonResult {
    QString a, b;
    bool readable = false;      // B could be read
    QString error;
    WheelComparison comparison;
};

// The Wheels view's "Compare" tab: the wheel shown against another wheel of the list — files added,
// removed and changed (by digest), size deltas, tags, metadata and policy (what `wheelbench compare` says).
class WheelCompareView : public QWidget
{
    Q_OBJECT
public:
    explicit WheelCompareView(QWidget *parent = nullptr);
    ~WheelCompareView() override;

    // The wheel compared from (A); clears any earlier comparison.
    void setBase(const WheelReport &a);
    // A fuller report of the same wheel A (its contents verified): a comparison made or under way is
    // made again with it (digests tell changed files apart), the chosen B stays.
    void updateBase(const WheelReport &a);
    // The wheels offered as B (A itself is left out).
    void setCandidates(const QStringList &paths);
    void compareWith(const QString &path);
    const WheelComparisonResult &result() const { return m_result; }
    QString summaryText() const;

Q_SIGNALS:
    void comparisonReady(const QString &b);

private:
    void showResult(const WheelComparisonResult &r);

    QComboBox *m_other = nullptr;
    QLabel *m_summary = nullptr;
    QTreeWidget *m_changes = nullptr;
    QFutureWatcher<WheelComparisonResult> *m_watcher = nullptr;
    WheelReport m_a;
    QString m_pending;
    WheelComparisonResult m_result;
};

} // namespace wb::ui
