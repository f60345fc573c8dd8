#pragma once

#include "core/build/BuildRequest.h"

#include <QGroupBox>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace wb::ui {

// The Build view's options: each control maps to one maturin flag, each has a label (its own text
// for check boxes, a QLabel buddy otherwise) and a tooltip naming the flag. With the installed
// maturin's version set, controls for flags that version lacks are disabled, their tooltip and a
// line under the form saying which version added them (resources/maturin/flags.json).
class BuildOptionsForm : public QGroupBox
{
    Q_OBJECT
public:
    explicit BuildOptionsForm(QWidget *parent = nullptr);
    wb::BuildRequest request(const QString &projectDir) const;
    // The Cargo.toml to build (maturin -m), e.g. the workspace member chosen in the Project view.
    void setManifest(const QString &manifest);
    // The installed maturin ("1.8.3"); empty or unparsable: unknown, every control enabled.
    void setMaturinVersion(const QString &version);
    QString maturinVersion() const { return m_version; }

Q_SIGNALS:
    void changed();

private:
    struct Gated {
        QWidget *widget;
        QString command; // the maturin command whose version decides ("build", "develop")
        QString flag;
        QString tip;     // the tooltip without a version note
    };
    void createFields();
    void createLayout();
    void gate(QWidget *widget, const QString &command, const QString &flag);
    void updateVersionTexts();

    QString m_version;
    QList<Gated> m_gated;
    QLabel *m_versionHint = nullptr;
    QComboBox *m_profile = nullptr;
    QLineEdit *m_profileName = nullptr;
    QLineEdit *m_outDir = nullptr;
    QLineEdit *m_features = nullptr;
    QCheckBox *m_allFeatures = nullptr;
    QCheckBox *m_noDefaultFeatures = nullptr;
    QLineEdit *m_interpreters = nullptr;
    QCheckBox *m_findInterpreter = nullptr;
    QComboBox *m_compatibility = nullptr;
    QComboBox *m_auditwheel = nullptr;
    QComboBox *m_strip = nullptr;
    QCheckBox *m_zig = nullptr;
    QCheckBox *m_sdist = nullptr;
    QLineEdit *m_target = nullptr;
    QLineEdit *m_manifest = nullptr;
    QCheckBox *m_locked = nullptr;
    QCheckBox *m_frozen = nullptr;
    QCheckBox *m_offline = nullptr;
    QCheckBox *m_pgo = nullptr;
    QCheckBox *m_includeDebuginfo = nullptr;
    QCheckBox *m_generateStubs = nullptr;
    QLineEdit *m_sbom = nullptr;
    QComboBox *m_compressionMethod = nullptr;
    QSpinBox *m_compressionLevel = nullptr;
    QLineEdit *m_extras = nullptr;
    QLineEdit *m_groups = nullptr;
    QCheckBox *m_uv = nullptr;
    QCheckBox *m_skipInstall = nullptr;
    QLineEdit *m_extra = nullptr;
};

} // namespace wb::ui
