#pragma once

#include <QFrame>

class QHBoxLayout;
class QLabel;
class QPushButton;

namespace wb::ui {

// A message bar above a view (KDE's KMessageWidget, drawn with plain Qt): an icon, one line of
// text and the actions that resolve it. Hidden until shown with a message.
class MessageBanner : public QFrame
{
    Q_OBJECT
public:
    enum class Kind { Information, Warning, Error };

    explicit MessageBanner(QWidget *parent = nullptr);

    void showMessage(Kind kind, const QString &text);
    QString text() const;
    Kind kind() const { return m_kind; }
    // Adds a button (kept across messages); its object name is "banner/<name>".
    QPushButton *addAction(const QString &name, const QString &text);

private:
    Kind m_kind = Kind::Information;
    QLabel *m_icon = nullptr;
    QLabel *m_text = nullptr;
    QHBoxLayout *m_layout = nullptr;
};

} // namespace wb::ui
