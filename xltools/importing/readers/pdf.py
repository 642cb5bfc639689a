"""Digital PDFs (the usual form of an attachment): ruled tables through
pdfplumber → the same grid of cells the Word/Excel readers produce.

- A cell is a ruled rectangle; one spanning several grid rows/columns is a
  merged cell (its text shown in every position it covers, flagged).
- Text inside a cell is joined across its wrapped lines: a line was
  wrapped when the next line's first word (or character, with the
  punctuation bound to it) would not have fitted at its end; otherwise it
  ended a paragraph, kept as a line break (e.g. one unit per line).
- A table continued on the next page is one table: a row Word split over
  the page break is put back together; a merged cell running over the
  break is one cell, whether printed as Word does (text at its top, the
  break ruled) or as a spreadsheet does (text centred on the whole range,
  partly in the page margins or twice, the break unruled).
- Text outside the tables (title, headings between tables) is read in page
  order; page numbers and characters outside the page are left out.

A PDF without a task table gives its text, one paragraph a line, for the
prose reader; pages without a text layer (a scan) are read by OCR
(readers/ocr.py). Pages of OFD documents and scans come as
``readers/drawn.DrawnPage`` and are read by the same code (``read_pages``).
A spreadsheet printed with print titles repeats its header row on every
page: the repeat is dropped, and the clipped text of a merged cell drawn
under it (or in the margin above it) goes back to that cell.
"""

from __future__ import annotations

import dataclasses
import io
import re
import unicodedata
from dataclasses import dataclass, field
from statistics import median

from xltools import labels as L
from xltools.errors import InputError
from xltools.importing.readers.cleanup import Fixer
from xltools.importing.readers.drawn import TOL as _TOL
from xltools.importing.readers.drawn import cluster as _cluster
from xltools.importing.readers.drawn import inside as _inside
from xltools.importing.readers.drawn import nearest as _index
from xltools.importing.readers.grid import Cell, GridReader
from xltools.importing.readers.rows import Event, SourceMeta

Result = tuple[list[Event], SourceMeta]
_PAGE_NUMBER = re.compile(L.PDF_PAGE_NUMBER)
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
    spilled: set[tuple[int, int]] = field(default_factory=set)  # cells given text printed outside
    # per column: no rule at the table's top / bottom (a merged cell runs on over the page break)
    open_top: list[bool] = field(default_factory=list)
    open_bottom: list[bool] = field(default_factory=list)
    centered: bool | None = None  # text of merged cells centred (a spreadsheet) or at the top (Word)


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
            # between Chinese and Latin/digits word processors add a quarter-em gap
            gap = 0.25 * ln.size if prev.text[-1:].isascii() != ln.text[:1].isascii() else 0.0
            wrapped = prev.end + gap + ln.lead > edge - 0.5 or one_unit
            out = _concat(out, ln.text) if wrapped else out + "\n" + ln.text
        else:
            out = ln.text
    last = lines[-1] if lines else None
    return out, last is not None and last.end + 2 * last.size > edge


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
            # a gap is a space between Latin words; beside Chinese it is typesetting
            if k and ch["x0"] - row[k - 1]["x1"] > 0.3 * (ch.get("size") or 10.0) \
                    and ch["text"].isascii() and row[k - 1]["text"].isascii():
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


