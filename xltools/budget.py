"""Budgets for what is read and what is written, in one place.

Reading: before a parser sees a spreadsheet package, ``scan_workbook`` walks
its worksheets cheaply (byte regexes over slices of each part, no XML tree)
and finds each sheet's declared extent (``<dimension>``), its actual extent
(the highest row and column a cell names), its cell count, how many bytes of
shared strings its cells fan out to (calamine and openpyxl copy a shared
string into every cell that uses it), and the cells no reader can hold (NaN,
±inf; a date cell outside Excel's calendar, which makes python-calamine
panic; text in a number cell, an ISO date that does not parse, a shared
string past the table, on which openpyxl raises). ``SheetLimits`` says what a reader may be given;
``workbook_problem`` compares the two and names the sheet and the cell.

Writing: Excel's own limits (rows, columns, characters per cell), which the
roll-up keeps to and which ``report``/``remind`` accept (the roll-up they
read was written within them).
"""

from __future__ import annotations

import html
import io
import math
import re
import zipfile
from collections import Counter
from dataclasses import dataclass, field

# ------------------------------------------------------------- Excel's limits
EXCEL_MAX_ROWS = 1_048_576
EXCEL_MAX_COLS = 16_384
EXCEL_MAX_CELL_CHARS = 32_767
EXCEL_MAX_DATE = 2_958_465  # 9999-12-31 as an Excel serial number


@dataclass(frozen=True)
class SheetLimits:
    """What one package may hold before it is parsed."""

    grid: int = 5_000_000  # rows × columns of one sheet (readers allocate the grid)
    rows: int = EXCEL_MAX_ROWS
    cols: int = EXCEL_MAX_COLS
    fanout: int = 256 * 1024 * 1024  # bytes of shared strings over all the cells using them


WORKBOOK_LIMITS = SheetLimits()
# A roll-up as rollup writes it: 进度 and 问题 may be long and a few columns wide.
ROLLUP_LIMITS = SheetLimits(grid=4 * WORKBOOK_LIMITS.grid)
# A returned progress file: at most RETURN_ROW_FACTOR × the rows of the plan it
# answers (never fewer than RETURN_MIN_ROWS), a smaller grid and fan-out.
RETURN_ROW_FACTOR = 10
RETURN_MIN_ROWS = 2_000
RETURN_LIMITS = SheetLimits(grid=2_000_000, rows=100_000, cols=1_000, fanout=64 * 1024 * 1024)


def return_limits(plan_rows: int | None) -> SheetLimits:
    """The limits of a returned file answering a plan of ``plan_rows`` rows."""
    if not plan_rows:
        return RETURN_LIMITS
    rows = max(RETURN_MIN_ROWS, RETURN_ROW_FACTOR * plan_rows)
    return SheetLimits(grid=RETURN_LIMITS.grid, rows=rows, cols=RETURN_LIMITS.cols,
                       fanout=RETURN_LIMITS.fanout)


# Lines of 问题: the first few of each kind per file are listed, the rest counted.
ISSUES_SHOWN_PER_KIND = 20
ISSUES_MAX_ROWS = 200_000  # far below Excel's rows; a roll-up stays readable by report/remind
# A roll-up holds the master (within the guard's cells) and the sheets it adds:
# report and remind accept up to this many cells (guard.MAX_CELLS for other input).
ROLLUP_CELLS_FACTOR = 4


def excel_value(value: object) -> object:
    """``value`` as a cell can hold it: NaN/±inf as text, text cut to Excel's
    32,767 characters with a marker saying so."""
    if type(value) is str:
        if len(value) > EXCEL_MAX_CELL_CHARS:
            from xltools import labels as L

            return value[:EXCEL_MAX_CELL_CHARS - len(L.CELL_CUT_MARK)] + L.CELL_CUT_MARK
        return value
    if type(value) is float and not math.isfinite(value):
        return str(value)
    return value


