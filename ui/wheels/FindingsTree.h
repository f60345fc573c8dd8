#pragma once

#include "core/wheel/Finding.h"

#include <QTreeWidget>

namespace wb::ui {

class EmptyViewMessage;

// The Findings tab: severity, id, path and message per finding; mangled C++ names in messages are
// shown demangled (the original message stays in the tooltip), paths elide in the middle.
class FindingsTree : public QTreeWidget
{
    Q_OBJECT
public:
    explicit FindingsTree(QWidget *parent = nullptr);
    void setFindings(const FindingList &findings);

private:
    EmptyViewMessage *m_empty = nullptr;
};

} // namespace wb::ui
