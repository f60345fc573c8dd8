#pragma once

#include <QString>

class QTextDocument;
class QWidget;

namespace KSyntaxHighlighting {
class Repository;
}

namespace wb::ui {

// Syntax colours from KSyntaxHighlighting, one repository for the whole program (loading the
// definitions is slow: the first call pays for it).
// Highlights `document` as `definition` ("TOML", "Diff", ...), with the theme that suits `palette`.
void highlight(QTextDocument *document, const QString &definition, const QWidget *paletteOf);
// The shared repository itself, for views that choose definitions by file name.
KSyntaxHighlighting::Repository &syntaxRepository();

} // namespace wb::ui
