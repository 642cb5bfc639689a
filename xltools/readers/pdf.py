"""Digital PDFs (the usual form of an attachment): ruled tables through
pdfplumber → the same grid of cells the Word/Excel readers produce.

- A cell is a ruled rectangle; one spanning several grid rows/columns is a
  merged cell (its text shown in every position it covers, flagged).
- Text inside a cell is joined across its wrapped lines; a line that ends
  short of the cell's right edge ends a paragraph (kept as a line break,
  e.g. one unit per line).
- A table continued on the next page is one table: a row split over the
  page break is put back together, and a merged cell running over the
  break (an empty cell at the top of the next page) continues.
- Text outside the tables (title, headings between tables) is read in page
  order; page numbers are left out.

A PDF without a task table gives its text, one paragraph a line, for the
prose reader; a PDF without a text layer (a scan) is refused: OCR is not
supported.
"""

from __future__ import annotations

import io
import re
import unicodedata
from dataclasses import dataclass, field
from statistics import median

from xltools import labels as L
from xltools.errors import InputError, SourceFormatError
from xltools.readers.cleanup import Fixer
from xltools.readers.grid import Cell, GridReader
from xltools.readers.rows import Event, SourceMeta

Result = tuple[list[Event], SourceMeta]
_PAGE_NUMBER = re.compile(L.PDF_PAGE_NUMBER)
_TOL = 2.0  # points: ruling lines closer than this are the same line
_SENTENCE_END = "。；;！!？?"


@dataclass
class _Text:
    """One paragraph outside the tables; ``last``: its last visual line,
    ``edge``: the right margin of its page (to tell a wrapped line)."""

    text: str
    last: _Line | None = None
    edge: float = 0.0


@dataclass
class _Table:
    """One ruled table of one page."""

    grid: list[list[Cell]]
    xs: list[float]  # column boundaries
    page: int
    top: float
    bottom: float
    page_height: float
    # per grid position: the owning cell's last line reaches the right edge
    # (its text may go on), and the owner's (row, col)
    full: list[list[bool]] = field(default_factory=list)
    owner: list[list[tuple[int, int]]] = field(default_factory=list)


def _cluster(values: list[float]) -> list[float]:
    out: list[float] = []
    for v in sorted(values):
        if not out or v - out[-1] > _TOL:
            out.append(v)
    return out


def _index(bounds: list[float], v: float) -> int:
    return min(range(len(bounds)), key=lambda i: abs(bounds[i] - v))


_STOPS = "，。、；：？！,.;:?!%·…"


def _opening(ch: str) -> bool:
    return len(ch) == 1 and unicodedata.category(ch) in ("Ps", "Pi")


def _closing(ch: str) -> bool:
    """Punctuation that may not begin a line (it stays with the character before)."""
    return len(ch) == 1 and (unicodedata.category(ch) in ("Pe", "Pf") or ch in _STOPS)


@dataclass(frozen=True)
class _Line:
    text: str
    start: float  # x of the first character's left side
    end: float  # x of the last character's right side
    lead: float  # width of the line's first unbreakable unit (a word, or a character with its punctuation)
    size: float


def _concat(a: str, b: str) -> str:
    """Two pieces of one wrapped text: a space only between two Latin words
    (a number broken over two lines is one number)."""
    if a[-1:].isascii() and a[-1:].isalpha() and b[:1].isascii() and b[:1].isalpha():
        return a + " " + b
    return a + b


def _join(lines: list[_Line], edge: float) -> tuple[str, bool]:
    """Visual lines → the cell's text. A line was wrapped (the text runs on)
    when the next line's first unit would not have fitted in the room left
    at its end; otherwise the line ended a paragraph (kept as a line break,
    e.g. one unit per line). Also whether the last line is full: the text
    may go on (on the next page)."""
    out = ""
    for k, ln in enumerate(lines):
        if k:
            prev = lines[k - 1]
            # a unit longer than a line is broken anywhere: the line before it
            # may end short, the broken line runs to the edge
            one_unit = ln.lead >= ln.end - ln.start - 0.5 and ln.end + ln.size > edge
            wrapped = prev.end + ln.lead > edge - 0.5 or one_unit
            out = _concat(out, ln.text) if wrapped else out + "\n" + ln.text
        else:
            out = ln.text
    last = lines[-1] if lines else None
    return out, last is not None and last.end + 2 * last.size > edge


