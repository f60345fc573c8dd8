#pragma once

#include <QObject>
#include <QString>
#include <QStringList>

namespace wb::ui {

// What is open in the window: the project folder, the wheels, the last build's log. The views
// listen to it instead of to each other.
class Workspace : public QObject
{
    Q_OBJECT
public:
    explicit Workspace(QObject *parent = nullptr);

    QString projectDir() const { return m_projectDir; }
    QStringList wheels() const { return m_wheels; }
    QString currentWheel() const { return m_currentWheel; }
    QString lastBuildLog() const { return m_lastBuildLog; }

    // Opens a project folder or a wheel, whichever PATH is. Returns false (and says why) otherwise.
    bool open(const QString &path, QString *error = nullptr);
    void openProject(const QString &dir);
    void openWheel(const QString &path);
    // Called by the build view when a build ends.
    void reportBuild(bool succeeded, const QString &log, const QStringList &artifacts);

    static bool isWheelPath(const QString &path);

Q_SIGNALS:
    void projectOpened(const QString &dir);
    void wheelOpened(const QString &path);
    void buildFinished(bool succeeded, const QString &log, const QStringList &artifacts);

private:
    QString m_projectDir;
    QStringList m_wheels;
    QString m_currentWheel;
    QString m_lastBuildLog;
};

} // namespace wb::ui