def continued_pieces(text: str) -> list[str]:
    """The rest of a text longer than a cell holds, in cell-sized pieces (what
    follows the part ``excel_value`` shows); [] when it fits."""
    if len(text) <= EXCEL_MAX_CELL_CHARS:
        return []
    from xltools import labels as L

    start = EXCEL_MAX_CELL_CHARS - len(L.CELL_CUT_MARK)
    return [text[i:i + EXCEL_MAX_CELL_CHARS] for i in range(start, len(text), EXCEL_MAX_CELL_CHARS)]


def join_continued(shown: str, pieces: list[str] | None) -> str:
    """A text cut by ``excel_value`` made whole again from its ``pieces``."""
    from xltools import labels as L
    from xltools.text import clean_text

    # The shown part may have been read back cleaned (the mark's spaces beside Latin dropped).
    for mark in (L.CELL_CUT_MARK, clean_text(L.CELL_CUT_MARK)):
        if pieces and shown.endswith(mark):
            return shown[:-len(mark)] + "".join(pieces)
    return shown


# ------------------------------------------------------------------ scanning
@dataclass
class BadNumber:
    """A numeric cell no reader can hold: its sheet part, reference, raw text, byte span."""

    ref: str
    text: str
    start: int
    end: int


@dataclass
class SheetScan:
    part: str
    name: str = ""
    declared: tuple[int, int] = (0, 0)  # rows, columns of <dimension>
    rows: int = 0  # the highest row a cell or row names (bound for unnamed ones)
    cols: int = 0
    cells: int = 0
    fanout: int = 0  # bytes of shared strings fanned out to cells
    bad: list[BadNumber] = field(default_factory=list)
    far_cell: str = ""  # the cell that names the highest row
    wide_cell: str = ""  # the cell that names the highest column
    row_tags: int = 0  # rows present


_SLICE = 4 << 20
_FIRST_COL = re.compile(rb'<c r="([A-Z]+)[0-9]')  # how Office writes a cell: r first
_FIRST_ROW_OF_CELL = re.compile(rb'<c r="[A-Z]+([0-9]+)"')
_FIRST_ROW = re.compile(rb'<row r="([0-9]+)"')
_CELL_REF = re.compile(rb'<c\b[^>]*?\sr="\s*\$?([A-Za-z]+)\$?([0-9]+)')
_ROW_REF = re.compile(rb'<row\b[^>]*?\sr="\s*([0-9]+)')
_ROW_TAG = re.compile(rb"<row[\s>/]")
_CELL_TAG = re.compile(rb"<c[\s>/]")
_DIMENSION = re.compile(rb'<dimension\b[^>]*?\sref="([^"]*)"')
_SHARED_REF = re.compile(rb'<c\b[^>]*?\st="s"[^>]*>\s*<v>\s*([0-9]{1,10})\s*</v>')
# A value that may be unusable: not starting with a digit or a point (negative,
# NaN, inf, +…), or with a three-digit exponent (1e999 reads as inf).
_SUSPECT = re.compile(rb"<v>(?:\s*[^0-9.<]|[^<]*[eE][+-]?[0-9]{3})")
_CELL = re.compile(rb"<c\b([^>]*?)(?:/>|>(.*?)</c>)", re.S)
_ATTR_T = re.compile(rb'\st="([^"]*)"')
_ATTR_S = re.compile(rb'\ss="([0-9]+)"')
_ATTR_R = re.compile(rb'\sr="([^"]*)"')
_VALUE = re.compile(rb"<v>([^<]*)</v>")
_REF = re.compile(r"^([A-Za-z]+)([0-9]+)$")
_SI = re.compile(rb"<si[\s>/]")


def column_number(letters: str) -> int:
    n = 0
    for ch in letters.upper():
        n = n * 26 + ord(ch) - 64
    return n


def column_letters(n: int) -> str:
    out = ""
    while n > 0:
        n, rem = divmod(n - 1, 26)
        out = chr(65 + rem) + out
    return out or "A"


