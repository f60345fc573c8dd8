#include "ui/common/AboutDialog.h"

#include "core/common/AppInfo.h"

#include <QDialogButtonBox>
#include <QIcon>
#include <QLabel>
#include <QVBoxLayout>

namespace wb::ui {

AboutDialog::AboutDialog(QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("About %1").arg(AppInfo::name()));
    auto *layout = new QVBoxLayout(this);
    auto *icon = new QLabel(this);
    icon->setPixmap(QIcon(QStringLiteral(":/wheelbench/icons/wheelbench.svg")).pixmap(64, 64));
    icon->setAlignment(Qt::AlignCenter);
    layout->addWidget(icon);
    auto *text = new QLabel(this);
    text->setTextFormat(Qt::RichText);
    text->setAlignment(Qt::AlignCenter);
    text->setWordWrap(true);
    text->setOpenExternalLinks(true);
    text->setText(tr("<h2>%1 %2</h2>"
                     "<p>A workbench for Python packages whose core is Rust, built with maturin and PyO3:"
                     " project settings, builds, wheels and troubleshooting in one place.</p>"
                     "<p>Licence: MIT</p>"
                     "<p>Built with Qt %3, KDE Frameworks (Archive, SyntaxHighlighting), toml++, OpenSSL and libdeflate.<br>"
                     "manylinux/musllinux policy data from pypa/auditwheel (MIT).</p>"
                     "<p>The documentation is in Help → Documentation.<br>"
                     "<a href=\"https://www.maturin.rs\">maturin user guide</a> · <a href=\"https://pyo3.rs\">PyO3 user guide</a> · "
                     "<a href=\"https://packaging.python.org\">Python Packaging User Guide</a></p>")
                      .arg(AppInfo::name(), AppInfo::version(), QString::fromLatin1(qVersion())));
    layout->addWidget(text);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
}

} // namespace wb::ui
