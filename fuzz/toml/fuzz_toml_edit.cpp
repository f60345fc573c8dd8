// libFuzzer target for the edit engine: parse the input, apply edits derived from its first bytes, and
// check that a successful edit re-parses to exactly what was asked (never anything else), and that a
// refused edit leaves the bytes alone. Input: op, pick, mutation, then the TOML text.
#include "core/toml/TomlEditor.h"
#include "core/toml/TomlTree.h"

#include <algorithm>
#include <cstdint>
#include <cstdlib>

using namespace wb;

namespace {
const char *const keys[] = {"tool.maturin.strip", "tool.maturin.features", "project.name", "a", "a.b", "a.b.c", "t.\"x y\".z",
                            "tool.maturin.target.\"x86_64-apple-darwin\".macos-deployment-target", "dependencies.pyo3.features",
                            "project.classifiers", "build-system.requires", "project.dependencies", "project.dynamic",
                            "lib.crate-type", "tool.maturin.include", "workspace.members", "project.keywords"};
const char *const values[] = {"true", "\"x\"", "[\"a\", \"b\"]", "[]", "{ k = 1 }", "'lit'", "1", "[1, [2, 3]]", "\"\"\"m\nl\"\"\""};

bool sameValue(const toml::node &a, const toml::node &b)
{
    return toml::node_view<const toml::node>(&a) == toml::node_view<const toml::node>(&b);
}

// A new array literal made from the texts of an existing array's elements: some removed, some moved,
// some replaced or added, as the mutation byte says.
QString mutatedArray(const TomlDocument &doc, const toml::array &a, uint8_t mutation)
{
    QList<QByteArray> items;
    for (const toml::node &e : a) {
        const auto &r = e.source();
        const int begin = doc.offsetOf(int(r.begin.line), int(r.begin.column));
        const int end = doc.offsetOf(int(r.end.line), int(r.end.column));
        if (begin < 0 || end < begin)
            return {};
        items << doc.bytes().mid(begin, end - begin);
    }
    const int n = int(items.size());
    const int at = n > 0 ? (mutation >> 3) % n : 0;
    switch (mutation & 7) {
    case 0: items.insert(at, "\"inserted\""); break;           // insert in the middle
    case 1: if (n > 0) items.removeAt(at); break;             // remove one
    case 2: if (n > 0) items[at] = "\"replaced\""; break;     // replace one
    case 3: if (n > 1) items.move(at, n - 1); break;          // move one to the end
    case 4: items.prepend("\"first\""); items.append("\"last\""); break;
    case 5: if (n > 1) { items.removeAt(at); items.insert(0, "\"x\""); } break;
    case 6: if (n > 0) items.insert(at, items.at(at)); break; // a duplicate
    default: std::reverse(items.begin(), items.end()); break;
    }
    return QString::fromUtf8('[' + items.join(", ") + ']');
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 3 || size > 64 * 1024)
        return 0;
    const uint8_t op = data[0];
    const uint8_t pick = data[1];
    const uint8_t mutation = data[2];
    const QByteArray bytes(reinterpret_cast<const char *>(data + 3), qsizetype(size - 3));
    const TomlDocument doc = TomlDocument::parse(bytes);
    if (!doc.isValid())
        return 0;
    const TomlKeyPath key = TomlKeyPath::fromText(QString::fromLatin1(keys[pick % std::size(keys)]));
    QString value = QString::fromLatin1(values[(pick / std::size(keys)) % std::size(values)]);
    const int kind = op % 5;
    TomlEditResult r;
    switch (kind) {
    case 0: r = TomlEditor::set(doc, key, value); break;
    case 1: r = TomlEditor::unset(doc, key); break;
    case 2: r = TomlEditor::append(doc, key, value); break;
    case 3: r = TomlEditor::removeElement(doc, key, pick % 3); break;
    default: {
        // Array edits element by element: the key's array, changed.
        const toml::node *n = tomlNodeAt(doc, key);
        if (!n || !n->is_array())
            return 0;
        value = mutatedArray(doc, *n->as_array(), mutation);
        if (value.isEmpty())
            return 0;
        r = TomlEditor::set(doc, key, value);
        break;
    }
    }
    if (!r.ok) {
        if (r.bytes != bytes)
            abort(); // a refused edit changed the text
        return 0;
    }
    const TomlDocument again = TomlDocument::parse(r.bytes);
    if (!again.isValid())
        abort();
    if (r.changed && (kind == 0 || kind == 4)) {
        // The value at key is the literal.
        const TomlDocument lit = TomlDocument::parse("v = " + value.toUtf8());
        const toml::node *got = tomlNodeAt(again, key);
        if (!got || !lit.isValid() || !sameValue(*got, *lit.parsed()->root.get("v")))
            abort();
    }
    if (r.changed && kind == 1 && again.contains(key))
        abort();
    // Everything else is as it was: only the key changed.
    if (r.changed && kind != 1) {
        toml::table before = doc.parsed()->root;
        toml::table after = again.parsed()->root;
        const toml::node *gotAfter = tomlNodeAt(again, key);
        if (gotAfter && tomlNodeAt(doc, key)) {
            // Compare with the key's value taken out of both.
            auto drop = [&key](toml::table &t) {
                toml::node *p = &t;
                for (qsizetype i = 0; i + 1 < key.size(); ++i) {
                    const QByteArray seg = key.segments().at(i).toUtf8();
                    p = p->as_table() ? p->as_table()->get(std::string_view(seg.constData(), size_t(seg.size()))) : nullptr;
                    if (!p)
                        return;
                }
                const QByteArray last = key.last().toUtf8();
                if (p->as_table())
                    p->as_table()->erase(std::string_view(last.constData(), size_t(last.size())));
            };
            drop(before);
            drop(after);
            if (!(before == after))
                abort();
        }
    }
    return 0;
}
