// libFuzzer target for the edit engine: parse the input, apply edits derived from the input's tail,
// and check that a successful edit re-parses to exactly what was asked (never anything else), and that a
// refused edit leaves the bytes alone.
#include "core/toml/TomlEditor.h"
#include "core/toml/TomlTree.h"

#include <cstdint>
#include <cstdlib>

using namespace wb;

namespace {
const char *const keys[] = {"tool.maturin.strip", "tool.maturin.features", "project.name", "a", "a.b", "a.b.c", "t.\"x y\".z",
                            "tool.maturin.target.\"x86_64-apple-darwin\".macos-deployment-target", "dependencies.pyo3.features"};
const char *const values[] = {"true", "\"x\"", "[\"a\", \"b\"]", "[]", "{ k = 1 }", "'lit'", "1", "[1, [2, 3]]", "\"\"\"m\nl\"\"\""};
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 2 || size > 64 * 1024)
        return 0;
    const uint8_t op = data[0];
    const uint8_t pick = data[1];
    const QByteArray bytes(reinterpret_cast<const char *>(data + 2), qsizetype(size - 2));
    const TomlDocument doc = TomlDocument::parse(bytes);
    if (!doc.isValid())
        return 0;
    const TomlKeyPath key = TomlKeyPath::fromText(QString::fromLatin1(keys[pick % std::size(keys)]));
    const QString value = QString::fromLatin1(values[(pick / std::size(keys)) % std::size(values)]);
    TomlEditResult r;
    switch (op % 4) {
    case 0: r = TomlEditor::set(doc, key, value); break;
    case 1: r = TomlEditor::unset(doc, key); break;
    case 2: r = TomlEditor::append(doc, key, value); break;
    default: r = TomlEditor::removeElement(doc, key, pick % 3); break;
    }
    if (!r.ok) {
        if (r.bytes != bytes)
            abort(); // a refused edit changed the text
        return 0;
    }
    const TomlDocument again = TomlDocument::parse(r.bytes);
    if (!again.isValid())
        abort();
    if (r.changed && (op % 4) == 0) {
        // The value at key is the literal.
        const TomlDocument lit = TomlDocument::parse("v = " + value.toUtf8());
        const toml::node *got = tomlNodeAt(again, key);
        if (!got)
            abort();
        toml::array a, b;
        a.push_back(*got);
        b.push_back(*lit.parsed()->root.get("v"));
        if (!(a == b))
            abort();
    }
    if (r.changed && (op % 4) == 1 && again.contains(key))
        abort();
    return 0;
}
