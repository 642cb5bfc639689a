"""A table flattened to one cell per line (copied out of Word, a PDF or a web
page): rebuilt by aligning the stream of cells to the header's columns.

1. **Header.** A run of short header-like lines. Header words may be wrapped
   over two or three lines (责任/领导, 攻坚目标/任务): the run is segmented
   into labels by ``columns.header_score`` for every plausible column count.
2. **Alignment.** Every body line is typed (``columns.cell_type``) and the
   stream is aligned to the columns by dynamic programming: a line continues
   the current cell (one unit per line), fills a later column of the same
   row (the columns between are empty), or starts a new row — at the first
   column, or further right when the leading cells are merged with the row
   above. Blank lines, where they separate rows rather than every cell,
   mark row boundaries.
3. **Readings compete.** Each header segmentation is scored by the header
   words it makes plus how well the body aligns to it; the best one wins.

The rows then go through ``GridReader`` like any other grid.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from itertools import islice

from xltools import labels as L
from xltools.importing.readers.cellwrap import furniture, recut_rows
from xltools.importing.readers.cleanup import Fixer
from xltools.importing.readers.columns import (MULTI_LINE, OTHER_KINDS, cell_type, compat, header_role, header_score,
                                     oversees, resolve_text_columns, split_glued_header, squeeze)
from xltools.importing.readers.grid import Cell, Column, GridReader
from xltools.importing.readers.layout import Layout, current_layout
from xltools.importing.readers.rows import Event, RawRow, SourceMeta
from xltools.importing.units import join_spaced_units, looks_like_unit
from xltools.text import clean_text

# A role word alone (主体, 牵头) is a fragment of the header word it modifies.
_MODIFIERS = frozenset({*L.LABEL_LEAD_WORDS, *L.LABEL_ASSIST_WORDS, *L.RESPONSIBLE_HEADER_WORDS})
_SEPARATOR_LINE = re.compile(r"^[|│｜\-─=＝*＊_\s]+$")
_MAX_JOIN = 3
_NEG = float("-inf")
_LABEL_KINDS = ("units", "deadline", "remark", "people")  # labels no body opens with
_SENTENCE_END = ("。", "！", "？", "；", ";")
_SAMPLE = 150  # body lines that decide between header readings
_RUN_SCAN = 400  # items searched for the start of a header run
_LIST_SEP = re.compile(r"[、，,；;]")
_LIST_TITLE = re.compile(r"(?:表|清单|台账|目录)$")
_LIST_OPEN = ("、", "，", ",", "；", ";", "和", "及")


@dataclass(frozen=True)
class Item:
    line: int  # 1-based source line
    text: str
    gap: int  # cell boundaries before it: separator lines (|) where the text has them, else blank lines
    ctype: str


@dataclass
class Reading:
    labels: list[tuple[str, int]]  # (header word, first line)
    kinds: list[str]
    roles: list[str]
    header_end: int  # index of the first body item
    cols: list[int]  # column of every body item
    new_row: list[bool]  # whether the item starts a row
    score: float


def _items(text: str, cell_ends: frozenset[int] = frozenset(), line_of: list[int] | None = None,
           last_cell: int | None = None) -> list[Item]:
    out = list(_iter_items(text, cell_ends))
    _mark_unclosed_tail(out, last_cell)
    _mark_footer(out)
    _mark_signature(out)
    return _relined(out, line_of)


def _mark_unclosed_tail(items: list[Item], last: int | None) -> None:
    """Where a pipe closes every cell, the lines after the last one a pipe closed (``last``)
    that are an office's name (or names) and a full date are no cell (a cell's pipe stands on
    its last line): the page's signature, typed as chrome. (Other text there is a cell the
    text cut off.)"""
    if last is None:
        return
    tail = [k for k, it in enumerate(items) if it.line > last]
    if 0 < len(tail) <= 3 and (_DATED.match(items[tail[-1]].text) or _SIGNED.match(items[tail[-1]].text)) \
            and all(items[k].ctype == "units" for k in tail[:-1]):
        for k in tail:
            items[k] = replace(items[k], ctype="chrome")


def _mark_footer(items: list[Item]) -> None:
    """A site's footer after the page's closing chrome (打印本页 关闭窗口, then 主办单位：… /
    地址：…): a few labelled lines closing the text after a chrome line are the page's."""
    k = len(items)
    while k > max(0, len(items) - 6) and (items[k - 1].ctype == "chrome" or len(items[k - 1].text) <= 40
                                          and re.search(r"[：:]", items[k - 1].text)):
        k -= 1
    while k < len(items) and items[k].ctype != "chrome":
        k += 1  # the footer opens with the chrome line
    for j in range(k, len(items)):
        items[j] = replace(items[j], ctype="chrome")


