#!/usr/bin/env python3
"""Turns auditwheel's manylinux/musllinux policy tables into Wheelbench's compact policy format.

Usage: tools/make-policies.py UPSTREAM_DIR [OUT_DIR]
  UPSTREAM_DIR holds manylinux-policy.json and musllinux-policy.json as published by pypa/auditwheel
  (src/auditwheel/policy/). OUT_DIR defaults to resources/policies next to this script.

Output (one file per family, resources/policies/<family>.json), loaded by core/binary/PolicyTable:
  {"format": 1, "family": "manylinux", "attribution": {...},
   "policies": [{"name", "aliases", "priority",
                 "versions": {arch: {namespace: "v1 v2 ..."}},   # complete allowed sets, space separated
                 "libraries": "lib1 lib2 ...",                    # whitelist
                 "blacklist": {lib: "sym1 sym2 ..."}}]}           # sorted by priority, most compatible first
"""
import json
import pathlib
import sys

ATTRIBUTION = {
    "source": "pypa/auditwheel src/auditwheel/policy/",
    "license": "MIT",
    "copyright": "Copyright (c) 2016 Robert T. McGibbon",
    "note": "Policy facts from auditwheel, converted to this format by tools/make-policies.py",
}


def convert(upstream: pathlib.Path, family: str) -> dict:
    policies = json.loads((upstream / f"{family}-policy.json").read_text(encoding="utf-8"))
    out = []
    for p in sorted(policies, key=lambda p: -p["priority"]):
        if p["name"] == "linux":
            continue  # the fallback is implicit in the evaluator
        versions = {
            arch: {ns: " ".join(vs) for ns, vs in sorted(namespaces.items())}
            for arch, namespaces in sorted(p["symbol_versions"].items())
        }
        out.append({
            "name": p["name"],
            "aliases": p.get("aliases", []),
            "priority": p["priority"],
            "versions": versions,
            "libraries": " ".join(sorted(p["lib_whitelist"])),
            "blacklist": {lib: " ".join(sorted(syms)) for lib, syms in sorted(p.get("blacklist", {}).items())},
        })
    return {"format": 1, "family": family, "attribution": ATTRIBUTION, "policies": out}


def main() -> int:
    if len(sys.argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    upstream = pathlib.Path(sys.argv[1])
    out_dir = pathlib.Path(sys.argv[2]) if len(sys.argv) > 2 else pathlib.Path(__file__).resolve().parent.parent / "resources" / "policies"
    out_dir.mkdir(parents=True, exist_ok=True)
    for family in ("manylinux", "musllinux"):
        data = convert(upstream, family)
        target = out_dir / f"{family}.json"
        tmp = target.with_suffix(".json.tmp")
        tmp.write_text(json.dumps(data, indent=1, sort_keys=False) + "\n", encoding="utf-8")
        tmp.replace(target)
        print(f"wrote {target} ({len(data['policies'])} policies)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
