#include "core/project/RustModuleScanner.h"

#include <QDirIterator>
#include <QFile>
#include <QRegularExpression>

namespace wb {

QList<PyModuleDecl> scanPyModulesInText(const QString &text, const QString &file)
{
    QList<PyModuleDecl> out;
    static const QRegularExpression attr(QStringLiteral("#\\s*\\[\\s*(?:pyo3\\s*::\\s*)?pymodule\\b"));
    static const QRegularExpression item(QStringLiteral("\\b(?:fn|mod)\\s+(r#)?([A-Za-z_][A-Za-z0-9_]*)"));
    static const QRegularExpression rename(QStringLiteral("\\bname\\s*=\\s*\"([^\"]*)\""));
    auto it = attr.globalMatch(text);
    while (it.hasNext()) {
        const auto m = it.next();
        // Skip matches inside line comments.
        const qsizetype lineStart = text.lastIndexOf(u'\n', m.capturedStart()) + 1;
        if (text.mid(lineStart, m.capturedStart() - lineStart).contains(QLatin1String("//")))
            continue;
        const auto fn = item.match(text, m.capturedEnd());
        if (!fn.hasMatch() || fn.capturedStart() - m.capturedEnd() > 600)
            continue;
        const QString between = text.mid(m.capturedStart(), fn.capturedStart() - m.capturedStart());
        const auto rn = rename.match(between);
        PyModuleDecl d;
        d.name = rn.hasMatch() ? rn.captured(1) : fn.captured(2);
        d.file = file;
        d.line = int(text.left(m.capturedStart()).count(u'\n')) + 1;
        d.itemLine = d.line + int(text.mid(m.capturedStart(), fn.capturedStart(2) - m.capturedStart()).count(u'\n'));
        out << d;
    }
    return out;
}

QList<PyModuleDecl> scanPyModules(const QString &sourceDir)
{
    QList<PyModuleDecl> out;
    QDirIterator it(sourceDir, {QStringLiteral("*.rs")}, QDir::Files, QDirIterator::Subdirectories);
    int files = 0;
    while (it.hasNext() && files < 2000) {
        const QString path = it.next();
        ++files;
        QFile f(path);
        if (f.size() > 4 * 1024 * 1024 || !f.open(QIODevice::ReadOnly))
            continue;
        const QByteArray bytes = f.readAll();
        if (!bytes.contains("pymodule"))
            continue;
        out += scanPyModulesInText(QString::fromUtf8(bytes), path);
    }
    return out;
}

} // namespace wb
