#pragma once

#include <QObject>

class QAbstractItemView;
class QHeaderView;

namespace wb::ui {

// Columns as desktop tools have them: every column can be resized and the last stretches, while one
// column (a message, a title) takes the width the others leave. The others keep their widths, the last
// the width its contents want; the filling column follows the view as it resizes and as rows arrive,
// until the user sizes it. Owned by the view.
class FillingColumn : public QObject
{
    Q_OBJECT
public:
    FillingColumn(QAbstractItemView *view, QHeaderView *header, int column);

    void fit();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void fitSoon();

    QAbstractItemView *m_view;
    QHeaderView *m_header;
    int m_column;
    bool m_fitting = false;   // the columns are being sized here, not by the user
    bool m_userSized = false; // the user sized the filling column: leave it
    bool m_pending = false;
};

} // namespace wb::ui
