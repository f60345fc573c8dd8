#include "core/build/LineSplitter.h"

#include <QString>

namespace wb {

LineSplitter::LineSplitter(qsizetype maxLineBytes)
    : m_maxLineBytes(qMax<qsizetype>(16, maxLineBytes))
{
}

QList<OutputLine> LineSplitter::feed(const QByteArray &bytes)
{
    QList<OutputLine> out;
    m_pending.append(bytes);
    const char *data = m_pending.constData();
    const qsizetype size = m_pending.size();
    qsizetype start = 0;
    qsizetype pos = m_scanned;
    while (pos < size) {
        const char c = data[pos];
        if (c == '\n' || c == '\r') {
            qsizetype next = pos + 1;
            bool transient = false;
            if (c == '\r') {
                if (next >= size)
                    break; // "\r" or "\r\n"? wait for the next byte
                if (data[next] == '\n')
                    ++next;
                else
                    transient = true;
            }
            out.append({QString::fromUtf8(data + start, pos - start), transient});
            start = pos = next;
        } else if (pos - start >= m_maxLineBytes) {
            // Cut an endless line, but never inside a UTF-8 sequence.
            qsizetype cut = pos;
            while (cut > start && (static_cast<unsigned char>(data[cut]) & 0xC0) == 0x80)
                --cut;
            if (cut == start)
                cut = pos;
            out.append({QString::fromUtf8(data + start, cut - start), false});
            start = pos = cut;
        } else {
            ++pos;
        }
    }
    m_pending.remove(0, start);
    m_scanned = pos - start;
    return out;
}

QList<OutputLine> LineSplitter::finish()
{
    QList<OutputLine> out;
    if (m_pending.endsWith('\r'))
        m_pending.chop(1);
    if (!m_pending.isEmpty())
        out.append({QString::fromUtf8(m_pending), false});
    m_pending.clear();
    m_scanned = 0;
    return out;
}

} // namespace wb
