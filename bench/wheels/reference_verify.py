"""The Python reference for full verification: what a careful tool does to check a wheel's RECORD
(wheel-inspect, installer's validate_record): open the archive with zipfile, read RECORD, then
inflate every member (zipfile checks the CRC-32), hash it with hashlib and compare digest and
size with RECORD; rows without a member are reported too.

    python3 reference_verify.py WHEEL     prints "MEMBERS MISMATCHES" and exits 0 when all match
"""
import base64
import csv
import hashlib
import io
import sys
import zipfile


def main():
    bad = 0
    members = 0
    with zipfile.ZipFile(sys.argv[1]) as z:
        record = next(n for n in z.namelist() if n.endswith('.dist-info/RECORD') and n.count('/') == 1)
        with z.open(record) as f:
            rows = {r[0]: r for r in csv.reader(io.TextIOWrapper(f, 'utf-8', newline='')) if r}
        seen = set()
        for info in z.infolist():
            if info.is_dir() or info.filename == record:
                continue
            members += 1
            seen.add(info.filename)
            row = rows.get(info.filename)
            if row is None or len(row) < 3 or not row[1]:
                bad += 1
                continue
            algorithm, _, want = row[1].partition('=')
            h = hashlib.new(algorithm)
            size = 0
            with z.open(info) as f:
                while chunk := f.read(1 << 20):
                    h.update(chunk)
                    size += len(chunk)
            got = base64.urlsafe_b64encode(h.digest()).rstrip(b'=').decode()
            if got != want or (row[2] and size != int(row[2])):
                bad += 1
        bad += sum(1 for name in rows if name != record and name not in seen)
    print(members, bad)
    return 0 if bad == 0 else 1


if __name__ == '__main__':
    sys.exit(main())
