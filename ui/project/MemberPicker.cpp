#include "ui/project/MemberPicker.h"

#include <QComboBox>
#include <QDir>
#include <QHBoxLayout>
#include <QLabel>
#include <QSignalBlocker>

namespace wb::ui {

MemberPicker::MemberPicker(QWidget *parent)
    : QWidget(parent)
    , m_label(new QLabel(tr("Workspace &member:"), this))
    , m_combo(new QComboBox(this))
{
    setObjectName(QStringLiteral("memberPicker"));
    m_combo->setObjectName(QStringLiteral("memberCombo"));
    m_combo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_combo->setToolTip(tr("This folder is a Cargo workspace: the Python package edited here, and built with "
                           "maturin -m MEMBER/Cargo.toml"));
    m_label->setBuddy(m_combo);
    auto *row = new QHBoxLayout(this);
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(m_label);
    row->addWidget(m_combo);
    row->addStretch(1);
    connect(m_combo, &QComboBox::activated, this, [this](int index) {
        const QString name = m_combo->itemData(index).toString();
        if (name == m_current)
            return;
        // Back to the current one until the view has switched (it may keep the member: unsaved edits).
        const QSignalBlocker block(m_combo);
        m_combo->setCurrentIndex(m_combo->findData(m_current));
        Q_EMIT memberChosen(name);
    });
    hide();
}

void MemberPicker::setMembers(const QList<WorkspaceMember> &members, const QString &current)
{
    const QSignalBlocker block(m_combo);
    m_combo->clear();
    m_current = current;
    for (const WorkspaceMember &m : members)
        m_combo->addItem(QStringLiteral("%1 — %2/ (%3)").arg(m.name, QDir::toNativeSeparators(m.relativeDir), m.why), m.name);
    m_combo->setCurrentIndex(m_combo->findData(current));
    setVisible(!members.isEmpty());
}

QString MemberPicker::current() const
{
    return m_current;
}

} // namespace wb::ui
