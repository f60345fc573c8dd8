#pragma once
// A minimal ZIP writer for tests: builds well-formed and deliberately hostile archives in memory.

#include <QByteArray>
#include <QCryptographicHash>
#include <QFile>
#include <QString>
#include <QList>

#include <zlib.h>

namespace wb::test {

struct ZipMember {
    ZipMember() = default;
    ZipMember(const QByteArray &n, const QByteArray &d) : name(n), data(d) {}
    ZipMember(const char *n, const char *d) : name(n), data(d) {}
    ZipMember(const char *n, const QByteArray &d) : name(n), data(d) {}
    QByteArray name;
    QByteArray data;
    bool deflate = true;
    quint32 unixMode = 0100644;
    // Hostile knobs
    qint64 declaredSize = -1;       // central directory uncompressed size override
    QByteArray localName;           // local header name override
};

inline void put16(QByteArray &b, quint16 v) { b.append(char(v & 0xff)).append(char(v >> 8)); }
inline void put32(QByteArray &b, quint32 v) { put16(b, quint16(v & 0xffff)); put16(b, quint16(v >> 16)); }

inline QByteArray rawDeflate(const QByteArray &in)
{
    z_stream s{};
    deflateInit2(&s, 6, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY);
    QByteArray out(int(deflateBound(&s, uLong(in.size()))), Qt::Uninitialized);
    s.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(in.constData()));
    s.avail_in = uInt(in.size());
    s.next_out = reinterpret_cast<Bytef *>(out.data());
    s.avail_out = uInt(out.size());
    deflate(&s, Z_FINISH);
    out.resize(qsizetype(s.total_out));
    deflateEnd(&s);
    return out;
}

inline QByteArray buildZip(const QList<ZipMember> &members)
{
    QByteArray body, cd;
    for (const ZipMember &m : members) {
        const QByteArray payload = m.deflate ? rawDeflate(m.data) : m.data;
        const quint32 crc = quint32(crc32(0, reinterpret_cast<const Bytef *>(m.data.constData()), uInt(m.data.size())));
        const quint32 offset = quint32(body.size());
        const QByteArray lname = m.localName.isEmpty() ? m.name : m.localName;
        put32(body, 0x04034b50); put16(body, 20); put16(body, 0x800); put16(body, m.deflate ? 8 : 0);
        put16(body, 0); put16(body, 0x21); put32(body, crc); put32(body, quint32(payload.size())); put32(body, quint32(m.data.size()));
        put16(body, quint16(lname.size())); put16(body, 0); body.append(lname); body.append(payload);
        put32(cd, 0x02014b50); put16(cd, 0x0314); put16(cd, 20); put16(cd, 0x800); put16(cd, m.deflate ? 8 : 0);
        put16(cd, 0); put16(cd, 0x21); put32(cd, crc); put32(cd, quint32(payload.size()));
        put32(cd, quint32(m.declaredSize >= 0 ? m.declaredSize : m.data.size()));
        put16(cd, quint16(m.name.size())); put16(cd, 0); put16(cd, 0); put16(cd, 0); put16(cd, 0);
        put32(cd, m.unixMode << 16); put32(cd, offset); cd.append(m.name);
    }
    QByteArray out = body + cd;
    put32(out, 0x06054b50); put16(out, 0); put16(out, 0); put16(out, quint16(members.size())); put16(out, quint16(members.size()));
    put32(out, quint32(cd.size())); put32(out, quint32(body.size())); put16(out, 0);
    return out;
}

inline QByteArray recordLine(const QByteArray &name, const QByteArray &data)
{
    const QByteArray h = QCryptographicHash::hash(data, QCryptographicHash::Sha256)
                             .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    return name + ",sha256=" + h + ',' + QByteArray::number(data.size()) + '\n';
}

// A healthy pure wheel "demo-1.0-py3-none-any.whl" with `extra` members added (listed in RECORD when `record`).
inline QList<ZipMember> demoWheel(const QList<ZipMember> &extra = {}, bool listExtra = true)
{
    QList<ZipMember> m;
    m.append(ZipMember{"demo/__init__.py", "print('hi')\n"});
    m.append(ZipMember{"demo-1.0.dist-info/METADATA", "Metadata-Version: 2.4\nName: demo\nVersion: 1.0\n"});
    m.append(ZipMember{"demo-1.0.dist-info/WHEEL", "Wheel-Version: 1.0\nGenerator: test\nRoot-Is-Purelib: true\nTag: py3-none-any\n"});
    m += extra;
    QByteArray record;
    for (const ZipMember &z : m)
        if (listExtra || !extra.contains(z))
            record += recordLine(z.name, z.data);
    record += "demo-1.0.dist-info/RECORD,,\n";
    m.append(ZipMember{"demo-1.0.dist-info/RECORD", record});
    return m;
}

// A wheel "fixture-1.0-<tag>.whl" in `dir` holding one native file and sound WHEEL, METADATA and
// RECORD; returns its path (empty when it cannot be written).
inline QString writeNativeWheel(const QString &dir, const QByteArray &nativeName, const QByteArray &nativeBytes, const QByteArray &tag)
{
    QList<ZipMember> m;
    m.append(ZipMember{nativeName, nativeBytes});
    m.append(ZipMember{"fixture-1.0.dist-info/METADATA", "Metadata-Version: 2.4\nName: fixture\nVersion: 1.0\n"});
    m.append(ZipMember{"fixture-1.0.dist-info/WHEEL", "Wheel-Version: 1.0\nGenerator: test\nRoot-Is-Purelib: false\nTag: " + tag + "\n"});
    QByteArray record;
    for (const ZipMember &z : m)
        record += recordLine(z.name, z.data);
    m.append(ZipMember{"fixture-1.0.dist-info/RECORD", record + "fixture-1.0.dist-info/RECORD,,\n"});
    const QString p = dir + QStringLiteral("/fixture-1.0-%1.whl").arg(QString::fromLatin1(tag));
    QFile f(p);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return {};
    f.write(buildZip(m));
    return p;
}

inline bool operator==(const ZipMember &a, const ZipMember &b) { return a.name == b.name && a.data == b.data; }

} // namespace wb::test
