#!/usr/bin/env python3
"""Splits the failure-report corpus into a development part and a held-out part.

Every report (tests/data/failure-reports/{incoming,dev,heldout}/*.txt) goes to the part chosen by a
hash of its source URL, so all reports of one thread land on the same side and a report keeps its side
when the corpus grows. About 30 % are held out. Recognisers are written from dev/ only; bench/diagnose
scores the held-out part. Run it after adding reports to incoming/; it then writes the index of the
development reports again (tools/make-similar-reports.py).
"""
import hashlib
import pathlib
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent / "tests" / "data" / "failure-reports"
HELD_OUT_PERCENT = 30


def source_of(path):
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("source:"):
            return line.split(":", 1)[1].strip()
        if line == "---":
            break
    sys.exit(f"{path}: no source: line")


def part_for(source):
    digest = hashlib.sha256(source.encode("utf-8")).digest()
    return "heldout" if int.from_bytes(digest[:4], "big") % 100 < HELD_OUT_PERCENT else "dev"


def main():
    moved = 0
    for folder in ("incoming", "dev", "heldout"):
        for path in sorted((ROOT / folder).glob("*.txt")):
            target = ROOT / part_for(source_of(path)) / path.name
            if target != path:
                target.parent.mkdir(parents=True, exist_ok=True)
                path.rename(target)
                moved += 1
    counts = {p: len(list((ROOT / p).glob("*.txt"))) for p in ("dev", "heldout")}
    print(f"moved {moved}; dev {counts['dev']}, held out {counts['heldout']}")
    subprocess.run([sys.executable, str(pathlib.Path(__file__).with_name("make-similar-reports.py"))], check=True)


if __name__ == "__main__":
    main()
