// Line splitting, ANSI handling and the parser chain, over output captured from real maturin runs
// (data/maturin-1.8.3-*.log: maturin 1.8.3, cargo 1.85.1, PyO3 0.22.6; the project folder was
// renamed to /home/dev/src/...).
#include "core/build/BuildTestSupport.h"

#include "core/build/AnsiText.h"
#include "core/build/BuildOutputParser.h"
#include "core/build/LineSplitter.h"
#include "core/build/MaturinLineParser.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace wb;

namespace {
QStringList sl(std::initializer_list<const char *> items)
{
    QStringList out;
    for (const char *i : items)
        out << QString::fromUtf8(i);
    return out;
}

QList<BuildEvent> ofKind(const QList<BuildEvent> &events, BuildEvent::Kind kind)
{
    QList<BuildEvent> out;
    for (const BuildEvent &e : events) {
        if (e.kind == kind)
            out << e;
    }
    return out;
}
} // namespace

class TestBuildOutput : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void splitsLines_data()
    {
        QTest::addColumn<QList<QByteArray>>("chunks");
        QTest::addColumn<QStringList>("lines");      // "T:" prefix marks a transient line
        QTest::newRow("plain") << QList<QByteArray>{"a\nb\n"} << sl({"a", "b"});
        QTest::newRow("crlf") << QList<QByteArray>{"a\r\nb\r\n"} << sl({"a", "b"});
        QTest::newRow("crlf split") << QList<QByteArray>{"a\r", "\nb\n"} << sl({"a", "b"});
        QTest::newRow("progress") << QList<QByteArray>{"Building 1/2\rBuilding 2/2\r\x1b[KDone\n"}
                                  << sl({"T:Building 1/2", "T:Building 2/2", "\x1b[KDone"});
        QTest::newRow("cr at end of chunk") << QList<QByteArray>{"x\r", "y\n"} << sl({"T:x", "y"});
        // "é" is C3 A9, "📦" is F0 9F 93 A6: cut inside both.
        QTest::newRow("utf8 split") << QList<QByteArray>{"caf\xc3", "\xa9 \xf0\x9f", "\x93\xa6 ok\n"}
                                    << QStringList{QString::fromUtf8("café 📦 ok")};
        QTest::newRow("unterminated") << QList<QByteArray>{"last"} << sl({"last"});
        QTest::newRow("empty lines") << QList<QByteArray>{"\n\n"} << sl({"", ""});
    }
    void splitsLines()
    {
        QFETCH(QList<QByteArray>, chunks);
        QFETCH(QStringList, lines);
        LineSplitter splitter;
        QStringList got;
        auto take = [&got](const QList<OutputLine> &out) {
            for (const OutputLine &l : out)
                got << (l.transient ? QStringLiteral("T:") : QString()) + l.text;
        };
        for (const QByteArray &c : chunks)
            take(splitter.feed(c));
        take(splitter.finish());
        QCOMPARE(got, lines);
    }

    void splitterBoundsLongLines()
    {
        LineSplitter splitter(1024);
        QByteArray big(5000, 'x');
        big.replace(1023, 2, "\xc3\xa9"); // a 2-byte character across the cut
        const QList<OutputLine> out = splitter.feed(big);
        QVERIFY(out.size() >= 4);
        qsizetype total = 0;
        for (const OutputLine &l : out) {
            QVERIFY(l.text.size() <= 1024);
            QVERIFY(!l.text.contains(QChar::ReplacementCharacter));
            total += l.text.toUtf8().size();
        }
        total += splitter.finish().value(0).text.toUtf8().size();
        QCOMPARE(total, big.size());
    }

    void stripsAnsi_data()
    {
        QTest::addColumn<QString>("in");
        QTest::addColumn<QString>("out");
        QTest::newRow("sgr") << QStringLiteral("\x1b[1m\x1b[32m   Compiling\x1b[0m pyo3") << QStringLiteral("   Compiling pyo3");
        QTest::newRow("256") << QStringLiteral("\x1b[0m\x1b[1m\x1b[38;5;9merror[E0425]\x1b[0m: x") << QStringLiteral("error[E0425]: x");
        QTest::newRow("erase") << QStringLiteral("\x1b[Kok") << QStringLiteral("ok");
        QTest::newRow("osc progress") << QStringLiteral("\x1b]9;4;1;50\x07text") << QStringLiteral("text");
        QTest::newRow("cut escape") << QStringLiteral("abc\x1b[1") << QStringLiteral("abc");
        QTest::newRow("plain") << QStringLiteral("plain text") << QStringLiteral("plain text");
    }
    void stripsAnsi()
    {
        QFETCH(QString, in);
        QFETCH(QString, out);
        QCOMPARE(ansi::strip(in), out);
    }

    void parsesAnsiStyles()
    {
        AnsiParser parser;
        const QList<AnsiSpan> spans = parser.parse(QStringLiteral("\x1b[1m\x1b[38;5;9merror\x1b[0m: \x1b[33mwarn"));
        QCOMPARE(spans.size(), 3);
        QCOMPARE(spans[0].text, QStringLiteral("error"));
        QVERIFY(spans[0].style.bold);
        QCOMPARE(spans[0].style.fg, 9);
        QCOMPARE(spans[1].style, AnsiStyle{});
        QCOMPARE(spans[2].style.fg, 3);
        // the style carries into the next line until reset
        QCOMPARE(parser.parse(QStringLiteral("more")).value(0).style.fg, 3);
        QCOMPARE(ansi::paletteRgb(9), 0xff0000u);
        QCOMPARE(ansi::paletteRgb(16), 0x000000u);
        QCOMPARE(ansi::paletteRgb(231), 0xffffffu);
        const QList<AnsiSpan> rgb = parser.parse(QStringLiteral("\x1b[38;2;1;2;3mx"));
        QCOMPARE(rgb.value(0).style.fg, ansi::TrueColorFlag | 0x010203);
    }

    void successLog()
    {
        const QByteArray log = test::readData(QStringLiteral("maturin-1.8.3-success-release.log"));
        QVERIFY(!log.isEmpty());
        const QList<BuildEvent> events = BuildOutputParser::parseLog(log);
        QCOMPARE(ofKind(events, BuildEvent::Kind::ProjectLayout).value(0).text, QStringLiteral("Building a mixed python/rust project"));
        QCOMPARE(ofKind(events, BuildEvent::Kind::Bindings).value(0).text, QStringLiteral("pyo3"));
        const BuildEvent python = ofKind(events, BuildEvent::Kind::Interpreter).value(0);
        QCOMPARE(python.text, QStringLiteral("CPython 3.13"));
        QCOMPARE(python.path, QStringLiteral("/usr/bin/python3"));
        QCOMPARE(ofKind(events, BuildEvent::Kind::BuildOptions).value(0).text, QStringLiteral("features"));
        QCOMPARE(ofKind(events, BuildEvent::Kind::Compiling).size(), 19);
        QCOMPARE(ofKind(events, BuildEvent::Kind::Compiling).last().text, QStringLiteral("hello-pyo3 v0.1.0 (/home/dev/src/hello-pyo3)"));
        const QList<BuildEvent> progress = ofKind(events, BuildEvent::Kind::Progress);
        QVERIFY(progress.size() > 30);
        QCOMPARE(progress.first().progress.done, 0);
        QCOMPARE(progress.first().progress.total, 36);
        QCOMPARE(progress.first().progress.inFlight, sl({"target-lexicon(build.rs)", "once_cell"}));
        QCOMPARE(progress.last().progress.done, 35);
        QCOMPARE(progress.last().progress.inFlight, sl({"hello-pyo3"}));
        QCOMPARE(ofKind(events, BuildEvent::Kind::CargoFinished).value(0).text,
                 QStringLiteral("`release` profile [optimized] target(s) in 4m 42s"));
        const BuildEvent wheel = ofKind(events, BuildEvent::Kind::Wheel).value(0);
        QCOMPARE(wheel.text, QStringLiteral("CPython 3.13"));
        QCOMPARE(wheel.path, QStringLiteral("/home/dev/src/target/wheels/hello_pyo3-0.1.0-cp313-cp313-manylinux_2_34_x86_64.whl"));
        QCOMPARE(build_events::artifacts(events), QStringList{wheel.path});
        QVERIFY(build_events::diagnostics(events).isEmpty());
        QVERIFY(ofKind(events, BuildEvent::Kind::MaturinFailed).isEmpty());
    }

    void compileErrors()
    {
        QTemporaryDir project;
        QVERIFY(project.isValid());
        QDir().mkpath(project.path() + QStringLiteral("/src"));
        QFile(project.path() + QStringLiteral("/src/lib.rs")).open(QIODevice::WriteOnly);
        const QList<BuildEvent> events =
            BuildOutputParser::parseLog(test::readData(QStringLiteral("maturin-1.8.3-compile-errors.log")), project.path());
        const QList<Diagnostic> d = build_events::diagnostics(events);
        QCOMPARE(d.size(), 3);
        QCOMPARE(d[0].severity, DiagnosticSeverity::Error);
        QCOMPARE(d[0].code, QString());
        QCOMPARE(d[0].message, QStringLiteral("argument never used"));
        QCOMPARE(d[0].printedFile, QStringLiteral("src/lib.rs"));
        QCOMPARE(d[0].file, project.path() + QStringLiteral("/src/lib.rs"));
        QCOMPARE(d[0].line, 7);
        QCOMPARE(d[0].column, 42);
        QCOMPARE(d[1].code, QStringLiteral("E0425"));
        QCOMPARE(d[1].message, QStringLiteral("cannot find value `greeting` in this scope"));
        QCOMPARE(d[2].code, QStringLiteral("E0425"));
        QCOMPARE(d[2].message, QStringLiteral("cannot find value `c` in this scope"));
        QCOMPARE(d[2].line, 14);
        QCOMPARE(d[2].column, 19);
        QVERIFY(d[2].rendered.contains(QStringLiteral("a.checked_add(c)")));
        QVERIFY(!d[2].rendered.contains(u'\x1b'));
        QCOMPARE(d[2].logLine, 21);
        QCOMPARE(build_events::count(events, DiagnosticSeverity::Error), 3);
        QCOMPARE(ofKind(events, BuildEvent::Kind::CargoError).value(0).text,
                 QStringLiteral("could not compile `hello-pyo3` (lib) due to 3 previous errors"));
        // The two "Caused by:" lines are one failure: one event, one error.
        const QList<BuildEvent> failures = ofKind(events, BuildEvent::Kind::MaturinFailed);
        QCOMPARE(failures.size(), 1);
        const QStringList causes = build_events::causes(events);
        QCOMPARE(causes.size(), 2);
        QCOMPARE(causes[0], QStringLiteral("Failed to build a native library through cargo"));
        QVERIFY(causes[1].startsWith(QStringLiteral("Cargo build finished with \"exit status: 101\"")));
        QCOMPARE(failures[0].causes, causes);
        QVERIFY(failures[0].logLine > d[2].logLine);
        const Diagnostic failure = failures[0].diagnostic;
        QCOMPARE(failure.severity, DiagnosticSeverity::Error);
        QCOMPARE(failure.message, causes[0]);
        QCOMPARE(failure.children, QStringList{QStringLiteral("Caused by: ") + causes[1]});
        QVERIFY(!failure.hasLocation());
        QVERIFY(failure.rendered.startsWith(QString::fromUtf8("💥 maturin failed\nCaused by: Failed to build")));
        QCOMPARE(build_events::count(events, DiagnosticSeverity::Error), 3); // compiler errors only
        QVERIFY(build_events::artifacts(events).isEmpty());
    }

    void syntaxError()
    {
        const QList<Diagnostic> d =
            build_events::diagnostics(BuildOutputParser::parseLog(test::readData(QStringLiteral("maturin-1.8.3-syntax-error.log"))));
        QCOMPARE(d.size(), 2);
        QCOMPARE(d[0].message, QStringLiteral("mismatched closing delimiter: `)`"));
        QCOMPARE(d[0].line, 6);
        QCOMPARE(d[0].column, 32);
        QCOMPARE(d[1].message, QStringLiteral("unexpected closing delimiter: `}`"));
        QCOMPARE(d[1].line, 8);
        QCOMPARE(d[1].column, 1);
        QCOMPARE(d[1].file, QStringLiteral("src/lib.rs")); // no project folder: as printed
    }

    void warning()
    {
        const QList<BuildEvent> events = BuildOutputParser::parseLog(test::readData(QStringLiteral("maturin-1.8.3-warning.log")));
        const QList<Diagnostic> d = build_events::diagnostics(events);
        QCOMPARE(d.size(), 1); // cargo's "generated 1 warning" is a summary, not a second warning
        QCOMPARE(d[0].severity, DiagnosticSeverity::Warning);
        QCOMPARE(d[0].message, QStringLiteral("unused variable: `unused_total`"));
        QCOMPARE(d[0].line, 13);
        QCOMPARE(d[0].column, 9);
        QCOMPARE(d[0].children, QStringList{QStringLiteral("note: `#[warn(unused_variables)]` on by default")});
        QCOMPARE(build_events::artifacts(events).size(), 1);
    }

    void maturinFailure()
    {
        const QList<BuildEvent> events = BuildOutputParser::parseLog(test::readData(QStringLiteral("maturin-1.8.3-bad-module-name.log")));
        const QList<BuildEvent> warnings = ofKind(events, BuildEvent::Kind::MaturinWarning);
        QCOMPARE(warnings.size(), 1);
        QVERIFY(warnings[0].text.startsWith(QStringLiteral("You specified the python source as")));
        QCOMPARE(ofKind(events, BuildEvent::Kind::MaturinFailed).size(), 1);
        QVERIFY(ofKind(events, BuildEvent::Kind::MaturinFailed)[0].diagnostic.children.isEmpty());
        QCOMPARE(build_events::causes(events),
                 QStringList{QStringLiteral("The module name must not contain a minus `-` (Make sure you have set an appropriate [lib] "
                                            "name or [tool.maturin] module-name in your pyproject.toml)")});
        QVERIFY(build_events::diagnostics(events).isEmpty());
    }

    void missingSymbolWarning()
    {
        const QList<BuildEvent> events =
            BuildOutputParser::parseLog(test::readData(QStringLiteral("maturin-1.8.3-missing-pyinit-symbol.log")));
        const QList<BuildEvent> warnings = ofKind(events, BuildEvent::Kind::MaturinWarning);
        QCOMPARE(warnings.size(), 1);
        QVERIFY(warnings[0].text.startsWith(QStringLiteral("Couldn't find the symbol `PyInit__core`")));
        QCOMPARE(build_events::artifacts(events).size(), 1);
    }

    void sdistAndDevelop()
    {
        const QList<BuildEvent> sdist = BuildOutputParser::parseLog(test::readData(QStringLiteral("maturin-1.8.3-sdist.log")));
        QCOMPARE(ofKind(sdist, BuildEvent::Kind::Sdist).value(0).path, QStringLiteral("/home/dev/src/out-sd/hello_pyo3-0.1.0.tar.gz"));
        const QList<Diagnostic> cargoWarning = build_events::diagnostics(sdist);
        QCOMPARE(cargoWarning.size(), 1);
        QCOMPARE(cargoWarning[0].message, QStringLiteral("manifest has no documentation, homepage or repository."));
        QVERIFY(!cargoWarning[0].hasLocation());
        const QList<BuildEvent> develop = BuildOutputParser::parseLog(test::readData(QStringLiteral("maturin-1.8.3-develop-no-venv.log")));
        QVERIFY(build_events::causes(develop).value(0).startsWith(QStringLiteral("Couldn't find a virtualenv or conda environment")));
    }

    // Every captured log: how many failures, and how long each "Caused by:" chain is.
    void failureChainsOfRealLogs_data()
    {
        QTest::addColumn<QString>("log");
        QTest::addColumn<QList<int>>("chains");
        QTest::newRow("compile errors") << QStringLiteral("maturin-1.8.3-compile-errors.log") << QList<int>{2};
        QTest::newRow("syntax error") << QStringLiteral("maturin-1.8.3-syntax-error.log") << QList<int>{2};
        QTest::newRow("bad module name") << QStringLiteral("maturin-1.8.3-bad-module-name.log") << QList<int>{1};
        QTest::newRow("develop without venv") << QStringLiteral("maturin-1.8.3-develop-no-venv.log") << QList<int>{1};
        QTest::newRow("success") << QStringLiteral("maturin-1.8.3-success-release.log") << QList<int>{};
        QTest::newRow("warning") << QStringLiteral("maturin-1.8.3-warning.log") << QList<int>{};
        QTest::newRow("sdist") << QStringLiteral("maturin-1.8.3-sdist.log") << QList<int>{};
        QTest::newRow("cargo manifest error") << QStringLiteral("maturin-1.8.3-cargo-manifest-error.log") << QList<int>{2};
    }
    void failureChainsOfRealLogs()
    {
        QFETCH(QString, log);
        QFETCH(QList<int>, chains);
        const QByteArray bytes = test::readData(log);
        QVERIFY(!bytes.isEmpty());
        const QList<BuildEvent> events = BuildOutputParser::parseLog(bytes);
        QList<int> got;
        for (const BuildEvent &e : ofKind(events, BuildEvent::Kind::MaturinFailed)) {
            got << int(e.causes.size());
            QCOMPARE(e.text, QStringLiteral("maturin failed"));
            QCOMPARE(e.diagnostic.children.size(), e.causes.size() - 1);
        }
        QCOMPARE(got, chains);
        // Every "Caused by: …" line of maturin is in a chain, none is an event of its own (cargo's
        // "Caused by:" blocks stand on a line of their own and belong to cargo's error).
        QCOMPARE(int(build_events::causes(events).size()), int(bytes.count("  Caused by: ")));
    }

    // cargo's own error chain (a blank line, then "Caused by:" blocks) belongs to cargo's error; here
    // from a real project whose Cargo.toml names a library without its source.
    void cargoErrorChain()
    {
        const QList<BuildEvent> events = BuildOutputParser::parseLog(test::readData(QStringLiteral("maturin-1.8.3-cargo-manifest-error.log")));
        const QList<Diagnostic> d = build_events::diagnostics(events);
        QCOMPARE(d.size(), 1);
        QCOMPARE(d[0].severity, DiagnosticSeverity::Error);
        QCOMPARE(d[0].message, QStringLiteral("failed to parse manifest at `/home/dev/src/pyo3-pure/Cargo.toml`"));
        QCOMPARE(d[0].children,
                 QStringList{QStringLiteral("Caused by: can't find library `pyo3_pure`, rename file to `src/lib.rs` or specify lib.path")});
        QVERIFY(d[0].rendered.contains(QStringLiteral("\nCaused by:\n  can't find library")));
        QVERIFY(!d[0].hasLocation());
        QCOMPARE(build_events::causes(events),
                 QStringList({QStringLiteral("Cargo metadata failed. Does your crate compile with `cargo build`?"),
                              QStringLiteral("`cargo metadata` exited with an error:")}));
    }

    void cargoErrorChains_data()
    {
        QTest::addColumn<QString>("log");
        QTest::addColumn<QStringList>("children"); // of the first diagnostic
        QTest::addColumn<int>("diagnostics");
        QTest::newRow("several causes, several lines")
            << QStringLiteral("error: failed to load manifest for workspace member `/w/a`\n\nCaused by:\n  failed to read `/w/a/Cargo.toml`\n\n"
                              "Caused by:\n  No such file or directory (os error 2)\n  second line\nnext\n")
            << QStringList{QStringLiteral("Caused by: failed to read `/w/a/Cargo.toml`"),
                           QStringLiteral("Caused by: No such file or directory (os error 2)\nsecond line")}
            << 1;
        QTest::newRow("blank then another error")
            << QStringLiteral("error: first\n\nerror: second\n") << QStringList{} << 2;
        QTest::newRow("located errors end at the blank line")
            << QStringLiteral("error[E1]: x\n --> a.rs:1:2\n\nCaused by:\n  y\n") << QStringList{} << 1;
        QTest::newRow("warnings too") << QStringLiteral("warning: w\n\nCaused by:\n  y\n") << QStringList{} << 1;
        QTest::newRow("chain at the end") << QStringLiteral("error: e\n\nCaused by:\n  y") << QStringList{QStringLiteral("Caused by: y")} << 1;
    }
    void cargoErrorChains()
    {
        QFETCH(QString, log);
        QFETCH(QStringList, children);
        QFETCH(int, diagnostics);
        const QList<Diagnostic> d = build_events::diagnostics(BuildOutputParser::parseLog(log));
        QCOMPARE(int(d.size()), diagnostics);
        QCOMPARE(d.value(0).children, children);
    }

    void failureChains_data()
    {
        QTest::addColumn<QString>("log");
        QTest::addColumn<QStringList>("kinds"); // event kinds in order; "failed:N" is a failure with N causes
        QTest::newRow("no causes") << QString::fromUtf8("💥 maturin failed\n") << QStringList{QStringLiteral("failed:0")};
        QTest::newRow("chain without header") << QStringLiteral("Caused by: a\n  Caused by: b\n") << QStringList{QStringLiteral("failed:2")};
        QTest::newRow("two failures") << QString::fromUtf8("💥 maturin failed\n  Caused by: a\n💥 maturin failed\n  Caused by: b\n  Caused by: c\n")
                                      << QStringList{QStringLiteral("failed:1"), QStringLiteral("failed:2")};
        QTest::newRow("chain ends at another line")
            << QString::fromUtf8("💥 maturin failed\n  Caused by: a\n📦 Built wheel to /w/x.whl\n  Caused by: b\n")
            << QStringList{QStringLiteral("failed:1"), QStringLiteral("wheel"), QStringLiteral("failed:1")};
        QTest::newRow("coloured") << QStringLiteral("\x1b[1m\x1b[31m💥 maturin failed\x1b[0m\n\x1b[31m  Caused by: x\x1b[0m\r\n")
                                  << QStringList{QStringLiteral("failed:1")};
    }
    void failureChains()
    {
        QFETCH(QString, log);
        QFETCH(QStringList, kinds);
        QStringList got;
        for (const BuildEvent &e : BuildOutputParser::parseLog(log)) {
            if (e.kind == BuildEvent::Kind::MaturinFailed)
                got << QStringLiteral("failed:%1").arg(e.causes.size());
            else
                got << BuildEvent::kindName(e.kind);
        }
        QCOMPARE(got, kinds);
    }

    void hostileChainIsBounded()
    {
        QByteArray log = "\xf0\x9f\x92\xa5 maturin failed\n";
        for (int i = 0; i < 10000; ++i)
            log += "  Caused by: again\n";
        const QList<BuildEvent> failures = ofKind(BuildOutputParser::parseLog(log), BuildEvent::Kind::MaturinFailed);
        QCOMPARE(failures.size(), 1);
        QVERIFY(failures[0].causes.size() <= 64);
    }

    void maturinLines_data()
    {
        QTest::addColumn<QString>("line");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("path");
        using K = BuildEvent::Kind;
        QTest::newRow("abi3") << QString::fromUtf8("🔗 Found pyo3 bindings with abi3-py39 support") << int(K::Bindings)
                              << QStringLiteral("pyo3 with abi3-py39 support") << QString();
        QTest::newRow("abi3 wheel") << QString::fromUtf8("📦 Built wheel for abi3 Python ≥ 3.9 to /x/a b.whl") << int(K::Wheel)
                                    << QString::fromUtf8("abi3 Python ≥ 3.9") << QStringLiteral("/x/a b.whl");
        QTest::newRow("bin wheel") << QString::fromUtf8("📦 Built wheel to /x/t.whl") << int(K::Wheel) << QString() << QStringLiteral("/x/t.whl");
        QTest::newRow("no emoji") << QStringLiteral("Found CPython 3.12 at /opt/py/bin/python") << int(K::Interpreter)
                                  << QStringLiteral("CPython 3.12") << QStringLiteral("/opt/py/bin/python");
        QTest::newRow("pypy") << QString::fromUtf8("🐍 Found PyPy 3.10 at /usr/bin/pypy3") << int(K::Interpreter)
                              << QStringLiteral("PyPy 3.10") << QStringLiteral("/usr/bin/pypy3");
        QTest::newRow("pytest") << QStringLiteral("========= 2 passed, 1 failed in 0.12s =========") << int(K::TestSummary)
                                << QStringLiteral("2 passed, 1 failed") << QString();
    }
    void maturinLines()
    {
        QFETCH(QString, line);
        QFETCH(int, kind);
        QFETCH(QString, text);
        QFETCH(QString, path);
        const QList<BuildEvent> events = BuildOutputParser::parseLog(line + u'\n');
        QCOMPARE(events.size(), 1);
        QCOMPARE(int(events[0].kind), kind);
        QCOMPARE(events[0].text, text);
        QCOMPARE(events[0].path, path);
        if (events[0].kind == BuildEvent::Kind::TestSummary) {
            QCOMPARE(events[0].passed, 2);
            QCOMPARE(events[0].failed, 1);
        }
    }

    // Failing tests of a real pytest run (pytest 8.3.5): one error each, with the node id, pytest's
    // reason and where it failed (the last location line of its traceback in the test's own file).
    void pytestFailures_data()
    {
        QTest::addColumn<QString>("log");
        QTest::addColumn<int>("index");
        QTest::addColumn<QString>("message");
        QTest::addColumn<QString>("printedFile");
        QTest::addColumn<int>("line");
        QTest::addColumn<int>("logLine");
        const QString failures = QStringLiteral("pytest-8.3.5-failures.log");
        QTest::newRow("assert") << failures << 0 << QStringLiteral("tests/test_x.py::test_y failed: assert (1 + 1) == 3")
                                << QStringLiteral("tests/test_x.py") << 13 << 15;
        QTest::newRow("in a helper") << failures << 1 << QStringLiteral("tests/test_x.py::test_deep failed: AssertionError: not three")
                                     << QStringLiteral("tests/test_x.py") << 5 << 31;
        QTest::newRow("parametrized") << failures << 2 << QStringLiteral("tests/test_x.py::test_param[2] failed: assert 2 == 1")
                                      << QStringLiteral("tests/test_x.py") << 22 << 41;
        QTest::newRow("method") << failures << 3 << QStringLiteral("tests/test_x.py::TestThing::test_method failed: ValueError: bad value")
                                << QStringLiteral("tests/test_x.py") << 27 << 50;
        QTest::newRow("collection error") << QStringLiteral("pytest-8.3.5-collection-error.log") << 0
                                          << QStringLiteral("tests/test_broken.py error: ModuleNotFoundError: No module named 'nonexistent_module_xyz'")
                                          << QStringLiteral("tests/test_broken.py") << 1 << 13;
    }
    void pytestFailures()
    {
        QFETCH(QString, log);
        QFETCH(int, index);
        QFETCH(QString, message);
        QFETCH(QString, printedFile);
        QFETCH(int, line);
        QFETCH(int, logLine);
        QTemporaryDir project;
        QDir().mkpath(project.filePath(QStringLiteral("tests")));
        QFile(project.filePath(printedFile)).open(QIODevice::WriteOnly);
        const QList<BuildEvent> events = BuildOutputParser::parseLog(test::readData(log), project.path());
        const QList<BuildEvent> diagnostics = ofKind(events, BuildEvent::Kind::Diagnostic);
        QCOMPARE(diagnostics.size(), log.contains(QLatin1String("failures")) ? 4 : 1);
        const Diagnostic &d = diagnostics.at(index).diagnostic;
        QCOMPARE(d.severity, DiagnosticSeverity::Error);
        QCOMPARE(d.message, message);
        QCOMPARE(d.printedFile, printedFile);
        QCOMPARE(d.file, project.filePath(printedFile));
        QCOMPARE(d.line, line);
        QCOMPARE(d.logLine, logLine);
        QVERIFY(d.rendered.contains(QStringLiteral(":%1: ").arg(line)));
        // The counts still come from the closing line.
        const QList<BuildEvent> summary = ofKind(events, BuildEvent::Kind::TestSummary);
        QCOMPARE(summary.size(), 1);
        if (log.contains(QLatin1String("failures"))) {
            QCOMPARE(summary[0].failed, 4);
            QCOMPARE(summary[0].passed, 2);
        }
    }

    // A maturin log has nothing that looks like a failing test.
    void maturinLogsHaveNoTestFailures()
    {
        for (const char *name : {"maturin-1.8.3-compile-errors.log", "maturin-1.8.3-success-release.log"}) {
            for (const BuildEvent &e : ofKind(BuildOutputParser::parseLog(test::readData(QString::fromLatin1(name))), BuildEvent::Kind::Diagnostic))
                QVERIFY2(e.diagnostic.code != u"pytest", name);
        }
    }

    void garbageNeverCrashes()
    {
        QByteArray junk;
        for (int i = 0; i < 20000; ++i)
            junk.append(char((i * 7919) % 256));
        junk += "\nerror[E1]: x\n --> :0:0\n  |\n--> a:1:2\nwarning: \n";
        const QList<BuildEvent> events = BuildOutputParser::parseLog(junk);
        QVERIFY(!events.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestBuildOutput)
#include "tst_buildoutput.moc"
