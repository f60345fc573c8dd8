#pragma once

#include <QObject>
#include <QPointer>

class QAbstractItemView;
class QLabel;

namespace wb::ui {

// The placeholder message of an empty list (KDE's HIG): one greyed line in the middle of an item
// view, saying what belongs there, shown while the view's model has no rows and gone as soon as it
// has one. Follows the model's inserts, removals, resets and layout changes and the view's size.
// Made after the view has its model; goes with the view.
class EmptyViewMessage : public QObject
{
    Q_OBJECT
public:
    explicit EmptyViewMessage(QAbstractItemView *view, const QString &text = {});

    void setText(const QString &text); // "": nothing shown
    QString text() const;
    bool isShown() const; // the view is empty and the message is up

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void place();
    void update();

    QPointer<QAbstractItemView> m_view;
    QLabel *m_label;
};

} // namespace wb::ui
