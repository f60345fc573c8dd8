// Typing in an editor that shows LF text without a BOM changes only the bytes typed: the file's CRLF
// or mixed line ends and its BOM stay where nothing was typed, and new line breaks follow the file.
#include "core/toml/EditorText.h"

#include <QTest>

using namespace wb;

class TestEditorText : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void shownText_data()
    {
        QTest::addColumn<QByteArray>("file");
        QTest::addColumn<QString>("shown");
        QTest::newRow("lf") << QByteArray("a = 1\nb = 2\n") << QStringLiteral("a = 1\nb = 2\n");
        QTest::newRow("crlf") << QByteArray("a = 1\r\nb = 2\r\n") << QStringLiteral("a = 1\nb = 2\n");
        QTest::newRow("bom") << QByteArray("\xEF\xBB\xBFx = \"\xC3\xA9\"\n") << QStringLiteral("x = \"\u00E9\"\n");
        QTest::newRow("empty") << QByteArray() << QString();
    }
    void shownText()
    {
        QFETCH(QByteArray, file);
        QFETCH(QString, shown);
        QCOMPARE(editorText(file), shown);
        QCOMPARE(spliceEditorText(file, shown), file); // shown again, untouched: the same bytes
    }

    void splice_data()
    {
        QTest::addColumn<QByteArray>("file");
        QTest::addColumn<QString>("edited");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("lf insert") << QByteArray("a = 1\nb = 2\n") << QStringLiteral("a = 1\nb = 22\n") << QByteArray("a = 1\nb = 22\n");
        QTest::newRow("mixed: typed on an LF line")
            << QByteArray("a = 1\r\nb = 2\nc = 3\r\n") << QStringLiteral("a = 1\nb = 2 # x\nc = 3\n") << QByteArray("a = 1\r\nb = 2 # x\nc = 3\r\n");
        QTest::newRow("crlf: new line") << QByteArray("a = 1\r\nb = 2\r\n") << QStringLiteral("a = 1\nz = 0\nb = 2\n")
                                        << QByteArray("a = 1\r\nz = 0\r\nb = 2\r\n");
        QTest::newRow("crlf: line joined") << QByteArray("a = 1\r\nb = 2\r\n") << QStringLiteral("a = 1b = 2\n") << QByteArray("a = 1b = 2\r\n");
        QTest::newRow("crlf: last line removed") << QByteArray("a = 1\r\nb = 2\r\n") << QStringLiteral("a = 1\n") << QByteArray("a = 1\r\n");
        QTest::newRow("no line break yet: LF") << QByteArray("a = 1") << QStringLiteral("a = 1\n") << QByteArray("a = 1\n");
        QTest::newRow("bom: typed at the start") << QByteArray("\xEF\xBB\xBF" "a = 1\n") << QStringLiteral("# x\na = 1\n")
                                                 << QByteArray("\xEF\xBB\xBF# x\na = 1\n");
        QTest::newRow("everything removed") << QByteArray("\xEF\xBB\xBF" "a = 1\r\n") << QString() << QByteArray("\xEF\xBB\xBF");
        QTest::newRow("into an empty file") << QByteArray() << QStringLiteral("a = 1\n") << QByteArray("a = 1\n");
        QTest::newRow("non-ASCII replaced") << QByteArray("x = \"\xC3\xA9\"\r\n") << QStringLiteral("x = \"\u00E8\"\n")
                                            << QByteArray("x = \"\xC3\xA8\"\r\n");
        QTest::newRow("repeated text, typed into the second") << QByteArray("aa\r\naa\r\n") << QStringLiteral("aa\naaa\n") << QByteArray("aa\r\naaa\r\n");
        // Not UTF-8: the shown text cannot be traced to the bytes, so the edited text is the file.
        QTest::newRow("not UTF-8") << QByteArray("a = \"\xFF\"\r\nb = 2\r\n") << QStringLiteral("a = \"\uFFFD\"\nb = 3\n")
                                   << QByteArray("a = \"\xEF\xBF\xBD\"\r\nb = 3\r\n");
    }
    void splice()
    {
        QFETCH(QByteArray, file);
        QFETCH(QString, edited);
        QFETCH(QByteArray, expected);
        QCOMPARE(spliceEditorText(file, edited), expected);
        QCOMPARE(editorText(spliceEditorText(file, edited)), edited);
    }
};

QTEST_GUILESS_MAIN(TestEditorText)
#include "tst_editortext.moc"