def _relined(items: list[Item], line_of: list[int] | None) -> list[Item]:
    """The items with their source lines when the text was rebuilt from another (a tab
    table's cells, ``line_of``: the source line of each line of the text)."""
    return [replace(it, line=line_of[it.line - 1]) for it in items] if line_of else items


def _items_with_header(text: str, cell_ends: frozenset[int] = frozenset(),
                       line_of: list[int] | None = None, last_cell: int | None = None) -> list[Item] | None:
    """``_items``, or None when no header run can start among the first ``_RUN_SCAN``
    items (the only place ``_header_runs`` looks): the lines are typed only as far as
    that scan reaches, so a text of another shape costs its first lines, not all of them."""
    items = _iter_items(text, cell_ends)
    head = list(islice(items, _RUN_SCAN))
    while head and _header_like(head[-1]):  # a run reaching the end of the head may go on
        more = next(items, None)
        if more is None:
            break
        head.append(more)
    more = next(items, None)
    if more is not None and not _header_runs(head) and not any(_SIGNED.match(it.text) for it in head):
        return None  # (a signature line in the head could be retyped by _mark_signature)
    out = head + ([more] if more is not None else []) + list(items)
    _mark_unclosed_tail(out, last_cell)
    _mark_footer(out)
    _mark_signature(out)
    return _relined(out, line_of)


def _iter_items(text: str, cell_ends: frozenset[int]) -> Iterator[Item]:
    lines = text.split("\n")
    # Where separator lines (|, ---) stand between cells, they are the boundaries and blank
    # lines are only spacing; elsewhere a blank line is a boundary and two are an empty cell.
    # Where a pipe closed each cell (``cell_ends``: the lines it closed), the cell ends there,
    # a line of bare pipes is an empty cell for each pipe, and blank lines are spacing.
    bars = sum(1 for ln in lines if ln.strip() and _SEPARATOR_LINE.match(ln.strip()))
    use_bars = bars >= 3
    gap = 0
    for i, raw in enumerate(lines, start=1):
        t = raw.strip()
        if cell_ends and (not t or _SEPARATOR_LINE.match(t)):
            gap += 2 * len(re.findall(r"[|│｜]", t)) if t else 0
            continue
        if not t or _SEPARATOR_LINE.match(t):
            if use_bars == bool(t):
                gap += 1
            continue
        several = bool(re.search(r"[\t|│｜]", t)) or len([w for w in t.split() if header_score(w) >= 2]) >= 2
        # Names side by side on one cell's line (县教育局 县住建局): a list, not one name.
        t = clean_text(t if several else join_spaced_units(t))
        glued = split_glued_header(t) if not several else None
        if glued:
            # A header row glued into one line: one item per header word.
            yield from (Item(i, w, gap if k == 0 else 0, cell_type(w)) for k, w in enumerate(glued))
            gap = 0
            continue
        # A line holding several cells (tab, pipe, spaced header words) is no cell of a stream.
        yield Item(i, t, gap, "several" if several else cell_type(t))
        gap = 1 if i in cell_ends else 0


_SIGNED = re.compile(r"^(?P<name>[^\s、，,；;：:]{3,30}?)\s*(?P<date>(?:20\d{2}|[二〇零一]{4})\s*年\s*"
                     r"[\d一二三四五六七八九十]{1,3}\s*月\s*[\d一二三四五六七八九十]{1,3}\s*日)$")


_ISSUER = re.compile(r"^中共|委员会|人民政府|党委|党工委")
_DATED = re.compile(r"^(?:20\d{2}|[二〇零一]{4})\s*年\s*[\d一二三四五六七八九十]{1,3}\s*月\s*[\d一二三四五六七八九十]{1,3}\s*日$")


def _mark_signature(items: list[Item]) -> None:
    """The signature closing the page (an office's name and the full date on one line,
    the last line but chrome) is no cell of the last row: typed as chrome."""
    rest = [k for k, it in enumerate(items) if it.ctype != "chrome"]
    if not rest:
        return
    last = items[rest[-1]]
    m = _SIGNED.match(last.text)
    if m and looks_like_unit(m.group("name")):
        items[rest[-1]] = replace(last, ctype="chrome")
    elif _DATED.match(last.text):
        # The office's name on its own line above the date (a second one above it only when
        # both are full names, six characters or more, written nowhere else as a cell, the
        # upper one a party or government body's: 中共…, …委员会, …人民政府), right
        # after a row's closing cell (a deadline, a person, a number: not a text or units cell,
        # whose row the names could go on).
        names: list[int] = []
        for k in reversed(rest[:-1][-2:]):
            it = items[k]
            if it.ctype != "units" or _LIST_SEP.search(it.text) or it.gap > 1 \
                    or names and (min(len(it.text), len(items[names[0]].text)) < 6 or not _ISSUER.search(it.text)
                                  or sum(1 for other in items if other.text == it.text) > 1):
                break
            names.append(k)
        # One name alone is the page's only where the page names that office above the table too
        # (作者：教务处, 来源：…) or it is a party or government body's full name.
        head = next((k for k, it in enumerate(items[:60]) if header_score(it.text) >= 2), 0)
        preamble = " ".join(it.text for it in items[:head])
        for n in range(1, len(names) + 1):
            at = rest.index(names[n - 1])
            if n == 1 and items[names[0]].text not in preamble and not _ISSUER.search(items[names[0]].text):
                continue
            if at and items[rest[at - 1]].ctype not in ("units", "sentence", "title"):
                for k in names[:n] + [rest[-1]]:
                    items[k] = replace(items[k], ctype="chrome")
                return


