#include "core/diagnose/SimilarReports.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <cmath>

namespace wb::diagnose {

namespace {

const QSet<QString> &stopWords()
{
    static const QSet<QString> stop = {
        QStringLiteral("the"), QStringLiteral("and"),  QStringLiteral("for"),  QStringLiteral("with"), QStringLiteral("from"),
        QStringLiteral("that"), QStringLiteral("this"), QStringLiteral("not"),  QStringLiteral("was"),  QStringLiteral("are"),
        QStringLiteral("you"), QStringLiteral("your"), QStringLiteral("have"), QStringLiteral("has"),  QStringLiteral("but"),
        QStringLiteral("can"), QStringLiteral("cannot")};
    return stop;
}

double norm(const QHash<QString, double> &v)
{
    double sum = 0;
    for (double x : v)
        sum += x * x;
    return std::sqrt(sum);
}

double cosine(const QHash<QString, double> &a, const QHash<QString, double> &b)
{
    const auto &small = a.size() <= b.size() ? a : b;
    const auto &large = a.size() <= b.size() ? b : a;
    double sum = 0;
    for (auto it = small.cbegin(); it != small.cend(); ++it)
        sum += it.value() * large.value(it.key());
    return sum;
}

} // namespace

QStringList SimilarReports::words(const QString &text)
{
    static const QRegularExpression path(QStringLiteral("[/\\\\][^ \\t\\r\\n:'\"]+"));
    static const QRegularExpression word(QStringLiteral("[A-Za-z_][A-Za-z0-9_]{2,}"));
    QSet<QString> found;
    for (QString line : text.split(QLatin1Char('\n'))) {
        line.remove(path);
        for (auto it = word.globalMatch(line); it.hasNext();) {
            const QString w = it.next().captured().toLower();
            if (!stopWords().contains(w))
                found.insert(w);
        }
    }
    QStringList sorted(found.cbegin(), found.cend());
    std::sort(sorted.begin(), sorted.end());
    return sorted;
}

SimilarReports SimilarReports::fromJson(const QByteArray &json, QString *error)
{
    SimilarReports s;
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (!doc.isObject() || doc.object().value(u"format").toInt() != 1) {
        if (error)
            *error = doc.isNull() ? parseError.errorString() : QStringLiteral("not a format 1 index of reports");
        return s;
    }
    QHash<QString, int> reportsWith;
    for (const QJsonValue &v : doc.object().value(u"reports").toArray()) {
        const QJsonObject o = v.toObject();
        Report r{o.value(u"name").toString(), o.value(u"source").toString(), o.value(u"cause").toString(), {}};
        for (const QJsonValue &w : o.value(u"words").toArray())
            r.words << w.toString();
        for (const QString &w : std::as_const(r.words))
            ++reportsWith[w];
        s.m_reports << r;
    }
    const double n = s.m_reports.size();
    for (auto it = reportsWith.cbegin(); it != reportsWith.cend(); ++it)
        s.m_weight.insert(it.key(), std::log((n + 1) / (it.value() + 1)));
    for (const Report &r : std::as_const(s.m_reports))
        s.m_vectors << s.vector(r.words);
    return s;
}

const SimilarReports &SimilarReports::builtIn()
{
    static const SimilarReports reports = [] {
        QFile file(QStringLiteral(":/wheelbench/catalogue/similar-reports.json"));
        if (!file.open(QIODevice::ReadOnly)) {
            qWarning("the index of reported failures is not compiled in");
            return SimilarReports();
        }
        QString error;
        SimilarReports s = fromJson(file.readAll(), &error);
        if (s.m_reports.isEmpty())
            qWarning("the index of reported failures is invalid: %s", qPrintable(error));
        return s;
    }();
    return reports;
}

SimilarReports::Vector SimilarReports::vector(const QStringList &words) const
{
    Vector v;
    for (const QString &w : words) {
        const auto it = m_weight.constFind(w);
        if (it != m_weight.cend())
            v.insert(w, *it);
    }
    const double length = norm(v);
    if (length > 0) {
        for (double &x : v)
            x /= length;
    }
    return v;
}

std::optional<SimilarReports::Match> SimilarReports::nearest(const QString &text, double minimum) const
{
    const Vector query = vector(words(text));
    if (query.isEmpty())
        return std::nullopt;
    QList<std::pair<double, int>> ranked;
    ranked.reserve(m_vectors.size());
    for (int i = 0; i < m_vectors.size(); ++i)
        ranked.append({cosine(query, m_vectors.at(i)), i});
    const int k = std::min<qsizetype>(3, ranked.size());
    std::partial_sort(ranked.begin(), ranked.begin() + k, ranked.end(),
                      [](const auto &a, const auto &b) { return a.first > b.first || (a.first == b.first && a.second < b.second); });
    if (k == 0 || ranked.first().first < minimum)
        return std::nullopt;
    // The causes of the three nearest, each weighted by how alike its report is.
    QList<std::pair<QString, double>> votes;
    for (int i = 0; i < k; ++i) {
        const QString &cause = m_reports.at(ranked.at(i).second).cause;
        auto it = std::find_if(votes.begin(), votes.end(), [&](const auto &v) { return v.first == cause; });
        if (it == votes.end())
            votes.append({cause, ranked.at(i).first});
        else
            it->second += ranked.at(i).first;
    }
    const auto best = std::max_element(votes.cbegin(), votes.cend(), [](const auto &a, const auto &b) { return a.second < b.second; });
    Match m;
    m.cause = best->first;
    for (int i = 0; i < k; ++i) {
        const Report &r = m_reports.at(ranked.at(i).second);
        if (r.cause == m.cause) {
            m.report = r;
            m.similarity = ranked.at(i).first;
            const Vector &v = m_vectors.at(ranked.at(i).second);
            QList<std::pair<double, QString>> shared;
            for (auto it = query.cbegin(); it != query.cend(); ++it) {
                if (v.contains(it.key()))
                    shared.append({m_weight.value(it.key()), it.key()});
            }
            std::sort(shared.begin(), shared.end(), [](const auto &a, const auto &b) { return a.first > b.first || (a.first == b.first && a.second < b.second); });
            for (const auto &s : std::as_const(shared).mid(0, 8))
                m.sharedWords << s.second;
            break;
        }
    }
    return m;
}

} // namespace wb::diagnose
