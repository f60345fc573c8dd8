#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace wb::diagnose {

// The failures users reported upstream whose cause their thread established (the development part of
// tests/data/failure-reports), each kept as the set of distinctive words of its machine output
// (resources/catalogue/similar-reports.json, written by tools/make-similar-reports.py). A failure no rule
// names is compared with them: words weighted by how rare they are among the reports, cosine of the two
// sets, the causes of the three nearest reports summed. A match is a lead, never a verdict.
class SimilarReports
{
public:
    struct Report {
        QString name;    // the corpus file name
        QString source;  // the thread's address
        QString cause;   // the cause it established
        QStringList words;
    };
    struct Match {
        QString cause;
        double similarity = 0;  // of the nearest report of that cause, 0..1
        Report report;          // the nearest report of that cause
        QStringList sharedWords;  // the rarest words both have, rarest first
    };

    // Words as the index keeps them: per line, paths (from a slash or backslash on) dropped, then every
    // ASCII identifier of three or more characters, lower-cased, without a few English stop words.
    static QStringList words(const QString &text);

    static SimilarReports fromJson(const QByteArray &json, QString *error = nullptr);
    static const SimilarReports &builtIn();

    const QList<Report> &reports() const { return m_reports; }
    // The cause of the reports most like TEXT, when the nearest is at least MINIMUM alike.
    std::optional<Match> nearest(const QString &text, double minimum) const;

private:
    using Vector = QHash<QString, double>;
    Vector vector(const QStringList &words) const;

    QList<Report> m_reports;
    QList<Vector> m_vectors;
    QHash<QString, double> m_weight;  // a word's rarity: log((N + 1) / (reports with it + 1))
};

} // namespace wb::diagnose