def _header_like(item: Item) -> bool:
    """A line that may go on a run of header lines: short, a header role, not a number."""
    return len(squeeze(item.text)) <= 12 and item.ctype not in ("number", "several") \
        and header_role(item.text) is not None


def _header_runs(items: list[Item], limit: int = _RUN_SCAN) -> list[tuple[int, int]]:
    """(start, end) of runs of short header-like lines that hold at least two
    recognised header words (starting among the first ``limit`` items)."""
    runs: list[tuple[int, int]] = []
    i = 0
    n = min(len(items), limit)
    while i < n:
        if header_score(items[i].text) < 2 or items[i].ctype == "several":
            i += 1
            continue
        j = i
        while j < len(items) and _header_like(items[j]):
            if j > i + 1 and items[j].gap and not any(it.gap for it in items[i + 1:j]) \
                    and not _second_header_row(items[i:j], items[j:j + 2]):
                break  # header words on consecutive lines end at the first blank line
            j += 1
        strong = sum(1 for it in items[i:j] if header_score(it.text) >= 2)
        if j - i >= 2 and strong >= 2:
            runs.append((i, j))
            i = j
        else:
            i += 1
    return runs


def _second_header_row(header: list[Item], after: list[Item]) -> bool:
    """Whether ``after`` opens the second row of a two-row header, past the blank lines of
    the empty cells under the merged ones: two role-naming units words on consecutive
    lines (牵头单位, 配合单位) under a header holding a units word that names no role."""
    def role(it: Item):
        r = header_role(it.text)
        return r if r is not None and r.kind == "units" and len(squeeze(it.text)) <= 12 else None
    return len(after) == 2 and not after[1].gap and all(role(it) for it in after) \
        and any(role(it).role for it in after) and any(role(it) and not role(it).role for it in header)


def _segmentations(words: list[str], beam: int = 6) -> list[tuple[float, list[tuple[int, int]]]]:
    """Plausible splits of ``words`` into labels of one to three consecutive
    lines, best first for each label count: [(score, [(start, end)])]."""
    n = len(words)
    # best[i][k]: the top splits of words[:i] into k labels
    best: list[dict[int, list[tuple[float, list[tuple[int, int]]]]]] = [dict() for _ in range(n + 1)]
    best[0][0] = [(0.0, [])]
    for i in range(1, n + 1):
        for size in range(1, min(_MAX_JOIN, i) + 1):
            label = "".join(words[i - size:i])
            base = header_score(label)
            parts = words[i - size:i]
            if size > 1 and (base < 2 or all(header_score(w) >= 3 for w in parts)
                             or sum(header_score(w) >= 2 and w not in _MODIFIERS for w in parts) >= 2):
                continue  # only join fragments into a header word, never two header words
            s = base - 0.4 * (size - 1)
            for k, options in best[i - size].items():
                bucket = best[i].setdefault(k + 1, [])
                bucket.extend((score + s, spans + [(i - size, i)]) for score, spans in options)
        for k in best[i]:
            best[i][k] = sorted(best[i][k], key=lambda o: -o[0])[:beam]
    return [o for k in sorted(best[n]) for o in best[n][k]]


@dataclass(frozen=True)
class _Gaps:
    """What blank (or separator) lines mean in this text."""

    rows: bool  # they separate rows: rarer than lines, the cells of a row on consecutive lines
    cells: bool  # they separate cells: a line without one before continues the cell above
    strict: bool  # ... and some cells do go on over lines, so every boundary ends a cell
    empty: bool = False  # each blank line is an empty cell (or one covered by a merge)


def _gaps(body: list[Item], blank_cells: bool = False) -> _Gaps:
    if blank_cells:
        return _Gaps(rows=False, cells=False, strict=False, empty=True)
    with_gap = sum(1 for it in body[1:] if it.gap)
    total = max(1, len(body) - 1)
    # Blocks of consecutive lines between boundaries: a row is several lines, a cell mostly
    # one (a list of units one per line is the exception), so where most blocks are one
    # line the boundaries separate cells even when lists make most lines boundary-less.
    starts = [k for k, it in enumerate(body) if k == 0 or it.gap] + [len(body)]
    blocks = len(starts) - 1
    single = sum(1 for a, b in zip(starts, starts[1:]) if b - a == 1)
    cells = with_gap > 0.6 * total or (blocks >= 4 and single > 0.5 * blocks)
    # Every boundary ends a cell where some cells go on over lines without one, and where
    # every line has one but empty cells show as boundaries of their own (two or more
    # in a row): then the boundaries are drawn on purpose, not line spacing.
    empties = sum(1 for it in body[1:] if it.gap >= 2)
    return _Gaps(rows=0 < with_gap <= 0.6 * total and not cells, cells=cells,
                 strict=cells and (with_gap < total or empties >= 2))


