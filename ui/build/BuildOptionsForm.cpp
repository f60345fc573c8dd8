#include "ui/build/BuildOptionsForm.h"

#include "core/build/MaturinFlags.h"

#include <QCheckBox>
#include <QComboBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProcess>
#include <QSpinBox>
#include <QStandardItemModel>

namespace wb::ui {

namespace {
QStringList splitList(const QString &text)
{
    QString t = text;
    t.replace(u',', u' ');
    return t.split(u' ', Qt::SkipEmptyParts);
}

QCheckBox *checkBox(QWidget *parent, const QString &text, const QString &tip)
{
    auto *c = new QCheckBox(text, parent);
    c->setToolTip(tip);
    return c;
}

QLineEdit *lineEdit(QWidget *parent, const QString &placeholder, const QString &tip)
{
    auto *e = new QLineEdit(parent);
    e->setPlaceholderText(placeholder);
    e->setToolTip(tip);
    return e;
}

constexpr int DefaultLevel = -8; // the compression level spin box's "default" (zstd goes down to -7)
} // namespace

BuildOptionsForm::BuildOptionsForm(QWidget *parent)
    : QGroupBox(tr("Options"), parent)
{
    setObjectName(QStringLiteral("buildOptions"));
    createFields();
    createLayout();

    m_profileName->setEnabled(false);
    connect(m_profile, &QComboBox::currentIndexChanged, this, [this] {
        m_profileName->setEnabled(m_profile->currentData().toInt() == int(wb::BuildRequest::Profile::Named));
        Q_EMIT changed();
    });
    for (QLineEdit *e : {m_profileName, m_outDir, m_features, m_interpreters, m_target, m_manifest, m_sbom, m_extras, m_groups, m_extra})
        connect(e, &QLineEdit::textChanged, this, &BuildOptionsForm::changed);
    for (QCheckBox *c : {m_allFeatures, m_noDefaultFeatures, m_findInterpreter, m_zig, m_sdist, m_locked, m_frozen, m_offline, m_pgo,
                         m_includeDebuginfo, m_generateStubs, m_uv, m_skipInstall})
        connect(c, &QCheckBox::toggled, this, &BuildOptionsForm::changed);
    for (QComboBox *c : {m_compatibility, m_auditwheel, m_strip, m_compressionMethod})
        connect(c, &QComboBox::currentTextChanged, this, &BuildOptionsForm::changed);
    connect(m_compressionLevel, &QSpinBox::valueChanged, this, &BuildOptionsForm::changed);
    updateVersionTexts();
}

void BuildOptionsForm::createFields()
{
    m_profile = new QComboBox(this);
    m_profile->setObjectName(QStringLiteral("profileCombo"));
    m_profile->addItem(tr("Release (-r)"), int(wb::BuildRequest::Profile::Release));
    m_profile->addItem(tr("Debug (dev profile)"), int(wb::BuildRequest::Profile::Debug));
    m_profile->addItem(tr("Profile…"), int(wb::BuildRequest::Profile::Named));
    m_profile->setToolTip(tr("--release, cargo's dev profile, or --profile NAME"));
    m_profileName = lineEdit(this, tr("profile name"), tr("--profile NAME: a profile of Cargo.toml (choose Profile… first)"));
    m_profileName->setObjectName(QStringLiteral("profileNameEdit"));
    m_outDir = lineEdit(this, tr("default: target/wheels"), tr("--out DIR: where the wheels are written"));
    m_outDir->setObjectName(QStringLiteral("outDirEdit"));
    m_features = lineEdit(this, tr("-F: replaces [tool.maturin] features"), tr("--features a,b: replaces the whole [tool.maturin] features list"));
    m_allFeatures = new QCheckBox(tr("--all-features"), this);
    m_noDefaultFeatures = new QCheckBox(tr("--no-default-features"), this);
    m_interpreters = lineEdit(this, tr("-i: python3.12 3.13 …"), tr("--interpreter: the Pythons to build for"));
    m_findInterpreter = checkBox(this, tr("-f find all"), tr("--find-interpreter: every Python found on this machine"));
    m_compatibility = new QComboBox(this);
    m_compatibility->setObjectName(QStringLiteral("compatibilityCombo"));
    m_compatibility->setEditable(true);
    m_compatibility->addItems({QString(), QStringLiteral("pypi"), QStringLiteral("manylinux2014"), QStringLiteral("manylinux_2_28"),
                               QStringLiteral("musllinux_1_2"), QStringLiteral("linux"), QStringLiteral("manylinux_2_28 pypi"),
                               QStringLiteral("manylinux_2_28 musllinux_1_2")});
    m_compatibility->lineEdit()->setPlaceholderText(tr("as configured"));
    m_auditwheel = new QComboBox(this);
    m_auditwheel->setObjectName(QStringLiteral("auditwheelCombo"));
    m_auditwheel->addItems({tr("As configured"), QStringLiteral("repair"), QStringLiteral("check"), QStringLiteral("warn"), QStringLiteral("skip")});
    m_auditwheel->setToolTip(tr("--auditwheel MODE: what to do about shared libraries the wheel links to; "
                                "“As configured” passes nothing ([tool.maturin] auditwheel)"));
    m_strip = new QComboBox(this);
    m_strip->setObjectName(QStringLiteral("stripCombo"));
    m_strip->addItems({tr("As configured"), tr("Strip (--strip)"), tr("Keep symbols (--strip=false)")});
    m_zig = checkBox(this, tr("--zig"), tr("Link with zig (cross-compiling, older glibc)"));
    m_sdist = new QCheckBox(tr("--sdist"), this);
    m_sdist->setObjectName(QStringLiteral("sdistCheck"));
    m_target = lineEdit(this, tr("host"), tr("--target TRIPLE: the Rust target to build for, e.g. aarch64-unknown-linux-gnu"));
    m_manifest = lineEdit(this, tr("Cargo.toml"), tr("--manifest-path: the Cargo.toml to build"));
    m_locked = checkBox(this, tr("--locked"), tr("Require Cargo.lock to be up to date"));
    m_frozen = checkBox(this, tr("--frozen"), tr("Require Cargo.lock and the cache to be up to date"));
    m_offline = checkBox(this, tr("--offline"), tr("Run cargo without accessing the network"));

    m_pgo = checkBox(this, tr("--pgo"), tr("--pgo: Profile-Guided Optimization, an instrumented build, the pgo-command of "
                                           "[tool.maturin] as training, then the optimized build"));
    m_includeDebuginfo = checkBox(this, tr("--include-debuginfo"), tr("--include-debuginfo: put the debug info files "
                                                                      "(.dwp, .dSYM, .pdb) into the wheel"));
    m_generateStubs = checkBox(this, tr("--generate-stubs"), tr("--generate-stubs: write .pyi type stubs from the built module "
                                                                "(PyO3's experimental-inspect feature)"));
    m_sbom = lineEdit(this, tr("more SBOM files"), tr("--sbom-include FILE…: more SBOM files for .dist-info/sboms"));
    m_compressionMethod = new QComboBox(this);
    m_compressionMethod->setObjectName(QStringLiteral("compressionMethodCombo"));
    m_compressionMethod->addItems({tr("Default"), QStringLiteral("deflated"), QStringLiteral("stored"), QStringLiteral("bzip2"), QStringLiteral("zstd")});
    m_compressionMethod->setToolTip(tr("--compression-method: the wheel's zip compression; only deflated and stored are read "
                                       "by every installer (zstd from Python 3.14)"));
    m_compressionLevel = new QSpinBox(this);
    m_compressionLevel->setObjectName(QStringLiteral("compressionLevelSpin"));
    m_compressionLevel->setRange(DefaultLevel, 22);
    m_compressionLevel->setValue(DefaultLevel);
    m_compressionLevel->setSpecialValueText(tr("default"));
    m_compressionLevel->setToolTip(tr("--compression-level N: deflated and bzip2 0–9, zstd -7–22; “default” passes nothing"));
    m_extras = lineEdit(this, tr("-E: extra1,extra2"), tr("--extras: optional dependencies that Develop installs"));
    m_groups = lineEdit(this, tr("-G: test,docs"), tr("--group: dependency groups of pyproject.toml (PEP 735) that Develop installs"));
    m_uv = checkBox(this, tr("--uv"), tr("--uv: Develop installs with uv instead of pip"));
    m_skipInstall = checkBox(this, tr("--skip-install"), tr("--skip-install: Develop builds the module in place and installs "
                                                            "nothing (mixed Rust/Python layout)"));
    m_extra = lineEdit(this, tr("appended as typed"), tr("More maturin arguments, appended to the command as typed"));
    m_versionHint = new QLabel(this);
    m_versionHint->setObjectName(QStringLiteral("versionHint"));
    m_versionHint->setWordWrap(true);
    m_versionHint->setEnabled(false); // greyed, like the controls it explains

    const QString build = QStringLiteral("build"), develop = QStringLiteral("develop");
    gate(m_pgo, build, QStringLiteral("--pgo"));
    gate(m_includeDebuginfo, build, QStringLiteral("--include-debuginfo"));
    gate(m_generateStubs, build, QStringLiteral("--generate-stubs"));
    gate(m_sbom, build, QStringLiteral("--sbom-include"));
    gate(m_compressionMethod, build, QStringLiteral("--compression-method"));
    gate(m_compressionLevel, build, QStringLiteral("--compression-level"));
    gate(m_extras, develop, QStringLiteral("--extras"));
    gate(m_groups, develop, QStringLiteral("--group"));
    gate(m_uv, develop, QStringLiteral("--uv"));
    gate(m_skipInstall, develop, QStringLiteral("--skip-install"));
}

void BuildOptionsForm::createLayout()
{
    auto *grid = new QGridLayout(this);
    int row = 0;
    auto labelled = [this, grid](const QString &text, QWidget *field, int r, int column, int span = 1) {
        auto *label = new QLabel(text, this);
        label->setBuddy(field);
        field->setAccessibleName(QString(text).remove(u'&').remove(u':'));
        grid->addWidget(label, r, column);
        grid->addWidget(field, r, column + 1, 1, span);
    };
    auto flags = [](std::initializer_list<QWidget *> widgets) {
        auto *box = new QHBoxLayout;
        for (QWidget *w : widgets)
            box->addWidget(w);
        box->addStretch(1);
        return box;
    };
    labelled(tr("&Profile:"), m_profile, row, 0);
    labelled(tr("Profile &name:"), m_profileName, row, 2);
    labelled(tr("&Out:"), m_outDir, row, 4, 2);
    ++row;
    labelled(tr("&Features:"), m_features, row, 0, 3);
    grid->addLayout(flags({m_allFeatures, m_noDefaultFeatures}), row, 4, 1, 3);
    ++row;
    labelled(tr("P&ython:"), m_interpreters, row, 0, 3);
    grid->addLayout(flags({m_findInterpreter}), row, 4, 1, 3);
    ++row;
    labelled(tr("&Compatibility:"), m_compatibility, row, 0);
    labelled(tr("&auditwheel:"), m_auditwheel, row, 2);
    labelled(tr("&Strip:"), m_strip, row, 4);
    grid->addLayout(flags({m_zig, m_sdist}), row, 6);
    ++row;
    labelled(tr("&Target:"), m_target, row, 0);
    labelled(tr("&Manifest:"), m_manifest, row, 2);
    grid->addLayout(flags({m_locked, m_frozen, m_offline}), row, 4, 1, 3);
    ++row;
    labelled(tr("Compre&ssion:"), m_compressionMethod, row, 0);
    labelled(tr("&Level:"), m_compressionLevel, row, 2);
    labelled(tr("SB&OM:"), m_sbom, row, 4);
    grid->addLayout(flags({m_pgo, m_includeDebuginfo, m_generateStubs}), row, 6);
    ++row;
    labelled(tr("E&xtras:"), m_extras, row, 0);
    labelled(tr("&Groups:"), m_groups, row, 2);
    auto *developFlags = flags({m_uv, m_skipInstall});
    developFlags->insertWidget(0, new QLabel(tr("(Develop only)"), this));
    grid->addLayout(developFlags, row, 4, 1, 3);
    ++row;
    labelled(tr("More a&rguments:"), m_extra, row, 0, 6);
    ++row;
    grid->addWidget(m_versionHint, row, 0, 1, 7);
    grid->setColumnStretch(1, 1);
    grid->setColumnStretch(3, 1);
    grid->setColumnStretch(5, 1);
}

void BuildOptionsForm::gate(QWidget *widget, const QString &command, const QString &flag)
{
    if (widget->objectName().isEmpty()) // "pgo", "sbom-include": tests find the control by its flag
        widget->setObjectName(QString(flag).remove(0, 2));
    m_gated.append({widget, command, flag, widget->toolTip()});
}

void BuildOptionsForm::setMaturinVersion(const QString &version)
{
    if (version == m_version)
        return;
    m_version = version;
    updateVersionTexts();
    Q_EMIT changed();
}

void BuildOptionsForm::updateVersionTexts()
{
    const wb::MaturinFlags &flags = wb::MaturinFlags::builtIn();
    const bool known = wb::MaturinFlags::isVersion(m_version);
    auto needs = [this](const QString &since) { return tr("Needs maturin %1 (installed: %2)").arg(since, m_version); };
    auto older = [&](const char *since) { return known && wb::MaturinFlags::compareVersions(m_version, QLatin1String(since)) < 0; };
    QStringList missing;
    const QList<QLabel *> labels = findChildren<QLabel *>();
    for (const Gated &g : std::as_const(m_gated)) {
        const bool has = !known || flags.has(g.command, g.flag, m_version);
        g.widget->setEnabled(has);
        for (QLabel *label : labels) {
            if (label->buddy() == g.widget)
                label->setEnabled(has); // "Level:" greys with its field
        }
        g.widget->setToolTip(has ? g.tip : g.tip + u'\n' + needs(flags.since(g.command, g.flag)));
        if (!has)
            missing << QStringLiteral("%1 (%2)").arg(g.flag, flags.since(g.command, g.flag));
    }
    // Values added later: pypi (1.9.0), pypi beside another tag (1.11.5), auditwheel warn (1.13.0).
    auto *compat = qobject_cast<QStandardItemModel *>(m_compatibility->model());
    for (int i = 0; compat && i < compat->rowCount(); ++i) {
        QStandardItem *item = compat->item(i);
        const bool pypi = item->text().split(u' ').contains(QStringLiteral("pypi"));
        const char *since = !pypi ? nullptr : item->text().contains(u' ') ? "1.11.5" : "1.9.0";
        item->setEnabled(!since || !older(since));
        item->setToolTip(since && older(since) ? needs(QLatin1String(since)) : QString());
    }
    m_compatibility->setToolTip(tr("--compatibility TAG…: the platform tags to build for, several separated by spaces "
                                   "(pypi with a tag: maturin 1.11.5 or newer); empty: [tool.maturin] compatibility"));
    if (auto *audit = qobject_cast<QStandardItemModel *>(m_auditwheel->model())) {
        QStandardItem *warn = audit->item(3);
        warn->setEnabled(!older("1.13.0"));
        warn->setToolTip(older("1.13.0") ? needs(QStringLiteral("1.13.0")) : QString());
    }
    // --strip takes a value from 1.12.0; before, not stripping is simply leaving the flag out.
    const bool stripValue = !older("1.12.0");
    m_strip->setItemText(2, stripValue ? tr("Keep symbols (--strip=false)") : tr("Keep symbols (no --strip)"));
    m_strip->setToolTip(stripValue ? tr("--strip true|false: remove debug symbols from the extension (smaller wheels). "
                                        "“As configured” passes nothing: [tool.maturin] strip, else not stripped")
                                   : tr("--strip: remove debug symbols from the extension (smaller wheels); maturin %1 takes "
                                        "no value, “Keep symbols” leaves the flag out").arg(m_version));
    // --sdist builds the wheels from the sdist from 1.12.3 on.
    m_sdist->setToolTip(older("1.12.3") ? tr("--sdist: also build a source distribution, beside wheels built from the tree "
                                             "(maturin %1; from 1.12.3 the wheels are built from the sdist)").arg(m_version)
                                        : tr("--sdist: build a source distribution, then the wheels from it (checks that "
                                             "the sdist is complete)"));
    const bool developPgo = flags.has(QStringLiteral("develop"), QStringLiteral("--pgo"), m_version);
    if (known && m_pgo->isEnabled() && !developPgo)
        m_pgo->setToolTip(m_pgo->toolTip() + u'\n' + tr("Develop leaves it out: develop --pgo needs maturin %1 (installed: %2)")
                                                       .arg(flags.since(QStringLiteral("develop"), QStringLiteral("--pgo")), m_version));
    m_versionHint->setText(missing.isEmpty() ? QString()
                                             : tr("Greyed out, maturin %1 does not have them: %2. Update maturin to use them.")
                                                   .arg(m_version, missing.join(QStringLiteral(", "))));
    m_versionHint->setVisible(!missing.isEmpty());
}

wb::BuildRequest BuildOptionsForm::request(const QString &projectDir) const
{
    wb::BuildRequest r;
    r.projectDir = projectDir;
    r.profile = wb::BuildRequest::Profile(m_profile->currentData().toInt());
    r.profileName = m_profileName->text().trimmed();
    r.outDir = m_outDir->text().trimmed();
    r.features = splitList(m_features->text());
    r.allFeatures = m_allFeatures->isChecked();
    r.noDefaultFeatures = m_noDefaultFeatures->isChecked();
    r.interpreters = splitList(m_interpreters->text());
    r.findInterpreter = m_findInterpreter->isChecked();
    r.compatibility = wb::BuildRequest::compatibilityValues(m_compatibility->currentText()).join(u' ');
    if (m_auditwheel->currentIndex() > 0)
        r.auditwheel = m_auditwheel->currentText();
    if (m_strip->currentIndex() > 0)
        r.strip = m_strip->currentIndex() == 1;
    r.zig = m_zig->isChecked();
    r.sdist = m_sdist->isChecked();
    r.target = m_target->text().trimmed();
    r.manifestPath = m_manifest->text().trimmed();
    r.locked = m_locked->isChecked();
    r.frozen = m_frozen->isChecked();
    r.offline = m_offline->isChecked();
    // Controls the installed maturin lacks are disabled and pass nothing, whatever they hold.
    r.pgo = m_pgo->isEnabled() && m_pgo->isChecked();
    r.includeDebuginfo = m_includeDebuginfo->isEnabled() && m_includeDebuginfo->isChecked();
    r.generateStubs = m_generateStubs->isEnabled() && m_generateStubs->isChecked();
    if (m_sbom->isEnabled())
        r.sbomInclude = QProcess::splitCommand(m_sbom->text());
    if (m_compressionMethod->isEnabled() && m_compressionMethod->currentIndex() > 0)
        r.compressionMethod = m_compressionMethod->currentText();
    if (m_compressionLevel->isEnabled() && m_compressionLevel->value() != DefaultLevel)
        r.compressionLevel = m_compressionLevel->value();
    if (m_extras->isEnabled())
        r.extras = splitList(m_extras->text());
    if (m_groups->isEnabled())
        r.groups = splitList(m_groups->text());
    r.uv = m_uv->isEnabled() && m_uv->isChecked();
    r.skipInstall = m_skipInstall->isEnabled() && m_skipInstall->isChecked();
    r.extraArguments = QProcess::splitCommand(m_extra->text());
    return r;
}

void BuildOptionsForm::setManifest(const QString &manifest)
{
    m_manifest->setText(manifest);
    Q_EMIT changed();
}

} // namespace wb::ui