def _extent(ref: str) -> tuple[int, int]:
    """(rows, columns) a <dimension ref="A1:XFD1048576"> declares."""
    end = ref.split(":")[-1].replace("$", "").strip()
    m = _REF.match(end)
    if not m:
        return 0, 0
    return int(m[2]), column_number(m[1])


# Built-in number formats that are dates or times (ECMA-376 18.8.30, and the CJK ones).
_DATE_FORMAT_IDS = frozenset([*range(14, 23), *range(27, 37), *range(45, 48), *range(50, 59),
                              *range(71, 82)])
_QUOTED = re.compile(r'"[^"]*"|\\.|\[[^\]]*\]')


def _is_date_code(code: str) -> bool:
    bare = _QUOTED.sub("", code).lower()
    return any(ch in bare for ch in "dmyhs") and "general" not in bare


def date_styles(styles: bytes) -> set[int]:
    """Indexes of the cell styles (cellXfs) that show a number as a date or time."""
    custom = {int(m[1]): _is_date_code(m[2].decode("utf-8", "replace"))
              for m in re.finditer(rb'<numFmt\b[^>]*?numFmtId="([0-9]+)"[^>]*?formatCode="([^"]*)"',
                                   styles)}
    m = re.search(rb"<cellXfs\b.*?</cellXfs>", styles, re.S)
    if not m:
        return set()
    out = set()
    for i, xf in enumerate(re.finditer(rb"<xf\b([^>]*)", m[0])):
        fid = re.search(rb'numFmtId="([0-9]+)"', xf[1])
        n = int(fid[1]) if fid else 0
        if n in _DATE_FORMAT_IDS or custom.get(n, False):
            out.add(i)
    return out


def _number_unusable(raw: bytes, is_date: bool) -> bool:
    try:
        value = float(raw)
    except ValueError:
        return False  # not a number: the readers give text or an error value
    if not math.isfinite(value):
        return True
    return is_date and not 0 <= value <= EXCEL_MAX_DATE + 1


def _slices(data: bytes) -> list[tuple[int, int]]:
    """Byte ranges of about _SLICE bytes, each ending after a ``</c>`` (no cell is cut)."""
    out, start = [], 0
    while start < len(data):
        end = start + _SLICE
        if end >= len(data):
            out.append((start, len(data)))
            break
        cut = data.find(b"</c>", end)
        end = len(data) if cut < 0 else cut + 4
        out.append((start, end))
        start = end
    return out