def _group_unit_headings(body: list[Item], emit: list[list[float]], goal: int) -> None:
    """A goal column that groups the rows by unit holds the unit's short name (通会桥社区
    over rows of …街道办事处通会桥社区): a unit line whose name is part of the full name of
    a unit a few lines on fits the goal column as well as a units column."""
    for i, it in enumerate(body):
        if it.ctype != "units" or len(it.text) < 3:
            continue
        for nxt in body[i + 1:i + 6]:
            if nxt.ctype == "units" and len(nxt.text) > len(it.text) + 1 and it.text in nxt.text \
                    and not re.search(r"[、，,；;\s]", nxt.text):
                emit[i][goal] = max(emit[i][goal], max(emit[i]))
                break


_DIGITS = re.compile(r"^[（(]?\s*(\d{1,4})\s*[)）]?\s*[、.．]?$")


def _row_numbers(body: list[Item]) -> set[int]:
    """The number cells that count on as row numbers: each Arabic number a little above the last
    one that did (gaps of up to three: a row left out), 1 again (numbering restarted), or one
    the next number counts on from (an excerpt: 3, then 68, 69); numbers in other forms (一、,
    row codes) all count."""
    values: list[tuple[int, int | None]] = []
    for i, it in enumerate(body):
        if it.ctype == "number":
            m = _DIGITS.match(it.text)
            values.append((i, int(m.group(1)) if m else None))
    out: set[int] = set()
    last: int | None = None
    for k, (i, value) in enumerate(values):
        if value is None:
            out.add(i)
            continue
        nxt = next((v for _, v in values[k + 1:] if v is not None), None)
        if last is None or value == 1 or 0 < value - last <= 3 or nxt is not None and 0 < nxt - value <= 3:
            out.add(i)
            last = value
    return out