def _visible_chars(page) -> list[dict]:  # type: ignore[no-untyped-def]
    """The characters one sees on the page: not blank, and on the page (a
    spreadsheet prints a merged cell's text centred over the whole merged
    range, partly off the page where it runs over a page break)."""
    return [ch for ch in page.chars if ch.get("text", "").strip() and _inside(ch, page.bbox)]


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
    page_chars = [ch for ch in _visible_chars(page) if _inside(ch, table.bbox)]
    placement = []  # where the text sits in merged cells: 0 top … 0.5 middle … 1 bottom
    for x0, top, x1, bottom in boxes:
        c0, c1 = _index(xs, x0), _index(xs, x1)
        r0, r1 = _index(ys, top), _index(ys, bottom)
        if c1 <= c0 or r1 <= r0:
            continue
        chars = [ch for ch in page_chars if _inside(ch, (x0, top, x1, bottom))]
        pad = (min(ch["x0"] for ch in chars) - x0) if chars else 0.0
        text, last_full = _join(_lines(chars), x1 - max(pad, 0.0))
        if chars and r1 - r0 > 1:
            high, low = min(ch["top"] for ch in chars), max(ch["bottom"] for ch in chars)
            room = (bottom - top) - (low - high)
            if room > 2 * (chars[0].get("size") or 10.0):
                placement.append((high - top) / room)
        for r in range(r0, r1):
            for c in range(c0, c1):
                first = (r, c) == (r0, c0)
                grid[r][c] = Cell(text, from_above=not first and r > r0, from_left=not first and c > c0)
                full[r][c] = last_full
                owner[r][c] = (r0, c0)
    rules = [e for e in page.edges if e.get("orientation") == "h"]

    def ruled(y: float, c: int) -> bool:
        mid = (xs[c] + xs[c + 1]) / 2
        return any(abs(e["top"] - y) <= _TOL and e["x0"] - _TOL <= mid <= e["x1"] + _TOL for e in rules)

    return _Table(grid, xs, number, ys[0], ys[-1], float(page.height), full, owner,
                  open_top=[not ruled(ys[0], c) for c in range(ncol)],
                  open_bottom=[not ruled(ys[-1], c) for c in range(ncol)],
                  centered=median(placement) > 0.25 if placement else None)


def _same_columns(a: _Table, b: _Table) -> bool:
    return len(a.xs) == len(b.xs) and all(abs(x - y) <= 3 * _TOL for x, y in zip(a.xs, b.xs))


def _continue(prev: _Table, nxt: _Table) -> None:
    """Append ``nxt`` (the same table on the next page) to ``prev``.

    Word splits a row over the break: the first row of the page then holds
    only the rest of texts whose last line ran to the cell's edge; it joins
    the last row. A merged cell running over the break is one cell on both
    pages: Word writes its text at its top (the part on the next page is
    empty), Excel/LibreOffice Calc in its middle (the part on the previous
    page may be empty); the two parts are joined when either part covers
    more than one row."""
    rows = nxt.grid
    start = 0
    header = [c.text for c in prev.grid[0]]
    extras = _repeated_header(header, rows[0]) if rows and len(rows) > 1 else None
    if extras is not None:
        start = 1  # the header row repeated on every page
        for c, extra in enumerate(extras):
            # text of a merged cell running over the break, printed (clipped) under the
            # repeated header: it belongs to the cell below the header
            if extra and not rows[1][c].from_left:
                below = nxt.owner[1][c]
                _retext(nxt, below, _overlap_join(extra, rows[below[0]][below[1]].text))
    last = len(prev.grid) - 1
    if start < len(rows):
        first = rows[start]
        filled = [c for c, cell in enumerate(first) if cell.text.strip() and not cell.from_left]
        remainder = bool(filled) and all(
            prev.grid[last][c].text.strip() and prev.full[last][c]
            and not prev.grid[last][c].text.rstrip().endswith(tuple(_SENTENCE_END)) for c in filled)
        if remainder:
            for c in filled:
                r0, c0 = prev.owner[last][c]
                _retext(prev, (r0, c0), _concat(prev.grid[r0][c0].text, first[c].text))
            # the rows below the split row continue from the joined last row
            rows = rows[:start] + rows[start + 1:]
            nxt.full = nxt.full[:start] + nxt.full[start + 1:]
            nxt.owner = nxt.owner[:start] + nxt.owner[start + 1:]
        else:
            centered = prev.centered if prev.centered is not None else nxt.centered
            new_first = []
            for c, cell in enumerate(first):
                below = prev.grid[last][c]
                b_text, t_text = below.text.strip(), cell.text.strip()
                if cell.from_left:
                    new_first.append(cell)
                    continue
                if not (b_text or t_text):
                    # two empty parts of one merged cell (its text may come later)
                    open_edge = prev.open_bottom[c] or nxt.open_top[c]
                    new_first.append(Cell("", from_above=True) if open_edge else cell)
                    continue
                spans = prev.owner[last][c][0] < last or sum(
                    1 for r in range(start, len(rows)) if nxt.owner[r][c] == nxt.owner[start][c]) > 1
                if prev.open_bottom[c] or nxt.open_top[c]:
                    same = True  # no rule between the two parts: one merged cell
                elif centered:
                    # text centred in merged cells: a ruled part is a cell of its own
                    same = bool(b_text and t_text and _same(below.text, cell.text))
                else:
                    # text at the top (Word): an empty part under a merged cell continues it
                    same = spans and bool(b_text) and (not t_text or _same(below.text, cell.text))
                if same:
                    text = (below.text if not t_text else cell.text if not b_text
                            else _overlap_join(below.text, cell.text))
                    if text != below.text:
                        _retext(prev, prev.owner[last][c], text)
                    cell = Cell(text, from_above=True)
                new_first.append(cell)
            rows[start] = new_first
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
    prev.bottom, prev.page, prev.open_bottom = nxt.bottom, nxt.page, nxt.open_bottom
    if prev.centered is None:
        prev.centered = nxt.centered