def _inside(ch: dict, box: tuple[float, float, float, float]) -> bool:
    cx, cy = (ch["x0"] + ch["x1"]) / 2, (ch["top"] + ch["bottom"]) / 2
    return box[0] <= cx <= box[2] and box[1] <= cy <= box[3]


def _lines(chars: list[dict]) -> list[_Line]:
    """Characters → visual lines, top to bottom."""
    rows: list[list[dict]] = []
    for ch in sorted(chars, key=lambda c: (c["top"], c["x0"])):
        size = ch.get("size") or 10.0
        if rows and abs(ch["top"] - rows[-1][0]["top"]) <= size * 0.5:
            rows[-1].append(ch)
        else:
            rows.append([ch])
    out = []
    for row in rows:
        row.sort(key=lambda c: c["x0"])
        text = ""
        for k, ch in enumerate(row):
            if k and ch["x0"] - row[k - 1]["x1"] > 0.3 * (ch.get("size") or 10.0):
                text += " "
            text += ch["text"]
        # the first unit: a Latin word or number, or one character, with the
        # punctuation bound to it (and a number right after closing punctuation)
        j = 0

        def latin(k: int) -> bool:
            return k < len(row) and row[k]["text"].isascii() and row[k]["text"].isalnum()

        if latin(0):
            while latin(j + 1):
                j += 1
        elif _opening(row[0]["text"]) and len(row) > 1:
            j = 1
        while j + 1 < len(row) and _closing(row[j + 1]["text"]):
            j += 1
            while latin(0) and latin(j + 1):
                j += 1
        lead = row[j]["x1"] - row[0]["x0"]
        out.append(_Line(text.strip(), row[0]["x0"], max(c["x1"] for c in row), lead,
                         median(c.get("size") or 10.0 for c in row)))
    return [ln for ln in out if ln.text]


def _table(page, table, number: int) -> _Table | None:  # type: ignore[no-untyped-def]
    """A pdfplumber table → a grid of cells with merges flagged."""
    boxes = [c for c in table.cells if c]
    if not boxes:
        return None
    xs = _cluster([b[0] for b in boxes] + [b[2] for b in boxes])
    ys = _cluster([b[1] for b in boxes] + [b[3] for b in boxes])
    if len(xs) < 2 or len(ys) < 2:
        return None
    nrow, ncol = len(ys) - 1, len(xs) - 1
    grid = [[Cell() for _ in range(ncol)] for _ in range(nrow)]
    full = [[False] * ncol for _ in range(nrow)]
    owner = [[(r, c) for c in range(ncol)] for r in range(nrow)]
    page_chars = [ch for ch in page.chars if ch.get("text", "").strip()
                  and _inside(ch, table.bbox)]
    for x0, top, x1, bottom in boxes:
        c0, c1 = _index(xs, x0), _index(xs, x1)
        r0, r1 = _index(ys, top), _index(ys, bottom)
        if c1 <= c0 or r1 <= r0:
            continue
        chars = [ch for ch in page_chars if _inside(ch, (x0, top, x1, bottom))]
        pad = (min(ch["x0"] for ch in chars) - x0) if chars else 0.0
        text, last_full = _join(_lines(chars), x1 - max(pad, 0.0))
        for r in range(r0, r1):
            for c in range(c0, c1):
                first = (r, c) == (r0, c0)
                grid[r][c] = Cell(text, from_above=not first and r > r0, from_left=not first and c > c0)
                full[r][c] = last_full
                owner[r][c] = (r0, c0)
    return _Table(grid, xs, number, ys[0], ys[-1], float(page.height), full, owner)


