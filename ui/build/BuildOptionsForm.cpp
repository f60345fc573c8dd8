#include "ui/build/BuildOptionsForm.h"

#include <QCheckBox>
#include <QComboBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProcess>

namespace wb::ui {

namespace {
QStringList splitList(const QString &text)
{
    QString t = text;
    t.replace(u',', u' ');
    return t.split(u' ', Qt::SkipEmptyParts);
}
} // namespace

BuildOptionsForm::BuildOptionsForm(QWidget *parent)
    : QGroupBox(tr("Options"), parent)
{
    setObjectName(QStringLiteral("buildOptions"));
    m_profile = new QComboBox(this);
    m_profile->setObjectName(QStringLiteral("profileCombo"));
    m_profile->addItem(tr("Release (-r)"), int(wb::BuildRequest::Profile::Release));
    m_profile->addItem(tr("Debug (dev profile)"), int(wb::BuildRequest::Profile::Debug));
    m_profile->addItem(tr("Profile…"), int(wb::BuildRequest::Profile::Named));
    m_profile->setToolTip(tr("--release, cargo's dev profile, or --profile NAME"));
    m_profileName = new QLineEdit(this);
    m_profileName->setObjectName(QStringLiteral("profileNameEdit"));
    m_profileName->setPlaceholderText(tr("profile name"));
    m_profileName->setToolTip(tr("--profile NAME: a profile of Cargo.toml (choose Profile… first)"));
    m_outDir = new QLineEdit(this);
    m_outDir->setObjectName(QStringLiteral("outDirEdit"));
    m_outDir->setPlaceholderText(tr("default: target/wheels"));
    m_outDir->setToolTip(tr("--out DIR: where the wheels are written"));
    m_features = new QLineEdit(this);
    m_features->setPlaceholderText(tr("-F: replaces [tool.maturin] features"));
    m_features->setToolTip(tr("--features a,b: replaces the whole [tool.maturin] features list"));
    m_allFeatures = new QCheckBox(tr("--all-features"), this);
    m_noDefaultFeatures = new QCheckBox(tr("--no-default-features"), this);
    m_interpreters = new QLineEdit(this);
    m_interpreters->setPlaceholderText(tr("-i: python3.12 3.13 …"));
    m_interpreters->setToolTip(tr("--interpreter: the Pythons to build for"));
    m_findInterpreter = new QCheckBox(tr("-f find all"), this);
    m_findInterpreter->setToolTip(tr("--find-interpreter: every Python found on this machine"));
    m_compatibility = new QComboBox(this);
    m_compatibility->setEditable(true);
    m_compatibility->addItems({QString(), QStringLiteral("pypi"), QStringLiteral("manylinux2014"), QStringLiteral("manylinux_2_28"),
                               QStringLiteral("musllinux_1_2"), QStringLiteral("linux")});
    m_compatibility->lineEdit()->setPlaceholderText(tr("as configured"));
    m_compatibility->setToolTip(tr("--compatibility TAG: the platform tag to build for; empty: [tool.maturin] compatibility"));
    m_auditwheel = new QComboBox(this);
    m_auditwheel->addItems({tr("As configured"), QStringLiteral("repair"), QStringLiteral("check"), QStringLiteral("warn"), QStringLiteral("skip")});
    m_auditwheel->setToolTip(tr("--auditwheel MODE: what to do about shared libraries the wheel links to; "
                                "“As configured” passes nothing ([tool.maturin] auditwheel)"));
    m_strip = new QComboBox(this);
    m_strip->setObjectName(QStringLiteral("stripCombo"));
    m_strip->addItem(tr("As configured"));
    m_strip->addItem(tr("Strip (--strip)"));
    m_strip->addItem(tr("Keep symbols (--strip=false)"));
    m_strip->setToolTip(tr("--strip: remove debug symbols from the extension (smaller wheels). “As configured” passes "
                           "nothing: [tool.maturin] strip, else not stripped"));
    m_zig = new QCheckBox(tr("--zig"), this);
    m_zig->setToolTip(tr("Link with zig (cross-compiling, older glibc)"));
    m_sdist = new QCheckBox(tr("--sdist"), this);
    m_sdist->setToolTip(tr("Also build a source distribution"));
    m_target = new QLineEdit(this);
    m_target->setPlaceholderText(tr("host"));
    m_target->setToolTip(tr("--target TRIPLE: the Rust target to build for, e.g. aarch64-unknown-linux-gnu"));
    m_manifest = new QLineEdit(this);
    m_manifest->setPlaceholderText(tr("Cargo.toml"));
    m_manifest->setToolTip(tr("--manifest-path: the Cargo.toml to build"));
    m_locked = new QCheckBox(tr("--locked"), this);
    m_frozen = new QCheckBox(tr("--frozen"), this);
    m_offline = new QCheckBox(tr("--offline"), this);
    m_locked->setToolTip(tr("Require Cargo.lock to be up to date"));
    m_frozen->setToolTip(tr("Require Cargo.lock and the cache to be up to date"));
    m_offline->setToolTip(tr("Run cargo without accessing the network"));
    m_extra = new QLineEdit(this);
    m_extra->setPlaceholderText(tr("appended as typed"));
    m_extra->setToolTip(tr("More maturin arguments, appended to the command as typed"));

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
    labelled(tr("More a&rguments:"), m_extra, row, 0, 6);
    grid->setColumnStretch(1, 1);
    grid->setColumnStretch(3, 1);
    grid->setColumnStretch(5, 1);

    m_profileName->setEnabled(false);
    connect(m_profile, &QComboBox::currentIndexChanged, this, [this] {
        m_profileName->setEnabled(m_profile->currentData().toInt() == int(wb::BuildRequest::Profile::Named));
        Q_EMIT changed();
    });
    for (QLineEdit *e : {m_profileName, m_outDir, m_features, m_interpreters, m_target, m_manifest, m_extra})
        connect(e, &QLineEdit::textChanged, this, &BuildOptionsForm::changed);
    for (QCheckBox *c : {m_allFeatures, m_noDefaultFeatures, m_findInterpreter, m_zig, m_sdist, m_locked, m_frozen, m_offline})
        connect(c, &QCheckBox::toggled, this, &BuildOptionsForm::changed);
    for (QComboBox *c : {m_compatibility, m_auditwheel, m_strip})
        connect(c, &QComboBox::currentTextChanged, this, &BuildOptionsForm::changed);
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
    r.compatibility = m_compatibility->currentText().trimmed();
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
    r.extraArguments = QProcess::splitCommand(m_extra->text());
    return r;
}

void BuildOptionsForm::setManifest(const QString &manifest)
{
    m_manifest->setText(manifest);
    Q_EMIT changed();
}

} // namespace wb::ui
