#pragma once

#include <QAbstractItemModel>
#include <QList>

#include <memory>
#include <vector>

namespace wb::ui {

// The Files tab: a wheel's or an sdist's members as a folder tree with sizes, compressed sizes and
// ratios; every folder carries its totals so that sorting by size ranks folders too. Column 0's
// Qt::UserRole is the member's path (a folder's: its name), numeric columns sort by Qt::UserRole, and
// column 1's Qt::UserRole + 1 is the share of the total (drawn as a bar). One node per member and
// folder, texts made when asked: tens of thousands of members fill in milliseconds.
class FilesModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    struct Row {
        QString path;
        qint64 size = 0;
        qint64 compressed = -1;   // -1: not stored per file (sdists are compressed as a whole)
        QString note;             // " (symlink)", " → target", ...
    };
    enum Column { NameColumn, SizeColumn, CompressedColumn, RatioColumn, ColumnCount };

    explicit FilesModel(QObject *parent = nullptr);
    ~FilesModel() override;

    void setFiles(const QList<Row> &rows, qint64 total, bool perFileCompression);
    void clearFiles();
    // The row of the member (or folder) at PATH, column 0; invalid when there is none.
    QModelIndex indexOfPath(const QString &path) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    bool hasChildren(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Node;
    Node *nodeOf(const QModelIndex &index) const;
    QVariant text(const Node &n, int column) const;
    QVariant toolTip(const Node &n, int column) const;
    QVariant sortValue(const Node &n, int column) const;

    std::unique_ptr<Node> m_root;
    qint64 m_total = 1;
    bool m_perFileCompression = false;
};

} // namespace wb::ui
