#pragma once

#include "core/wheel/SdistReport.h"
#include "core/wheel/WheelReport.h"

#include <QWidget>

class QCheckBox;
class QComboBox;

namespace wb::ui {

class SizeTreemap;

// The Size map tab: a treemap of the whole wheel (each extension split into its runtime part and its
// debug information, which "Hide debug info" leaves out) or of one extension's sections; for an
// sdist, its files.
class SizeMapPage : public QWidget
{
    Q_OBJECT
public:
    explicit SizeMapPage(QWidget *parent = nullptr);

    void setWheel(const WheelReport &report);
    void setSdist(const SdistReport &report);
    void clear();

private:
    void update();

    QComboBox *m_source = nullptr;
    QCheckBox *m_hideDebug = nullptr;
    SizeTreemap *m_treemap = nullptr;
    bool m_isSdist = false;
    WheelReport m_wheel;
    SdistReport m_sdist;
};

} // namespace wb::ui
