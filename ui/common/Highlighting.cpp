#include "ui/common/Highlighting.h"

#include <KSyntaxHighlighting/Definition>
#include <KSyntaxHighlighting/Repository>
#include <KSyntaxHighlighting/SyntaxHighlighter>
#include <KSyntaxHighlighting/Theme>

#include <QWidget>

namespace wb::ui {

namespace {
KSyntaxHighlighting::Repository &repository()
{
    static KSyntaxHighlighting::Repository repo;
    return repo;
}
} // namespace

void highlight(QTextDocument *document, const QString &definition, const QWidget *paletteOf)
{
    auto *hl = new KSyntaxHighlighting::SyntaxHighlighter(document);
    hl->setTheme(repository().themeForPalette(paletteOf->palette()));
    hl->setDefinition(repository().definitionForName(definition));
}

} // namespace wb::ui
