#pragma once

#include <QList>
#include <QStandardItemModel>

namespace wb::ui {

// The Files tab: a wheel's or an sdist's members as a folder tree with sizes, compressed sizes and
// ratios; every folder carries its totals so that sorting by size ranks folders too. Column 0's
// Qt::UserRole is the member's path, numeric columns sort by Qt::UserRole, and column 1's
// Qt::UserRole + 1 is the share of the total (drawn as a bar).
class FilesModel : public QStandardItemModel
{
    Q_OBJECT
public:
    struct Row {
        QString path;
        qint64 size = 0;
        qint64 compressed = -1;   // -1: not stored per file (sdists are compressed as a whole)
        QString note;             // " (symlink)", " → target", ...
    };
    enum Column { NameColumn, SizeColumn, CompressedColumn, RatioColumn };

    using QStandardItemModel::QStandardItemModel;
    void setFiles(const QList<Row> &rows, qint64 total, bool perFileCompression);
    void clearFiles();

private:
    void fill(const QList<Row> &rows, qint64 total, bool perFileCompression);
};

} // namespace wb::ui
