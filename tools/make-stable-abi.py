#!/usr/bin/env python3
"""Turns CPython's list of the Stable ABI into Wheelbench's compact resource.

Usage: tools/make-stable-abi.py SOURCE [OUT_FILE]
  SOURCE is either CPython's Misc/stable_abi.toml (the manifest of the Limited API / Stable ABI), or a
  module-definition file generated from it that lists the exports of python3.dll (one name per line
  after EXPORTS, data items marked DATA), such as src/python3.def of the python3-dll-a crate.
  OUT_FILE defaults to resources/policies/python-stable-abi.json next to this script.

Output, loaded by core/binary/StableAbi:
  {"format": 1, "source": "...", "note": "...",
   "functions": "name name ...",   # exported functions of the Stable ABI, sorted, space separated
   "data": "name name ..."}        # exported data (type objects, exception objects, ...)
Only the symbols matter here (functions and data); structs, macros and constants are not linkable.
"""
import json
import pathlib
import sys


def from_toml(path: pathlib.Path):
    import tomllib
    manifest = tomllib.loads(path.read_text(encoding="utf-8"))
    return sorted(manifest.get("function", {})), sorted(manifest.get("data", {}))


def from_def(path: pathlib.Path):
    functions, data = [], []
    exports = False
    for line in path.read_text(encoding="utf-8").splitlines():
        words = line.split()
        if not words or words[0].startswith(";"):
            continue
        if words[0] == "EXPORTS":
            exports = True
            continue
        if not exports:
            continue
        (data if "DATA" in words[1:] else functions).append(words[0])
    return sorted(set(functions)), sorted(set(data))


def main() -> int:
    if len(sys.argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    source = pathlib.Path(sys.argv[1])
    out = pathlib.Path(sys.argv[2]) if len(sys.argv) > 2 else \
        pathlib.Path(__file__).resolve().parent.parent / "resources" / "policies" / "python-stable-abi.json"
    functions, data = from_toml(source) if source.suffix == ".toml" else from_def(source)
    if len(functions) + len(data) < 800:
        print(f"{source}: only {len(functions) + len(data)} symbols; not a Stable ABI list?", file=sys.stderr)
        return 1
    doc = {
        "format": 1,
        "source": "CPython Misc/stable_abi.toml (the Limited API and Stable ABI manifest), function and data items",
        "license": "PSF-2.0 (facts from CPython)",
        "note": "Converted to this format by tools/make-stable-abi.py; symbols only, in the stable ABI of any Python 3 "
                "version (an extension's minimum version is not checked)",
        "functions": " ".join(functions),
        "data": " ".join(data),
    }
    out.write_text(json.dumps(doc, indent=1) + "\n", encoding="utf-8")
    print(f"{out}: {len(functions)} functions, {len(data)} data")
    return 0


if __name__ == "__main__":
    sys.exit(main())
