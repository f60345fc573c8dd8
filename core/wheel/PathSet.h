#pragma once

#include <QByteArrayView>
#include <QStringView>

#include <vector>

namespace wb {

// Finds repeats among many paths without a node per path: open addressing over 64-bit hashes, the
// keys themselves left where they are (the caller compares them by index). One allocation for the
// whole set, sized for the expected count; grows by doubling when fuller than half.
class PathSet
{
public:
    explicit PathSet(qsizetype expected) { reset(expected); }

    static quint64 hash(QStringView s)
    {
        quint64 h = 0x9E3779B97F4A7C15ull ^ quint64(s.size());
        for (const QChar c : s)
            h = (h ^ c.unicode()) * 0x100000001B3ull;
        return mix(h);
    }

    // hash() of the ASCII lower-case form of an ASCII name (its case folding), from its bytes.
    static quint64 hashFoldedAscii(QByteArrayView s)
    {
        quint64 h = 0x9E3779B97F4A7C15ull ^ quint64(s.size());
        for (const char c : s)
            h = (h ^ quint8(c >= 'A' && c <= 'Z' ? c + 32 : c)) * 0x100000001B3ull;
        return mix(h);
    }

    // The index of an earlier key equal to this one (`equal(earlier)` decides), or -1 after adding
    // `index` under `hash`.
    template <typename Equal>
    qsizetype findOrInsert(quint64 hash, qsizetype index, Equal equal)
    {
        if (m_used * 2 >= qsizetype(m_slots.size()))
            grow();
        size_t i = size_t(hash) & m_mask;
        while (m_slots[i].index >= 0) {
            if (m_slots[i].hash == hash && equal(m_slots[i].index))
                return m_slots[i].index;
            i = (i + 1) & m_mask;
        }
        m_slots[i] = {hash, index};
        ++m_used;
        return -1;
    }

private:
    struct Slot {
        quint64 hash = 0;
        qsizetype index = -1;
    };
    static quint64 mix(quint64 h)
    {
        h ^= h >> 33;
        h *= 0xff51afd7ed558ccdull;
        h ^= h >> 33;
        return h;
    }
    void reset(qsizetype expected)
    {
        size_t n = 16;
        while (n < size_t(expected) * 2)
            n *= 2;
        m_slots.assign(n, Slot{});
        m_mask = n - 1;
        m_used = 0;
    }
    void grow()
    {
        std::vector<Slot> old;
        old.swap(m_slots);
        reset(qsizetype(old.size()));
        for (const Slot &s : old) {
            if (s.index < 0)
                continue;
            size_t i = size_t(s.hash) & m_mask;
            while (m_slots[i].index >= 0)
                i = (i + 1) & m_mask;
            m_slots[i] = s;
            ++m_used;
        }
    }

    std::vector<Slot> m_slots;
    size_t m_mask = 0;
    qsizetype m_used = 0;
};

} // namespace wb
