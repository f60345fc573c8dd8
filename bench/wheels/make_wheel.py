"""Writes a synthetic wheel for the end-to-end benchmark.

    python3 make_wheel.py OUT.whl TOTAL_MB FILES [--incompressible PERCENT]

The members have varied sizes (many small modules, some large files); PERCENT of the bytes
(default 60) are random, like compiled code, the rest Python-like text. Deflated at zlib's
default level, as maturin writes wheels. RECORD lists every member with its sha256 and size.
The file name is a valid wheel name: name the folder after the sizes, not the file.
"""
import base64
import hashlib
import os
import random
import sys
import zipfile


def main():
    args = sys.argv[1:]
    percent = 60
    if '--incompressible' in args:
        i = args.index('--incompressible')
        percent = int(args[i + 1])
        del args[i:i + 2]
    path, total_mb, count = args[0], int(args[1]), int(args[2])
    rng = random.Random(1)
    total = total_mb * 1024 * 1024
    # Sizes: log-normal around the mean, scaled to the total.
    raw = [rng.lognormvariate(0, 1.2) for _ in range(count)]
    scale = total / sum(raw)
    sizes = [max(16, int(r * scale)) for r in raw]
    # Random members, largest first, until PERCENT of the bytes are random.
    order = sorted(range(count), key=lambda i: -sizes[i])
    random_set, random_bytes = set(), 0
    for i in order:
        if random_bytes + sizes[i] <= total * percent / 100:
            random_set.add(i)
            random_bytes += sizes[i]
    words = [bytes(rng.choice(b'abcdefghijklmnopqrstuvwxyz_') for _ in range(rng.randint(2, 10))) for _ in range(3000)]
    lines = []
    for _ in range(40000):
        indent = b'    ' * rng.randint(0, 3)
        lines.append(indent + b' '.join(rng.choice(words) for _ in range(rng.randint(2, 12))) + b'\n')
    text = b''.join(lines)
    record = []

    def add(z, name, data):
        z.writestr(name, data)
        digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b'=').decode()
        record.append(f'{name},sha256={digest},{len(data)}')

    with zipfile.ZipFile(path + '.part', 'w', zipfile.ZIP_DEFLATED) as z:
        for i in range(count):
            n = sizes[i]
            if i in random_set:
                data = rng.randbytes(n)
                name = f'bigpkg/data{i // 400}/blob{i}.bin'
            else:
                start = rng.randrange(0, len(text) - 1)
                data = (f'# module {i}\n'.encode() + text[start:start + n])[:n]
                while len(data) < n:
                    data += text[:n - len(data)]
                name = f'bigpkg/mod{i // 400}/m{i}.py'
            add(z, name, data)
        meta = b'Metadata-Version: 2.4\nName: bigpkg\nVersion: 1.0\nSummary: synthetic benchmark wheel\n'
        wheel = b'Wheel-Version: 1.0\nGenerator: wheelbench-bench\nRoot-Is-Purelib: true\nTag: py3-none-any\n'
        add(z, 'bigpkg-1.0.dist-info/METADATA', meta)
        add(z, 'bigpkg-1.0.dist-info/WHEEL', wheel)
        record.append('bigpkg-1.0.dist-info/RECORD,,')
        z.writestr('bigpkg-1.0.dist-info/RECORD', '\n'.join(record) + '\n')
    os.replace(path + '.part', path)


if __name__ == '__main__':
    main()
