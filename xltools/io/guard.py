"""The input guard: every package the project opens (original, workbook,
master, returned file) passes here before any parser sees it.

A zip package (xlsx, docx) is checked from its central directory first, so a
zip bomb is refused before anything is inflated: member count, declared size
of each part and of the whole, and the compression ratio of each part. Then
every member is inflated once as a stream with its declared size as the cap
(a part that inflates to more than it declares is refused, so a lying
directory cannot get past the limits) and its CRC is checked, so a damaged
member is reported with its name instead of as a zlib traceback from a
parser. XML parts must not carry a DTD or entity declarations (Office never
writes them; billion-laughs needs them). An OLE file holding
``EncryptionInfo`` / ``EncryptedPackage`` is a password-protected
xlsx/docx. Bytes that are neither a package nor text but carry an Office
name are called what they are instead of "save as UTF-8 text".

``explain`` turns an exception a parser raised anyway (malformed XML) into an
InputError naming the file and the part.
"""

from __future__ import annotations

import io
import re
import struct
import zipfile
import zlib
from pathlib import PurePath

from xltools import labels as L
from xltools.errors import InputError

MAX_INPUT_BYTES = 200 * 1024 * 1024  # a file read whole into memory
# A province-size workbook (5,000 requirements, 200 units) is 0.6 MB: its biggest
# part 6 MB, its highest ratio 50:1 (shared strings), about 0.2 million cells.
MAX_PART_BYTES = 64 * 1024 * 1024  # one part, inflated
MAX_TOTAL_BYTES = 256 * 1024 * 1024  # all parts, inflated
MAX_CELLS = 2_000_000  # cells in all worksheets (a parser holds them all)
MAX_RATIO = 200  # inflated ÷ compressed size of one part (above RATIO_FLOOR)
RATIO_FLOOR = 1024 * 1024  # small parts may compress as well as they like
MAX_MEMBERS = 5000
_CHUNK = 1 << 20

ZIP_MAGIC = b"PK\x03\x04"
EMPTY_ZIP_MAGIC = b"PK\x05\x06"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED_STREAMS = tuple(n.encode("utf-16-le") for n in ("EncryptionInfo", "EncryptedPackage"))
_LEGACY_STREAMS = tuple((n + "\0").encode("utf-16-le") for n in ("WordDocument", "Workbook", "Book"))
OFFICE_SUFFIXES = (".xlsx", ".xlsm", ".xltx", ".xltm", ".xls", ".xlt", ".et", ".ett",
                   ".docx", ".docm", ".dotx", ".doc", ".wps", ".ods", ".odt")
_XML_PART = re.compile(r"\.(xml|rels|vml)$", re.I)
_DTD_MARKS = (b"<!DOCTYPE", b"<!ENTITY")  # XML is case-sensitive; text cannot hold a bare "<"
_WORKSHEET = re.compile(r"^xl/worksheets/[^/]+\.xml$")
_CELL_TAGS = (b"<c ", b"<c>")
_TOO_MANY_CELLS = f"more than {MAX_CELLS:,} cells"


def _mb(n: int) -> str:
    return f"{n / (1024 * 1024):.0f} MB"


def is_encrypted_ole(data: bytes) -> bool:
    """True for an OLE compound file holding an encrypted Office package
    (what Excel/Word/WPS write when a password is set on an xlsx/docx)."""
    # Both stream names, and none of a legacy document's (whose text could name them).
    return (data[:8] == OLE_MAGIC and all(s in data for s in _ENCRYPTED_STREAMS)
            and not any(s in data for s in _LEGACY_STREAMS))


def looks_binary(data: bytes) -> bool:
    """True when ``data`` is no text in any encoding the readers know: NUL bytes
    (outside UTF-16) or many control bytes in its first 8 KB."""
    head = data[:8192]
    if not head or head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return False
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13, 27))
    return b"\x00" in head or controls > len(head) // 100


_EOCD = struct.Struct("<4s4H2LH")
_CENTRAL = struct.Struct("<4s6H3L5H2L")


