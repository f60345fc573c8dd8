#pragma once

#include <QList>
#include <QString>
#include <QStringList>
#include <QVersionNumber>

namespace wb {

// What maturin understands in [tool.maturin]: one entry per key (source: maturin's ToolMaturin
// struct and its JSON schema, up to maturin 1.14).
struct SettingSpec {
    enum class Type {
        String,      // free text
        Path,        // a path relative to pyproject.toml
        Bool,
        Enum,        // one of allowed (case-insensitive for compatibility)
        StringArray,
        GlobArray,   // include/exclude: strings or { path, format } / { path, from, to, crate_name } tables
        FeatureArray,// strings or { feature, python-version, python-implementation } tables
        TargetArray, // [{ name, kind }]
        Table,       // target, sbom, generate-ci
        TableArray,  // an array of tables (generate-ci.github.<platform>.target)
    };
    QString key;
    Type type = Type::String;
    QStringList allowed;
    QString defaultValue; // in words
    QString help;         // one line
    QVersionNumber since; // first maturin version that knows the key (1.0.0: 1.0 or earlier)
    QString group;        // form group in the Project view
    QString replacement;  // for deprecated keys: what to use instead
    bool deprecated = false;
};

// Keys people write that maturin does not read.
struct RetiredKey {
    QString key;
    QString reason;      // "removed in 0.13.0" / "command-line only"
    QString instead;     // what to do
    bool cliOnly = false;
};

class MaturinSchema
{
public:
    static const QList<SettingSpec> &keys();
    static const SettingSpec *find(const QString &key);
    // The keys of a table-valued setting, described like the top-level ones: "generate-ci",
    // "generate-ci.github", "generate-ci.github.<platform>" (linux, musllinux, windows, macos, emscripten,
    // android) and "generate-ci.github.<platform>.target" (one [[target]] table). Empty for other tables.
    static const QList<SettingSpec> &subKeys(const QString &table);
    static const QList<RetiredKey> &retiredKeys();
    static const RetiredKey *findRetired(const QString &key);
    static QString typeName(SettingSpec::Type t);
    // The closest known key (edit distance), or empty.
    static QString suggest(const QString &unknown, const QStringList &candidates);
    static QStringList groups();
};

} // namespace wb