def _repeated_header(header: list[str], row: list[Cell]) -> list[str] | None:
    """When ``row`` is the table's header row printed again on a new page
    (a spreadsheet's print titles), the text in each of its cells beyond the
    header word: the clipped part of a merged cell that runs over the page
    break, drawn under the repeated header. None when ``row`` is no header."""
    if len(row) != len(header) or not any(h.strip() for h in header):
        return None
    extras = []
    for h, cell in zip(header, row):
        flat_h, text = re.sub(r"\s", "", h), cell.text
        if re.sub(r"\s", "", text) == flat_h:
            extras.append("")
            continue
        lines = text.split("\n")
        kept = [ln for ln in lines if re.sub(r"\s", "", ln) != flat_h]
        if flat_h and len(kept) < len(lines):
            extras.append("\n".join(kept).strip())
        elif flat_h and re.sub(r"\s", "", text).startswith(flat_h):
            # the clipped text on the header word's own line (序号11)
            extras.append(re.sub(r"\s", "", text)[len(flat_h):])
        else:
            return None
    return extras if sum(1 for e in extras if not e) * 2 >= len(extras) else None


def _same(a: str, b: str) -> bool:
    return re.sub(r"\s", "", a) == re.sub(r"\s", "", b)


def _overlap_join(a: str, b: str) -> str:
    """``a`` then ``b`` where the end of ``a`` may repeat the start of ``b``."""
    flat_a, flat_b = re.sub(r"\s", "", a), re.sub(r"\s", "", b)
    if flat_b in flat_a:
        return a
    if flat_a in flat_b:
        return b
    for k in range(min(len(a), len(b)), 0, -1):
        if a.endswith(b[:k]):
            return a + b[k:]
    return _concat(a, b)


def _retext(t: _Table, at: tuple[int, int], text: str) -> None:
    """Set the text of the cell owned at ``at`` in every position it covers."""
    for r, row in enumerate(t.grid):
        for c, cell in enumerate(row):
            if t.owner[r][c] == at:
                row[c] = Cell(text, cell.from_above, cell.from_left)


def _open(data: bytes, name: str):  # type: ignore[no-untyped-def]
    import pdfplumber

    from xltools.io.guard import check_pdf

    check_pdf(data, name)  # pages and inflated streams within limits before pdfminer parses
    try:
        return pdfplumber.open(io.BytesIO(data))
    except Exception as exc:  # pdfminer raises many kinds for broken or encrypted files
        raise InputError(L.MSG_BAD_PDF.format(path=name, reason=type(exc).__name__), path=name) from exc


def _find_tables(page):  # type: ignore[no-untyped-def]
    """The ruled tables of a page. A merged cell running over a page break
    has no rule at the page's end of the table: each table is closed at the
    top and bottom of its vertical rules, so those cells are found too."""
    found = page.find_tables()
    if not found:
        return found
    vertical = [e for e in page.edges if e.get("orientation") == "v"]
    frame = []
    for t in found:
        x0, top, x1, bottom = t.bbox
        mine = [e for e in vertical if e["top"] < bottom - _TOL and e["bottom"] > top + _TOL]
        if not mine:
            continue
        left, right = min(e["x0"] for e in mine), max(e["x1"] for e in mine)
        for y in (min(e["top"] for e in mine), max(e["bottom"] for e in mine)):
            frame.append({"x0": left, "x1": right, "top": y, "bottom": y, "width": right - left,
                          "height": 0, "object_type": "line"})
    return page.find_tables(table_settings={"explicit_horizontal_lines": frame}) if frame else found


