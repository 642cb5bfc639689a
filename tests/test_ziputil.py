"""ziputil: packages read part by part, unchanged parts copied compressed, new parts
deflated on a worker thread — and the archives are ordinary zips."""

from __future__ import annotations

import io
import zipfile
import zlib
from concurrent.futures import ThreadPoolExecutor

import pytest

from xltools.io.ziputil import Member, Package, StreamDeflater, deflate, write_package


def _zip(parts: dict[str, bytes], method: int = zipfile.ZIP_DEFLATED) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", method) as zf:
        for name, data in parts.items():
            zf.writestr(name, data)
    return buf.getvalue()


def _read(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        assert zf.testzip() is None  # every CRC checks
        return {i.filename: zf.read(i) for i in zf.infolist()}


PARTS = {"[Content_Types].xml": b"<Types/>", "xl/worksheets/sheet1.xml": b"<sheet>" + b"x" * 50_000
         + b"</sheet>", "xl/\u5355\u4f4d.xml": "\u6d4b\u8bd5".encode() * 100}


@pytest.mark.parametrize("method", [zipfile.ZIP_DEFLATED, zipfile.ZIP_STORED])
def test_unchanged_parts_are_copied_as_they_are(method: int) -> None:
    src = _zip(PARTS, method)
    package = Package(src)
    kept = package.unchanged("xl/worksheets/sheet1.xml")
    assert kept is not None and kept.method == method and kept.data() == PARTS["xl/worksheets/sheet1.xml"]
    with zipfile.ZipFile(io.BytesIO(src)) as zf:
        info = zf.getinfo("xl/worksheets/sheet1.xml")
    assert (kept.crc, kept.size, len(kept.compressed)) == (info.CRC, info.file_size, info.compress_size)
    out = write_package([(name, package.unchanged(name) or package[name]) for name in package])
    assert _read(out) == PARTS


def test_assigned_deleted_and_new_parts() -> None:
    package = Package(_zip(PARTS))
    assert package.head("xl/worksheets/sheet1.xml", 7) == b"<sheet>"
    package["[Content_Types].xml"] = b"<Types changed/>"
    assert package.unchanged("[Content_Types].xml") is None
    del package["xl/\u5355\u4f4d.xml"]
    assert "xl/\u5355\u4f4d.xml" not in package and package.unchanged("xl/\u5355\u4f4d.xml") is None
    with pytest.raises(KeyError):
        package["xl/\u5355\u4f4d.xml"]
    package["xl/new.xml"] = b"<new/>"
    assert list(package) == ["[Content_Types].xml", "xl/worksheets/sheet1.xml", "xl/new.xml"]
    assert len(package) == 3
    out = write_package([(name, package.unchanged(name) or package[name]) for name in package])
    assert _read(out) == {"[Content_Types].xml": b"<Types changed/>",
                          "xl/worksheets/sheet1.xml": PARTS["xl/worksheets/sheet1.xml"],
                          "xl/new.xml": b"<new/>"}


def test_stream_deflater_equals_one_part() -> None:
    chunks = [b"<row>%d</row>" % i * 50 for i in range(300)]
    with ThreadPoolExecutor(max_workers=1) as pool:
        packer = StreamDeflater(pool, level=1)
        for chunk in chunks:
            packer.feed(chunk)
        member = packer.finish().result()
    whole = b"".join(chunks)
    assert isinstance(member, Member) and member.data() == whole
    assert (member.crc, member.size) == (deflate(whole).crc, len(whole))
    out = write_package([("a.xml", member), ("b.xml", b"<b/>")])
    assert _read(out) == {"a.xml": whole, "b.xml": b"<b/>"}


def test_utf8_names_are_flagged() -> None:
    out = write_package([("xl/\u5355\u4f4d.xml", b"<a/>")])
    with zipfile.ZipFile(io.BytesIO(out)) as zf:
        info = zf.infolist()[0]
    assert info.filename == "xl/\u5355\u4f4d.xml" and info.flag_bits & 0x800


def test_chunks_deflated_side_by_side_make_one_stream() -> None:
    """Chunks deflated independently on several threads (each referring back into
    the one before) are one valid deflate stream, also with a second part in the
    same pool, empty chunks, and chunks shorter than the window."""
    import random

    rng = random.Random(5)
    words = [b"<c r=\"A%d\" s=\"3\"><v>%d</v></c>" % (i, i % 97) for i in range(400)]
    for sizes in ((3, 70_000, 0, 12, 200_000, 1), (1,), ()):
        chunks = [b"".join(rng.choice(words) for _ in range(n // 20 + 1))[:n] for n in sizes]
        with ThreadPoolExecutor(max_workers=3) as pool:
            first, second = StreamDeflater(pool, level=1), StreamDeflater(pool, level=6)
            for chunk in chunks:
                first.feed(chunk)
                second.feed(chunk[::-1])
            a, b = first.finish(), second.finish()
            a, b = a.result(), b.result()
        whole = b"".join(chunks)
        assert a.data() == whole and b.data() == b"".join(c[::-1] for c in chunks)
        assert (a.crc, a.size) == (zlib.crc32(whole), len(whole))
        assert _read(write_package([("a.xml", a)])) == {"a.xml": whole}