def _plain_directory_fits(data: bytes, max_total: int) -> bool:
    """True when ``data`` ends in a plain (not zip64, no comment) central directory
    whose every entry is within the limits below; False means "look closer".

    A struct walk over the directory, ten times faster than zipfile's; anything
    unusual (a comment, zip64, a mismatch, one entry over a limit) goes to
    zipfile, which names the problem."""
    if len(data) < _EOCD.size:
        return False
    sig, disk, cd_disk, n_here, n_total, cd_size, cd_offset, comment = _EOCD.unpack_from(
        data, len(data) - _EOCD.size)
    if (sig != EMPTY_ZIP_MAGIC or comment or disk or cd_disk or n_here != n_total
            or n_total > MAX_MEMBERS or cd_offset + cd_size != len(data) - _EOCD.size):
        return False
    pos, total = cd_offset, 0
    for _ in range(n_total):
        if pos + _CENTRAL.size > cd_offset + cd_size:
            return False
        (sig, _made, need, flags, method, _time, _date, _crc, csize, usize, n_name, n_extra,
         n_comment, _disk, _iattr, _eattr, _offset) = _CENTRAL.unpack_from(data, pos)
        if (sig != b"PK\x01\x02" or flags & 0x1 or method not in (0, 8) or need > 63
                or usize > MAX_PART_BYTES
                or usize == 0xFFFFFFFF or csize == 0xFFFFFFFF
                or (usize > RATIO_FLOOR and usize > MAX_RATIO * max(csize, 1))):
            return False
        total += usize
        if total > max_total:
            return False
        pos += _CENTRAL.size + n_name + n_extra + n_comment
    return pos == cd_offset + cd_size


def zip_problem(data: bytes, max_total: int = MAX_TOTAL_BYTES) -> tuple[str, str] | None:
    """(kind, detail) when a zip must not be opened, from its central directory
    only (nothing is inflated): kind "damaged", "encrypted" or "too_large"."""
    if _plain_directory_fits(data, max_total):
        return None
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            infos = zf.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, ValueError, OSError,
            EOFError) as exc:
        return "damaged", str(exc) or type(exc).__name__
    if len(infos) > MAX_MEMBERS:
        return "too_large", f"{len(infos)} parts > {MAX_MEMBERS}"
    total = 0
    for info in infos:
        if info.flag_bits & 0x1:
            return "encrypted", info.filename
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            return "damaged", f"{info.filename}: compression method {info.compress_type}"
        size = info.file_size
        if size > MAX_PART_BYTES:
            return "too_large", f"{info.filename}: {_mb(size)} > {_mb(MAX_PART_BYTES)}"
        if size > RATIO_FLOOR and size > MAX_RATIO * max(info.compress_size, 1):
            return "too_large", (f"{info.filename}: {_mb(size)} from "
                                 f"{info.compress_size} bytes (> {MAX_RATIO}:1)")
        total += size
        if total > max_total:
            return "too_large", f"{_mb(total)} > {_mb(max_total)}"
    return None


def _member_bytes(data: bytes, info: zipfile.ZipInfo) -> memoryview | None:
    """The stored (compressed) bytes of one member, located from its local header."""
    offset = info.header_offset
    header = data[offset:offset + 30]
    if len(header) < 30 or header[:4] != ZIP_MAGIC:
        return None
    start = (offset + 30 + int.from_bytes(header[26:28], "little")
             + int.from_bytes(header[28:30], "little"))
    if start + info.compress_size > len(data):
        return None
    return memoryview(data)[start:start + info.compress_size]


def _has_dtd(chunk: bytes) -> bool:
    return b"<!" in chunk and any(mark in chunk for mark in _DTD_MARKS)  # one scan, mostly


def _count_cells(chunk: bytes) -> int:
    return sum(chunk.count(tag) for tag in _CELL_TAGS)


