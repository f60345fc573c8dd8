#include "core/project/SettingsChecker.h"

namespace wb::validation {

// The keys of a table-valued setting that has a schema (generate-ci and below). addressable: the table
// has a key path (it is not an element of an array of tables), so fixes can rename keys.
void SettingsChecker::subTable(const QString &schema, const TomlKeyPath &path, const QString &shown, const toml::table &t, bool addressable,
                       const QVersionNumber &parentSince)
{
    const QList<SettingSpec> &specs = MaturinSchema::subKeys(schema);
    QStringList known;
    for (const SettingSpec &s : specs)
        known << s.key;
    auto place = [&](SettingsDiagnostic &d, const toml::source_region &r, const QString &key) {
        if (!addressable) {
            placeAt(d, r);
            d.key = key;
        }
    };
    for (auto &&[k, node] : t) {
        const QString name = keyText(k);
        const TomlKeyPath kpath = path.child(name);
        const QString shownKey = shown + u'.' + name;
        const SettingSpec *spec = nullptr;
        for (const SettingSpec &s : specs) {
            if (s.key == name)
                spec = &s;
        }
        if (!spec) {
            SettingsDiagnostic &d = add(QStringLiteral("maturin.unknown-key"), SettingsSeverity::Warning, Kind::Pyproject, kpath,
                                        QStringLiteral("maturin does not know %1 and ignores it silently (%2 takes %3)")
                                            .arg(shownKey, shown, known.join(QStringLiteral(", "))));
            place(d, k.source(), QStringLiteral("tool.maturin.") + shownKey);
            const QString near = MaturinSchema::suggest(name, known);
            if (!near.isEmpty() && t.contains(near.toStdString())) {
                // The key it resembles is set too: say so, but renaming would overwrite it.
                d.message = QStringLiteral("maturin does not know %1 and ignores it silently (did you mean %2? %2 is also set here)").arg(shownKey, near);
            } else if (!near.isEmpty()) {
                d.message = QStringLiteral("maturin does not know %1 and ignores it silently (did you mean %2?)").arg(shownKey, near);
                if (addressable && !(node.is_table() && !node.as_table()->is_inline()) && !node.is_array_of_tables()) {
                    d.fixLabel = QStringLiteral("Rename to %1").arg(near);
                    d.fix = {setEdit(Kind::Pyproject, path.child(near), p.pyproject.valueText(kpath)), unsetEdit(Kind::Pyproject, kpath)};
                }
            }
            continue;
        }
        // Keys newer than their table (flagged once: not when the table itself is already too new).
        const QVersionNumber &installed = p.options.maturinVersion;
        if (spec->since > parentSince && (installed.isNull() || parentSince <= installed)) {
            if (!gate(kpath, spec->since, QStringLiteral("tool.maturin.") + shownKey) && !addressable)
                placeAt(out.last(), k.source());
        }
        if (!hasSpecType(node, spec->type)) {
            SettingsDiagnostic &d = add(QStringLiteral("maturin.wrong-type"), SettingsSeverity::Error, Kind::Pyproject, kpath,
                                        QStringLiteral("%1 must be %2; maturin stops with a parse error")
                                            .arg(shownKey, MaturinSchema::typeName(spec->type)),
                                        true);
            place(d, node.source(), QStringLiteral("tool.maturin.") + shownKey);
            continue;
        }
        if (spec->type == SettingSpec::Type::Table) {
            subTable(schema + u'.' + name, kpath, shownKey, *node.as_table(), addressable, qMax(parentSince, spec->since));
        } else if (spec->type == SettingSpec::Type::TableArray) {
            int index = 0;
            for (const toml::node &el : *node.as_array()) {
                const toml::table &et = *el.as_table();
                const QString elShown = QStringLiteral("%1[%2]").arg(shownKey).arg(index++);
                if (schema.count(u'.') == 2 && name == QLatin1String("target") && !et.contains("arch")) {
                    SettingsDiagnostic &d = add(QStringLiteral("maturin.wrong-type"), SettingsSeverity::Error, Kind::Pyproject, kpath,
                                                QStringLiteral("%1 has no arch; every [[target]] needs one and maturin stops with "
                                                               "\"missing field `arch`\"")
                                                    .arg(elShown));
                    placeAt(d, el.source());
                    d.key = QStringLiteral("tool.maturin.") + elShown;
                }
                subTable(schema + u'.' + name, kpath, elShown, et, false, qMax(parentSince, spec->since));
            }
        }
    }
    // A platform table: targets and [[target]] exclude each other, and neither may be empty.
    if (schema.count(u'.') == 2) {
        const toml::node *targets = t.get("targets");
        const toml::node *target = t.get("target");
        if (targets && target && targets->is_array() && target->is_array()) {
            SettingsDiagnostic &d = add(QStringLiteral("maturin.invalid-value"), SettingsSeverity::Error, Kind::Pyproject, path.child(QStringLiteral("target")),
                                        QStringLiteral("%1 has both targets and [[target]]; maturin generate-ci stops (they exclude each other)").arg(shown));
            place(d, target->source(), QStringLiteral("tool.maturin.") + shown);
        }
        for (const toml::node *list : {targets, target}) {
            if (list && list->is_array() && list->as_array()->empty()) {
                const QString which = list == targets ? QStringLiteral("targets") : QStringLiteral("[[target]]");
                SettingsDiagnostic &d = add(QStringLiteral("maturin.invalid-value"), SettingsSeverity::Error, Kind::Pyproject,
                                            path.child(list == targets ? QStringLiteral("targets") : QStringLiteral("target")),
                                            QStringLiteral("%1: %2 is empty; maturin generate-ci stops (leave it out for the default targets)")
                                                .arg(shown, which),
                                            true);
                place(d, list->source(), QStringLiteral("tool.maturin.") + shown);
            }
        }
    }
}

void SettingsChecker::toolMaturinKeys()
{
    const toml::node *tm = tomlNodeAt(p.pyproject, toolMaturin());
    if (!tm)
        return;
    const toml::table *t = tm->as_table();
    if (!t) {
        add(QStringLiteral("maturin.wrong-type"), SettingsSeverity::Error, Kind::Pyproject, toolMaturin(),
            QStringLiteral("tool.maturin must be a table"));
        return;
    }
    QStringList known;
    for (const SettingSpec &s : MaturinSchema::keys())
        known << s.key;
    for (auto &&[key, node] : *t) {
        const QString name = QString::fromUtf8(key.str().data(), qsizetype(key.str().size()));
        const TomlKeyPath path = toolMaturin().child(name);
        if (const SettingSpec *spec = MaturinSchema::find(name)) {
            gate(path, spec->since, QStringLiteral("tool.maturin.%1").arg(name));
            checkValue(*spec, path, node);
            if (spec->deprecated) {
                SettingsDiagnostic &d = add(QStringLiteral("maturin.deprecated-key"), SettingsSeverity::Warning, Kind::Pyproject, path,
                                    QStringLiteral("%1 is deprecated; use %2").arg(name, spec->replacement));
                if (name == QLatin1String("skip-auditwheel")) {
                    d.fixLabel = QStringLiteral("Replace with auditwheel");
                    if (node.is_boolean() && node.as_boolean()->get())
                        d.fix << setEdit(Kind::Pyproject, toolMaturin().child(QStringLiteral("auditwheel")), QStringLiteral("\"skip\""));
                    d.fix << unsetEdit(Kind::Pyproject, path);
                }
            }
            continue;
        }
        if (const RetiredKey *r = MaturinSchema::findRetired(name)) {
            SettingsDiagnostic &d = add(r->cliOnly ? QStringLiteral("maturin.cli-only-key") : QStringLiteral("maturin.removed-key"),
                                SettingsSeverity::Warning, Kind::Pyproject, path,
                                QStringLiteral("%1 is %2, so maturin ignores it here; %3").arg(name, r->reason, r->instead));
            d.fixLabel = QStringLiteral("Remove %1").arg(name);
            d.fix = {unsetEdit(Kind::Pyproject, path)};
            continue;
        }
        SettingsDiagnostic &d = add(QStringLiteral("maturin.unknown-key"), SettingsSeverity::Warning, Kind::Pyproject, path,
                            QStringLiteral("maturin does not know the key %1 and ignores it silently").arg(name));
        const QString near = MaturinSchema::suggest(name, known);
        if (!near.isEmpty() && t->contains(near.toStdString())) {
            // The key it resembles is set too: say so, but renaming would overwrite it.
            d.message += QStringLiteral(" (did you mean %1? %1 is also set here)").arg(near);
        } else if (!near.isEmpty()) {
            d.message += QStringLiteral(" (did you mean %1?)").arg(near);
            d.fixLabel = QStringLiteral("Rename to %1").arg(near);
            d.fix = {setEdit(Kind::Pyproject, toolMaturin().child(near), p.pyproject.valueText(path)), unsetEdit(Kind::Pyproject, path)};
        }
    }
}

} // namespace wb::validation
