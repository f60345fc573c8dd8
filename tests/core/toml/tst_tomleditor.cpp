// The format-preserving TOML editor: byte-identical round trips, minimal splices, refusals, the
// toml++ 3.4.0 header guard, and edits over every real project file of the corpus.
#include "support/TestPaths.h"

#include "core/toml/TomlArrayDiff.h"
#include "core/toml/TomlEditor.h"
#include "core/toml/TomlLiteral.h"
#include "core/toml/TomlTree.h"
#include "core/toml/UnifiedDiff.h"

#include <QDir>
#include <QFile>
#include <QTest>

#include <functional>

using namespace wb;

namespace {
QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QStringList corpusFiles()
{
    QStringList out;
    const QDir root(wb::test::corpusDir() + QStringLiteral("/projects"));
    for (const QString &d : root.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name)) {
        for (const char *name : {"pyproject.toml", "Cargo.toml"}) {
            const QString p = root.filePath(d + u'/' + QLatin1String(name));
            if (QFile::exists(p))
                out << p;
        }
    }
    return out;
}

// Lines (1-based, in the old text) that a diff removes or changes; added lines count as touching the
// line they follow.
int changedLineCount(const QByteArray &before, const QByteArray &after)
{
    const QString diff = unifiedDiff(before, after, QStringLiteral("a"), QStringLiteral("b"), 0);
    int n = 0;
    for (const QString &l : diff.split(u'\n')) {
        if ((l.startsWith(u'+') && !l.startsWith(QLatin1String("+++"))) || (l.startsWith(u'-') && !l.startsWith(QLatin1String("---"))))
            ++n;
    }
    return n;
}
} // namespace