def _align(kinds: list[str], body: list[Item], gaps: _Gaps) -> tuple[float, list[int], list[bool]]:
    """Align body items to columns; returns (score, column per item, row starts)."""
    n = len(kinds)
    m = len(body)
    if m == 0 or n == 0:
        return _NEG, [], []
    # Where a column holds amounts, a number that does not count on from the row numbers before
    # it (260 after 1) is an amount, no row's number.
    counted = _row_numbers(body) if "amount" in kinds else range(m)
    emit = [[compat("units" if k == "oversee" else k, it.ctype) - (2.5 if k == "number" and i not in counted else 0.0)
             for k in kinds] for i, it in enumerate(body)]
    if "goal" in kinds:
        _group_unit_headings(body, emit, kinds.index("goal"))
    req = kinds.index("requirement") if "requirement" in kinds else None
    score = [[_NEG] * n for _ in range(m)]
    back: list[list[tuple[int, bool]]] = [[(-1, True)] * n for _ in range(m)]
    # Where blank lines separate rows, a row of no more lines than the header has columns
    # holds one cell per line (a short row lost its empty cells): two unit lines side by
    # side are two columns, not one cell of two units.
    short_row = [False] * m
    # pairs[c]: how many columns left of c are the first of two units columns side by side.
    pairs = [0] * (n + 1)
    for c in range(n):
        pairs[c + 1] = pairs[c] + (1 if c + 1 < n and kinds[c] == kinds[c + 1] == "units" else 0)
    if gaps.rows:
        starts = [k for k in range(m) if k == 0 or body[k].gap] + [m]
        for a, b in zip(starts, starts[1:]):
            if b - a <= n:
                short_row[a:b] = [True] * (b - a)
    # A row under a merged goal cell (the columns left of it all goals: a rowspan over a group)
    # is the usual shape of a grouped table, cheaper than one under other merged cells — where
    # nothing shows the empty cells (no blank lines or bars marking cells).
    grouped = [j > 0 and not gaps.cells and not gaps.empty and all(k == "goal" for k in kinds[:j])
               for j in range(n)]
    for j in range(n):
        score[0][j] = emit[0][j] - 2.5 * j
    for i in range(1, m):
        gap = body[i].gap
        # More blank lines than one boundary: empty cells between (an empty cell is an empty
        # line with its own boundary, so each takes two).
        empties = gap // 2 if gaps.cells and gap >= 2 else gap if gaps.empty else 0
        glued = gaps.cells and gap == 0  # no boundary before: the same cell goes on
        for j in range(n):
            best, arg = _NEG, (-1, True)
            for jp in range(n):
                prev = score[i - 1][jp]
                if prev == _NEG:
                    continue
                if jp == j:  # continue the same cell
                    if body[i].ctype == "none":
                        s = -3.0  # a mark for an empty cell is a cell of its own
                    elif glued:
                        s = 1.0
                    elif gaps.strict:
                        s = -3.0
                    else:
                        s = MULTI_LINE.get(kinds[j], -1.5) - (1.0 if gaps.cells else 0.0)
                        if kinds[j] != "units" and body[i - 1].text.endswith(_SENTENCE_END):
                            s -= 1.2  # a finished sentence more often ends its cell
                    if kinds[j] == "units" and body[i].ctype == body[i - 1].ctype == "units" \
                            and not (gaps.cells and gap):
                        # One unit per line (not across a cell boundary); a list written on one
                        # line after a finished name is a cell of its own (牵头 | 配合 columns).
                        s += -1.0 if _LIST_SEP.search(body[i].text) and \
                            not body[i - 1].text.endswith(_LIST_OPEN) else 0.5
                        if j + 1 < n and kinds[j + 1] == "units" and not gaps.cells \
                                and not _LIST_SEP.search(body[i - 1].text) and not _LIST_SEP.search(body[i].text):
                            # Of two units columns side by side (牵头 | 配合, 主责 | 协同) the first
                            # holds one unit a row more often than a list: lone unit lines after
                            # the first go on in the next column.
                            s -= 1.5
                    elif kinds[j] == "units" and gaps.cells and gap and body[i].ctype != "units":
                        s -= 1.0  # over a cell boundary a units cell goes on only with a unit
                    if gaps.rows and gap or gaps.empty and gap:
                        s -= 2.0
                    elif short_row[i]:
                        s -= 2.0
                    if prev + s > best:
                        best, arg = prev + s, (jp, False)
                if j > jp:  # the next cell of the same row, the columns between left empty
                    s = -0.3 * abs(j - jp - 1 - empties) - (2.0 if gaps.rows and gap else 0.0) \
                        - (1.5 if glued else 0.0)
                    if not empties and not gaps.cells and pairs[j] - pairs[jp + 1] > 0:
                        s -= 1.5  # the first of two units columns side by side left empty: rare
                    if not empties and not gaps.cells and "oversee" in kinds[jp + 1:j]:
                        s -= 1.5  # the overseer's column (one unit a row) left empty: rare
                    if not empties and req is not None and jp < req < j:
                        s -= 1.5  # a row without its requirement, where no empty cell shows it
                        if kinds[jp] == "goal" and back[i - 1][jp][1] and body[i - 1].ctype != "heading":
                            s -= 1.0  # a row of a goal and units alone: a requirement under merged cells
                    if prev + s > best:
                        best, arg = prev + s, (jp, False)
                if j <= jp:  # a new row: at the first column, or further right under merged cells
                    s = (0.0 if j == 0 else -0.5 if grouped[j] else -2.0 - 0.2 * j) \
                        - (2.0 if gaps.rows and not gap else 0.0) \
                        - (1.5 if glued else 0.0) + (1.0 if body[i].ctype == "heading" else 0.0)
                    if req is not None and jp < req and body[i - 1].ctype != "heading":
                        s -= 1.5  # the row above ended before its requirement
                    if gaps.empty:
                        # The blank lines between are the empty cells ending the row above and
                        # those a rowspan covers opening this one (a goal row spans the table).
                        shown = (0 if body[i - 1].ctype == "heading" else n - 1 - jp) + j
                        s -= 0.5 * abs(gap - shown)
                        if j and gap == shown:
                            s += 1.5  # leading cells merged with the row above, and shown so
                    if prev + s > best:
                        best, arg = prev + s, (jp, True)
            score[i][j] = best + emit[i][j]
            back[i][j] = arg
    j = max(range(n), key=lambda c: score[m - 1][c])
    total = score[m - 1][j]
    cols = [0] * m
    starts = [False] * m
    for i in range(m - 1, -1, -1):
        cols[i] = j
        jp, new = back[i][j]
        starts[i] = new if i > 0 else True
        j = jp
    return total, cols, starts


def _structure(kinds: list[str], cols: list[int], starts: list[bool], labels: list[str]) -> float:
    """Plausibility of a column layout beyond its cells: every column is
    filled somewhere (a header word split in two leaves an empty column in
    every row), and one column per kind. A column headed by a whole header
    word written exactly (配合单位, 完成时限) is no fragment: it may be empty in
    the rows read so far, at a small cost."""
    rows = max(1, sum(starts))
    filled = set(cols)
    penalty = sum(1.5 + (0.0 if header_score(labels[j]) >= 3 else 0.5 * rows)
                  for j in range(len(kinds)) if j not in filled)
    for kind in ("number", "task", "goal", "requirement", "deadline"):
        if kinds.count(kind) > 1:
            penalty += 2.0 * (kinds.count(kind) - 1)
    return -penalty