def scan_sheet(part: str, xml: bytes, shared: list[int], dates: set[int],
               fanout_limit: int = 0) -> SheetScan:
    """The extent, cells, shared-string fan-out and unusable numbers of one worksheet.

    Cheap: byte counts and regexes with a literal prefix over slices of the part.
    A cell whose ``r`` is not its first attribute (Office, WPS and LibreOffice
    write it first) is found by a slower pattern, on the slices that hold one."""
    scan = SheetScan(part)
    m = _DIMENSION.search(xml, 0, 4096) or _DIMENSION.search(xml)
    if m:
        scan.declared = _extent(m[1].decode("ascii", "replace"))
    refs = rows_named = row_tags = shared_cells = 0
    max_row, max_col, far, wide = 0, 0, "", ""
    # A shared-string index with more digits than the table's last one is past it
    # (one of as many digits is found by the readers' own error, see workbook_reader).
    digits = len(str(max(len(shared) - 1, 0))) + 1
    shared_index = re.compile(rb't="s"[^>]*>\s*<v>\s*(?:-|[0-9]{%d})' % digits)
    chunks = []
    for start, end in _slices(xml):
        chunk = xml[start:end]
        cells = chunk.count(b"<c ") + chunk.count(b"<c>") + chunk.count(b"<c/")
        scan.cells += cells
        letters_found = _FIRST_COL.findall(chunk)
        rows_found = _FIRST_ROW_OF_CELL.findall(chunk) if len(letters_found) >= cells else []
        if len(rows_found) != len(letters_found) or len(letters_found) < cells:
            # r elsewhere among the attributes, odd or missing: the slower pattern
            pairs = _CELL_REF.findall(chunk)
            letters_found = [c for c, _ in pairs]
            rows_found = [r for _, r in pairs]
        refs += len(letters_found)
        if letters_found:
            unique = {c.upper() for c in set(letters_found)}
            widest = max(unique, key=lambda c: column_number(c.decode()))
            top_col = column_number(widest.decode())
            numbers = list(map(int, rows_found))
            top_row = max(numbers)
            if top_row > max_row:
                i = numbers.index(top_row)
                far = (letters_found[i] + rows_found[i]).decode()
            if top_col > max_col:
                try:
                    i = letters_found.index(widest)
                except ValueError:  # written in lower case
                    i = [c.upper() for c in letters_found].index(widest)
                wide = (letters_found[i] + rows_found[i]).decode()
            max_row, max_col = max(max_row, top_row), max(max_col, top_col)
        tags = chunk.count(b"<row ") + chunk.count(b"<row>") + chunk.count(b"<row/")
        row_tags += tags
        named = _FIRST_ROW.findall(chunk)
        if len(named) < tags:
            named = _ROW_REF.findall(chunk)
        rows_named += len(named)
        if named:
            max_row = max(max_row, max(map(int, named)))
        shared_cells += chunk.count(b't="s"')
        if b"<v>" in chunk and (_SUSPECT.search(chunk) or b't="d"' in chunk
                                or (shared_index and shared_index.search(chunk))):
            _find_bad(scan, chunk, start, dates, len(shared))
        chunks.append((start, end))
    # Cells and rows without an r attribute follow the previous one: bound them.
    scan.rows = max_row + max(0, row_tags - rows_named)
    scan.cols = max_col + max(0, scan.cells - refs)
    scan.far_cell, scan.wide_cell, scan.row_tags = far, wide, row_tags
    # Shared strings fanned out: counted per string only when the bound (every
    # shared-string cell holding the longest string) passes the limit.
    longest = max(shared, default=0)
    if shared_cells * longest > fanout_limit:
        fan: Counter[bytes] = Counter()
        for start, end in chunks:
            fan.update(_SHARED_REF.findall(xml, start, end))
        n = len(shared)
        scan.fanout = sum(shared[int(i)] * k for i, k in fan.items() if int(i) < n)
    else:
        scan.fanout = shared_cells * longest  # an upper bound, small enough
    return scan


_ISO_DATE = re.compile(rb"\s*(\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?"
                       rb"|\d{2}:\d{2}(:\d{2}(\.\d+)?)?)(Z|[+-]\d{2}:\d{2})?\s*")


def _value_unusable(kind: bytes, raw: bytes, is_date: bool, n_shared: int) -> bool:
    """True when a reader cannot take the value of a cell of type ``kind``: a
    number that is no number (or NaN, ±inf, a date out of Excel's calendar), a
    shared-string index past the table, an ISO date that does not parse."""
    if kind in (b"n", b""):
        try:
            float(raw)
        except ValueError:
            return True
        return _number_unusable(raw, is_date)
    if kind == b"s":
        text = raw.strip()
        return not text.isdigit() or int(text) >= n_shared
    if kind == b"d":
        return _ISO_DATE.fullmatch(raw) is None
    return False


def _find_bad(scan: SheetScan, chunk: bytes, offset: int, dates: set[int],
              n_shared: int = 0) -> None:
    for m in _CELL.finditer(chunk):
        inner = m[2]
        if not inner or b"<v>" not in inner:
            continue
        attrs = m[1]
        t = _ATTR_T.search(attrs)
        kind = t[1] if t else b""
        if kind not in (b"n", b"", b"s", b"d"):
            continue
        v = _VALUE.search(inner)
        if not v:
            continue
        s = _ATTR_S.search(attrs)
        is_date = (int(s[1]) if s and len(s[1]) < 10 else 0) in dates
        if _value_unusable(kind, v[1], is_date, n_shared):
            r = _ATTR_R.search(attrs)
            scan.bad.append(BadNumber(r[1].decode("ascii", "replace") if r else "?",
                                      v[1].decode("ascii", "replace").strip(),
                                      offset + m.start(), offset + m.end()))