def _same_columns(a: _Table, b: _Table) -> bool:
    return len(a.xs) == len(b.xs) and all(abs(x - y) <= 3 * _TOL for x, y in zip(a.xs, b.xs))


def _continue(prev: _Table, nxt: _Table) -> None:
    """Append ``nxt`` (the same table on the next page) to ``prev``: a first
    row that holds only the rest of texts cut at the page break joins the
    last row; empty cells at the top that continue a merged cell take its
    text."""
    rows = nxt.grid
    start = 0
    header = [c.text for c in prev.grid[0]]
    if rows and [c.text for c in rows[0]] == header:
        start = 1  # the header row repeated on every page
    last = len(prev.grid) - 1
    if start < len(rows):
        first = rows[start]
        filled = [c for c, cell in enumerate(first) if cell.text.strip() and not cell.from_left]
        remainder = bool(filled) and all(
            prev.full[last][c] and not prev.grid[last][c].text.rstrip().endswith(tuple(_SENTENCE_END))
            for c in filled)
        if remainder:
            for c in filled:
                r0, c0 = prev.owner[last][c]
                _retext(prev, (r0, c0), _concat(prev.grid[r0][c0].text, first[c].text))
            # the rows below the split row continue from the joined last row
            rows = rows[:start] + rows[start + 1:]
            nxt.full = nxt.full[:start] + nxt.full[start + 1:]
        else:
            merged_above = [prev.owner[last][c][0] < last for c in range(len(first))]
            rows[start] = [Cell(prev.grid[last][c].text, from_above=True)
                           if not cell.text.strip() and merged_above[c] else cell
                           for c, cell in enumerate(first)]
    base = len(prev.grid)
    for k, row in enumerate(rows[start:]):
        # a cell continued from above (on this page) takes the text it continues
        fixed = []
        for c, cell in enumerate(row):
            if cell.from_above:
                above = prev.grid[-1][c] if prev.grid else Cell()
                fixed.append(Cell(above.text, from_above=True, from_left=cell.from_left))
            elif cell.from_left and fixed:
                fixed.append(Cell(fixed[-1].text, from_above=fixed[-1].from_above, from_left=True))
            else:
                fixed.append(cell)
        owners = [prev.owner[-1][c] if cell.from_above else (base + k, c) for c, cell in enumerate(fixed)]
        prev.grid.append(fixed)
        prev.full.append(nxt.full[start + k] if start + k < len(nxt.full) else [False] * len(row))
        prev.owner.append(owners)
    prev.bottom, prev.page = nxt.bottom, nxt.page


def _retext(t: _Table, at: tuple[int, int], text: str) -> None:
    """Set the text of the cell owned at ``at`` in every position it covers."""
    for r, row in enumerate(t.grid):
        for c, cell in enumerate(row):
            if t.owner[r][c] == at:
                row[c] = Cell(text, cell.from_above, cell.from_left)


def _open(data: bytes, name: str):  # type: ignore[no-untyped-def]
    import pdfplumber

    try:
        return pdfplumber.open(io.BytesIO(data))
    except Exception as exc:  # pdfminer raises many kinds for broken or encrypted files
        raise InputError(L.MSG_BAD_PDF.format(path=name, reason=type(exc).__name__), path=name) from exc


def _page_texts(page, chars: list[dict], boxes: list) -> list[tuple[float, _Text]]:  # type: ignore[no-untyped-def]
    """The visual lines of ``chars`` (page numbers left out) with their top."""
    lines = [(ln, top) for ln, top in _flow_lines(chars) if not _PAGE_NUMBER.match(ln.text)]
    # the text's right margin, taken as wide as the left one
    left = min([ln.start for ln, _ in lines] + [b[0] for b in boxes], default=0.0)
    edge = float(page.width) - left
    return [(top, _Text(ln.text, ln, edge)) for ln, top in lines]