def _given_reading(items: list[Item], layout: Layout) -> Reading | None:
    """The reading a person asked for: their columns, the body after their header line."""
    runs = _header_runs(items)
    if layout.header_line is not None:
        at = next((i for i, it in enumerate(items) if it.line >= layout.header_line), None)
        if at is None:
            return None
        end = next((e for s, e in runs if s == at), at + 1)
        start = at
    elif runs:
        start, end = runs[0]
    else:
        start = end = next((i for i, it in enumerate(items) if it.ctype == "number"), 0)
    if layout.columns:
        labels = list(layout.columns)
    else:
        words = [it.text for it in items[start:end]]
        options = _segmentations(words)
        if not options:
            return None
        labels = ["".join(words[a:b]) for a, b in max(options, key=lambda o: o[0])[1]]
    roles = [header_role(lb) for lb in labels]
    line = items[start].line if start < len(items) else 0
    return Reading([(lb, line) for lb in labels], [r.kind if r else "text" for r in roles],
                   [r.role if r else "" for r in roles], end, [], [], 0.0)


def _header_candidates(items: list[Item]):
    """(start, end, header score, label spans) of every plausible header: each
    run of short header-like lines, ending at its last line or up to three
    lines earlier (the first cells of the body can be short too), split into
    labels in the few best ways for each label count."""
    for first, run_end in _header_runs(items):
        # An unknown word right above the first known one (审核要素 over 序号) may be the
        # header's first label: a column the cells decide (up to two such words).
        starts = [first]
        while len(starts) < 3 and (k := starts[-1] - 1) >= 0 and not items[k + 1].gap \
                and _header_like(items[k]) and items[k].ctype == "title" and header_score(items[k].text) < 2 \
                and len(items[k].text) <= 8 and not _LIST_TITLE.search(items[k].text) \
                and not items[k].text.startswith(L.LIST_HEADING_STOP_WORDS):
            starts.append(k)  # (not the table's title: 附表…, …清单)
        for start in starts:
            for end in range(run_end, max(first + 2, run_end - 3) - 1, -1):
                if end < run_end and header_score(items[end].text) >= 2 and \
                        (r := header_role(items[end].text)) is not None and r.kind in _LABEL_KINDS:
                    # The body opens with short cells (a number, a goal or task title: 开办企业领域,
                    # 全年目标任务进展情况), never with the label of a units, time, remark or people column.
                    break
                words = [it.text for it in items[start:end]]
                for hscore, spans in _segmentations(words, beam=3):
                    if len(spans) >= 2:
                        yield start, end, hscore, spans


def _sub_starts(labels: list[tuple[str, int]]) -> list[int]:
    """Where the run of sub-headers closing the header may start: the units words closing it,
    two or more, one naming a role (责任科室 | 协同单位; 牵头单位 | 责任单位: a sub-header may
    repeat its parent's word), from the first of them or from the first naming a role."""
    n = len(labels)
    k = n
    while k > 0 and (r := header_role(labels[k - 1][0])) is not None and r.kind == "units":
        k -= 1
    first_role = next((i for i in range(k, n) if header_role(labels[i][0]).role), n)
    return [s for s in dict.fromkeys((k, first_role)) if n - s >= 2]


def _sub_headers(labels: list[tuple[str, int]]) -> list[tuple[int, list[tuple[str, int]]]]:
    """A header of two rows flattened: a units word without a role (责任单位) in the
    first row, and its sub-headers (牵头单位, 配合单位) closing the header as the second
    row: (where the sub-headers start, the labels with them in the parent's place). The
    reading with the sub-headers in the parent's place competes with the header as written."""
    out = []
    for k in _sub_starts(labels):
        subs = labels[k:]
        for p in range(k):
            r = header_role(labels[p][0])
            if r is not None and r.kind == "units" and not r.role:
                out.append((k, labels[:p] + subs + labels[p + 1:k]))
    return out


def _goal_as_requirement(kinds: list[str]) -> list[list[str]]:
    """With no requirement column, a goal column right of a task column (工作事项 | 工作目标)
    may state each row's requirement: that reading competes with the goal as written."""
    if "requirement" in kinds or "task" not in kinds:
        return []
    return [[("requirement" if k == "goal" and i > kinds.index("task") else k) for i, k in enumerate(kinds)]
            for _ in [0] if any(k == "goal" and i > kinds.index("task") for i, k in enumerate(kinds))]


def _group_left_of_number(kinds: list[str]) -> list[list[str]]:
    """An unknown column left of the number column (审核要素 | 序号 | …) groups the rows under it,
    a goal cell merged over them: that reading competes with the column as text."""
    if "number" not in kinds or "goal" in kinds:
        return []
    first = kinds.index("number")
    if "text" not in kinds[:first]:
        return []
    return [["goal" if k == "text" and i < first else k for i, k in enumerate(kinds)]]


