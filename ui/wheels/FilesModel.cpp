#include "ui/wheels/FilesModel.h"

#include "core/common/SizeFormat.h"
#include "ui/wheels/ItemText.h"

#include <QHash>

#include <functional>

#include <algorithm>

namespace wb::ui {

struct FilesModel::Node {
    QString name;               // the last part of the path (a folder's without its slash)
    QString path;               // a member's path; a folder's, with a trailing slash
    QString note;
    qint64 size = 0;
    qint64 compressed = -1;     // -1: none to show
    bool folder = false;
    Node *parent = nullptr;
    int row = 0;
    std::vector<std::unique_ptr<Node>> children;

    Node *add(std::unique_ptr<Node> child)
    {
        child->parent = this;
        child->row = int(children.size());
        children.push_back(std::move(child));
        return children.back().get();
    }
};

FilesModel::FilesModel(QObject *parent)
    : QAbstractItemModel(parent)
    , m_root(std::make_unique<Node>())
{
    m_root->folder = true;
}

FilesModel::~FilesModel() = default;

void FilesModel::clearFiles()
{
    beginResetModel();
    m_root = std::make_unique<Node>();
    m_root->folder = true;
    endResetModel();
}

void FilesModel::setFiles(const QList<Row> &rows, qint64 totalSize, bool perFileCompression)
{
    auto root = std::make_unique<Node>();
    root->folder = true;
    QHash<QString, Node *> folders;   // "a/b/" -> node
    folders.reserve(rows.size() / 8 + 16);
    // The folder of DIR ("a/b/", or empty for the top), made with its parents on first use.
    std::function<Node *(const QString &)> folderFor = [&](const QString &dir) -> Node * {
        if (dir.isEmpty())
            return root.get();
        if (Node *f = folders.value(dir))
            return f;
        const qsizetype slash = dir.lastIndexOf(QLatin1Char('/'), dir.size() - 2);
        Node *parent = folderFor(slash < 0 ? QString() : dir.left(slash + 1));
        auto f = std::make_unique<Node>();
        f->folder = true;
        f->name = dir.mid(slash + 1, dir.size() - slash - 2);
        f->path = dir;
        f->compressed = perFileCompression ? 0 : -1;
        return folders[dir] = parent->add(std::move(f));
    };
    for (const Row &r : rows) {
        const qsizetype slash = r.path.lastIndexOf(QLatin1Char('/'));
        Node *parent = folderFor(slash < 0 ? QString() : r.path.left(slash + 1));
        auto n = std::make_unique<Node>();
        n->name = r.path.mid(slash + 1);
        n->path = r.path;
        n->note = r.note;
        n->size = r.size;
        n->compressed = perFileCompression ? r.compressed : -1;
        // Per-folder totals (every level), so sorting by size ranks the folders too.
        for (Node *p = parent; p != root.get(); p = p->parent) {
            p->size += r.size;
            if (perFileCompression)
                p->compressed += std::max<qint64>(0, r.compressed);
        }
        parent->add(std::move(n));
    }
    beginResetModel();
    m_root = std::move(root);
    m_total = std::max<qint64>(1, totalSize);
    m_perFileCompression = perFileCompression;
    endResetModel();
}

FilesModel::Node *FilesModel::nodeOf(const QModelIndex &index) const
{
    return index.isValid() ? static_cast<Node *>(index.internalPointer()) : m_root.get();
}

QModelIndex FilesModel::index(int row, int column, const QModelIndex &parent) const
{
    const Node *p = nodeOf(parent);
    if (row < 0 || column < 0 || column >= ColumnCount || row >= int(p->children.size()) || (parent.isValid() && parent.column() != 0))
        return {};
    return createIndex(row, column, p->children[size_t(row)].get());
}

QModelIndex FilesModel::indexOfPath(const QString &path) const
{
    Node *n = m_root.get();
    if (!n)
        return {};
    for (const QStringView part : QStringView(path).split(u'/', Qt::SkipEmptyParts)) {
        Node *next = nullptr;
        for (const std::unique_ptr<Node> &c : n->children) {
            if (c->name == part) {
                next = c.get();
                break;
            }
        }
        if (!next)
            return {};
        n = next;
    }
    return n == m_root.get() ? QModelIndex() : createIndex(n->row, 0, n);
}

QModelIndex FilesModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return {};
    const Node *p = nodeOf(child)->parent;
    if (!p || p == m_root.get())
        return {};
    return createIndex(p->row, 0, const_cast<Node *>(p));
}

int FilesModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid() && parent.column() != 0)
        return 0;
    return int(nodeOf(parent)->children.size());
}

int FilesModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

bool FilesModel::hasChildren(const QModelIndex &parent) const
{
    return rowCount(parent) > 0;
}

QVariant FilesModel::text(const Node &n, int column) const
{
    switch (column) {
    case NameColumn: return n.folder ? QString(n.name + QLatin1Char('/')) : QString(n.name + n.note);
    case SizeColumn: return formatSize(n.size);
    case CompressedColumn: return n.compressed >= 0 ? QVariant(formatSize(n.compressed)) : QVariant();
    case RatioColumn:
        if (n.compressed < 0)
            return {};
        return QStringLiteral("%1%").arg(100 * (n.size > 0 ? double(n.compressed) / double(n.size) : 0.0), 0, 'f', 0);
    }
    return {};
}

QVariant FilesModel::toolTip(const Node &n, int column) const
{
    switch (column) {
    case NameColumn: return readableToolTip(n.folder ? n.path : QString(n.path + n.note));
    case SizeColumn: return exactBytes(n.size);
    case CompressedColumn: return n.compressed >= 0 ? QVariant(exactBytes(n.compressed)) : QVariant();
    }
    return {};
}

QVariant FilesModel::sortValue(const Node &n, int column) const
{
    switch (column) {
    case NameColumn: return n.folder ? n.name : n.path;
    case SizeColumn: return n.size;
    case CompressedColumn: return n.compressed >= 0 ? QVariant(n.compressed) : QVariant();
    case RatioColumn: return n.compressed >= 0 ? QVariant(n.size > 0 ? double(n.compressed) / double(n.size) : 0.0) : QVariant();
    }
    return {};
}

QVariant FilesModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    const Node &n = *nodeOf(index);
    switch (role) {
    case Qt::DisplayRole: return text(n, index.column());
    case Qt::ToolTipRole: return toolTip(n, index.column());
    case Qt::UserRole: return sortValue(n, index.column());
    case Qt::UserRole + 1:
        return index.column() == SizeColumn ? QVariant(double(n.size) / double(m_total)) : QVariant();
    case Qt::TextAlignmentRole:
        return index.column() == NameColumn ? QVariant() : QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    }
    return {};
}

QVariant FilesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn: return tr("Path");
    case SizeColumn: return tr("Size");
    case CompressedColumn: return tr("Compressed");
    case RatioColumn: return tr("Ratio");
    }
    return {};
}

} // namespace wb::ui
