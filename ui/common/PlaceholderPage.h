#pragma once

#include <QWidget>

class QAction;
class QHBoxLayout;
class QLabel;

namespace wb::ui {

// What a view shows while it has nothing to show (KDE's placeholder message): an icon, a title, one
// line on what belongs here, and the actions that fill it, as buttons that are those actions (so a
// button is disabled exactly when its action is).
class PlaceholderPage : public QWidget
{
    Q_OBJECT
public:
    explicit PlaceholderPage(const QIcon &icon, QWidget *parent = nullptr);

    void setTitle(const QString &title);
    void setText(const QString &text);
    // One button per action, in this order, replacing the earlier ones.
    void setActions(const QList<QAction *> &actions);
    QString title() const;
    QString text() const;
    QList<QAction *> buttonActions() const { return m_actions; }

private:
    QLabel *m_title = nullptr;
    QLabel *m_text = nullptr;
    QHBoxLayout *m_buttons = nullptr;
    QList<QAction *> m_actions;
};

} // namespace wb::ui
