#include "ui/common/Highlighting.h"

#include <KSyntaxHighlighting/Definition>
#include <KSyntaxHighlighting/Repository>
#include <KSyntaxHighlighting/SyntaxHighlighter>
#include <KSyntaxHighlighting/Theme>

#include <QWidget>

namespace wb::ui {

KSyntaxHighlighting::Repository &syntaxRepository()
{
    static KSyntaxHighlighting::Repository repo;
    return repo;
}

void highlight(QTextDocument *document, const QString &definition, const QWidget *paletteOf)
{
    auto *hl = new KSyntaxHighlighting::SyntaxHighlighter(document);
    hl->setTheme(syntaxRepository().themeForPalette(paletteOf->palette()));
    hl->setDefinition(syntaxRepository().definitionForName(definition));
}

} // namespace wb::ui
