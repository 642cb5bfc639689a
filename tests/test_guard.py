"""The input guard on small packages built here (the attacks themselves, at
full size, are in tests/abuse/)."""

from __future__ import annotations

import io
import os
import struct
import zipfile

import pytest

from xltools.io import guard
from xltools import labels as L
from xltools.errors import InputError


def _zip(members: dict[str, bytes], method: int = zipfile.ZIP_DEFLATED) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", method) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return out.getvalue()


def _patch_sizes(data: bytes, name: str, size: int) -> bytes:
    """Rewrite the uncompressed size of ``name`` in its local and central headers."""
    buf = bytearray(data)
    info = zipfile.ZipFile(io.BytesIO(data)).getinfo(name)
    struct.pack_into("<I", buf, info.header_offset + 22, size)
    central = buf.index(b"PK\x01\x02")
    while central >= 0:
        nlen = struct.unpack_from("<H", buf, central + 28)[0]
        if bytes(buf[central + 46:central + 46 + nlen]) == name.encode():
            struct.pack_into("<I", buf, central + 24, size)
        central = buf.find(b"PK\x01\x02", central + 4)
    return bytes(buf)


SHEET = b'<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData></worksheet>'


def test_a_clean_package_passes() -> None:
    for method in (zipfile.ZIP_DEFLATED, zipfile.ZIP_STORED):
        guard.check_package(_zip({"xl/worksheets/sheet1.xml": SHEET, "a.bin": b"x" * 5000},
                                 method), "ok.xlsx")


def test_ratio_and_sizes_from_the_directory() -> None:
    spaces = _zip({"xl/sharedStrings.xml": b"<sst>" + b" " * (3 << 20) + b"</sst>"})
    kind, detail = guard.zip_problem(spaces)
    assert kind == "too_large" and "xl/sharedStrings.xml" in detail
    with pytest.raises(InputError, match="压缩炸弹"):
        guard.check_package(spaces, "s.xlsx")
    assert guard.zip_problem(b"PK\x03\x04 not a zip")[0] == "damaged"


def test_a_part_larger_than_declared_stops_at_the_declared_size() -> None:
    data = _zip({"xl/worksheets/sheet1.xml": SHEET + b" " * 100_000})
    liar = _patch_sizes(data, "xl/worksheets/sheet1.xml", 100)
    assert guard.zip_problem(liar) is None  # the directory looks harmless
    with pytest.raises(InputError, match="larger than declared"):
        guard.check_package(liar, "liar.xlsx")


def test_damaged_and_stored_members_are_named() -> None:
    data = bytearray(_zip({"word/document.xml": b"<w:document>" + bytes(range(256)) * 200
                           + b"</w:document>"}))
    info = zipfile.ZipFile(io.BytesIO(bytes(data))).getinfo("word/document.xml")
    body = info.header_offset + 30 + len("word/document.xml")
    for k in range(body + 20, body + 40):
        data[k] ^= 0xFF
    with pytest.raises(InputError) as caught:
        guard.check_package(bytes(data), "d.docx")
    assert "word/document.xml" in str(caught.value) and "已损坏" in str(caught.value)
    stored = bytearray(_zip({"a.xml": b"<a>hello</a>"}, zipfile.ZIP_STORED))
    stored[stored.index(b"hello")] = ord("j")
    with pytest.raises(InputError, match="CRC"):
        guard.check_package(bytes(stored), "s.xlsx")