def _page_texts(page, chars: list[dict], boxes: list) -> list[tuple[float, _Text]]:  # type: ignore[no-untyped-def]
    """The visual lines of ``chars`` (page numbers left out) with their top."""
    lines = [(ln, top) for ln, top in _flow_lines(chars) if not _PAGE_NUMBER.match(ln.text)]
    # the text's right margin, taken as wide as the left one
    left = min([ln.start for ln, _ in lines] + [b[0] for b in boxes], default=0.0)
    edge = float(page.width) - left
    return [(top, _Text(ln.text, ln, edge)) for ln, top in lines]


def _items(data: bytes, name: str) -> tuple[list[_Text | _Table], list[_Text | _Table], tuple, str]:
    """The document as paragraphs and tables in reading order; and as
    paragraphs only (the tables' text included), for a PDF whose tables
    are no task table; and the review notes of pages read by OCR. Pages
    without a text layer (scans, in a scanned or a mixed PDF) are read by
    OCR (readers/ocr.py) when it is installed."""
    with _open(data, name) as pdf:
        try:
            pages = list(pdf.pages)
            textless = [k for k, p in enumerate(pages) if not any(ch.get("text", "").strip() for ch in p.chars)]
        except Exception as exc:
            raise InputError(L.MSG_BAD_PDF.format(path=name, reason=type(exc).__name__), path=name) from exc
        review: tuple = ()
        if textless:
            from xltools.importing.readers.ocr import ocr_pdf_pages

            scanned = ocr_pdf_pages(data, name, textless, whole=len(textless) == len(pages))
            pages = [scanned.get(k, p) for k, p in enumerate(pages)]
            review = tuple(note for k in sorted(scanned) for note in scanned[k].review)
        items, plain = page_items(pages)
    # a PDF that is all scan: its text as OCR read it (a table without rules, for the text readers)
    ocr_text = "\n".join(ln for p in pages for ln in getattr(p, "lines", ())) if len(textless) == len(pages) else ""
    return items, plain, review, ocr_text


def page_items(pages: list) -> tuple[list[_Text | _Table], list[_Text | _Table]]:
    """Pages (pdfplumber's, or ``readers/drawn.DrawnPage`` from OFD and OCR:
    characters with their boxes and ruling lines) → paragraphs and tables."""
    items: list[_Text | _Table] = []
    plain: list[_Text | _Table] = []
    for number, page in enumerate(pages, start=1):
        found = _find_tables(page)
        tables = [t for t in (_table(page, ft, number) for ft in found) if t is not None]
        boxes = [ft.bbox for ft in found]
        chars = _visible_chars(page)
        free = [ch for ch in chars if not any(_inside(ch, b) for b in boxes)]
        free = _overflow(tables, free)
        placed = sorted(_page_texts(page, free, boxes) + [(t.top, t) for t in tables],
                        key=lambda p: p[0])
        items += [obj for _, obj in placed]
        plain += [obj for _, obj in _page_texts(page, chars, [])]
    return _paragraphs(items), _paragraphs(plain)