def _verify_member(data: bytes, info: zipfile.ZipInfo, cells: list[int],
                   max_cells: int = MAX_CELLS) -> str | None:
    """Why one member is unusable (None when it is fine): inflated as a stream,
    never to more than its declared size, its CRC and size compared; the cells
    of a worksheet are added to ``cells[0]``."""
    raw = _member_bytes(data, info)
    if raw is None:
        return "local header missing or member cut off"
    xml = _XML_PART.search(info.filename) is not None
    sheet = _WORKSHEET.match(info.filename) is not None
    declared = info.file_size
    if info.compress_type == zipfile.ZIP_STORED:
        if len(raw) != declared:
            return "size differs from the directory"
        if xml and _has_dtd(bytes(raw)):
            return "DTD"
        if sheet:
            cells[0] += _count_cells(bytes(raw))
        return None if zlib.crc32(raw) == info.CRC else "bad CRC-32"
    inflater = zlib.decompressobj(-15)
    crc = 0
    size = 0
    pos = 0
    pending = b""
    tail = b""  # the end of the last chunk: a cell tag may straddle two chunks
    xml_tail = b""  # likewise a DTD mark
    while True:
        if not pending:
            if pos >= len(raw) or inflater.eof:
                break
            pending = raw[pos:pos + _CHUNK]
            pos += _CHUNK
        # Never more than one byte past the declared size: a lying directory is caught here.
        out = inflater.decompress(pending, min(_CHUNK, declared - size + 1))
        pending = inflater.unconsumed_tail
        size += len(out)
        if size > declared:
            return "larger than declared"
        crc = zlib.crc32(out, crc)
        if sheet and out:
            # The tags in this chunk, and one straddling the previous chunk's end.
            cells[0] += _count_cells(out) + _count_cells(tail + out[:2])
            tail = out[-2:]
            if cells[0] > max_cells:
                return _TOO_MANY_CELLS
        if xml and out:
            if _has_dtd(out) or _has_dtd(xml_tail + out[:8]):
                return "DTD"
            xml_tail = out[-8:]
        if not out and not pending and pos >= len(raw):
            break
    if not inflater.eof:
        return "compressed data cut off"
    if size != declared:
        return "size differs from the directory"
    if crc != info.CRC:
        return "bad CRC-32"
    return None


def _verify_members(data: bytes, max_cells: int = MAX_CELLS) -> tuple[str, str] | None:
    """(part, reason) of the first member that does not inflate to its declared
    size and CRC, or is XML with a DTD."""
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        infos = zf.infolist()
    cells = [0]
    for info in infos:
        if info.is_dir() and not info.file_size:
            continue
        try:
            reason = _verify_member(data, info, cells, max_cells)
            if reason is None and cells[0] > max_cells:
                reason = _TOO_MANY_CELLS
        except zlib.error as exc:
            reason = str(exc) or "zlib error"
        if reason is not None:
            return info.filename, reason
    return None


def input_too_large(name: str, size: int) -> InputError:
    return InputError(L.MSG_INPUT_TOO_LARGE.format(path=name, size=_mb(size),
                                                   limit=_mb(MAX_INPUT_BYTES)), path=name)


