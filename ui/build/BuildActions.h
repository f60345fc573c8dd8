#pragma once

#include <QObject>

class QAction;
class QWidget;

namespace wb::ui {

// The Build view's commands as actions: Build (Ctrl+B), Develop, Test (Ctrl+Shift+T), Sdist, Cancel
// (Esc, Ctrl+.), Generate CI and Save Log. The view's buttons show these actions, and the window puts
// the same actions in its menu and toolbar, so a button, a menu item and a key can never disagree, and
// no key is bound twice (two bindings of one key make Qt refuse both as ambiguous).
class BuildActions : public QObject
{
    Q_OBJECT
public:
    // The actions are added to VIEW, so their keys work in it when it stands alone.
    explicit BuildActions(QWidget *view);

    QAction *build() const { return m_build; }
    QAction *develop() const { return m_develop; }
    QAction *test() const { return m_test; }
    QAction *sdist() const { return m_sdist; }
    QAction *cancel() const { return m_cancel; }
    QAction *generateCi() const { return m_generateCi; }
    QAction *saveLog() const { return m_saveLog; }

    struct State {
        bool idle = false;       // a project is open and nothing runs
        bool running = false;
        bool project = false;    // a project is open
        bool output = false;     // there is output to save
    };
    // Build, Develop, Test and Sdist follow idle; Cancel follows running unless it is shared; Generate
    // CI needs a project, Save Log some output.
    void update(const State &state);
    // The window's Cancel (which also stops a wheel's verification) replaces the view's own: the
    // button shows it, the view's own goes (with its keys), and its owner enables it.
    void shareCancel(QAction *windowCancel);

Q_SIGNALS:
    void cancelChanged(QAction *cancel);

private:
    QAction *m_build;
    QAction *m_develop;
    QAction *m_test;
    QAction *m_sdist;
    QAction *m_cancel;
    QAction *m_generateCi;
    QAction *m_saveLog;
    bool m_cancelShared = false;
};

} // namespace wb::ui
