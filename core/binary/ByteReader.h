#pragma once

#include <QByteArray>

#include <algorithm>
#include <cstdint>
#include <cstring>

namespace wb {

// Bounds-checked little/big endian reads over untrusted bytes. Every read reports failure instead of
// reading out of range; ok() stays false after the first failure.
class ByteReader
{
public:
    ByteReader(const QByteArray &data, bool bigEndian = false) : m_data(data), m_big(bigEndian) {}
    void setBigEndian(bool big) { m_big = big; }
    qsizetype size() const { return m_data.size(); }
    bool ok() const { return m_ok; }
    bool has(quint64 offset, quint64 len) const
    {
        const auto n = quint64(m_data.size());
        return offset <= n && len <= n - offset;
    }
    template <typename T>
    T read(quint64 offset)
    {
        if (!has(offset, sizeof(T))) {
            m_ok = false;
            return T{};
        }
        unsigned char b[sizeof(T)];
        std::memcpy(b, m_data.constData() + offset, sizeof(T));
        std::uint64_t v = 0;
        for (size_t i = 0; i < sizeof(T); ++i) {
            const size_t idx = m_big ? i : sizeof(T) - 1 - i;
            v = (v << 8) | b[idx];
        }
        return T(v);
    }
    quint8 u8(quint64 o) { return read<quint8>(o); }
    quint16 u16(quint64 o) { return read<quint16>(o); }
    quint32 u32(quint64 o) { return read<quint32>(o); }
    quint64 u64(quint64 o) { return read<quint64>(o); }
    // NUL-terminated string starting at offset, at most maxLen bytes, within [offset, limit).
    QByteArray cstr(quint64 offset, quint64 limit = UINT64_MAX, int maxLen = 4096) const
    {
        const auto n = quint64(m_data.size());
        if (limit > n)
            limit = n;
        if (offset >= limit)
            return {};
        const char *p = m_data.constData() + offset;
        const quint64 avail = std::min<quint64>(limit - offset, quint64(maxLen));
        const void *z = std::memchr(p, 0, size_t(avail));
        return QByteArray(p, z ? qsizetype(static_cast<const char *>(z) - p) : qsizetype(avail));
    }
    const QByteArray &data() const { return m_data; }

private:
    const QByteArray &m_data;
    bool m_big = false;
    bool m_ok = true;
};

} // namespace wb