def shared_lengths(sst: bytes) -> list[int]:
    """The byte length of each shared string (its <si> element: an upper bound)."""
    starts = [m.start() for m in _SI.finditer(sst)]
    end = sst.rfind(b"</sst>")
    starts.append(end if end >= 0 else len(sst))
    return [b - a for a, b in zip(starts, starts[1:])]


def _sheet_names(zf: zipfile.ZipFile, names: set[str]) -> dict[str, str]:
    """Worksheet part → sheet name (best effort; the part name when unknown)."""
    try:
        book = zf.read("xl/workbook.xml") if "xl/workbook.xml" in names else b""
        rels = (zf.read("xl/_rels/workbook.xml.rels")
                if "xl/_rels/workbook.xml.rels" in names else b"")
    except (zipfile.BadZipFile, KeyError, OSError, ValueError):
        return {}
    targets = {}
    for m in re.finditer(rb"<Relationship\b[^>]*>", rels):
        rid = re.search(rb'\sId="([^"]*)"', m[0])
        target = re.search(rb'\sTarget="([^"]*)"', m[0])
        if rid and target:
            t = target[1].decode("utf-8", "replace").lstrip("/")
            targets[rid[1]] = t if t.startswith("xl/") else "xl/" + t
    out = {}
    for m in re.finditer(rb"<(?:\w+:)?sheet\b[^>]*>", book):
        name = re.search(rb'\sname="([^"]*)"', m[0])
        rid = re.search(rb'\s\w+:id="([^"]*)"', m[0])
        if name and rid and rid[1] in targets:
            out[targets[rid[1]]] = html.unescape(name[1].decode("utf-8", "replace"))
    return out


_WORKSHEET = re.compile(r"^xl/worksheets/[^/]+\.xml$")


def scan_workbook(data: bytes, limits: SheetLimits | None = None) -> list[SheetScan]:
    """Every worksheet of an xlsx package, scanned (see ``scan_sheet``; the fan-out
    is exact when it could pass ``limits``). The package must have passed the
    input guard's size checks (parts are read whole)."""
    fanout_limit = (limits or WORKBOOK_LIMITS).fanout
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        names = set(zf.namelist())
        parts = sorted(n for n in names if _WORKSHEET.match(n))
        if not parts:
            return []
        shared = shared_lengths(zf.read("xl/sharedStrings.xml")) \
            if "xl/sharedStrings.xml" in names else []
        dates = date_styles(zf.read("xl/styles.xml")) if "xl/styles.xml" in names else set()
        titles = _sheet_names(zf, names)
        out = []
        for part in parts:
            scan = scan_sheet(part, zf.read(part), shared, dates, fanout_limit)
            scan.name = titles.get(part, part)
            out.append(scan)
    return out


@dataclass(frozen=True)
class Problem:
    """Why a package exceeds its limits: kind ("far", "grid", "rows", "fanout",
    "number"), the sheet and cell, and the numbers."""

    kind: str
    sheet: str
    cell: str
    detail: str


