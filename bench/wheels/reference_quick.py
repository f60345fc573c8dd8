"""The Python reference for a quick look: zipfile reads the central directory and lists every
member with its sizes (no member is inflated).

    python3 reference_quick.py WHEEL     prints "ENTRIES UNCOMPRESSED_BYTES"
"""
import sys
import zipfile

with zipfile.ZipFile(sys.argv[1]) as z:
    infos = z.infolist()
    print(len(infos), sum(i.file_size for i in infos))