def _overseer_kinds(labels: list[str], kinds: list[str]) -> list[str]:
    """A units column headed by the overseer (督导单位) beside another units column holds one
    unit a row and names no assignee (``grid._overseers_kept``): aligned as such, so the
    assignees' column beside it keeps its list of names one per line."""
    over = [i for i, (lb, k) in enumerate(zip(labels, kinds)) if k == "units" and oversees(squeeze(lb))]
    if not over or len(over) == kinds.count("units"):
        return kinds
    return ["oversee" if i in over else k for i, k in enumerate(kinds)]


def best_reading(items: list[Item], blank_cells: bool = False) -> Reading | None:
    """The best-scoring header segmentation and body alignment, or None."""
    layout = current_layout()
    at = None
    if layout.header_line is not None and not layout.columns:
        # Only the header line is given: the readings whose header starts there compete.
        at = next((i for i, it in enumerate(items) if it.line >= layout.header_line), None)
        if at is not None and not any(start == at for start, _ in _header_runs(items)):
            at = None
    if layout and at is None:
        given = _given_reading(items, layout)
        if given is not None:
            body = [it for it in items[given.header_end:] if it.ctype != "chrome"]
            _, given.cols, given.new_row = _align(given.kinds, body, _gaps(body, blank_cells))
        return given
    best: Reading | None = None
    for start, end, hscore, spans in _header_candidates(items):
        if at is not None and start != at:
            continue
        words = [it.text for it in items[start:end]]
        body = _body(items, start, end)
        if len(body) < 2:
            continue
        written = [("".join(words[a:b]), items[start + a].line) for a, b in spans]
        subs = _sub_headers(written)
        # Sub-headers past blank lines (the empty cells under the merged ones) are a second
        # header row, never more columns of the first.
        # So are sub-headers after a column of another kind (…责任单位 | 完成时限 | 备注 | 牵头单位 |
        # 配合单位): role columns stand beside the units column they split.
        second_row = any(items[start + spans[k][0]].gap > 0 or
                         (r := header_role(written[k - 1][0])) is None or r.kind != "units" for k, _ in subs)
        for placed in ([] if second_row else [written]) + [p for _, p in subs]:
            labels = [lb for lb, _ in placed]
            roles = [header_role(lb) for lb in labels]
            written_kinds = _overseer_kinds(labels, [r.kind if r else "text" for r in roles])
            if not {"units", "requirement", "task", "text"} & set(written_kinds):
                continue
            for kinds in [written_kinds] + _goal_as_requirement(written_kinds) + _group_left_of_number(written_kinds):
                sample = body[:_SAMPLE]  # choose on a sample; the whole body is aligned once chosen
                bscore, cols, starts = _align(kinds, sample, _gaps(sample, blank_cells))
                total = hscore + bscore + _structure(kinds, cols, starts, labels)
                if best is None or total > best.score:
                    best = Reading(placed, kinds, [r.role if r else "" for r in roles], end, [], [], total)
    if best is None:
        return None
    body = _body(items, _header_start(items, best), best.header_end)
    _, best.cols, best.new_row = _align(best.kinds, body, _gaps(body, blank_cells))
    return best


def _header_start(items: list[Item], reading: Reading) -> int:
    return next((i for i, it in enumerate(items) if it.line == reading.labels[0][1]), 0)


def _body(items: list[Item], start: int, end: int) -> list[Item]:
    """The cells under the header: no page furniture (a page number, the header repeated)."""
    rest = items[end:]
    skip = furniture([it.text for it in rest], [it.text for it in items[start:end]])
    return [it for k, it in enumerate(rest) if it.ctype != "chrome" and k not in skip]


def blank_cells_possible(text: str) -> bool:
    """Whether blank lines may be empty cells: some stand between lines of text, fewer than half
    as many as those lines (where most cells have one before them they are boundaries)."""
    lines = text.strip().split("\n")
    blank = sum(1 for a, b in zip(lines, lines[1:]) if not b.strip() and a.strip())
    return 0 < blank and 2 * blank < sum(1 for ln in lines if ln.strip())


