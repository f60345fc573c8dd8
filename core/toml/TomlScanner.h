#pragma once

#include <QByteArrayView>
#include <QList>
#include <QString>
#include <QStringList>

namespace wb {

// The statement-level layout of a TOML text: table headers and key/value lines with byte offsets.
// It also guards toml++ 3.4.0, which fails an assertion (undefined behaviour in release builds) on
// headers such as "[", "[.]", "[..]" and "[!]": such a header is reported here before toml++ sees it.
// Meant for text that toml++ accepts (or is about to judge): it is lenient, never fails on odd input.
struct TomlScan {
    struct Header {
        QStringList path;
        bool arrayTable = false;
        int lineBegin = 0; // start of the header's line
        int begin = 0;     // '['
        int end = 0;       // after ']'
        int lineEnd = 0;   // after the line break (or end of text)
    };
    struct Entry {
        int header = -1;   // index into headers, -1 for the root section
        QStringList key;   // the (possibly dotted) key as written, unquoted
        int lineBegin = 0;
        int keyBegin = 0;
        int keyEnd = 0;
        int valueBegin = 0;
        int valueEnd = 0;
        int lineEnd = 0;   // after the line break that ends the value's last line (or end of text)
    };
    QList<Header> headers;
    QList<Entry> entries;

    bool guardTripped = false;
    int guardOffset = -1;    // byte offset of the offending character
    int guardLineBegin = -1; // start of the offending header's line
};

TomlScan scanToml(QByteArrayView text);

} // namespace wb
