#!/usr/bin/env python3
"""Writes resources/catalogue/similar-reports.json from the development failure reports.

For every report of tests/data/failure-reports/dev: its file name, its source URL, the cause its thread
established and the set of distinctive words of its machine output. Wheelbench compares a failure it
cannot name with these (core/diagnose/SimilarReports) and, when one is much alike, offers that report's
cause as a lead. Only the development part is read: the held-out part stays unseen. The words are
taken as core/diagnose/SimilarReports.cpp takes them (tests/core/diagnose/tst_similarreports.cpp checks
that both agree on every report). Run it after tools/split-failure-reports.py.
"""
import json
import pathlib
import re

ROOT = pathlib.Path(__file__).resolve().parent.parent
REPORTS = ROOT / "tests" / "data" / "failure-reports" / "dev"
OUTPUT = ROOT / "resources" / "catalogue" / "similar-reports.json"

PATH = re.compile(r"[/\\][^ \t\r\n:'\"]+")
WORD = re.compile(r"[A-Za-z_][A-Za-z0-9_]{2,}")
STOP = {"the", "and", "for", "with", "from", "that", "this", "not", "was", "are", "you", "your", "have",
        "has", "but", "can", "cannot"}


def words(text):
    found = set()
    for line in text.split("\n"):
        for w in WORD.findall(PATH.sub("", line)):
            w = w.lower()
            if w not in STOP:
                found.add(w)
    return sorted(found)


def read(path):
    head, sep, body = path.read_text(encoding="utf-8").partition("\n---\n")
    if not sep:
        raise SystemExit(f"{path}: no --- line")
    fields = {}
    for line in head.split("\n"):
        key, _, value = line.partition(":")
        fields[key.strip()] = value.strip()
    return fields, body


def main():
    reports = []
    for path in sorted(REPORTS.glob("*.txt")):
        fields, body = read(path)
        reports.append({"name": path.name, "source": fields["source"], "cause": fields["cause"], "words": words(body)})
    data = {
        "format": 1,
        "about": "Distinctive words of the development failure reports (tests/data/failure-reports/dev), "
                 "written by tools/make-similar-reports.py; the reports' machine output is not stored.",
        "reports": reports,
    }
    # One report per line: a new report is one new line in the diff.
    rows = ",\n".join(json.dumps(r, ensure_ascii=False) for r in reports)
    head = json.dumps({k: v for k, v in data.items() if k != "reports"}, ensure_ascii=False)[:-1]
    OUTPUT.write_text(f'{head}, "reports": [\n{rows}\n]}}\n', encoding="utf-8")
    print(f"{OUTPUT.relative_to(ROOT)}: {len(reports)} reports")


if __name__ == "__main__":
    main()
