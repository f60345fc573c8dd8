#pragma once

#include <QString>
#include <QStringList>

namespace wb {

// Finds a shared library on this machine the way the dynamic loader does, and as auditwheel's lddtree
// does (auditwheel 6.8, lddtree.py): DT_RPATH (only when there is no DT_RUNPATH), LD_LIBRARY_PATH,
// DT_RUNPATH, the folders of /etc/ld.so.conf (and the files it includes, e.g. ld.so.conf.d/*.conf),
// then the default folders /lib64 /usr/lib64 /lib /usr/lib and the multiarch ones
// (/lib/x86_64-linux-gnu ...). $ORIGIN in a path is the folder of the file that needs the library.
// A candidate must be an ELF of the same class, byte order and machine as the file that needs it.
class LibraryResolver
{
public:
    // root: prefix for every system path (tests); ldLibraryPath: LD_LIBRARY_PATH's value.
    explicit LibraryResolver(const QString &root = QStringLiteral("/"), const QString &ldLibraryPath = qEnvironmentVariable("LD_LIBRARY_PATH"));

    struct Request {
        QString soname;
        QStringList rpaths;   // DT_RPATH of the file that needs it
        QStringList runpaths; // DT_RUNPATH
        QString origin;       // the folder of that file, for $ORIGIN (empty: inside a wheel, not resolved)
        QByteArray elfIdent;  // class, byte order and machine of that file (see identOf)
    };
    // The path found, or empty.
    QString find(const Request &request) const;
    QStringList searchPath() const { return m_ldconf + m_defaults; }

    // Bytes 4..5 (class, data) and 18..19 (machine) of an ELF header; empty when not an ELF.
    static QByteArray identOf(const QByteArray &head);

private:
    QString inRoot(const QString &path) const;
    QString tryDirs(const QStringList &dirs, const Request &request) const;
    void readLdConf(const QString &file, int depth);

    QString m_root;
    QStringList m_ldLibraryPath;
    QStringList m_ldconf;
    QStringList m_defaults;
};

} // namespace wb
