"""A table as ``pdftotext -layout`` leaves it, rebuilt from its geometry.

``pdftotext -layout`` writes every run of text at the character offset of its
x position on the page, so the offsets of a line's runs are the page's
columns. Real tables break the simple reading (``layoutrows.py``) in a few
general ways this reader expects:

* header labels wrapped over two to eight lines and centred over their
  columns (``序`` / ``号``, ``总投资`` / ``（万`` / ``元）``);
* a cell wider than its run, so the next column starts after ONE space
  (``县交通运输 孙立军``);
* offsets that shift by a character or two from page to page;
* the header and a page number repeated on every page;
* a number vertically centred in its row, merged cells written once, rows
  spanning the table (``一、…``), no number column at all.

1. **Header.** A line of three or more short runs, parted by runs of spaces,
   and the lines under it whose runs are short fragments standing under them
   (no number, no sentence): each fragment joins the label whose horizontal
   range it overlaps, top to bottom. The labels must read as a header by
   grammar (``columns.header_score``: two header words, a units or people
   column and a text column).
2. **Columns.** The left edge of each column is where the body's runs that
   follow two or more spaces start most often between the end of the label
   on its left and the start of its own label (a label is centred over its
   column, so its column starts at or before it). Edges are taken per page
   (each page's repeated header bounds its own windows), in characters as
   pdftotext places runs; where display width aligns more runs, the table was
   typed and padded by eye (``offsetrows.py`` reads it) and this reader steps
   aside, as it does on drawn cells (pipes, tabs, box lines) and on rows of
   cells parted by single spaces.
3. **Pieces.** Every run (split at single spaces too) is placed in order by
   a small dynamic programme (``_assign``): it opens a column near the
   column's edge (squeezed left of it, or pushed right after one space by a
   wide neighbour) or goes on in the column before; a run placed more than
   two characters off its edge puts its requirement on 待核对.
4. **Rows.** Cells are top-aligned, so a new row shows where a column that
   was empty on the line above gets text, or where a column's text above
   ended (a sentence end, a line shorter than the column) and new text
   starts; a line as wide as its column goes on in the next (the same row).
   A number in the number column opens a row unless it sits inside a row
   that has no number yet (a number centred in its row). A numbered heading
   alone at the left (``一、…``) is a row spanning the table.
5. **Cells.** A column's lines are joined back by ``layoutrows._join_lines``
   (a full line goes on, a short one in a units column ends a unit name).

It reads the text as the tool wrote it (before number spaces are taken
out), and competes with the other readings through ``readers/scoring.py``.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import replace
from collections.abc import Callable

from xltools import labels as L
from xltools.importing.readers.cleanup import to_simplified
from xltools.importing.readers.columns import cell_type, header_role, header_score
from xltools.importing.readers.grid import NUMBER_ONLY
from xltools.importing.readers.layoutrows import _block_starts, _join_lines, page_breaks
from xltools.importing.readers.mergedunits import merged_units
from xltools.importing.readers.rows import Event, RawRow, SourceMeta
from xltools.importing.readers.wrappedrows import display_width
from xltools.importing.units import looks_like_unit

_TOKEN = re.compile(r"\S+")
_HEADER_SCAN = 150
_HEADER_LINES = 8  # lines a header row may wrap over
_LABEL_RUN = 12  # longest run of a header line
_FRAGMENT = 7  # longest fragment of a wrapped label
_SENTENCE = re.compile(r"[，。；;！？,]")
_CONTINUES = ("、", "，", ",", "（", "(", "“", "及", "和")
_ENDS = ("。", "；", ";", "！", "？")
_TOLERANCE = 1
_TAIL = 4  # characters a line alone under a cell holds that can be no row of its own
_START = 99  # the gap before a line's first run
_CJK_END = re.compile(r"[\u4e00-\u9fff）”》]$")
_CJK_MARK_END = re.compile(r"[\u4e00-\u9fff）”》，。、；：？！]$")
_CJK_START = re.compile(r"[\u4e00-\u9fff（“《]")
_DIGITS = re.compile(r"^[\d.\-–~]+$|[\d.\-–~]$")
_DRAWN = re.compile(r"[\t|│｜┃\u2500-\u257f]")
_TEXT_KINDS = ("requirement", "task", "goal", "text")
_DATE_WORD = re.compile(r"[年月日]")
_YEAR = re.compile(r"^(?:19|20)\d\d$")  # a year opening a wrapped label (2024 / 年计划 / 投资)
_BARE_NUMBER = re.compile(r"^\d+(?:\.\d+)?%?[。；，、]?$")
_ROLE_TAIL = re.compile("(?:%s)$" % "|".join(L.LEAD_WORDS + L.ASSIST_WORDS + L.RESPONSIBLE_WORDS))
_NAME_OPENINGS = frozenset("省市县区州旗盟镇乡各")  # a unit's name opens with a place or group word
_FIRST_WORD = re.compile(r"[“‘《（(]*(?:[A-Za-z0-9][A-Za-z0-9.:：/%％\-]*|.)[，。、；：？！）)”’》,.;:?!%％]*"
                         r"(?:(?<=[，。、；：？！）)”’》])[A-Za-z0-9][A-Za-z0-9.:：/%％\-]*)?")

Token = tuple[int, int, str, int]  # start, end, text, spaces before


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _page_width(text: str) -> int:
    """A cell line's width on the page: a mark of ambiguous width (“ ” 、) is set full
    width by a Chinese font (``wrappedrows.display_width``)."""
    return display_width(text)


def _tokens(line: str, display: bool) -> list[Token]:
    """The runs of a line split at every space: (start, end, text, spaces before)."""
    out: list[Token] = []
    prev_end = None
    at = width = 0  # display width of line[:at], measured once
    for m in _TOKEN.finditer(line):
        if display:
            width += _width(line[at:m.start()])  # the spaces before the run (a full-width one is two)
            start = width
            width = end = start + _width(m.group())
            at = m.end()
        else:
            start, end = m.start(), m.end()
        gap = _START if prev_end is None else m.start() - prev_end
        out.append((start, end, m.group(), gap))
        prev_end = m.end()
    return out


def _spread(tokens: list[Token]) -> bool:
    return any(t[3] >= 2 and t[3] != _START for t in tokens)


def _label_runs(line: str, display: bool) -> list[Token]:
    """The runs of a header line, a number joined to the word it is spaced from
    (``2023 年重点工作任务``, ``10-12 月``: the tool's spaces around digits; ``(一) 措施``)."""
    out: list[Token] = []
    for t in _tokens(line, display):
        if out and t[3] == 1 and (_DIGITS.search(out[-1][2]) or _DIGITS.match(t[2]) or NUMBER_ONLY.match(out[-1][2])):
            s, _, text, gap = out[-1]
            out[-1] = (s, t[1], text + t[2], gap)
        else:
            out.append(t)
    return out


def _header_block(lines: list[str], i: int, display: bool, height: int = _HEADER_LINES
                  ) -> tuple[list[list[Token]], int] | None:
    """(label stacks, line after the header) of a header starting at line ``i``, of at most
    ``height`` lines."""
    if _DRAWN.search(lines[i]):
        return None  # cells stated by pipes, tabs or box lines: the delimited and box readers' table
    first = _label_runs(lines[i], display)
    if len(first) < 3 or not _spread(first) or any(len(t[2]) > _LABEL_RUN or _SENTENCE.search(t[2])
                                                    or (NUMBER_ONLY.match(t[2]) and not _YEAR.match(t[2]))
                                                    for t in first) \
            or sum(bool(_YEAR.match(t[2])) for t in first) * 2 >= len(first):
        return None
    stacks: list[list[Token]] = [[t] for t in first]
    j = i + 1
    while j < min(len(lines), i + height) and lines[j].strip():
        more = _label_runs(lines[j], display)
        if any(len(t[2]) > _FRAGMENT or _SENTENCE.search(t[2]) or NUMBER_ONLY.match(t[2])
               or cell_type(t[2]) == "heading" for t in more):
            break
        if j == i + 1 and (split := _sub_labels(stacks, more)) is not None:
            stacks, more = split
        placed = []
        for t in more:
            best, overlap = None, 0
            for k, st in enumerate(stacks):
                lo, hi = min(s for s, _, _, _ in st), max(e for _, e, _, _ in st)
                ov = min(hi + 1, t[1]) - max(lo - 1, t[0])
                if ov > overlap:
                    best, overlap = k, ov
            if best is None:
                break
            placed.append((best, t))
        else:
            for k, t in placed:
                stacks[k].append(t)
            j += 1
            continue
        break
    if any(len(st) == 1 and _YEAR.match(st[0][2]) for st in stacks):
        return None  # a year is a label only as the start of one wrapped below it
    return stacks, j


def _units_role(text: str) -> str | None:
    """The role a units label names (牵头单位 → 牵头), '' for a units label without one,
    None for any other label."""
    r = header_role(to_simplified(text))
    return r.role if r is not None and r.kind == "units" else None


def _sub_labels(stacks: list[list[Token]], below: list[Token]
                ) -> tuple[list[list[Token]], list[Token]] | None:
    """A header of two rows: two or more units labels naming their roles on the line under
    the header (``牵头单位  配合单位``), under the middle of one units label that names no
    role (``责任单位``, centred over them) and between its neighbours, replace it; (the new
    stacks, the line's other runs), or None."""
    subs = [t for t in below if _units_role(t[2])]
    if len(subs) < 2:
        return None
    starts = [min(t[0] for t in st) for st in stacks]
    ends = [max(t[1] for t in st) for st in stacks]
    lo, hi = min(t[0] for t in subs), max(t[1] for t in subs)
    # The label is centred over the columns it spans: its middle lies within them, and they
    # stay between the labels on either side.
    parents = [k for k, st in enumerate(stacks) if _units_role(_label(st)) == ""
               and lo <= (starts[k] + ends[k]) / 2 <= hi and (k == 0 or lo >= ends[k - 1])
               and (k + 1 == len(stacks) or hi <= starts[k + 1])]
    if len(parents) != 1:
        return None
    k = parents[0]
    return stacks[:k] + [[t] for t in subs] + stacks[k + 1:], [t for t in below if t not in subs]


def _label(stack: list[Token]) -> str:
    return "".join(t[2] for t in stack)


def find_layout_header(lines: list[str], display: bool, fix: Callable[[str], str] | None = None
                       ) -> tuple[int, int, list[list[Token]]] | None:
    """(header line, line after it, label stacks) of the first line that opens
    a header spread by runs of spaces whose joined labels read as a header."""
    for i in range(min(len(lines), _HEADER_SCAN)):
        found = _header_block(lines, i, display)
        if found is None:
            continue
        stacks, j = found
        labels = [fix(_label(s)) if fix is not None else _label(s) for s in stacks]
        labels = [to_simplified(lb) for lb in labels]  # 序號, 牽頭單位: a label read as Simplified
        kinds = {r.kind if (r := header_role(lb)) else "text" for lb in labels}
        if sum(header_score(lb) >= 2 for lb in labels) >= 2 and kinds & {"units", "people"} \
                and kinds & {"requirement", "task", "text", "goal"}:
            return i, j, stacks
    return None


def _key(line: str) -> str:
    return re.sub(r"\s+", "", line)


def _edges(stacks: list[list[Token]], starts: Counter, fallback: list[int] | None) -> list[int]:
    """The left edge of each column: where body runs start most often between the
    end of the label on its left and the start of its own label."""
    ranges = [(min(t[0] for t in st), max(t[1] for t in st)) for st in stacks]
    edges = [-1]
    for k in range(1, len(ranges)):
        lo, hi = ranges[k - 1][1], ranges[k][0] + _TOLERANCE
        lo = max(lo, edges[-1] + 1)
        window = {s: n for s, n in starts.items() if lo <= s <= hi}
        if window:
            mode = max(window, key=lambda s: (window[s], -s))
            edges.append(min(s for s in window if s >= mode - 2))
        elif fallback is not None:
            edges.append(max(fallback[k], edges[-1] + 1))
        else:
            edges.append(max((ranges[k - 1][1] + ranges[k][0] + 1) // 2, edges[-1] + 1))
    return edges


def _column(start: int, edges: list[int]) -> int:
    k = 0
    for c, edge in enumerate(edges):
        if edge <= start + _TOLERANCE:
            k = c
    return k


def _join_tokens(tokens: list[str], units: bool) -> str:
    out = ""
    for t in tokens:
        if out:
            if units and looks_like_unit(out.split("、")[-1]) and looks_like_unit(t) \
                    and not out.endswith(("、", "，")):
                out += "、"
            elif re.search(r"[A-Za-z]$", out) and re.match(r"[A-Za-z]", t):
                out += " "
        out += t
    return out


class _Layout:
    """One reading of the text in one measure (characters or display width)."""

    def __init__(self, lines: list[str], display: bool, header: tuple[int, int, list[list[Token]]],
                 fix: Callable[[str], str] | None = None) -> None:
        self.lines, self.display = lines, display
        self.index, self.start, self.stacks = header
        # 責任單位 over a Simplified body: labels read as Simplified.
        self.labels = [to_simplified(fix(_label(s)) if fix is not None else _label(s)) for s in self.stacks]
        roles = [header_role(lb) for lb in self.labels]
        self.kinds = [r.kind if r else "text" for r in roles]
        self.number_at = self.kinds.index("number") if "number" in self.kinds else None
        self.units_at = frozenset(c for c, k in enumerate(self.kinds) if k == "units")
        header_keys = frozenset(_key(lines[k]) for k in range(self.index, self.start))
        self.furniture = page_breaks(lines, self.start, header_keys)
        # Pages: each repeated header starts one, with its own label positions.
        first_key = _key(lines[self.index])
        self.pages: list[tuple[int, list[list[Token]]]] = [(self.start, self.stacks)]
        for k in range(self.start, len(lines)):
            if k in self.furniture and _key(lines[k]) == first_key:
                # The header repeated as the first page wrapped it: the short lines below it are
                # the rest of a row the page break cut (燃气公 / 司、市数 / 据局), not more label.
                block = _header_block(lines, k, display, self.start - self.index)
                if block is not None and len(block[0]) == len(self.stacks):
                    self.pages.append((block[1], block[0]))
        self.body = [k for k in range(self.start, len(lines)) if lines[k].strip() and k not in self.furniture]
        self.tokens = {k: _tokens(lines[k], display) for k in self.body}
        all_starts = Counter(t[0] for k in self.body for t in self.tokens[k] if t[3] >= 2)
        base = _edges(self.stacks, all_starts, None)
        self.page_edges: list[tuple[int, list[int]]] = []
        for n, (at, stacks) in enumerate(self.pages):
            end = self.pages[n + 1][0] if n + 1 < len(self.pages) else len(lines)
            starts = Counter(t[0] for k in self.body if at <= k < end for t in self.tokens[k] if t[3] >= 2)
            shift = [min(t[0] for t in a) - min(t[0] for t in b) for a, b in zip(stacks, self.stacks)]
            self.page_edges.append((at, _edges(stacks, starts, [e + s for e, s in zip(base, shift)])))

    def edges_at(self, k: int) -> list[int]:
        out = self.page_edges[0][1]
        for at, edges in self.page_edges:
            if at <= k:
                out = edges
        return out

    def aligned(self) -> float:
        """Share of the body's runs after two or more spaces that start at a column edge."""
        n = hit = single = 0
        for k in self.body:
            edges = self.edges_at(k)
            toks = self.tokens[k]
            # Cells parted by one space (two Chinese runs), no run of spaces, not indented.
            single += not _spread(toks) and toks[0][0] < 2 and any(
                b[3] == 1 and _CJK_END.search(a[2]) and _CJK_START.match(b[2]) for a, b in zip(toks, toks[1:]))
            for t in self.tokens[k]:
                if t[3] >= 2:
                    n += 1
                    hit += any(abs(t[0] - e) <= _TOLERANCE for e in edges[1:]) or t[0] <= _TOLERANCE
        # Rows of cells parted by single spaces under a spread header are no layout.
        return hit / n if n and single < 0.5 * len(self.body) else 0.0

    def placed(self, k: int) -> tuple[dict[int, list[Token]], list[tuple[str, int]]]:
        """The runs of body line ``k`` by column (``_assign``), and the runs whose column
        is a guess (text, column)."""
        out: dict[int, list[Token]] = {}
        toks, edges = self.tokens[k], self.edges_at(k)
        columns = _assign(toks, edges, self.number_at, self.units_at)
        for c, t in zip(columns, toks):
            out.setdefault(c, []).append(t)
        return out, [(toks[j][2], columns[j]) for j in off_edge(toks, columns, edges)]


def off_edge(tokens: list[Token], columns: list[int], edges: list[int]) -> list[int]:
    """Indexes of the runs that open a column away from its edge (squeezed left of it, or
    pushed right of it after one space): their column is a guess."""
    return [j for j, c in enumerate(columns) if c and (j == 0 or columns[j - 1] != c)
            and abs(tokens[j][0] - edges[c]) > _TOLERANCE + 1]


def _assign(tokens: list[Token], edges: list[int], number_at: int | None,
            units_at: frozenset[int] = frozenset()) -> list[int]:
    """The column of each run of a line: the runs in order, each opening a column
    (near its edge: a run left of it was squeezed, one right of it after one space
    was pushed by a wide neighbour) or going on in the column of the run before
    (after one space; past the next column's edge only as far as a wide cell
    overflows). Columns may be skipped (empty cells); the number column holds numbers."""
    n, m = len(edges), len(tokens)
    inf = float("inf")
    best = [[inf] * n for _ in range(m)]
    back = [[-1] * n for _ in range(m)]

    def open_cost(j: int, c: int) -> float:
        start, _, text, gap = tokens[j]
        d = start - edges[c] if c else 0
        cost = 0.0 if abs(d) <= _TOLERANCE else ((-d - _TOLERANCE) * 0.3 if d < 0
                                                 else min(2.0, (d - _TOLERANCE) * (0.1 if gap == 1 else 0.3)))
        if abs(d) <= _TOLERANCE:
            cost -= 0.3 if gap >= 2 else 0.2  # at the column's edge: where cells start
        if gap == 1 and c != number_at and _BARE_NUMBER.match(text) and j and _CJK_END.search(tokens[j - 1][2]) \
                and not (j + 1 < m and tokens[j + 1][3] == 1 and _DATE_WORD.match(tokens[j + 1][2])):
            cost += 1.0  # 加装电梯 60: a number after one space goes on in the text it counts (12 月底前: a date opens)
        return cost + body_cost(j, c)

    def body_cost(j: int, c: int) -> float:
        start, end, text, _ = tokens[j]
        cost = 0.0
        if c == number_at and not NUMBER_ONLY.match(text):
            cost += 3.0
        if c + 1 < n and end > edges[c + 1] + 2:
            cost += 0.5 * (end - edges[c + 1] - 2)
        return cost

    for c in range(n):
        best[0][c] = open_cost(0, c)
    for j in range(1, m):
        gap = tokens[j][3]
        for c in range(n):
            # go on in column c
            # pdftotext parts two Chinese characters by a space only where the page leaves a gap
            # between them: rarely inside one cell (around digits and Latin words, often).
            # (a full-width mark is a Chinese character too: …管理。 源分局, …发展， 区商务局); a count
            # goes on with its measure word, a place word after it opens a name (用地 1500 区自然资).
            inside = 1.5 if gap >= 2 else (1.0 if _CJK_MARK_END.search(tokens[j - 1][2]) and _CJK_START.match(tokens[j][2])
                                           or tokens[j - 1][2][-1:].isdigit() and tokens[j][2][0] in _NAME_OPENINGS
                                           else 0.0)
            if c == number_at:
                inside += 2.0  # one number to a number cell: 4 2024 年农村… is a number and a task
            elif c in units_at and tokens[j][2][:1].isdigit() and (
                    _DATE_WORD.match(tokens[j][2].lstrip("0123456789")) or
                    j + 1 < m and tokens[j + 1][3] == 1 and _DATE_WORD.match(tokens[j + 1][2])):
                inside += 1.0  # a unit's name does not go on with a date (党委办公 2023 年)
            stay = best[j - 1][c] + inside + body_cost(j, c)
            choice, prev = stay, c
            if c:
                low = min(range(c), key=lambda p: best[j - 1][p])
                opened = best[j - 1][low] + open_cost(j, c)
                if opened < choice:
                    choice, prev = opened, low
            best[j][c], back[j][c] = choice, prev
    c = min(range(n), key=lambda x: best[m - 1][x])
    out = [0] * m
    for j in range(m - 1, -1, -1):
        out[j] = c
        c = back[j][c]
    return out


def _two_names(above: str, below: str) -> bool:
    """Whether two lines of a units column end and start a name each (区住建局 / 区住建局),
    not one name wrapped (YY区 / 政府: a body word alone is the tail of the name above)."""
    last = re.split(r"[、，,；;]", above)[-1]
    first = _ROLE_TAIL.sub("", re.split(r"[、，,；;]", below)[0])  # 办公室牵头，…: the name before its role
    return bool(last and first) and looks_like_unit(last) and looks_like_unit(first) \
        and first not in L.UNIT_SUFFIXES and first not in L.BARE_BODY_WORDS


def _first_word(text: str) -> str:
    """What the page would have had to fit at the end of the line above for it not to
    wrap there: one character, or a run of Latin letters, digits and their marks
    (``100%``, ``1:0.4``: never broken), with the closing marks bound to it."""
    m = _FIRST_WORD.match(text)
    return m.group() if m else ""


def _name_ends(cell: str, below: str) -> str:
    """Whether a units cell's text so far ends with a whole unit name (``区市政公用`` +
    ``事业中心``) and the line below opens a name of its own (a place or group word):
    ``"again"`` where the cell already holds that name (``区市政公用``: a cell names a unit
    once, so the line opens the next row's cell, whatever the widths say), ``"new"``
    for another name (the cell's next unit or a new row's), else ``""``."""
    if not cell or cell.endswith(_CONTINUES) or cell.count("（") > cell.count("）") or len(below) < 2:
        return ""
    names = re.split(r"[、，,；;]", cell)
    if not looks_like_unit(names[-1]) or below[0] not in _NAME_OPENINGS:
        return ""
    return "again" if any(n.startswith(below) for n in names) else "new"


def _cut(text: str, width: int, full: int, below: str) -> bool:
    """Whether a cell's line surely goes on in the line below: no sentence's end, and the
    first word below would not have fitted (or a separator or an open bracket ends it)."""
    return not text.endswith(_ENDS) and (width + _page_width(_first_word(below)) > full or text.endswith(_CONTINUES)
                                         or text.count("（") > text.count("）"))


def _continues(text: str, width: int, full: int, below: str = "") -> bool:
    """Whether a cell's line goes on in the next (as wide as its column, cut after a
    separator or inside brackets or quotes, or — without a sentence's end — short of
    the column by less than the first word of the line below: ``实现可追溯率`` / ``100%。``)."""
    return width >= full - 2 or text.endswith(_CONTINUES) or text.count("（") > text.count("）") \
        or text.count("“") > text.count("”") \
        or (bool(below) and not text.endswith(_ENDS) and width + _page_width(_first_word(below)) > full)


def read_layout_grid(text: str, name: str, fix: Callable[[str], str] | None = None, display: bool = False
                     ) -> tuple[list[Event], SourceMeta] | None:
    """Read a ``pdftotext -layout`` table by its geometry, offsets counted in
    characters (as the tool places runs) or, with ``display``, in display width
    (a table typed and padded by eye); None when the text has no header spread
    by runs of spaces over a body aligned under it (half its runs on an edge)."""
    from xltools.importing.readers.spacerows import HEADING_ROW, _emit

    lines = text.split("\n")
    header = find_layout_header(lines, display, fix)
    if header is None:
        return None
    layout = _Layout(lines, display, header, fix)
    share = layout.aligned()
    if share < 0.5 or len(layout.body) < 2:
        return None
    # The measure that puts more runs on an edge is the text's (a tie: characters, pdftotext's).
    other = find_layout_header(lines, not display, fix)
    if other is not None and (share2 := _Layout(lines, not display, other, fix).aligned()) >= share \
            and (share2 > share or display):
        return None
    if fix is not None:
        lines = [fix(ln) if ln.strip() else ln for ln in lines]
    kinds = layout.kinds
    number_at = kinds.index("number") if "number" in kinds else None
    units_cols = {c for c, k in enumerate(kinds) if k == "units"}
    placed, guessed = {}, {}
    for k in layout.body:
        placed[k], guessed[k] = layout.placed(k)
    texts = {k: {c: _join_tokens([t[2] for t in ts], c in units_cols) for c, ts in p.items()}
             for k, p in placed.items()}
    if fix is not None:
        texts = {k: {c: fix(t) for c, t in row.items()} for k, row in texts.items()}
    # A column's width: the commonest width of its wider half of lines (a wrapped cell's
    # lines all fill it; the widest few may hold a neighbour's overflow or wide digits).
    width = {k: {c: _page_width(t) for c, t in row.items()} for k, row in texts.items()}
    full = []
    for c in range(len(kinds)):
        widths = sorted(width[k][c] for k in texts if c in texts[k])
        wide = Counter(widths[len(widths) // 2:])
        full.append(max(wide, key=lambda w: (wide[w], w)) if wide else 0)
        if c in units_cols:
            # Short names one to a cell leave most lines of a units column short: its width is
            # what its widest lines show (two or more, that stay left of the next column).
            inside = Counter(width[k][c] for k in texts if c in texts[k] and (
                c + 1 == len(kinds) or placed[k][c][-1][1] <= layout.edges_at(k)[c + 1]))
            if twice := [w for w, m in inside.items() if m >= 2]:  # a width seen once may be a misplaced run
                full[c] = max(full[c], max(twice))

    def heading(k: int) -> str | None:
        # 一、… alone at the left, one run of text (single spaces only): a row spanning the table.
        toks = layout.tokens[k]
        if _column(toks[0][0], layout.edges_at(k)) > 1 or any(t[3] >= 2 for t in toks[1:]) \
                or NUMBER_ONLY.match(toks[0][2]):
            return None
        line = _join_tokens([t[2] for t in toks], False)
        line = fix(line) if fix is not None else line
        return line if cell_type(line) == "heading" else None

    # Title columns left of the text the rows hold (a task, a goal): cells often merged over
    # several rows, whose lines run on beside the rows below.
    titles = {c for c, k in enumerate(kinds) if k in ("task", "goal")
              and any(kinds[d] in ("requirement", "task", "text") for d in range(c + 1, len(kinds)))}

    def evidence(p: int, k: int, row: list[int]) -> float:
        prev, cur = texts[p], texts[k]
        e = 0.0
        for c in range(len(kinds)):
            if c == number_at:
                continue
            a, b = prev.get(c), cur.get(c)
            if b and not a:
                e += 2.0
            elif a and b:
                goes_on = _continues(a, width[p][c], full[c], b) and not (c in units_cols and _two_names(a, b))
                if c in units_cols and (ends := _name_ends(
                        _join_tokens([texts[q][c] for q in row if c in texts[q]], False), b)):
                    if ends == "again":
                        e += 4.0  # a cell names a unit once: the same name again opens the next row's cell
                        continue
                    if goes_on:
                        continue  # a whole name, a name of its own below: the cell's next unit or a new row's
                if goes_on and kinds[c] == "requirement" and a.endswith(_ENDS) and not _continues(a, 0, full[c], b):
                    continue  # a full line that ends a sentence: the cell's next sentence, or the next row's
                if goes_on:
                    # A sentence cut at the column's width; a title's (task, goal) may be a cell merged
                    # over the rows, its lines running past theirs: weaker.
                    e -= (1.0 if c in titles else 3.0) if kinds[c] in _TEXT_KINDS else 2.0
                else:
                    e += 1.0
                    if c in units_cols and looks_like_unit(a) and not a.endswith(_CONTINUES):
                        e += 0.5
        return e

    # Blank lines that part the body into blocks of one number each: a block is a row
    # (layoutrows._block_starts), whatever its number's place in it.
    numbered_lines = {k for k in layout.body if number_at is not None
                      and any(NUMBER_ONLY.match(t[2]) for t in placed[k].get(number_at, []))}
    blocks = _block_starts(lines, dict.fromkeys(layout.body), numbered_lines, layout.furniture)
    rows: list[list[int]] = []  # body lines of each row
    has_number: list[bool] = []
    headings: set[int] = set()
    prev: int | None = None
    for k in layout.body:
        cur = texts[k]
        if (title := heading(k)) is not None:
            texts[k], width[k] = {0: title}, {0: _page_width(title)}
            headings.add(len(rows))
            rows.append([k])
            has_number.append(False)
            prev = None
            continue
        numbered = k in numbered_lines
        if prev is None or not rows or len(rows) - 1 in headings:
            opens = True
        elif blocks:
            opens = k in blocks
        else:
            # A row opens with its text (top-aligned): a line with units or a deadline alone goes
            # on in the row above.
            e = evidence(prev, k, rows[-1]) if any(kinds[c] in _TEXT_KINDS for c in cur) else 0.0
            if len(cur) == 1 and len(tail := next(iter(cur.values()))) <= _TAIL:
                # A few characters alone on a line (以上。) are the tail of a cell the line above
                # cut, not a row: of the one such cell, where a page's shifted columns put it elsewhere.
                cut = [c for c, t in texts[prev].items() if c != number_at and _cut(t, width[prev][c], full[c], tail)]
                c = next(iter(cur))
                if len(cut) == 1 and c not in cut:
                    c = cut[0]
                    texts[k], width[k] = {c: tail}, {c: _page_width(tail)}
                if c in texts[prev]:
                    e = min(e, 0.0)
            elif all(len(t) <= _TAIL and c in texts[prev] for c, t in cur.items()) and any(
                    kinds[c] in _TEXT_KINDS and t.endswith(_ENDS) and not texts[prev][c].endswith(_ENDS)
                    for c, t in cur.items()):
                # Every piece a few characters under a cell, one of them ending the sentence above
                # (…不少于 2000 / 个。 … 建委): the cells' tails.
                e = min(e, 0.0)
            opens = e > 0 or (numbered and has_number[-1])
        if opens:
            rows.append([])
            has_number.append(False)
        rows[-1].append(k)
        has_number[-1] = has_number[-1] or numbered
        prev = k
    # A title cell merged over rows is printed at their top and runs on beside the next row's
    # first lines: a row without a number whose first lines go on, line after line, from the
    # title above cut at its column's width (``做好政府网站专栏信`` / ``息公开``) gives them back to it.
    given: dict[int, dict[int, list[int]]] = {}  # row → column → lines given to the row above
    for n in range(1, len(rows)):
        if n in headings or n - 1 in headings:
            continue
        for c in titles:
            gone = given.get(n - 2, {}).get(c, [])
            above = [k for k in rows[n - 1] if c in texts[k] and k not in gone]
            own = [k for k in rows[n] if c in texts[k]]
            if has_number[n] and not (len(own) == 1 and own[0] == rows[n][0]
                                      and width[own[0]][c] < full[c] - 2):
                continue  # a numbered row's own title, unless its one short line is the tail (…开放 / 利用)
            moved: list[int] = []
            # A cell's lines follow one another: only a title whose last line stands right above the
            # row's first line can run on into it.
            while above and own and own[0] == rows[n][len(moved)] and own[0] == above[-1] + 1 and _cut(
                    texts[above[-1]][c], width[above[-1]][c], full[c], texts[own[0]][c]):
                moved.append(own.pop(0))
                above.append(moved[-1])
            if moved:
                given.setdefault(n - 1, {})[c] = moved
    cells: list[list[str]] = []
    firsts: list[int] = []
    row_lines: list[int] = []
    for n, row in enumerate(rows):
        row_lines.append(row[0] + 1)
        if n in headings:
            cells.append([texts[row[0]][0]] + [""] * (len(kinds) - 1))
            firsts.append(HEADING_ROW)
            continue
        out = []
        for c in range(len(kinds)):
            lines_of = [k for k in row if k not in given.get(n - 1, {}).get(c, ())] + given.get(n, {}).get(c, [])
            parts = [(texts[k][c], width[k][c]) for k in lines_of if c in texts[k]]
            # A line cut where the next line's first word would not fit is as full as the column
            # (区住房城乡 / 建委: one name wrapped, not two).
            parts = [(t, full[c] if j + 1 < len(parts) and _cut(t, w, full[c], parts[j + 1][0]) else w)
                     for j, (t, w) in enumerate(parts)]
            out.append(_join_lines(parts, full[c] - 2, c in units_cols) if parts else "")
        cells.append(out)
        firsts.append(0)
    if not any(any(r) for r in cells):
        return None
    skipped = [(k + 1, lines[k].strip()) for k in range(layout.index + 1, layout.start) if lines[k].strip()]
    skipped += [(k + 1, lines[k].strip()) for k in sorted(layout.furniture) if lines[k].strip()]
    # Units cells merged over rows, printed once at their top: carried (or placed by form), on 待核对.
    roles = [r.role if (r := header_role(to_simplified(lb))) else "" for lb in layout.labels]
    text_col = kinds.index("requirement") if "requirement" in kinds else None
    merged = merged_units(layout.labels, kinds, roles, firsts, cells, number_at, text_col, row_lines)
    events, meta = _emit(lines, layout.index, name, None, layout.labels, firsts, cells, row_lines, skipped)
    # A run placed off its column's edge is a guess: its requirement goes on 待核对.
    notes: dict[int, list[str]] = {}
    for row in rows:
        for k in row:
            notes.setdefault(row[0] + 1, []).extend(
                L.NOTE_LAYOUT_PLACED.format(text=t, header=layout.labels[c]) for t, c in guessed.get(k, []))
    events = [replace(e, review=e.review + tuple((L.REVIEW_STRUCTURE, n) for n in notes[e.line]))
              if isinstance(e, RawRow) and notes.get(e.line) else e for e in events]
    events = [replace(e, review=e.review + tuple(merged[e.line]))
              if isinstance(e, RawRow) and merged.get(e.line) else e for e in events]
    return events, meta
