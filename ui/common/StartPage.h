#pragma once

#include <QWidget>

class QAction;
class QListWidget;

namespace wb::ui {

// What the window shows while nothing is open (as Qt Creator's and KDevelop's welcome pages): the
// open and new actions, the recent projects and wheels, and a hint that files can be dropped.
class StartPage : public QWidget
{
    Q_OBJECT
public:
    explicit StartPage(const QList<QAction *> &actions, QWidget *parent = nullptr);
    void refresh(); // re-reads the recent list

Q_SIGNALS:
    void openRequested(const QString &path);

private:
    QListWidget *m_recent = nullptr;
};

} // namespace wb::ui
