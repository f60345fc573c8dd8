#pragma once

#include "core/build/OutputLine.h"

#include <QByteArray>
#include <QList>

namespace wb {

// Cuts a byte stream into lines before decoding, so a UTF-8 character split across two reads is
// never damaged. "\n" and "\r\n" end a line; a bare "\r" ends a transient line (it will be
// overwritten). A line longer than maxLineBytes is cut there, so memory stays bounded.
class LineSplitter
{
public:
    explicit LineSplitter(qsizetype maxLineBytes = 64 * 1024);

    QList<OutputLine> feed(const QByteArray &bytes);
    // End of stream: whatever is left becomes a last line.
    QList<OutputLine> finish();

private:
    QByteArray m_pending;
    qsizetype m_scanned = 0; // bytes of m_pending already looked at
    qsizetype m_maxLineBytes;
};

} // namespace wb