def check_package(data: bytes, name: str, *, max_cells: int = MAX_CELLS,
                  limits: object = None) -> None:
    """Refuse (InputError naming the file and the part) what must not be parsed:
    an encrypted Office file, a zip bomb, a damaged member, XML with a DTD,
    binary bytes under an Office name, sheets beyond ``limits`` (a
    ``budget.SheetLimits``; see ``check_sheets``)."""
    if len(data) > MAX_INPUT_BYTES:
        raise input_too_large(name, len(data))
    if data[:8] == OLE_MAGIC:
        if is_encrypted_ole(data):
            raise InputError(L.MSG_PASSWORD_PROTECTED.format(path=name), path=name)
        return
    if data[:4] in (ZIP_MAGIC, EMPTY_ZIP_MAGIC):
        problem = zip_problem(data)
        if problem is None:
            bad = _verify_members(data, max_cells)
            if bad is not None:
                part, reason = bad
                if reason == "DTD":
                    raise InputError(L.MSG_PACKAGE_DTD.format(path=name, part=part), path=name)
                if reason in ("larger than declared", _TOO_MANY_CELLS):
                    raise InputError(L.MSG_PACKAGE_TOO_LARGE.format(
                        path=name, detail=f"{part}: {reason}"), path=name)
                raise InputError(L.MSG_PACKAGE_DAMAGED.format(path=name, part=part, reason=reason),
                                 path=name)
            check_sheets(data, name, limits)
            return
        kind, detail = problem
        if kind == "encrypted":
            raise InputError(L.MSG_PASSWORD_PROTECTED.format(path=name), path=name)
        if kind == "too_large":
            raise InputError(L.MSG_PACKAGE_TOO_LARGE.format(path=name, detail=detail), path=name)
        raise InputError(L.MSG_PACKAGE_BAD_ZIP.format(path=name, reason=detail), path=name)
    suffix = PurePath(name).suffix.lower()
    if suffix in OFFICE_SUFFIXES and looks_binary(data):
        raise InputError(L.MSG_NOT_OFFICE_FILE.format(path=name, suffix=suffix), path=name)


def is_reader_failure(exc: BaseException) -> bool:
    """True for what a reader may raise on a hostile file: any Exception, and a
    Rust panic surfaced by pyo3 (``PanicException``, a BaseException, from
    python-calamine); never Ctrl-C or an exit."""
    if isinstance(exc, Exception):
        return True
    return type(exc).__name__ == "PanicException"


def sheet_problem_error(problem: object, name: str) -> InputError:
    """The InputError for a ``budget.Problem`` of package ``name``."""
    from xltools.budget import Problem

    assert isinstance(problem, Problem)
    fmt = {"far": L.MSG_SHEET_FAR_CELL, "rows": L.MSG_SHEET_TOO_MANY_ROWS,
           "fanout": L.MSG_SHEET_FANOUT}.get(problem.kind)
    if fmt is None:
        return InputError(L.MSG_SHEET_BAD_NUMBER.format(path=name, sheet=problem.sheet,
                                                        cell=problem.cell, value=problem.detail),
                          path=name, sheet=problem.sheet)
    return InputError(fmt.format(path=name, sheet=problem.sheet, cell=problem.cell,
                                 detail=problem.detail), path=name, sheet=problem.sheet)


def check_sheets(data: bytes, name: str, limits: object = None) -> None:
    """Refuse a spreadsheet package whose sheets a reader cannot hold (see
    ``xltools.budget``): a cell far outside the table, a declared or actual
    extent over the grid, shared strings fanned out too far, a number no
    reader can hold (NaN, ±inf, a date outside Excel's calendar)."""
    from xltools import budget

    if not budget.is_spreadsheet_package(data):
        return
    limits = limits or budget.WORKBOOK_LIMITS
    problem = budget.workbook_problem(budget.scan_workbook(data, limits),  # type: ignore[arg-type]
                                      limits)  # type: ignore[arg-type]
    if problem is not None:
        raise sheet_problem_error(problem, name)


# ------------------------------------------------------------------------ PDF
MAX_PDF_PAGES = 500  # pdfplumber holds every page's objects; a task document is far shorter
MAX_PDF_STREAM = 64 * 1024 * 1024  # one stream, inflated
MAX_PDF_TOTAL = 256 * 1024 * 1024  # all streams, inflated
_PDF_STREAM = re.compile(rb"stream\r?\n")
_PDF_PAGE = re.compile(rb"/Type\s*/Page(?![A-Za-z])")
_PDF_FLATE = re.compile(rb"/(?:FlateDecode|Fl)\b")
_PDF_OTHER_FILTER = re.compile(rb"/(?:LZWDecode|LZW|RunLengthDecode|RL)\b")


