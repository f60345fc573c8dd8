#pragma once

#include <QString>
#include <QStringList>

namespace wb {

// A key path such as tool.maturin.target."x86_64-apple-darwin".macos-deployment-target, kept as its
// unquoted segments.
class TomlKeyPath
{
public:
    TomlKeyPath() = default;
    explicit TomlKeyPath(QStringList segments) : m_segments(std::move(segments)) {}

    // Parses dotted TOML key syntax (bare and quoted segments). Returns false with a message on bad syntax.
    static bool parse(const QString &text, TomlKeyPath *out, QString *error = nullptr);
    static TomlKeyPath fromText(const QString &text); // empty path on bad syntax

    const QStringList &segments() const { return m_segments; }
    bool isEmpty() const { return m_segments.isEmpty(); }
    qsizetype size() const { return m_segments.size(); }
    QString last() const { return m_segments.isEmpty() ? QString() : m_segments.last(); }
    TomlKeyPath parent() const { return TomlKeyPath(m_segments.mid(0, qMax<qsizetype>(0, m_segments.size() - 1))); }
    TomlKeyPath child(const QString &segment) const { return TomlKeyPath(m_segments + QStringList{segment}); }
    TomlKeyPath mid(qsizetype pos, qsizetype len = -1) const { return TomlKeyPath(m_segments.mid(pos, len)); }
    bool startsWith(const TomlKeyPath &prefix) const;

    // TOML text: bare segments where possible, "quoted" otherwise.
    QString toString() const;
    static QString formatSegment(const QString &segment);
    static bool isBareSegment(const QString &segment);

    friend bool operator==(const TomlKeyPath &a, const TomlKeyPath &b) { return a.m_segments == b.m_segments; }

private:
    QStringList m_segments;
};

} // namespace wb
