#include "core/toml/TomlEditText.h"

#include <algorithm>

namespace wb::tomledit {

QByteArray applySplices(const QByteArray &bytes, QList<Splice> splices)
{
    std::sort(splices.begin(), splices.end(), [](const Splice &a, const Splice &b) { return a.begin > b.begin; });
    QByteArray out = bytes;
    for (const Splice &s : splices)
        out.replace(s.begin, s.end - s.begin, s.text);
    return out;
}

TomlEditResult refuse(const TomlDocument &doc, const QString &message)
{
    TomlEditResult r;
    r.ok = false;
    r.bytes = doc.bytes();
    r.document = doc;
    r.message = message;
    return r;
}

TomlEditResult unchanged(const TomlDocument &doc, const QString &message)
{
    TomlEditResult r;
    r.ok = true;
    r.changed = false;
    r.bytes = doc.bytes();
    r.document = doc;
    r.message = message;
    return r;
}

std::string_view keyView(const QByteArray &utf8)
{
    return std::string_view(utf8.constData(), size_t(utf8.size()));
}

TomlEditResult verify(const TomlDocument &doc, const QByteArray &bytes, const toml::table &intended)
{
    TomlDocument next = TomlDocument::parse(bytes, doc.sourceName());
    if (!next.isValid())
        return refuse(doc, QStringLiteral("the edit would break the file (%1); nothing was changed").arg(next.error().toString()));
    if (!(next.parsed()->root == intended))
        return refuse(doc, QStringLiteral("the edit would change more than the requested setting; nothing was changed"));
    TomlEditResult r;
    r.ok = true;
    r.changed = bytes != doc.bytes();
    r.bytes = bytes;
    r.document = std::move(next);
    return r;
}

TomlEditResult spliceAndVerify(const TomlDocument &doc, const QList<Splice> &splices, const toml::table &intended)
{
    return verify(doc, applySplices(doc.bytes(), splices), intended);
}

const toml::node *parseLiteral(const QString &literal, TomlDocument *holder, QString *error)
{
    const QString trimmed = literal.trimmed();
    if (trimmed.isEmpty()) {
        *error = QStringLiteral("no value given");
        return nullptr;
    }
    *holder = TomlDocument::parse("v = " + trimmed.toUtf8() + '\n');
    if (!holder->isValid()) {
        *error = QStringLiteral("'%1' is not a TOML value (%2); strings need quotes, e.g. \"text\"")
                     .arg(trimmed, holder->error().message);
        return nullptr;
    }
    if (holder->parsed()->root.size() != 1) {
        *error = QStringLiteral("'%1' is not a single TOML value").arg(trimmed);
        return nullptr;
    }
    return holder->parsed()->root.get("v");
}

bool assign(toml::table &root, const TomlKeyPath &path, const toml::node &value, QString *error)
{
    toml::table *t = &root;
    const QStringList &segs = path.segments();
    for (qsizetype i = 0; i + 1 < segs.size(); ++i) {
        const QByteArray k = segs.at(i).toUtf8();
        toml::node *n = t->get(keyView(k));
        if (!n) {
            t->insert_or_assign(keyView(k), toml::table{});
            n = t->get(keyView(k));
        }
        if (!n->is_table()) {
            *error = QStringLiteral("'%1' is not a table").arg(TomlKeyPath(segs.mid(0, i + 1)).toString());
            return false;
        }
        t = n->as_table();
    }
    const QByteArray last = segs.last().toUtf8();
    t->insert_or_assign(keyView(last), value);
    return true;
}

toml::node *mutableAt(toml::table &root, const TomlKeyPath &path)
{
    toml::node *n = &root;
    for (const QString &s : path.segments()) {
        toml::table *t = n->as_table();
        if (!t)
            return nullptr;
        const QByteArray k = s.toUtf8();
        n = t->get(keyView(k));
        if (!n)
            return nullptr;
    }
    return n;
}

} // namespace wb::tomledit
