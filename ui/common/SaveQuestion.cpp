#include "ui/common/SaveQuestion.h"

#include <QDir>
#include <QMessageBox>
#include <QObject>

namespace wb::ui {

SaveAnswer askToSave(QWidget *parent, const QString &situation, const QStringList &modifiedFiles)
{
    QMessageBox box(parent);
    box.setObjectName(QStringLiteral("saveQuestion"));
    box.setIcon(QMessageBox::Warning);
    box.setWindowTitle(QObject::tr("Unsaved Changes"));
    box.setText(QObject::tr("%1\n\nThese settings files have unsaved changes:").arg(situation));
    QStringList shown;
    for (const QString &f : modifiedFiles)
        shown << QStringLiteral("• ") + QDir::toNativeSeparators(f);
    box.setInformativeText(shown.join(u'\n'));
    box.setStandardButtons(QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel);
    box.setDefaultButton(QMessageBox::Save);
    box.setEscapeButton(QMessageBox::Cancel);
    switch (box.exec()) {
    case QMessageBox::Save: return SaveAnswer::Save;
    case QMessageBox::Discard: return SaveAnswer::Discard;
    default: return SaveAnswer::Cancel;
    }
}

} // namespace wb::ui