def read_cell_stream(text: str, name: str, fixer: Fixer | None = None,
                     cell_ends: frozenset[int] = frozenset(),
                     blank_cells: bool = False, line_of: list[int] | None = None,
                     last_cell: int | None = None) -> tuple[list[Event], SourceMeta] | None:
    """Read a one-cell-per-line table; None when no header is found. ``cell_ends``:
    the lines whose cell a pipe closed (``delimited.pipe_cell_ends``); ``blank_cells``:
    each blank line is an empty cell (a table saved as text by LibreOffice); ``line_of``: the
    source line of each line of ``text`` when it was rebuilt (``delimited.tab_cell_stream``);
    ``last_cell``: the last line a pipe closed, the lines after it no cells (the page's)."""
    # Without a given layout a reading needs a header run: a text without one near its top
    # steps aside before its lines are all typed.
    items = _items(text, cell_ends, line_of, last_cell) if current_layout() \
        else _items_with_header(text, cell_ends, line_of, last_cell)
    if items is None:
        return None
    reading = best_reading(items, blank_cells)
    if reading is None:
        return None
    header_start = _header_start(items, reading)
    body = _body(items, header_start, reading.header_end)
    kept = {id(it) for it in body}
    chrome = [it for it in items[reading.header_end:] if id(it) not in kept]
    n = len(reading.kinds)
    # Rows of cells (several lines of one cell joined by a line break).
    rows: list[list[list[str]]] = []
    row_lines: list[int] = []
    row_start_col: list[int] = []
    # Lone unit lines split over two units columns with nothing marking where: a guess.
    split_units: list[tuple[int, int, str, str]] = []
    marked = _gaps(body, blank_cells).cells
    for k, (it, col, new) in enumerate(zip(body, reading.cols, reading.new_row)):
        if new or not rows:
            rows.append([[] for _ in range(n)])
            row_lines.append(it.line)
            row_start_col.append(col)
        elif not marked and not it.gap and col > 0 and reading.cols[k - 1] == col - 1 \
                and reading.kinds[col] == reading.kinds[col - 1] == "units" and rows[-1][col - 1] \
                and not _LIST_SEP.search(it.text) and not _LIST_SEP.search(rows[-1][col - 1][-1]):
            split_units.append((row_lines[-1], col, rows[-1][col - 1][-1], it.text))
        rows[-1][col].append(it.text)
    # Cells hard-wrapped by a PDF page: rows' lines cut again by width (readers/cellwrap.py).
    plain_kinds = [k if k != "oversee" else "units" for k in reading.kinds]
    rows, kept = recut_rows(plain_kinds, rows)
    row_lines, row_start_col = [row_lines[i] for i in kept], [row_start_col[i] for i in kept]
    columns_text = [["\n".join(r[c]) for r in rows] for c in range(n)]
    kinds, decided = resolve_text_columns(plain_kinds, columns_text, [label for label, _ in reading.labels])
    columns: list[Column] = []
    for (label, _), kind, role in zip(reading.labels, kinds, reading.roles):
        if kind in OTHER_KINDS:
            columns.append(Column("other", label))
        else:
            columns.append(Column(kind, label, role))
    grid: list[list[Cell]] = []
    for r, start in zip(rows, row_start_col):
        filled = [c for c in range(n) if r[c]]
        if len(filled) == 1 and len(r[filled[0]]) == 1 and cell_type(r[filled[0]][0]) == "heading":
            # A numbered heading alone on its row spans the table (a goal row).
            text = r[filled[0]][0]
            grid.append([Cell(text)] + [Cell(text, from_left=True)] * (n - 1))
            continue
        cells = []
        for c in range(n):
            if r[c]:
                cells.append(Cell("\n".join(r[c])))
            elif c < start and grid:
                cells.append(Cell(grid[-1][c].text, from_above=True))  # merged with the row above
            else:
                cells.append(Cell(""))
        grid.append(cells)
    reader = GridReader(name, fixer)
    for it in items[:header_start]:
        reader.titles.append(it.text)
        reader.skipped.append((it.line, it.text))
    for it in chrome:
        reader.skipped.append((it.line, it.text))
    header_line = reading.labels[0][1]
    header_text = " | ".join(label for label, _ in reading.labels)
    wrapped = [] if current_layout().columns else [label for label, _ in reading.labels if header_role(label) and not any(
        label == it.text for it in items[header_start:reading.header_end])]
    if wrapped:
        reader.review.append((L.REVIEW_STRUCTURE, L.NOTE_HEADER_WRAPPED.format(words="、".join(wrapped)),
                              header_line, header_text))
    for i in decided:
        reader.review.append((L.REVIEW_STRUCTURE, L.NOTE_COLUMN_BY_CONTENT.format(
            header=reading.labels[i][0], meaning=L.HEADER_ALIASES[kinds[i]][0]), header_line, header_text))
    reader.add_rows(columns, grid, row_lines, header=[label for label, _ in reading.labels],
                    header_line=header_line, merges_lost=True)
    # Nothing in the text tells the two units cells apart: which unit is whose is a guess,
    # noted on the row's requirements.
    split_notes: dict[int, list[tuple[str, str]]] = {}
    for line, col, before, after in split_units:
        split_notes.setdefault(line, []).append((L.REVIEW_UNITS, L.NOTE_UNITS_SPLIT.format(
            before=before, after=after, left=reading.labels[col - 1][0], right=reading.labels[col][0])))
    if split_notes:
        reader.events = [replace(e, review=e.review + tuple(split_notes[e.line]))
                         if isinstance(e, RawRow) and e.line in split_notes else e for e in reader.events]
    return reader.result()