def test_dtd_and_entities_are_refused() -> None:
    laughs = b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><x>&a;</x>'
    with pytest.raises(InputError) as caught:
        guard.check_package(_zip({"xl/workbook.xml": laughs}), "l.xlsx")
    assert "xl/workbook.xml" in str(caught.value) and "DTD" in str(caught.value)
    # Behind a long comment, and across the boundary of the inflated chunks.
    for pad in (200_000, guard._CHUNK - 32):  # "<!DOCTYPE" starts 4 bytes before a chunk ends  # noqa: SLF001
        late = (b'<?xml version="1.0"?><!--' + os.urandom(pad // 2).hex().encode()
                + b'--><!DOCTYPE x [<!ENTITY a "a">]><x/>')
        with pytest.raises(InputError, match="DTD"):
            guard.check_package(_zip({"word/document.xml": late}), "late.docx")


def test_cells_are_counted_across_chunks() -> None:
    row = b'<row r="1">' + b'<c r="A1"/>' * 1000 + b"</row>"
    sheet = b"<worksheet><sheetData>" + row * 150 + b"</sheetData></worksheet>"
    data = _zip({"xl/worksheets/sheet1.xml": sheet})
    cells = [0]
    info = zipfile.ZipFile(io.BytesIO(data)).getinfo("xl/worksheets/sheet1.xml")
    assert guard._verify_member(data, info, cells) is None  # noqa: SLF001
    assert cells == [150_000]


def test_encrypted_ole_and_binary_bytes() -> None:
    ole = guard.OLE_MAGIC + b"\0" * 100 + "EncryptionInfo".encode("utf-16-le") + \
        "EncryptedPackage".encode("utf-16-le")
    assert guard.is_encrypted_ole(ole)
    with pytest.raises(InputError, match=L.MSG_PASSWORD_PROTECTED.split("{path}")[1][:8]):
        guard.check_package(ole, "p.xlsx")
    assert not guard.is_encrypted_ole(ole + "WordDocument\0".encode("utf-16-le"))
    assert guard.looks_binary(b"\x00\x01garbage") and not guard.looks_binary("任务\t分工\n".encode())
    with pytest.raises(InputError, match=".docx"):
        guard.check_package(b"\x00\x01\x02" * 100, "x.docx")
    guard.check_package("<html><table>".encode(), "x.xls")  # a web page saved as .xls is text


def test_bad_xml_part_names_the_part() -> None:
    data = _zip({"xl/workbook.xml": b"<workbook/>", "xl/worksheets/sheet1.xml": b"<worksheet><x>"})
    part, reason = guard.bad_xml_part(data)
    assert part == "xl/worksheets/sheet1.xml" and reason
    error = guard.explain(data, "w.xlsx", ValueError("parser"))
    assert "xl/worksheets/sheet1.xml" in str(error)


def test_the_fast_directory_walk_never_passes_what_zipfile_refuses() -> None:
    """The struct walk only says "fine" for a package zipfile also finds fine; every
    byte of a small package's central directory changed in turn must keep that."""
    packages = [
        _zip({"xl/worksheets/sheet1.xml": SHEET, "a.bin": b"x" * 5000}),
        _zip({"xl/worksheets/sheet1.xml": SHEET}, zipfile.ZIP_STORED),
        _zip({"xl/sharedStrings.xml": b"<sst>" + b" " * (3 << 20) + b"</sst>"}),
    ]
    for data in packages:
        assert guard._plain_directory_fits(data, guard.MAX_TOTAL_BYTES) == (
            guard.zip_problem(data) is None)
        start = data.index(b"PK\x01\x02")
        for i in range(start, len(data)):
            for new in (0x00, 0xFF, data[i] ^ 0x01):
                broken = data[:i] + bytes([new]) + data[i + 1:]
                if guard._plain_directory_fits(broken, guard.MAX_TOTAL_BYTES):
                    with zipfile.ZipFile(io.BytesIO(broken)) as zf:  # zipfile agrees it is sound
                        assert all(info.file_size <= guard.MAX_PART_BYTES for info in zf.infolist())
                        assert not any(info.flag_bits & 1 for info in zf.infolist())
    # A comment after the directory, or zip64, is left to zipfile (and still fine).
    commented = bytearray(packages[0])
    commented[-2:] = struct.pack("<H", 4)
    commented += b"note"
    assert not guard._plain_directory_fits(bytes(commented), guard.MAX_TOTAL_BYTES)
    assert guard.zip_problem(bytes(commented)) is None