def _items(data: bytes, name: str) -> tuple[list[_Text | _Table], list[_Text | _Table]]:
    """The document as paragraphs and tables in reading order; and as
    paragraphs only (the tables' text included), for a PDF whose tables
    are no task table."""
    items: list[_Text | _Table] = []
    plain: list[_Text | _Table] = []
    with _open(data, name) as pdf:
        try:
            pages = list(pdf.pages)
            has_text = any(ch.get("text", "").strip() for p in pages for ch in p.chars)
        except Exception as exc:
            raise InputError(L.MSG_BAD_PDF.format(path=name, reason=type(exc).__name__), path=name) from exc
        if not has_text:
            raise SourceFormatError(L.MSG_PDF_SCANNED.format(path=name), path=name)
        for number, page in enumerate(pages, start=1):
            found = page.find_tables()
            tables = [t for t in (_table(page, ft, number) for ft in found) if t is not None]
            boxes = [ft.bbox for ft in found]
            chars = [ch for ch in page.chars if ch.get("text", "").strip()]
            free = [ch for ch in chars if not any(_inside(ch, b) for b in boxes)]
            placed = sorted(_page_texts(page, free, boxes) + [(t.top, t) for t in tables], key=lambda p: p[0])
            items += [obj for _, obj in placed]
            plain += [obj for _, obj in _page_texts(page, chars, [])]
    return _paragraphs(items), _paragraphs(plain)


def _flow_lines(chars: list[dict]) -> list[tuple[_Line, float]]:
    """Visual lines of the text outside the tables, with their top."""
    tops: list[float] = []
    groups: list[list[dict]] = []
    for ch in sorted(chars, key=lambda c: (c["top"], c["x0"])):
        if groups and abs(ch["top"] - tops[-1]) <= (ch.get("size") or 10.0) * 0.5:
            groups[-1].append(ch)
        else:
            tops.append(ch["top"])
            groups.append([ch])
    out = []
    for group, top in zip(groups, tops):
        found = _lines(group)
        if found:
            out.append((found[0] if len(found) == 1 else _Line(
                " ".join(ln.text for ln in found), found[0].start, max(ln.end for ln in found),
                found[0].lead, found[0].size), top))
    return out


def _paragraphs(items: list[_Text | _Table]) -> list[_Text | _Table]:
    """Lines outside the tables → paragraphs: a line runs on into the next
    when that one's first word would not have fitted at its end (the rule
    of the cells), also over a page break."""
    out: list[_Text | _Table] = []
    for item in items:
        prev = out[-1] if out else None
        if isinstance(item, _Text) and isinstance(prev, _Text) and prev.last and item.last \
                and prev.last.end + item.last.lead > prev.edge - 0.5:
            out[-1] = _Text(_concat(prev.text, item.text), item.last, item.edge)
        else:
            out.append(item)
    return out


def _stitch(items: list[_Text | _Table]) -> list[_Text | _Table]:
    """Tables continued over page breaks become one table."""
    out: list[_Text | _Table] = []
    for item in items:
        if isinstance(item, _Table) and out and isinstance(out[-1], _Table) \
                and out[-1].page < item.page and _same_columns(out[-1], item):
            _continue(out[-1], item)
        else:
            out.append(item)
    return out


def read_pdf(data: bytes, name: str, *, simplified: bool = True) -> tuple[Result | None, str]:
    """The task table of a digital PDF (None when it has none) and the text
    of the whole document, one paragraph a line (for reading a PDF without a
    task table as prose)."""
    found_items, plain = _items(data, name)
    items = _stitch(found_items)
    text = "\n".join(i.text for i in plain if isinstance(i, _Text))
    if not any(isinstance(i, _Table) for i in items):
        return None, text
    sample = "\n".join(i.text if isinstance(i, _Text) else
                       "\n".join(" ".join(c.text for c in row) for row in i.grid) for i in items)
    reader = GridReader(name, Fixer(sample, simplified))
    found = False
    line = 0
    for item in items:
        if isinstance(item, _Table):
            lines = list(range(line + 1, line + len(item.grid) + 1))
            line += len(item.grid)
            found = reader.add_table(item.grid, lines, continuation=True) or found
        else:
            line += 1
            reader.add_text(item.text, line)
    if found and reader.events:
        return reader.result(), text
    return None, text
