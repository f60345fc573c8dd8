#pragma once

#include "core/wheel/SdistReport.h"
#include "core/wheel/WheelReport.h"
#include "ui/wheels/FilesModel.h"

#include <QWidget>

class QLineEdit;
class QSortFilterProxyModel;
class QTreeView;

namespace wb::ui {

// The Files tab: a filter line over the members as a folder tree (FilesModel through a sorting,
// filtering proxy), largest first when a file is shown.
class FilesPage : public QWidget
{
    Q_OBJECT
public:
    explicit FilesPage(QWidget *parent = nullptr);

    void showWheel(const WheelReport &report);
    void showSdist(const SdistReport &report);
    void clear();
    // Selects the member at PATH and scrolls to it (its folders opened, a filter that hides it
    // cleared); false when the file has no such member.
    bool reveal(const QString &path);
    QTreeView *view() const { return m_view; }

private:
    void show(const QList<FilesModel::Row> &rows, qint64 total, bool perFileCompression);

    QLineEdit *m_filter = nullptr;
    FilesModel *m_model = nullptr;
    QSortFilterProxyModel *m_proxy = nullptr;
    QTreeView *m_view = nullptr;
};

} // namespace wb::ui
