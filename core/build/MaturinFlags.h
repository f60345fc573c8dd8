#pragma once

#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

namespace wb {

// maturin's command line per version (resources/maturin/flags.json): the options of `build`,
// `develop` and `sdist`, the version each appeared in, and the ones whose form changed.
class MaturinFlags
{
public:
    struct Change {
        QString in;   // "1.12.0"
        QString what;
    };
    struct Flag {
        QString name;      // "--strip"
        QString shortName; // "-i" (may be empty)
        QString value;     // "", "optional", "required", "list"
        QString since;     // "1.8.0"
        QList<Change> changes;
    };

    static const MaturinFlags &builtIn();
    static MaturinFlags fromJson(const QByteArray &json, QString *error = nullptr);

    bool isValid() const { return !m_commands.isEmpty(); }
    QString oldest() const { return m_oldest; }
    QString newest() const { return m_newest; }
    QList<Flag> flags(const QString &command) const { return m_commands.value(command); }
    // The flag an argument names ("--strip=false", "-i", "--pgo"); nullptr when unknown.
    const Flag *find(const QString &command, const QString &argument) const;
    // The version that added `flag` to `command` (empty when unknown).
    QString since(const QString &command, const QString &flag) const;
    // Whether `command` of maturin `version` has `flag`; an empty or unparsable version has every flag.
    bool has(const QString &command, const QString &flag, const QString &version) const;
    // The long names (and short ones) `command` has in `version`.
    QStringList available(const QString &command, const QString &version) const;

    // One sentence per argument the installed maturin does not have, naming the version that added
    // it ("--pgo needs maturin 1.13.0 or newer; 1.8.3 is installed"). Arguments after "--" are
    // rustc's. Values that came later are named too: `--compatibility pypi` (1.9.0), pypi beside
    // other values (1.11.5), `--auditwheel warn` (1.13.0). An empty or unparsable version checks nothing.
    QStringList unsupported(const QString &command, const QStringList &arguments, const QString &version) const;
    // The arguments in the form the installed version expects: before 1.12, `--strip` takes no
    // value (`--strip=true` becomes `--strip`; `--strip=false`, the default there, is left out).
    // notes: what was changed and why, and flags whose meaning differs in that version (--sdist).
    QStringList adapt(const QString &command, const QStringList &arguments, const QString &version, QStringList *notes = nullptr) const;

    // The options a `maturin <command> --help` text lists ("--strip", "-i", "--interpreter", ...).
    static QStringList parseHelp(const QString &helpText);
    // Whether `text` starts with a dotted version ("1.8.3", "1.12"): one the checks can use.
    static bool isVersion(const QString &text);
    // -1, 0, 1 for dotted versions ("1.12.3" vs "1.12"); missing parts are 0.
    static int compareVersions(const QString &a, const QString &b);

private:
    QString m_oldest;
    QString m_newest;
    QMap<QString, QList<Flag>> m_commands;
};

} // namespace wb
