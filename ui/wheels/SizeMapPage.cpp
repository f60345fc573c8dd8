#include "ui/wheels/SizeMapPage.h"

#include "ui/common/WheelGuard.h"
#include "ui/wheels/SizeTreemap.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHash>
#include <QVBoxLayout>

namespace wb::ui {

SizeMapPage::SizeMapPage(QWidget *parent)
    : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    auto *controls = new QHBoxLayout;
    m_source = new QComboBox(this);
    m_source->setObjectName(QStringLiteral("mapSource"));
    m_hideDebug = new QCheckBox(tr("Hide debug info"), this);
    m_hideDebug->setObjectName(QStringLiteral("hideDebug"));
    controls->addWidget(m_source, 1);
    controls->addWidget(m_hideDebug);
    layout->addLayout(controls);
    m_treemap = new SizeTreemap(this);
    m_treemap->setObjectName(QStringLiteral("treemap"));
    WheelGuard::install(); // combo boxes without focus ignore the wheel, here as everywhere
    layout->addWidget(m_treemap, 1);
    connect(m_source, &QComboBox::currentIndexChanged, this, &SizeMapPage::update);
    connect(m_hideDebug, &QCheckBox::toggled, m_treemap, &SizeTreemap::setHideDebug);
}

void SizeMapPage::clear()
{
    m_wheel = {};
    m_sdist = {};
    const QSignalBlocker block(m_source);
    m_source->clear();
    m_treemap->setItems({});
}

void SizeMapPage::setWheel(const WheelReport &r)
{
    m_isSdist = false;
    m_wheel = r;
    m_sdist = {};
    m_hideDebug->setEnabled(true);
    {
        const QSignalBlocker block(m_source);
        m_source->clear();
        m_source->addItem(tr("Whole wheel"), QString());
        for (const ExtensionReport &e : r.extensions)
            m_source->addItem(tr("Sections of %1").arg(e.path.section(QLatin1Char('/'), -1)), e.path);
    }
    update();
}

void SizeMapPage::setSdist(const SdistReport &r)
{
    m_isSdist = true;
    m_sdist = r;
    m_wheel = {};
    m_hideDebug->setEnabled(false);
    {
        const QSignalBlocker block(m_source);
        m_source->clear();
        m_source->addItem(tr("Whole source distribution"), QString());
    }
    update();
}

void SizeMapPage::update()
{
    const QString ext = m_source->currentData().toString();
    QList<SizeTreemap::Item> items;
    if (m_isSdist) {
        for (const SdistFileEntry &f : m_sdist.files)
            if (f.kind == QLatin1String("file"))
                items.append({f.path, f.size, false});
    } else if (ext.isEmpty()) {
        // Each extension in two parts, its runtime part and its debug information, so that "hide
        // debug info" shows the wheel as it would be with stripped extensions.
        QHash<QString, const ExtensionReport *> byPath;
        for (const ExtensionReport &e : m_wheel.extensions)
            if (e.binary.debugBytes > 0)
                byPath.insert(e.path, &e);
        for (const WheelFileEntry &f : m_wheel.files) {
            if (f.isDirectory)
                continue;
            if (const ExtensionReport *e = byPath.value(f.path)) {
                items.append({f.path, e->sizeAfterStrip, false});
                items.append({f.path + tr(" (debug info)"), e->binary.debugBytes, true});
            } else {
                items.append({f.path, f.size, false});
            }
        }
    } else {
        for (const ExtensionReport &e : m_wheel.extensions)
            if (e.path == ext)
                for (const BinarySection &s : e.binary.sections)
                    items.append({s.name, s.size, s.debug});
    }
    m_treemap->setItems(items);
}

} // namespace wb::ui
