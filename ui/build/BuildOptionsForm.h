#pragma once

#include "core/build/BuildRequest.h"

#include <QGroupBox>

class QCheckBox;
class QComboBox;
class QLineEdit;

namespace wb::ui {

// The Build view's options: each control maps to one maturin flag, each has a label (its own text
// for check boxes, a QLabel buddy otherwise) and a tooltip naming the flag.
class BuildOptionsForm : public QGroupBox
{
    Q_OBJECT
public:
    explicit BuildOptionsForm(QWidget *parent = nullptr);
    wb::BuildRequest request(const QString &projectDir) const;
    // The Cargo.toml to build (maturin -m), e.g. the workspace member chosen in the Project view.
    void setManifest(const QString &manifest);

Q_SIGNALS:
    void changed();

private:
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
    QLineEdit *m_extra = nullptr;
};

} // namespace wb::ui