def _overflow(tables: list[_Table], chars: list[dict]) -> list[dict]:
    """Text a spreadsheet printed outside a table: a merged cell running over
    a page break has its text centred on the whole merged range, so on one
    page it stands in the margin below (or above) the table, in the column
    of that cell. Margin lines whose characters all fall in columns whose
    edge cell is empty or merged go back into those cells (marked
    ``spilled``); the first line that does not ends the margin. Returns the
    other characters."""
    claimed: set[int] = set()
    for t in tables:
        last = len(t.grid) - 1
        # print titles: the header row repeated at the top of the page; what a
        # merged cell prints in the margin above belongs to the row under it
        top_row = 1 if last >= 1 and _header_like(t.grid[0]) else 0
        for side in ("below", "above"):
            row = last if side == "below" else top_row
            if side == "below":
                zone = [ch for ch in chars if (ch["top"] + ch["bottom"]) / 2 > t.bottom]
            else:
                zone = [ch for ch in chars if (ch["top"] + ch["bottom"]) / 2 < t.top]
            lines = [ln for ln, _top in _char_rows(zone)]
            if side == "above":
                lines.reverse()
            taken: dict[int, list[dict]] = {}
            for line in lines:
                cols = [next((c for c in range(len(t.xs) - 1)
                              if t.xs[c] - _TOL <= (ch["x0"] + ch["x1"]) / 2 <= t.xs[c + 1] + _TOL), None)
                        for ch in line]
                if None in cols or any(id(ch) in claimed for ch in line):
                    break
                parts: dict[int, list[dict]] = {}
                for ch, c in zip(line, cols):
                    parts.setdefault(c, []).append(ch)  # type: ignore[arg-type]
                verdict = {}
                for c, got in parts.items():
                    cell = t.grid[row][c]
                    piece = "".join(ch["text"] for ch in got)
                    runs_on = t.open_bottom[c] if side == "below" else t.open_top[c]
                    if c in taken or runs_on or not cell.text.strip() \
                            or (side == "below" and t.owner[row][c][0] < row):
                        verdict[c] = "take"
                    elif piece in re.sub(r"\s", "", cell.text):
                        verdict[c] = "drop"  # printed again beside the cell that holds it
                    else:
                        break
                else:
                    for c, got in parts.items():
                        if verdict[c] == "take":
                            taken.setdefault(c, []).extend(got)
                        claimed.update(id(ch) for ch in got)
                    continue
                break
            for col, got in taken.items():
                owner = t.owner[row][col]
                pad = max(0.0, min(ch["x0"] for ch in got) - t.xs[col])
                text, _ = _join(_lines(got), t.xs[col + 1] - pad)
                old = t.grid[owner[0]][owner[1]].text
                _retext(t, owner, _concat(old, text) if side == "below" else _concat(text, old))
                t.spilled.add(owner)
    return [ch for ch in chars if id(ch) not in claimed]


def _header_like(row: list[Cell]) -> bool:
    """A row of header words (序号, 具体要求, 责任单位 …), at least three."""
    from xltools.importing.readers.columns import header_score

    return sum(1 for c in row if not c.from_left and c.text.strip() and header_score(c.text) >= 2) >= 3


def _char_rows(chars: list[dict]) -> list[tuple[list[dict], float]]:
    """Characters grouped into visual lines (top to bottom), each left to right."""
    rows: list[list[dict]] = []
    for ch in sorted(chars, key=lambda c: (c["top"], c["x0"])):
        if rows and abs(ch["top"] - rows[-1][0]["top"]) <= (ch.get("size") or 10.0) * 0.5:
            rows[-1].append(ch)
        else:
            rows.append([ch])
    return [(sorted(r, key=lambda c: c["x0"]), r[0]["top"]) for r in rows]


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
    result, text, _review, _ocr_text = read_pdf_document(data, name, simplified=simplified)
    return result, text


def read_pdf_document(data: bytes, name: str, *,
                      simplified: bool = True) -> tuple[Result | None, str, tuple, str]:
    """``read_pdf``, the review notes of the pages read by OCR (already in the
    result when there is one) and, for a PDF that is all scan, its text lines
    as OCR read them (cells apart by tabs: a table without rules)."""
    found_items, plain, review, ocr_text = _items(data, name)
    result, text = read_items(found_items, plain, name, simplified=simplified, review=review)
    return result, text, review, ocr_text


def read_pages(pages: list, name: str, *, simplified: bool = True, review: tuple = ()) -> tuple[Result | None, str]:
    """Pages drawn from placed characters and ruling lines (OFD, OCR) read
    like the pages of a PDF: the same tables, stitching and grid reader."""
    items, plain = page_items(pages)
    return read_items(items, plain, name, simplified=simplified, review=review)


def read_items(found_items: list[_Text | _Table], plain: list[_Text | _Table], name: str, *,
               simplified: bool = True, review: tuple = ()) -> tuple[Result | None, str]:
    """Paragraphs and tables in reading order → the task table (None when
    there is none) and the plain text; ``review``: notes added to the result."""
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
        events, meta = reader.result()
        if review:
            meta = dataclasses.replace(meta, review=tuple(review) + meta.review)
        return (events, meta), text
    return None, text
