#pragma once
// One real failure report of tests/data/failure-reports (header lines `source:`, `cause:`, `kind:`, …,
// then `---`, then the verbatim error output), read the same way by the tests and by bench_diagnose.
#include <QFile>
#include <QFileInfo>
#include <QString>

namespace wb::test {

struct FailureReport {
    QString name;  // the file name
    QString cause; // the established cause (a catalogue id, or one the catalogue lacks)
    QString kind;  // "error" (pasted text) or "log" (a build log)
    QString text;  // the machine output after ---
};

// False when the file cannot be read or lacks the separator, a cause or a known kind.
inline bool readFailureReport(const QString &path, FailureReport *r)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return false;
    const QString all = QString::fromUtf8(f.readAll());
    const qsizetype sep = all.indexOf(QLatin1String("\n---\n"));
    if (sep < 0)
        return false;
    r->name = QFileInfo(path).fileName();
    for (const QString &line : all.left(sep).split(QLatin1Char('\n'))) {
        if (line.startsWith(QLatin1String("cause:")))
            r->cause = line.mid(6).trimmed();
        else if (line.startsWith(QLatin1String("kind:")))
            r->kind = line.mid(5).trimmed();
    }
    r->text = all.mid(sep + 5);
    return !r->cause.isEmpty() && (r->kind == QLatin1String("error") || r->kind == QLatin1String("log"));
}

} // namespace wb::test
