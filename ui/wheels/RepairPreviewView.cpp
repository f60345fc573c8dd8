#include "ui/wheels/RepairPreviewView.h"

#include "core/common/SizeFormat.h"

#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace wb::ui {

RepairPreviewView::RepairPreviewView(QWidget *parent)
    : QWidget(parent)
    , m_summary(new QLabel(this))
    , m_libraries(new QTreeWidget(this))
{
    setObjectName(QStringLiteral("repairPreview"));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_libraries->setObjectName(QStringLiteral("repairLibraries"));
    m_libraries->setHeaderLabels({tr("Library"), tr("Size"), tr("Found at"), tr("Needed by"), tr("Needs")});
    m_libraries->setRootIsDecorated(false);
    m_libraries->setTextElideMode(Qt::ElideMiddle);
    m_libraries->setUniformRowHeights(true);
    m_libraries->header()->setSectionResizeMode(QHeaderView::Interactive);
    m_libraries->header()->setStretchLastSection(true);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(m_libraries, 1);
    setPreview({});
}

void RepairPreviewView::setPreview(const RepairPreview &preview)
{
    m_libraries->clear();
    if (!preview.applicable) {
        m_summary->setText(tr("Nothing to repair: every library the native files need is in the wheel or allowed by "
                              "the manylinux/musllinux policies (or this is not a Linux wheel)."));
        m_libraries->hide();
        return;
    }
    m_libraries->show();
    qint64 bytes = 0;
    for (const RepairLibrary &l : preview.copied) {
        auto *item = new QTreeWidgetItem(m_libraries);
        item->setText(0, l.soname);
        item->setText(1, l.path.isEmpty() ? QString() : formatSize(l.size));
        item->setTextAlignment(1, Qt::AlignRight | Qt::AlignVCenter);
        item->setText(2, l.path.isEmpty() ? tr("not found on this machine") : l.path);
        item->setText(3, l.neededBy);
        item->setText(4, l.needs.join(QStringLiteral(", ")));
        for (int c = 0; c < 5; ++c)
            item->setToolTip(c, item->text(c));
        if (!l.path.isEmpty())
            item->setToolTip(1, exactBytes(l.size));
        if (l.path.isEmpty())
            item->setForeground(2, palette().brush(QPalette::Disabled, QPalette::Text));
        bytes += l.size;
    }
    for (int c = 0; c < 4; ++c)
        m_libraries->resizeColumnToContents(c);
    if (preview.missing.isEmpty())
        m_summary->setText(tr("<b>auditwheel repair</b> on this machine would copy %1 (%2) into the wheel and tag it "
                              "<b>%3</b>; their symbol versions count, so the symbol policy is %4.")
                               .arg(preview.copied.size() == 1 ? tr("1 library") : tr("%1 libraries").arg(preview.copied.size()),
                                    formatSize(bytes), preview.repairedPolicy, preview.symbolPolicy));
    else
        m_summary->setText(tr("<b>auditwheel repair</b> would stop on this machine: %1 cannot be found (needed for %2). "
                              "Install it, or point LD_LIBRARY_PATH at it.")
                               .arg(preview.missing.join(QStringLiteral(", ")).toHtmlEscaped(), preview.policy));
}

} // namespace wb::ui