class TestTomlEditor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void edits_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QString>("op");
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QByteArray>("expected");

        const QByteArray base = "[project]\nname = \"demo\" # keep me\n\n[tool.maturin]\n# layout\nmodule-name = \"demo._core\"\n"
                                "features = [\n    \"a\",\n    \"b\",\n]\n\n[tool.ruff]\nline-length = 100\n";
        QTest::newRow("replace value keeps comment")
            << base << "set" << "project.name" << "\"other\""
            << QByteArray("[project]\nname = \"other\" # keep me\n\n[tool.maturin]\n# layout\nmodule-name = \"demo._core\"\n"
                          "features = [\n    \"a\",\n    \"b\",\n]\n\n[tool.ruff]\nline-length = 100\n");
        QTest::newRow("new key after last key, before blank line")
            << base << "set" << "tool.maturin.strip" << "true"
            << QByteArray("[project]\nname = \"demo\" # keep me\n\n[tool.maturin]\n# layout\nmodule-name = \"demo._core\"\n"
                          "features = [\n    \"a\",\n    \"b\",\n]\nstrip = true\n\n[tool.ruff]\nline-length = 100\n");
        QTest::newRow("append to one-per-line array")
            << base << "append" << "tool.maturin.features" << "\"c\""
            << QByteArray("[project]\nname = \"demo\" # keep me\n\n[tool.maturin]\n# layout\nmodule-name = \"demo._core\"\n"
                          "features = [\n    \"a\",\n    \"b\",\n    \"c\",\n]\n\n[tool.ruff]\nline-length = 100\n");
        QTest::newRow("array set element-wise")
            << base << "set" << "tool.maturin.features" << "[\"b\", \"d\"]"
            << QByteArray("[project]\nname = \"demo\" # keep me\n\n[tool.maturin]\n# layout\nmodule-name = \"demo._core\"\n"
                          "features = [\n    \"b\",\n    \"d\",\n]\n\n[tool.ruff]\nline-length = 100\n");
        QTest::newRow("unset removes attached comment")
            << base << "unset" << "tool.maturin.module-name" << QString()
            << QByteArray("[project]\nname = \"demo\" # keep me\n\n[tool.maturin]\n"
                          "features = [\n    \"a\",\n    \"b\",\n]\n\n[tool.ruff]\nline-length = 100\n");
        QTest::newRow("new sub-table after its parent")
            << base << "set" << "tool.maturin.target.\"x86_64-apple-darwin\".macos-deployment-target" << "\"11.0\""
            << QByteArray("[project]\nname = \"demo\" # keep me\n\n[tool.maturin]\n# layout\nmodule-name = \"demo._core\"\n"
                          "features = [\n    \"a\",\n    \"b\",\n]\n\n[tool.maturin.target.x86_64-apple-darwin]\n"
                          "macos-deployment-target = \"11.0\"\n\n[tool.ruff]\nline-length = 100\n");
        QTest::newRow("create [tool.maturin] at the end, no final newline kept")
            << QByteArray("[project]\nname = \"a\"") << "set" << "tool.maturin.strip" << "true"
            << QByteArray("[project]\nname = \"a\"\n\n[tool.maturin]\nstrip = true");
        QTest::newRow("create [tool.maturin] after the other tool tables")
            << QByteArray("[project]\nname = \"a\"\n\n[tool.ruff]\nx = 1\n\n[tool.mypy]\ny = 2\n\n[other]\nz = 3\n") << "set"
            << "tool.maturin.module-name" << "\"a._a\""
            << QByteArray("[project]\nname = \"a\"\n\n[tool.ruff]\nx = 1\n\n[tool.mypy]\ny = 2\n\n[tool.maturin]\nmodule-name = \"a._a\"\n\n[other]\nz = 3\n");
        QTest::newRow("dotted table gets a dotted key")
            << QByteArray("[tool]\nmaturin.bindings = \"pyo3\"\nother = 1\n") << "set" << "tool.maturin.strip" << "true"
            << QByteArray("[tool]\nmaturin.bindings = \"pyo3\"\nmaturin.strip = true\nother = 1\n");
        QTest::newRow("root dotted keys")
            << QByteArray("tool.maturin.bindings = \"pyo3\"\n\n[project]\nname = \"a\"\n") << "set" << "tool.maturin.features" << "[\"x\"]"
            << QByteArray("tool.maturin.bindings = \"pyo3\"\ntool.maturin.features = [\"x\"]\n\n[project]\nname = \"a\"\n");
        QTest::newRow("inline table gets a key")
            << QByteArray("[dependencies]\npyo3 = { version = \"0.22\" }\n") << "set" << "dependencies.pyo3.features"
            << "[\"extension-module\"]" << QByteArray("[dependencies]\npyo3 = { version = \"0.22\", features = [\"extension-module\"] }\n");
        QTest::newRow("inline table loses a key")
            << QByteArray("[dependencies]\npyo3 = { version = \"0.22\", features = [\"x\"] }\n") << "unset" << "dependencies.pyo3.features"
            << QString() << QByteArray("[dependencies]\npyo3 = { version = \"0.22\" }\n");
        QTest::newRow("CRLF kept")
            << QByteArray("[a]\r\nb = 1\r\n") << "set" << "a.c" << "2" << QByteArray("[a]\r\nb = 1\r\nc = 2\r\n");
        QTest::newRow("BOM kept")
            << QByteArray("\xEF\xBB\xBF[a]\nb = \"x\"\n") << "set" << "a.b" << "\"y\"" << QByteArray("\xEF\xBB\xBF[a]\nb = \"y\"\n");
        QTest::newRow("emoji before the value")
            << QByteArray("[a]\nx = \"\xF0\x9F\x98\x80\" ; b = 1\n").replace(" ; b = 1", "\nb = 1") << "set" << "a.b" << "2"
            << QByteArray("[a]\nx = \"\xF0\x9F\x98\x80\"\nb = 2\n");
        QTest::newRow("literal string style kept")
            << QByteArray("[a]\nb = 'x'\n") << "set" << "a.b" << "\"y\"" << QByteArray("[a]\nb = 'y'\n");
        QTest::newRow("implicit table gets its header above the sub-table")
            << QByteArray("[tool.maturin.target.x]\na = \"1\"\n") << "set" << "tool.maturin.strip" << "true"
            << QByteArray("[tool.maturin]\nstrip = true\n\n[tool.maturin.target.x]\na = \"1\"\n");
        QTest::newRow("inline array append")
            << QByteArray("a = [1, 2]\n") << "append" << "a" << "3" << QByteArray("a = [1, 2, 3]\n");
        QTest::newRow("inline array replace element in place")
            << QByteArray("requires = [\"maturin>=1.0\", \"x\"]\n") << "set" << "requires" << "[\"maturin>=1.0,<2.0\", \"x\"]"
            << QByteArray("requires = [\"maturin>=1.0,<2.0\", \"x\"]\n");
        // Arrays element by element: unchanged elements keep their text, place and comments.
        const QByteArray feats = "[tool.maturin]\nfeatures = [\n    # the stable ABI\n    \"pyo3/abi3-py38\",\n"
                                 "    \"fast\",  # speed\n    \"simd\",\n]\nstrip = true\n";
        auto featsWith = [&](const char *from, const char *to) { return QByteArray(feats).replace(from, to); };
        QTest::newRow("array insert in the middle")
            << feats << "set" << "tool.maturin.features" << "[\"pyo3/abi3-py38\", \"fast\", \"new\", \"simd\"]"
            << featsWith("    \"fast\",  # speed\n", "    \"fast\",  # speed\n    \"new\",\n");
        QTest::newRow("array insert at the front, above the first element's comment")
            << feats << "set" << "tool.maturin.features" << "[\"first\", \"pyo3/abi3-py38\", \"fast\", \"simd\"]"
            << featsWith("    # the stable ABI\n", "    \"first\",\n    # the stable ABI\n");
        QTest::newRow("array removal takes the element's comment")
            << feats << "set" << "tool.maturin.features" << "[\"pyo3/abi3-py38\", \"simd\"]"
            << featsWith("    \"fast\",  # speed\n", "");
        QTest::newRow("array removal takes the comment lines above")
            << feats << "set" << "tool.maturin.features" << "[\"fast\", \"simd\"]"
            << featsWith("    # the stable ABI\n    \"pyo3/abi3-py38\",\n", "");
        QTest::newRow("array edit of the same element keeps its comments")
            << feats << "set" << "tool.maturin.features" << "[\"pyo3/abi3-py39\", \"fast\", \"simd\"]"
            << featsWith("abi3-py38", "abi3-py39");
        QTest::newRow("array edit of a requirement keeps its line")
            << QByteArray("requires = [\n  \"maturin>=1.0\",  # backend\n  \"x\",\n]\n") << "set" << "requires"
            << "[\"maturin>=1.0,<2.0\", \"x\"]" << QByteArray("requires = [\n  \"maturin>=1.0,<2.0\",  # backend\n  \"x\",\n]\n");
        QTest::newRow("array replaced element loses the old element's comment")
            << feats << "set" << "tool.maturin.features" << "[\"pyo3/abi3-py38\", \"turbo\", \"simd\"]"
            << featsWith("    \"fast\",  # speed\n", "    \"turbo\",\n");
        QTest::newRow("array replaced first element loses the comment lines above")
            << feats << "set" << "tool.maturin.features" << "[\"abi3\", \"fast\", \"simd\"]"
            << featsWith("    # the stable ABI\n    \"pyo3/abi3-py38\",\n", "    \"abi3\",\n");
        QTest::newRow("array remove one, add one at the end")
            << feats << "set" << "tool.maturin.features" << "[\"pyo3/abi3-py38\", \"simd\", \"extra\"]"
            << featsWith("    \"fast\",  # speed\n    \"simd\",\n", "    \"simd\",\n    \"extra\",\n");
        QTest::newRow("array changed element stays in place (longer array)")
            << feats << "set" << "tool.maturin.features" << "[\"pyo3/abi3-py38\", \"faster\", \"simd\", \"more\"]"
            << featsWith("    \"fast\",  # speed\n    \"simd\",\n", "    \"faster\",\n    \"simd\",\n    \"more\",\n");
        QTest::newRow("array without trailing comma: comma added, none after the new last")
            << QByteArray("a = [\n  \"x\",\n  \"y\"\n]\n") << "set" << "a" << "[\"x\", \"y\", \"z\"]"
            << QByteArray("a = [\n  \"x\",\n  \"y\",\n  \"z\"\n]\n");
        QTest::newRow("array one per line, CRLF")
            << QByteArray("a = [\r\n  1,\r\n  3,\r\n]\r\n") << "set" << "a" << "[1, 2, 3]" << QByteArray("a = [\r\n  1,\r\n  2,\r\n  3,\r\n]\r\n");
        QTest::newRow("array emptied") << feats << "set" << "tool.maturin.features" << "[]"
                                       << QByteArray("[tool.maturin]\nfeatures = []\nstrip = true\n");
        QTest::newRow("array emptied, a comment of no element stays")
            << QByteArray("a = [\n  # see docs\n\n  \"x\",  # x\n]\n") << "set" << "a" << "[]" << QByteArray("a = [\n  # see docs\n\n]\n");
        QTest::newRow("array into an empty one-per-line array")
            << QByteArray("a = [\n]\n") << "set" << "a" << "[\"x\", \"y\"]" << QByteArray("a = [\n    \"x\",\n    \"y\",\n]\n");
        QTest::newRow("inline array insert in the middle")
            << QByteArray("a = [\"x\", \"y\", \"z\"]\n") << "set" << "a" << "[\"x\", \"new\", \"y\", \"z\"]"
            << QByteArray("a = [\"x\", \"new\", \"y\", \"z\"]\n");
        QTest::newRow("inline array insert at the front")
            << QByteArray("a = [\"x\", \"y\"]\n") << "set" << "a" << "[\"w\", \"x\", \"y\"]" << QByteArray("a = [\"w\", \"x\", \"y\"]\n");
        QTest::newRow("inline array remove the first")
            << QByteArray("a = [\"x\", \"y\", \"z\"]\n") << "set" << "a" << "[\"y\", \"z\"]" << QByteArray("a = [\"y\", \"z\"]\n");
        QTest::newRow("inline array remove the last two")
            << QByteArray("a = [\"x\", \"y\", \"z\"]\n") << "set" << "a" << "[\"x\"]" << QByteArray("a = [\"x\"]\n");
        QTest::newRow("inline array keeps spacing and trailing comma")
            << QByteArray("a = [ 1, 2, 3, ]\n") << "set" << "a" << "[1, 3]" << QByteArray("a = [ 1, 3, ]\n");
        QTest::newRow("inline array keeps literal quotes of an edited element")
            << QByteArray("r = ['maturin>=1.0', 'x']\n") << "set" << "r" << "[\"maturin>=1.0,<2.0\", \"y\", \"x\"]"
            << QByteArray("r = ['maturin>=1.0,<2.0', \"y\", 'x']\n");
        QTest::newRow("remove a table with its sub-tables")
            << QByteArray("[a]\nx = 1\n\n[t]\ny = 1\n\n[t.s]\nz = 1\n\n[b]\nw = 1\n") << "unset" << "t" << QString()
            << QByteArray("[a]\nx = 1\n\n[b]\nw = 1\n");
        QTest::newRow("unset last line without final newline")
            << QByteArray("a = 1\nb = 2") << "unset" << "b" << QString() << QByteArray("a = 1");
    }

    void edits()
    {
        QFETCH(QByteArray, input);
        QFETCH(QString, op);
        QFETCH(QString, key);
        QFETCH(QString, value);
        QFETCH(QByteArray, expected);
        const TomlDocument doc = TomlDocument::parse(input);
        QVERIFY2(doc.isValid(), qPrintable(doc.error().toString()));
        TomlKeyPath path;
        QVERIFY(TomlKeyPath::parse(key, &path));
        TomlEditResult r;
        if (op == QLatin1String("set"))
            r = TomlEditor::set(doc, path, value);
        else if (op == QLatin1String("unset"))
            r = TomlEditor::unset(doc, path);
        else
            r = TomlEditor::append(doc, path, value);
        QVERIFY2(r.ok, qPrintable(r.message));
        QCOMPARE(QString::fromUtf8(r.bytes), QString::fromUtf8(expected));
        QVERIFY(r.document.isValid());
    }

    void refusals_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("message");
        QTest::newRow("not a value") << QByteArray("[a]\nb = 1\n") << "a.c" << "python" << "not a TOML value";
        QTest::newRow("a table") << QByteArray("[a]\nb = 1\n") << "a" << "1" << "is a table";
        QTest::newRow("through a value") << QByteArray("[a]\nb = 1\n") << "a.b.c" << "1" << "is not a table";
        QTest::newRow("injection") << QByteArray("[a]\nb = 1\n") << "a.c" << "1\n[x]" << "not a";
        QTest::newRow("header guard in value") << QByteArray("[a]\nb = 1\n") << "a.c" << "1\n[" << "not a";
    }
    void refusals()
    {
        QFETCH(QByteArray, input);
        QFETCH(QString, key);
        QFETCH(QString, value);
        QFETCH(QString, message);
        const TomlDocument doc = TomlDocument::parse(input);
        const TomlEditResult r = TomlEditor::set(doc, TomlKeyPath::fromText(key), value);
        QVERIFY(!r.ok);
        QCOMPARE(r.bytes, input);
        QVERIFY2(r.message.contains(message), qPrintable(r.message));
    }

    void malformed_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<int>("line");
        QTest::addColumn<int>("column");
        QTest::newRow("lone [") << QByteArray("a = 1\n[\n") << 2 << 2;
        QTest::newRow("[.]") << QByteArray("[.]\n") << 1 << 2;
        QTest::newRow("[..]") << QByteArray("x = 1\n\n[..]\n") << 3 << 2;
        QTest::newRow("[!]") << QByteArray("[!]\n") << 1 << 2;
        QTest::newRow("[[[") << QByteArray("[[[a]]]\n") << 1 << 3;
        QTest::newRow("[ while typing in the middle") << QByteArray("[project]\nname = \"a\"\n[\n[tool.maturin]\n") << 3 << 2;
        QTest::newRow("earlier error first") << QByteArray("a = \n[\n") << 1 << 5;
        QTest::newRow("duplicate key") << QByteArray("a = 1\na = 2\n") << 2 << 5;
        QTest::newRow("unterminated string") << QByteArray("a = \"x\n") << 1 << 7;
        QTest::newRow("bad utf-8") << QByteArray("a = \"\xff\"\n") << 1 << 6;
    }
    void malformed()
    {
        QFETCH(QByteArray, input);
        QFETCH(int, line);
        QFETCH(int, column);
        const TomlDocument doc = TomlDocument::parse(input);
        QVERIFY(!doc.isValid());
        QVERIFY(!doc.error().message.isEmpty());
        QCOMPARE(doc.error().line, line);
        QVERIFY2(qAbs(doc.error().column - column) <= 1, qPrintable(doc.error().toString()));
        const TomlEditResult r = TomlEditor::set(doc, TomlKeyPath::fromText(QStringLiteral("a.b")), QStringLiteral("1"));
        QVERIFY(!r.ok);
        QCOMPARE(r.bytes, input);
    }

    // toml++ 3.4.0 reaches __builtin_unreachable when it asks whether some non-ASCII characters are
    // whitespace (found by fuzz_toml_edit; upstream #190, #295). It must never see them.
    void unicodeToml3Guard_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<QString>("key");      // valid: a key to read
        QTest::addColumn<QString>("value");    // ... and its string value
        QTest::addColumn<int>("line");         // invalid: where
        QTest::addColumn<int>("column");
        // U+00A7 after a line-ending backslash in a multi-line string: valid TOML.
        QTest::newRow("after a line-ending backslash") << QByteArray("s = \"\"\"\\\n\xC2\xA7 x\"\"\"\n") << true << "s" << QString::fromUtf8("\xC2\xA7 x") << 0 << 0;
        QTest::newRow("CJK punctuation after a line-ending backslash")
            << QByteArray("s = \"\"\"\\\n   \xE3\x80\x81\"\"\"\nt = 1\n") << true << "s" << QString::fromUtf8("\xE3\x80\x81") << 0 << 0;
        QTest::newRow("quoted key") << QByteArray("[t]\n\"n\xC3\xA4me\" = \"\xC3\xA9t\xC3\xA9\"\n") << true << "t.\"n\xC3\xA4me\""
                                    << QString::fromUtf8("\xC3\xA9t\xC3\xA9") << 0 << 0;
        QTest::newRow("private-use characters stay") << QByteArray("a = \"\xEE\x80\x80\xC3\xA9\xEE\x80\x81\"\n") << true << "a"
                                                     << QString::fromUtf8("\xEE\x80\x80\xC3\xA9\xEE\x80\x81") << 0 << 0;
        QTest::newRow("typed into a key") << QByteArray("[project]\nn\xC3\xA4me = \"x\"\n") << false << QString() << QString() << 2 << 2;
        QTest::newRow("array element") << QByteArray("a = [\n  \xC3\xA9]\n") << false << QString() << QString() << 2 << 3;
        QTest::newRow("two bytes only (upstream #295)") << QByteArray("\xCC\xAA") << false << QString() << QString() << 1 << 1;
        QTest::newRow("columns count the original characters")
            << QByteArray("a = \"\xC3\xA9\xC3\xA9\" x\n") << false << QString() << QString() << 1 << 10;
        QTest::newRow("with the [ header guard after it") << QByteArray("a = \"\xC3\xA9\"\nb = \xC2\xA7\n[\n") << false << QString() << QString() << 2 << 5;
    }
    void unicodeToml3Guard()
    {
        QFETCH(QByteArray, input);
        QFETCH(bool, valid);
        QFETCH(QString, key);
        QFETCH(QString, value);
        QFETCH(int, line);
        QFETCH(int, column);
        const TomlDocument doc = TomlDocument::parse(input);
        QCOMPARE(doc.isValid(), valid);
        if (!valid) {
            QVERIFY2(doc.error().line == line && qAbs(doc.error().column - column) <= 1, qPrintable(doc.error().toString()));
            QVERIFY(!doc.error().message.contains(QChar(0xE000)));
            return;
        }
        const TomlKeyPath path = TomlKeyPath::fromText(key);
        QCOMPARE(doc.string(path), value);
        // Positions are those of the original text, and edits work around such text.
        const TomlSpan span = doc.valueSpan(path);
        QVERIFY(span.isValid());
        QVERIFY(input.mid(span.begin, span.end - span.begin).endsWith('"'));
        const TomlEditResult r = TomlEditor::set(doc, TomlKeyPath::fromText(QStringLiteral("added")), QString::fromUtf8("\"\xC2\xA7\""));
        QVERIFY2(r.ok, qPrintable(r.message));
        QCOMPARE(r.document.string(path), value);
        QCOMPARE(r.document.string(TomlKeyPath::fromText(QStringLiteral("added"))), QString::fromUtf8("\xC2\xA7"));
        if (path.size() > 1) {
            const TomlSpan keySpan = doc.keySpan(path);
            QCOMPARE(QString::fromUtf8(input.mid(keySpan.begin, keySpan.end - keySpan.begin)), u'"' + path.last() + u'"');
        }
    }

    void nestedArraysAreNotHeaders()
    {
        const QByteArray text = "a = [\n  [ ],\n  [+1],\n  [{x = 1}],\n]\ns = \"\"\"\n[\n\"\"\"\n[b]\nc = 1\n";
        const TomlDocument doc = TomlDocument::parse(text);
        QVERIFY2(doc.isValid(), qPrintable(doc.error().toString()));
        QCOMPARE(doc.scan().headers.size(), 1);
    }

    void positionsAreBytes()
    {
        const QByteArray text = "a = \"\xC3\xA9\xF0\x9F\x98\x80\" # x\nb = 2\n";
        const TomlDocument doc = TomlDocument::parse(text);
        QVERIFY(doc.isValid());
        const TomlSpan span = doc.valueSpan(TomlKeyPath::fromText(QStringLiteral("a")));
        QCOMPARE(text.mid(span.begin, span.end - span.begin), QByteArray("\"\xC3\xA9\xF0\x9F\x98\x80\""));
        QCOMPARE(doc.valueText(TomlKeyPath::fromText(QStringLiteral("b"))), QStringLiteral("2"));
    }

    void literals()
    {
        QCOMPARE(TomlLiteral::string(QStringLiteral("a\"b\\c\n")), QStringLiteral("\"a\\\"b\\\\c\\n\""));
        QVERIFY(TomlLiteral::isValid(TomlLiteral::stringArray({QStringLiteral("x"), QStringLiteral("y'\"")})));
        QVERIFY(!TomlLiteral::isValid(QStringLiteral("python")));
    }

    void arrayDiff_data()
    {
        QTest::addColumn<QString>("from");
        QTest::addColumn<QString>("to");
        QTest::addColumn<QString>("steps"); // k keep, e edit, r replace, - remove, + insert
        QTest::newRow("same") << "abc" << "abc" << "kkk";
        QTest::newRow("insert middle") << "abc" << "aXbc" << "k+kk";
        QTest::newRow("remove middle") << "abc" << "ac" << "k-k";
        QTest::newRow("replace middle") << "abc" << "aXc" << "krk";
        QTest::newRow("edit middle (same name)") << "abc" << "aBc" << "kek";
        QTest::newRow("replace and insert") << "abc" << "aXYc" << "kr+k";
        QTest::newRow("replace and remove") << "abcd" << "aXd" << "kr-k";
        QTest::newRow("move") << "abc" << "bca" << "-kk+";
        QTest::newRow("from empty") << "" << "ab" << "++";
        QTest::newRow("to empty") << "ab" << "" << "--";
        QTest::newRow("long common part found") << "axbxcxd" << "abcd" << "k-k-k-k";
    }
    void arrayDiff()
    {
        QFETCH(QString, from);
        QFETCH(QString, to);
        QFETCH(QString, steps);
        // Upper case is "the same element" as its lower case letter, in another version.
        const QList<ArrayDiffStep> out = diffArrays(
            int(from.size()), int(to.size()), [&](int i, int j) { return from.at(i) == to.at(j); },
            [&](int i, int j) { return from.at(i).toLower() == to.at(j).toLower(); });
        QString got;
        int lastOld = -1;
        int lastNew = -1;
        for (const ArrayDiffStep &s : out) {
            got += QStringLiteral("ker-+").at(int(s.kind));
            if (s.oldIndex >= 0) {
                QVERIFY(s.oldIndex > lastOld);
                lastOld = s.oldIndex;
            }
            if (s.newIndex >= 0) {
                QVERIFY(s.newIndex > lastNew);
                lastNew = s.newIndex;
            }
        }
        QCOMPARE(got, steps);
        QCOMPARE(lastOld, int(from.size()) - 1);
        QCOMPARE(lastNew, int(to.size()) - 1);
        // Without room for the comparison table, the middle is paired in order: still a valid script.
        const QList<ArrayDiffStep> small = diffArrays(
            int(from.size()), int(to.size()), [&](int i, int j) { return from.at(i) == to.at(j); }, [](int, int) { return false; }, 0);
        int olds = 0;
        int news = 0;
        for (const ArrayDiffStep &s : small) {
            olds += s.oldIndex >= 0;
            news += s.newIndex >= 0;
        }
        QCOMPARE(olds, int(from.size()));
        QCOMPARE(news, int(to.size()));
    }

    // Every string array of the corpus with three or more elements: an element inserted in the middle
    // adds one line (or changes the array's one line), a removed one takes only its own lines.
    void corpusArrayEdits_data()
    {
        QTest::addColumn<QString>("path");
        if (!wb::test::corpusMissingReason().isEmpty()) {
            QTest::newRow("no corpus") << QString();
            return;
        }
        for (const QString &p : corpusFiles())
            QTest::newRow(qPrintable(p.section(u'/', -2))) << p;
    }
    void corpusArrayEdits()
    {
        WB_REQUIRE_CORPUS();
        QFETCH(QString, path);
        const QByteArray bytes = readAll(path);
        const TomlDocument doc = TomlDocument::parse(bytes, path);
        QVERIFY2(doc.isValid(), qPrintable(doc.error().toString()));
        QList<TomlKeyPath> arrays;
        std::function<void(const toml::table &, const TomlKeyPath &)> walk = [&](const toml::table &t, const TomlKeyPath &at) {
            for (auto &&[k, v] : t) {
                const TomlKeyPath p = at.child(QString::fromUtf8(k.str().data(), qsizetype(k.str().size())));
                if (const toml::table *sub = v.as_table())
                    walk(*sub, p);
                else if (const toml::array *a = v.as_array(); a && a->size() >= 3 && a->is_homogeneous(toml::node_type::string))
                    arrays << p;
            }
        };
        walk(doc.parsed()->root, TomlKeyPath());
        for (const TomlKeyPath &key : std::as_const(arrays)) {
            const QStringList items = doc.stringArray(key);
            QStringList inserted = items;
            inserted.insert(1, QStringLiteral("wb-inserted"));
            QStringList removed = items;
            removed.removeAt(1);
            for (int pass = 0; pass < 2; ++pass) {
                const QStringList &target = pass == 0 ? inserted : removed;
                const TomlEditResult r = TomlEditor::set(doc, key, TomlLiteral::stringArray(target));
                QVERIFY2(r.ok, qPrintable(key.toString() + QStringLiteral(": ") + r.message));
                QCOMPARE(r.document.stringArray(key), target);
                const QString diff = unifiedDiff(bytes, r.bytes, QStringLiteral("a"), QStringLiteral("b"), 0);
                int plus = 0;
                int minus = 0;
                for (const QString &l : diff.split(u'\n')) {
                    plus += l.startsWith(u'+') && !l.startsWith(QLatin1String("+++"));
                    minus += l.startsWith(u'-') && !l.startsWith(QLatin1String("---"));
                }
                const bool inlineArray = !doc.valueText(key).contains(u'\n');
                if (pass == 0) {
                    // One new line, or (inline, or several elements per line) one changed line.
                    QVERIFY2(plus == 1 && minus == (inlineArray ? 1 : minus) && minus <= 1, qPrintable(key.toString() + u'\n' + diff));
                    QVERIFY(diff.contains(QLatin1String("wb-inserted")));
                } else {
                    QVERIFY2(plus <= 1 && plus == (inlineArray ? 1 : plus) && minus >= 1 && minus <= 4,
                             qPrintable(key.toString() + u'\n' + diff));
                }
            }
        }
    }

    void corpusRoundTripAndEdits_data()
    {
        QTest::addColumn<QString>("path");
        if (!wb::test::corpusMissingReason().isEmpty()) {
            QTest::newRow("no corpus") << QString();
            return;
        }
        for (const QString &p : corpusFiles())
            QTest::newRow(qPrintable(p.section(u'/', -2))) << p;
    }
    void corpusRoundTripAndEdits()
    {
        WB_REQUIRE_CORPUS();
        QFETCH(QString, path);
        const QByteArray bytes = readAll(path);
        QVERIFY(!bytes.isEmpty());
        const TomlDocument doc = TomlDocument::parse(bytes, path);
        QVERIFY2(doc.isValid(), qPrintable(doc.error().toString()));
        QCOMPARE(doc.bytes(), bytes); // nothing re-serialised

        const bool pyproject = path.endsWith(QLatin1String("pyproject.toml"));
        struct Edit {
            QString op;
            QString key;
            QString value;
            int maxLines; // changed (+/-) lines allowed in the diff
        };
        QList<Edit> edits;
        if (pyproject) {
            edits = {{QStringLiteral("set"), QStringLiteral("tool.maturin.strip"), QStringLiteral("true"), 3},
                     {QStringLiteral("set"), QStringLiteral("tool.maturin.module-name"), QStringLiteral("\"pkg._native\""), 4},
                     {QStringLiteral("set"), QStringLiteral("tool.maturin.profile"), QStringLiteral("\"release\""), 4},
                     {QStringLiteral("append"), QStringLiteral("tool.maturin.features"), QStringLiteral("\"extra-feature\""), 4},
                     {QStringLiteral("set"), QStringLiteral("tool.maturin.target.\"aarch64-apple-darwin\".macos-deployment-target"),
                      QStringLiteral("\"11.0\""), 4},
                     {QStringLiteral("set"), QStringLiteral("project.requires-python"), QStringLiteral("\">=3.10\""), 2},
                     {QStringLiteral("unset"), QStringLiteral("tool.maturin.module-name"), QString(), 4}};
        } else {
            edits = {{QStringLiteral("set"), QStringLiteral("profile.release.strip"), QStringLiteral("true"), 4},
                     {QStringLiteral("set"), QStringLiteral("lib.crate-type"), QStringLiteral("[\"cdylib\"]"), 4},
                     {QStringLiteral("set"), QStringLiteral("package.description"), QStringLiteral("\"edited\""), 2},
                     {QStringLiteral("unset"), QStringLiteral("profile.release.lto"), QString(), 2}};
        }
        for (const Edit &e : edits) {
            const TomlKeyPath key = TomlKeyPath::fromText(e.key);
            TomlEditResult r;
            if (e.op == QLatin1String("set")) {
                // Cargo's `description.workspace = true` makes a table: a value cannot replace it.
                if (doc.kind(key) == TomlDocument::Kind::Table && !doc.isInlineTable(key)) {
                    QVERIFY(!TomlEditor::set(doc, key, e.value).ok);
                    continue;
                }
                r = TomlEditor::set(doc, key, e.value);
            }
            else if (e.op == QLatin1String("append")) {
                // Only where features is an array (or absent).
                if (doc.contains(key) && doc.kind(key) != TomlDocument::Kind::Array)
                    continue;
                r = TomlEditor::append(doc, key, e.value);
            } else
                r = TomlEditor::unset(doc, key);
            QVERIFY2(r.ok, qPrintable(e.key + QStringLiteral(": ") + r.message));
            if (!r.changed)
                continue;
            // Re-parse equals the intent.
            QVERIFY(r.document.isValid());
            if (e.op == QLatin1String("unset"))
                QVERIFY(!r.document.contains(key));
            else if (e.op == QLatin1String("set")) {
                const TomlDocument lit = TomlDocument::parse("v = " + e.value.toUtf8());
                TomlDocument one = TomlDocument::parse(r.document.valueText(key).prepend(QStringLiteral("v = ")).toUtf8());
                QVERIFY2(one.isValid() && lit.parsed()->root == one.parsed()->root, qPrintable(e.key));
            }
            // The diff touches only the intended lines.
            const int changed = changedLineCount(bytes, r.bytes);
            QVERIFY2(changed <= e.maxLines,
                     qPrintable(e.key + QStringLiteral(": ") + unifiedDiff(bytes, r.bytes, QStringLiteral("a"), QStringLiteral("b"))));
            QCOMPARE(r.bytes.endsWith('\n'), bytes.endsWith('\n'));
            QCOMPARE(r.bytes.contains("\r\n"), bytes.contains("\r\n"));
            // Undoing gives the original semantics.
            if (e.op == QLatin1String("set") && !doc.contains(key) && doc.contains(key.parent())) {
                const TomlEditResult back = TomlEditor::unset(r.document, key);
                QVERIFY2(back.ok, qPrintable(back.message));
                QVERIFY(back.document.parsed()->root == doc.parsed()->root);
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestTomlEditor)
#include "tst_tomleditor.moc"