def pdf_problem(data: bytes) -> str | None:
    """Why a PDF must not be given to pdfplumber (None when it may): more than
    MAX_PDF_PAGES pages, a stream inflating past MAX_PDF_STREAM, all streams
    past MAX_PDF_TOTAL. Read from the raw bytes, before any parser: every
    stream is inflated once, never more than one byte past the limit, and the
    page objects are counted in the file and in the (inflated) object streams."""
    pages = len(_PDF_PAGE.findall(data))
    total = 0
    pos = 0
    while True:
        m = _PDF_STREAM.search(data, pos)
        if m is None:
            break
        start = m.end()
        end = data.find(b"endstream", start)
        if end < 0:
            end = len(data)
        head = data[max(0, m.start() - 512):m.start()]
        head = head[head.rfind(b"<<"):] if b"<<" in head else head
        pos = end + 9
        if _PDF_OTHER_FILTER.search(head):
            return "stream with an LZW/RunLength filter"  # never written by Office or WPS
        if not _PDF_FLATE.search(head):
            total += end - start
            continue
        inflater = zlib.decompressobj()
        try:
            out = inflater.decompress(data[start:end], MAX_PDF_STREAM + 1)
        except zlib.error:
            continue  # damaged: pdfminer reports or skips it
        if len(out) > MAX_PDF_STREAM:
            return f"one stream inflates past {_mb(MAX_PDF_STREAM)}"
        total += len(out)
        if total > MAX_PDF_TOTAL:
            return f"streams inflate past {_mb(MAX_PDF_TOTAL)}"
        if b"/ObjStm" in head:
            pages += len(_PDF_PAGE.findall(out))
        if pages > MAX_PDF_PAGES:
            break
    if pages > MAX_PDF_PAGES:
        return f"{pages:,} pages > {MAX_PDF_PAGES:,}"
    return None


def check_pdf(data: bytes, name: str) -> None:
    """Refuse (InputError) a PDF over the limits of ``pdf_problem``."""
    problem = pdf_problem(data)
    if problem is not None:
        raise InputError(L.MSG_PDF_TOO_LARGE.format(path=name, detail=problem), path=name)


def bad_xml_part(data: bytes) -> tuple[str, str] | None:
    """(part, reason) of the first XML part of a zip package that is not
    well-formed XML, or None. Parsed with lxml, no entities, no network."""
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False,
                             load_dtd=False)
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError, OSError):
        return None
    with zf:
        for info in zf.infolist():
            if not _XML_PART.search(info.filename):
                continue
            try:
                with zf.open(info) as fh:
                    etree.parse(fh, parser)
            except etree.XMLSyntaxError as exc:
                return info.filename, str(exc)[:200]
            except (zipfile.BadZipFile, zlib.error, OSError, ValueError) as exc:
                return info.filename, str(exc)[:200] or type(exc).__name__
    return None


def bad_part_error(data: bytes, name: str) -> InputError | None:
    """The InputError naming the damaged or malformed part of a package, or None."""
    if data[:4] != ZIP_MAGIC:
        return None
    bad = _verify_members(data) or bad_xml_part(data)
    if bad is None:
        return None
    part, reason = bad
    return InputError(L.MSG_PACKAGE_BAD_XML.format(path=name, part=part, reason=reason), path=name)


def explain(data: bytes, name: str, exc: BaseException) -> InputError:
    """The InputError for a package a parser could not read, naming the part when
    one is damaged or is bad XML; else the parser's own reason."""
    found = bad_part_error(data, name)
    if found is not None:
        return found
    reason = str(exc)[:200] or type(exc).__name__
    return InputError(L.MSG_PACKAGE_UNREADABLE.format(path=name, reason=reason), path=name)


__all__ = ["is_reader_failure", "check_pdf", "pdf_problem", "MAX_PDF_PAGES", "check_package", "check_sheets", "sheet_problem_error", "zip_problem", "is_encrypted_ole", "looks_binary", "bad_xml_part",
           "explain", "bad_part_error", "input_too_large",
           "MAX_INPUT_BYTES", "MAX_PART_BYTES", "MAX_TOTAL_BYTES", "MAX_RATIO", "MAX_CELLS"]