def workbook_problem(scans: list[SheetScan], limits: SheetLimits = WORKBOOK_LIMITS,
                     *, numbers: bool = True, declared: bool = True) -> Problem | None:
    """The first way ``scans`` exceed ``limits`` (None when within them). With
    ``numbers`` an unusable number is a problem too; with ``declared`` the
    extent a sheet declares (openpyxl pads its rows to it; calamine ignores it)."""
    for s in scans:
        extents = [(s.rows, s.cols, "actual")]
        if declared:
            extents.insert(0, (s.declared[0], s.declared[1], "declared"))
        for rows, cols, what in extents:
            cell = f"{column_letters(cols)}{rows}"
            actual = what == "actual"
            at = (s.far_cell or cell) if actual else cell
            grid = rows * cols
            # Few rows in a long extent: a cell far away, not a big table.
            sparse = not actual or s.row_tags * 10 < rows
            if rows > EXCEL_MAX_ROWS or cols > EXCEL_MAX_COLS:
                return Problem("far", s.name, at, f"{what} extent {cell}")
            if cols > limits.cols:
                return Problem("far", s.name, (s.wide_cell or cell) if actual else cell,
                               f"{what} {cols:,} columns > {limits.cols:,}")
            if sparse and (grid > limits.grid or rows > limits.rows):
                return Problem("far", s.name, at,
                               f"{what} extent {cell}: {rows:,} × {cols:,} cells, {s.cells:,} used")
            if rows > limits.rows:
                return Problem("rows", s.name, at, f"{what} {rows:,} rows > {limits.rows:,}")
            if grid > limits.grid:
                return Problem("far", s.name, at, f"{what} extent {cell}: {rows:,} × {cols:,} "
                                                  f"cells > {limits.grid:,}")
        if s.fanout > limits.fanout:
            return Problem("fanout", s.name, "",
                           f"shared strings fanned out to {s.fanout >> 20} MB "
                           f"> {limits.fanout >> 20} MB")
        if numbers and s.bad:
            b = s.bad[0]
            return Problem("number", s.name, b.ref, b.text)
    return None


def numbers_as_text(data: bytes, scans: list[SheetScan]) -> bytes:
    """``data`` (an xlsx held in memory, never the file) with every unusable
    number of ``scans`` turned into an inline text cell holding what was typed."""
    from xml.sax.saxutils import escape

    fixes = {s.part: s.bad for s in scans if s.bad}
    if not fixes:
        return data
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as zin, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            content = zin.read(info)
            bad = fixes.get(info.filename)
            if bad:
                pieces, pos = [], 0
                for b in sorted(bad, key=lambda x: x.start):
                    pieces.append(content[pos:b.start])
                    pieces.append(f'<c r="{escape(b.ref)}" t="inlineStr"><is><t>{escape(b.text)}'
                                  f"</t></is></c>".encode())
                    pos = b.end
                pieces.append(content[pos:])
                content = b"".join(pieces)
            zout.writestr(info.filename, content)
    return out.getvalue()


def declared_rows(data: bytes) -> int | None:
    """The most rows a worksheet of the xlsx ``data`` declares (its <dimension>,
    read from the head of each part), or None when there is none to read."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            best = 0
            for info in zf.infolist():
                if not _WORKSHEET.match(info.filename):
                    continue
                with zf.open(info) as fh:
                    head = fh.read(8192)
                m = _DIMENSION.search(head)
                if m:
                    best = max(best, _extent(m[1].decode("ascii", "replace"))[0])
    except Exception:  # noqa: BLE001 - a package the guard will name later
        return None
    return best or None


def is_spreadsheet_package(data: bytes) -> bool:
    """True for a zip holding an xlsx workbook part."""
    if data[:4] != b"PK\x03\x04":
        return False
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            return "xl/workbook.xml" in zf.namelist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return False


__all__ = ["excel_value", "continued_pieces", "join_continued", "ISSUES_SHOWN_PER_KIND", "ISSUES_MAX_ROWS", "ROLLUP_CELLS_FACTOR", "ROLLUP_LIMITS",
           "SheetLimits", "SheetScan", "BadNumber", "Problem", "WORKBOOK_LIMITS", "RETURN_LIMITS",
           "return_limits", "scan_workbook", "scan_sheet", "workbook_problem", "numbers_as_text",
           "date_styles", "shared_lengths", "column_letters", "column_number",
           "is_spreadsheet_package", "declared_rows", "EXCEL_MAX_ROWS", "EXCEL_MAX_COLS", "EXCEL_MAX_CELL_CHARS",
           "EXCEL_MAX_DATE"]
