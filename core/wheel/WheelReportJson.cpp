#include "core/wheel/WheelReportJson.h"

#include "core/wheel/PlatformTag.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>
#include <charconv>
#include <functional>
#include <string>

using namespace Qt::StringLiterals;

namespace wb {

namespace {

QJsonValue fieldsToJson(const HeaderFile &h, const QStringList &multi)
{
    QJsonObject o;
    for (const HeaderFile::Field &f : h.fields) {
        const bool many = multi.contains(f.key, Qt::CaseInsensitive) || h.values(f.key).size() > 1;
        if (many) {
            QJsonArray a = o.value(f.key).toArray();
            a.append(f.value);
            o.insert(f.key, a);
        } else
            o.insert(f.key, f.value);
    }
    return o;
}

QJsonArray strings(const QStringList &l)
{
    return QJsonArray::fromStringList(l);
}

QJsonObject blockerJson(const PolicyBlocker &b)
{
    QJsonObject o{{QStringLiteral("kind"), PolicyBlocker::kindName(b.kind)}, {QStringLiteral("file"), b.file}};
    if (!b.library.isEmpty())
        o.insert(QStringLiteral("library"), b.library);
    if (!b.version.isEmpty())
        o.insert(QStringLiteral("version"), b.version);
    if (!b.symbols.isEmpty())
        o.insert(QStringLiteral("symbols"), strings(b.symbols));
    return o;
}

QJsonObject verdictJson(const PolicyVerdict &v)
{
    QJsonArray better;
    for (const PolicyCheck &c : v.better) {
        QJsonArray bl;
        for (const PolicyBlocker &b : c.blockers)
            bl.append(blockerJson(b));
        better.append(QJsonObject{{QStringLiteral("policy"), c.policy}, {QStringLiteral("blockers"), bl}});
    }
    return {{QStringLiteral("family"), v.family},
            {QStringLiteral("arch"), v.arch},
            {QStringLiteral("policy"), v.policy},
            {QStringLiteral("symbol_policy"), v.symbolPolicy},
            {QStringLiteral("better"), better}};
}

// What `auditwheel repair` would copy on this machine (additive to schema 1).
QJsonObject repairJson(const RepairPreview &r)
{
    QJsonArray copied;
    for (const RepairLibrary &l : r.copied) {
        QJsonObject versions;
        for (auto it = l.versions.constBegin(); it != l.versions.constEnd(); ++it)
            versions.insert(it.key(), QJsonArray::fromStringList(it.value()));
        copied.append(QJsonObject{{QStringLiteral("soname"), l.soname},
                                  {QStringLiteral("path"), l.path.isEmpty() ? QJsonValue() : QJsonValue(l.path)},
                                  {QStringLiteral("size"), l.size},
                                  {QStringLiteral("needed_by"), l.neededBy},
                                  {QStringLiteral("needs"), QJsonArray::fromStringList(l.needs)},
                                  {QStringLiteral("symbol_versions"), versions}});
    }
    return {{QStringLiteral("policy"), r.policy},
            {QStringLiteral("copied"), copied},
            {QStringLiteral("missing"), QJsonArray::fromStringList(r.missing)},
            {QStringLiteral("repaired_policy"), r.repairedPolicy.isEmpty() ? QJsonValue() : QJsonValue(r.repairedPolicy)},
            {QStringLiteral("symbol_policy"), r.symbolPolicy}};
}


// The "files" array, as JSON values.
QJsonArray filesJson(const WheelReport &r)
{
    QJsonArray files;
    for (const WheelFileEntry &f : r.files) {
        if (f.isDirectory)
            continue;
        QJsonObject fo{{QStringLiteral("path"), f.path}, {QStringLiteral("size"), f.size}, {QStringLiteral("compressed_size"), f.compressedSize}};
        if (!f.digest.isEmpty())
            fo.insert(QStringLiteral("digest"), f.digest);
        if (f.isSymlink)
            fo.insert(QStringLiteral("symlink"), true);
        files.append(fo);
    }
    return files;
}

// A string that needs escaping (or is not ASCII) as QJsonDocument writes it, quotes included.
QByteArray escapedJsonString(const QString &s)
{
    const QByteArray a = QJsonDocument(QJsonArray{s}).toJson(QJsonDocument::Compact); // ["..."]
    return a.sliced(1, a.size() - 2);
}

// The "files" array as QJsonDocument indents it at the top level: objects at 8 spaces, their keys
// (in Qt's order: sorted) at 12. Written into one std::string (appends there are plain copies).
void writeFilesJsonText(const WheelReport &r, const std::function<void(const char *, size_t)> &sink)
{
    // Handed to the sink in pieces of about this size: a large wheel's text is never held whole.
    constexpr size_t kPiece = 1u << 20;
    std::string out;
    out.reserve(kPiece + 4096);
    out += "[\n";
    bool first = true;
    char digits[24];
    auto number = [&](qint64 v) {
        const auto [end, ec] = std::to_chars(digits, digits + sizeof digits, v);
        out.append(digits, size_t(end - digits));
    };
    auto string = [&](const QString &s) {
        const QChar *c = s.constData();
        const qsizetype n = s.size();
        // Copied as it is checked (one pass); a character JSON escapes, or one beyond ASCII, sends the
        // string the general way instead.
        const size_t at = out.size();
        out.resize(at + size_t(n) + 2);
        char *p = out.data() + at;
        *p++ = '"';
        bool odd = false;
        for (qsizetype i = 0; i < n; ++i) {
            const char16_t u = c[i].unicode();
            odd |= (u < 0x20) | (u >= 0x7f) | (u == u'"') | (u == u'\\');
            p[i] = char(u);
        }
        p[n] = '"';
        if (!odd)
            return;
        out.resize(at);
        const QByteArray escaped = escapedJsonString(s);
        out.append(escaped.constData(), size_t(escaped.size()));
    };
    for (const WheelFileEntry &f : r.files) {
        if (f.isDirectory)
            continue;
        if (out.size() >= kPiece) {
            sink(out.data(), out.size());
            out.clear();
        }
        if (!first)
            out += ",\n";
        first = false;
        out += "        {\n            \"compressed_size\": ";
        number(f.compressedSize);
        if (!f.digest.isEmpty()) {
            out += ",\n            \"digest\": ";
            string(f.digest);
        }
        out += ",\n            \"path\": ";
        string(f.path);
        out += ",\n            \"size\": ";
        number(f.size);
        if (f.isSymlink)
            out += ",\n            \"symlink\": true";
        out += "\n        }";
    }
    if (!first)
        out += '\n';
    out += "    ]";
    sink(out.data(), out.size());
}

QJsonObject reportJson(const WheelReport &r, bool withFiles);

} // namespace

QJsonObject toJson(const WheelReport &r)
{
    return reportJson(r, true);
}

JsonTextParts toJsonTextParts(const WheelReport &r)
{
    QJsonObject o = reportJson(r, false);
    static const QString marker = QStringLiteral("@wheelbench-files@");
    o.insert(QStringLiteral("files"), marker);
    const QByteArray text = QJsonDocument(o).toJson(QJsonDocument::Indented);
    const QByteArray placeholder = "\n    \"files\": \"" + marker.toLatin1() + '"';
    const qsizetype at = text.indexOf(placeholder);
    if (at < 0) // cannot happen; the slow way stays right
        return {QJsonDocument(toJson(r)).toJson(QJsonDocument::Indented), {}, false};
    const qsizetype valueAt = at + placeholder.size() - marker.size() - 2;
    return {text.left(valueAt), text.mid(valueAt + marker.size() + 2), true};
}

void writeJsonText(const WheelReport &r, const std::function<void(const char *, size_t)> &sink)
{
    const JsonTextParts parts = toJsonTextParts(r);
    sink(parts.head.constData(), size_t(parts.head.size()));
    if (parts.withFiles)
        writeFilesJsonText(r, sink);
    sink(parts.tail.constData(), size_t(parts.tail.size()));
}

QByteArray toJsonText(const WheelReport &r)
{
    QByteArray text;
    writeJsonText(r, [&text](const char *data, size_t size) { text.append(data, qsizetype(size)); });
    return text;
}

namespace {

QJsonObject reportJson(const WheelReport &r, bool withFiles)
{
    QJsonObject o;
    o.insert(QStringLiteral("schema_version"), WheelReport::schemaVersion);
    o.insert(QStringLiteral("kind"), QStringLiteral("wheel"));
    o.insert(QStringLiteral("file"), r.file);
    o.insert(QStringLiteral("file_size"), r.fileSize);
    o.insert(QStringLiteral("readable"), r.readable);
    if (!r.unreadableReason.isEmpty())
        o.insert(QStringLiteral("unreadable_reason"), r.unreadableReason);
    o.insert(QStringLiteral("verdict"), r.verdict());
    o.insert(QStringLiteral("name"), r.name);
    o.insert(QStringLiteral("version"), r.version);
    o.insert(QStringLiteral("build_tag"), r.buildTag.isEmpty() ? QJsonValue() : QJsonValue(r.buildTag));
    o.insert(QStringLiteral("tags"), strings(r.tags));
    QJsonArray platforms;
    for (const QString &tag : r.filename.platformTags) {
        const PlatformTag p = PlatformTag::parse(tag);
        QJsonObject po{{QStringLiteral("tag"), tag}, {QStringLiteral("kind"), PlatformTag::kindName(p.kind)},
                       {QStringLiteral("arch"), p.arch}, {QStringLiteral("description"), p.describe()}};
        if (p.canonical != tag)
            po.insert(QStringLiteral("canonical"), p.canonical);
        platforms.append(po);
    }
    o.insert(QStringLiteral("platforms"), platforms);
    o.insert(QStringLiteral("dist_info"), r.distInfo);
    o.insert(QStringLiteral("wheel"), fieldsToJson(r.wheel, {QStringLiteral("Tag")}));
    QJsonObject md = fieldsToJson(r.metadata, {QStringLiteral("Classifier"), QStringLiteral("Requires-Dist"), QStringLiteral("Provides-Extra"),
                                                QStringLiteral("Project-URL"), QStringLiteral("License-File"), QStringLiteral("Dynamic"),
                                                QStringLiteral("Platform"), QStringLiteral("Supported-Platform"), QStringLiteral("Import-Name"),
                                                QStringLiteral("Import-Namespace")}).toObject();
    if (!r.metadata.body.isEmpty())
        md.insert(QStringLiteral("description_length"), r.metadata.body.size());
    o.insert(QStringLiteral("metadata"), md);
    QJsonArray eps;
    for (const EntryPoint &e : r.entryPoints)
        eps.append(QJsonObject{{QStringLiteral("group"), e.group}, {QStringLiteral("name"), e.name}, {QStringLiteral("value"), e.value}});
    o.insert(QStringLiteral("entry_points"), eps);
    o.insert(QStringLiteral("typed"), QJsonObject{{QStringLiteral("py_typed"), r.pyTyped}, {QStringLiteral("pyi_files"), r.stubFiles}});
    QJsonArray problems;
    for (const RecordProblem &p : r.record.problems)
        problems.append(QJsonObject{{QStringLiteral("path"), p.path}, {QStringLiteral("problem"), p.problem}, {QStringLiteral("kind"), p.kind}});
    o.insert(QStringLiteral("record"), QJsonObject{{QStringLiteral("present"), r.record.present},
                                                   {QStringLiteral("verified"), r.record.verified},
                                                   {QStringLiteral("ok"), r.record.ok},
                                                   {QStringLiteral("rows"), r.record.rows},
                                                   {QStringLiteral("problems"), problems}});
    if (withFiles)
        o.insert(QStringLiteral("files"), filesJson(r));
    o.insert(QStringLiteral("size"), QJsonObject{{QStringLiteral("uncompressed"), r.totalSize}, {QStringLiteral("compressed"), r.totalCompressedSize}});
    QJsonArray folders;
    for (const auto &p : r.folderSizes)
        folders.append(QJsonObject{{QStringLiteral("path"), p.first}, {QStringLiteral("size"), p.second}});
    o.insert(QStringLiteral("folders"), folders);
    QJsonArray exts;
    for (const ExtensionReport &x : r.extensions) {
        QJsonObject xo;
        xo.insert(QStringLiteral("path"), x.path);
        xo.insert(QStringLiteral("format"), x.binary.formatName());
        xo.insert(QStringLiteral("arch"), x.binary.arch());
        xo.insert(QStringLiteral("python_module"), x.pythonModule);
        xo.insert(QStringLiteral("stripped"), x.binary.stripped);
        xo.insert(QStringLiteral("debug_bytes"), x.binary.debugBytes);
        xo.insert(QStringLiteral("size"), x.binary.fileSize);
        xo.insert(QStringLiteral("size_after_strip"), x.sizeAfterStrip);
        xo.insert(QStringLiteral("needed"), strings(x.binary.allNeeded()));
        const BinarySlice first = x.binary.slices.value(0);
        xo.insert(QStringLiteral("rpath"), strings(first.rpaths));
        xo.insert(QStringLiteral("runpath"), strings(first.runpaths));
        QJsonObject sv;
        const auto versions = x.symbolVersions();
        for (auto it = versions.constBegin(); it != versions.constEnd(); ++it)
            sv.insert(it.key(), strings(it.value()));
        xo.insert(QStringLiteral("symbol_versions"), sv);
        QJsonObject sbv;
        for (auto it = first.symbolsByVersion.constBegin(); it != first.symbolsByVersion.constEnd(); ++it)
            sbv.insert(it.key(), strings(it.value()));
        xo.insert(QStringLiteral("symbols_by_version"), sbv);
        if (x.binary.format == BinaryInfo::Format::Pe) {
            QJsonObject imports;
            for (auto it = first.importsByLibrary.constBegin(); it != first.importsByLibrary.constEnd(); ++it)
                imports.insert(it.key(), strings(it.value()));
            xo.insert(QStringLiteral("imports"), imports);
        }
        xo.insert(QStringLiteral("policy"), x.policy.family.isEmpty() ? QJsonValue() : QJsonValue(x.policy.policy));
        if (!x.policy.family.isEmpty())
            xo.insert(QStringLiteral("policy_detail"), verdictJson(x.policy));
        xo.insert(QStringLiteral("pyinit_expected"), x.pyinitExpected);
        xo.insert(QStringLiteral("pyinit_found"), x.pyinitFound);
        xo.insert(QStringLiteral("exports"), strings(x.binary.allExports()));
        xo.insert(QStringLiteral("links_libpython"), x.linksLibpython);
        xo.insert(QStringLiteral("abi3"), x.abi3);
        if (x.abi3 || !x.abi3NonStableCalls.isEmpty())
            xo.insert(QStringLiteral("abi3_non_stable_calls"), QJsonArray::fromStringList(x.abi3NonStableCalls));
        xo.insert(QStringLiteral("suffix"), x.suffix);
        QJsonArray slices;
        for (const BinarySlice &s : x.binary.slices) {
            QJsonObject so{{QStringLiteral("arch"), s.arch}, {QStringLiteral("needed"), strings(s.needed)}};
            if (!s.platform.isEmpty())
                so.insert(QStringLiteral("platform"), s.platform);
            if (!s.minOs.isEmpty()) {
                so.insert(QStringLiteral("min_os"), s.minOs);
                if (s.platform.isEmpty() || s.platform == QLatin1String("macos"))
                    so.insert(QStringLiteral("min_macos"), s.minOs);
            }
            slices.append(so);
        }
        xo.insert(QStringLiteral("slices"), slices);
        exts.append(xo);
    }
    o.insert(QStringLiteral("extensions"), exts);
    o.insert(QStringLiteral("policy"), r.policy.family.isEmpty() ? QJsonValue() : QJsonValue(verdictJson(r.policy)));
    if (r.repair.applicable)
        o.insert(QStringLiteral("repair"), repairJson(r.repair));
    QJsonArray findings;
    for (const Finding &f : r.findings)
        findings.append(QJsonObject{{QStringLiteral("id"), f.id},
                                    {QStringLiteral("severity"), Finding::severityName(f.severity)},
                                    {QStringLiteral("message"), f.message},
                                    {QStringLiteral("path"), f.path.isEmpty() ? QJsonValue() : QJsonValue(f.path)}});
    o.insert(QStringLiteral("findings"), findings);
    return o;
}

} // namespace

} // namespace wb
