"""A ruled table in plain ``pdftotext``'s order (no option: poppler's reading order):
the table comes out in column blocks, not rows::

    序号
    1

    重点任务
    完成老旧小区改造 32 个，惠及居 区住建局
    民 8600 户，同步实施加装电梯 60
    部。
    …
    配合单位
    区财政局、各
    街道

    区住建、区自
    然资源分局、
    …
    完成时限
    2025 年 11
    月底前

Each block is a run of one column's cells, top to bottom, each cell's wrapped lines one
after another; a block opened by a column's header label is that column's top; a line
may hold two neighbouring columns' lines parted by a space between two Chinese
characters (poppler joined their blocks); the page number and the header repeated on
the next page stand among the blocks.

1. **Header.** A line (or two or three short lines joined, a label wrapped in its
   cell) that is a header word by grammar (``columns.header_role``) is a column label;
   the labels in order of first sight are the columns; a label seen again opens the
   next page.
2. **Blocks to columns.** A block (lines between blank lines) opened by a label is that
   column's; any other goes to a column by what it holds: numbers to the number
   column, sentences to the requirement column, deadline phrases to the deadline
   column, unit names (by form) to the units column it continues or the first one not
   yet filled, short titles to a task column. A line's second piece (after a space
   between two Chinese characters) belongs to the next column.
3. **Cells.** A column's lines (its labelled block first) are cut into cells: a
   requirement at its sentence end, a number per line, other columns where a line stops
   short of the column's width, and — where that gives another count than the rows —
   at the cheapest cuts (a line not ending in ``、``, the next opening with a unit
   name or a deadline phrase) to give one per row.
4. **Rows.** The requirement cells are the rows; a column with a cell per row aligns
   one to one; a column with fewer (a merged number or task) puts each cell on the
   row whose requirement starts nearest to it in the text, carried down: noted on
   待核对, like every cell placed by position only.

It steps aside (cheaply) unless a header label stands on its own line after body text
(a sentence) that followed another label: a table written column by column.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from xltools import labels as L
from xltools.deadlines import is_deadline_phrase
from xltools.importing.readers.cleanup import is_traditional
from xltools.importing.readers.columns import cell_type, header_role, header_score
from xltools.importing.readers.grid import Cell, Column, GridReader
from xltools.importing.readers.rows import Event, SourceMeta
from xltools.importing.readers.wrappedrows import display_width
from xltools.importing.units import is_group_form, looks_like_unit, looks_like_units_cell

Result = tuple[list[Event], SourceMeta]

_PAGE_NUMBER = re.compile(L.PDF_PAGE_NUMBER)
_INT = re.compile(r"^\d{1,3}$")
_HEADING = re.compile(rf"^(?:[{L.CN_NUMERALS}]+\s*、|[（(]\s*[{L.CN_NUMERALS}]+\s*[)）])\s*\S")
_LANE = re.compile(r"(?<=[\u4e00-\u9fff。，、；：）”]) (?=[\u4e00-\u9fff（“])")
_YEAR_START = re.compile(r"^20\d\d年(?:\d|$)")  # a deadline cell: 2024年 / 12月底前
# Frequent characters written only in Traditional form: a cheap sign before the costly check.
_TRADITIONAL_HINT = frozenset("號單頭時門與為會發區縣務實體關協責進項業這個們於對產長開車東員經設過還點應當據動條")
_SENTENCE_END = ("。", "！", "？", "；")
_MAX_LABEL = 10
_BRACKETED = re.compile(r"[（(][^（()）]*[)）]")
_ROLE_WORD = re.compile(r"(?:牵头|负责|配合|参与|协助|协办)$")
_TEXT_KINDS = ("requirement", "task", "goal")


@dataclass
class _Col:
    kind: str
    label: str
    role: str = ""


def _squeezed(line: str) -> str:
    return line.replace(" ", "").replace("\u3000", "")


def _label_at(lines: list[str], i: int) -> tuple[str, int] | None:
    """The header label standing at line ``i`` (alone, or wrapped: a line and one or two
    short ones, ``牵头组织实施单`` / ``位``) and the lines it takes, or None."""
    s = _squeezed(lines[i])
    if not s or len(s) > _MAX_LABEL:
        return None
    if header_score(s) >= 2:
        # A unit name read by its head noun (区直各部门, 各定点医药机构) is a cell, not a label.
        return None if header_score(s) < 3 and _names_units(s) else (s, 1)
    joined = s
    for k in (1, 2):
        if k > 1 and len(_squeezed(lines[i + k - 1])) > 4 or i + k >= len(lines):
            return None
        nxt = _squeezed(lines[i + k])
        if not nxt or len(nxt) > 4 or header_score(nxt) >= 2:
            return None  # a label of its own below is no wrapped tail
        joined += nxt
        if header_score(joined) >= 2:
            return None if header_score(joined) < 3 and _names_units(joined) else (joined, k + 1)
    return None


def _names_units(word: str) -> bool:
    """A word naming bodies by form (区直各部门), or a group of them (各… : each of them)."""
    return looks_like_units_cell(word) or is_group_form(word)


def _body_line(s: str) -> bool:
    return len(s) >= 6 and s.endswith(_SENTENCE_END)


def column_block_shape(lines: list[str]) -> bool:
    """Whether the text reads as column blocks (one scan, no parsing): a header label not
    seen before stands alone after body text (a sentence or a unit name) that followed an
    earlier label, or two labels stand each in a block of its own; and some block holds
    two cells of one column (numbers counting up line after line, two deadlines opening
    with their year, or a sentence's end followed by another sentence) — a table written
    cell by cell has one cell a block."""
    seen: set[str] = set()
    seen_body = labels_first = False
    alone = 0
    many = False
    block: list[str] = []
    for i, line in enumerate([*lines, ""]):
        s = _squeezed(line)
        if not s:
            if len(block) >= 2 and not many:
                ints = [int(b) for b in block if _INT.match(b)]
                ends = [k for k, b in enumerate(block) if b.endswith(_SENTENCE_END)]
                years = sum(1 for b in block if _YEAR_START.match(b))
                many = any(b == a + 1 for a, b in zip(ints, ints[1:])) or years >= 2 or \
                    (bool(ends) and ends[0] < len(block) - 1 and len(ends) >= 2)
            block = []
            continue
        got = _label_at(lines, i) if len(s) <= _MAX_LABEL and i < len(lines) else None
        if got is not None:
            if seen_body and got[0] not in seen:
                labels_first = True
            if (i == 0 or not _squeezed(lines[i - 1])) and \
                    (i + got[1] >= len(lines) or not _squeezed(lines[i + got[1]])):
                alone += 1
            seen.add(got[0])
            block = []
            continue
        if seen and not seen_body:
            seen_body = _body_line(s) or (3 <= len(s) <= 20 and looks_like_unit(s))
        if seen:
            block.append(s)
        if many and (labels_first or alone >= 2):
            return True
    return many and (labels_first or alone >= 2)


def _lanes(line: str, side_by_side: bool) -> list[str]:
    """A line's pieces: parted by a space between two Chinese characters; in a block of
    columns side by side, also before a last piece that is a unit name (``打造“15 区民政局``)."""
    lanes = _LANE.split(line)
    if len(lanes) == 1 and side_by_side and " " in line:
        head, tail = line.rsplit(" ", 1)
        if len(tail) >= 3 and looks_like_unit(tail) and not tail[0].isdigit():
            return [head, tail]
    return lanes


def _block_kind(texts: list[str]) -> str:
    """What a block holds: number, heading, requirement, deadline, units or title."""
    squeezed = [_squeezed(t) for t in texts]
    if all(_INT.match(s) for s in squeezed):
        return "number"
    if all(s.isdigit() and len(s) >= 7 for s in squeezed):
        return "phone"  # telephone numbers: a column the plan does not keep
    if all(cell_type(s) == "person" for s in squeezed):
        return "person"
    joined = "".join(squeezed)
    if _HEADING.match(squeezed[0]) and len(squeezed) == 1:
        return "heading"
    if any(s.endswith(_SENTENCE_END) for s in squeezed) and len(joined) > 6:
        return "requirement"
    if len(joined) >= 16 and re.search(r"[，,；;]", joined) and not looks_like_units_cell(joined):
        return "requirement"  # a measure without its full stop: long, in clauses
    if is_deadline_phrase(joined[:14]) or is_deadline_phrase(squeezed[0]) or \
            (len(squeezed) > 1 and is_deadline_phrase(squeezed[0] + squeezed[1])):
        return "deadline"
    first = joined.split("、")[0]
    if looks_like_units_cell(joined) or looks_like_unit(first) or looks_like_unit(squeezed[0]):
        return "units"
    return "title"


_FITS = {"number": ("number",), "requirement": ("requirement",), "deadline": ("deadline",),
         "units": ("units",), "title": ("task", "goal", "requirement", "people", "other"),
         "heading": ("goal", "task"), "person": ("people",), "phone": ("phone",)}


def _pick(cols: list[_Col], kind: str, current: int | None, filled: Callable[[int], int]) -> int | None:
    """The column a block of ``kind`` goes to: for unit names after a block of another
    kind the nearest units column right of it (poppler reads a row's band left to right),
    else the units column with the fewest lines so far (the current one on a tie); else the
    current one when it fits, else the first fitting column."""
    fits = _FITS[kind]
    if kind == "units":
        units = [c for c, col in enumerate(cols) if col.kind == "units"]
        right = [c for c in units if current is not None and c > current]
        if len(units) > 1 and right and cols[current].kind != "units":
            return right[0]  # read left to right across a row's band
        if len(units) > 1:
            return min(units, key=lambda c: (filled(c), c != current, c))
    if current is not None and cols[current].kind in fits:
        return current
    cands = [c for c, col in enumerate(cols) if col.kind in fits]
    if not cands:
        if kind in ("title", "heading"):
            cands = [c for c, col in enumerate(cols) if col.kind in _TEXT_KINDS]
        if not cands:
            return None
    return cands[0]


def _cells(kind: str, lines: list[tuple[int, str]], want: int | None) -> list[tuple[int, str]]:
    """A column's lines cut into cells ((first line, text)): sentence ends for requirements,
    one per line for numbers, short lines elsewhere; ``want`` cells when given."""
    if not lines:
        return []
    if kind == "number":
        return [(n, _squeezed(t)) for n, t in lines]
    widths = [display_width(t.strip()) for _, t in lines]
    full = max(widths)
    costs = []
    for k in range(len(lines) - 1):
        cur, nxt = _squeezed(lines[k][1]), _squeezed(lines[k + 1][1])
        short = widths[k] < full - 3
        if kind in ("requirement", "task", "goal", "other", "people"):
            cost = 0.0 if cur.endswith(_SENTENCE_END) else (1.0 if short else 3.0)
            if _HEADING.match(nxt) or _HEADING.match(cur):
                cost = 0.0
        elif kind == "deadline":
            cost = 0.0 if is_deadline_phrase(nxt) and not is_deadline_phrase(cur + nxt[:2]) else \
                (1.0 if short else 3.0)
            if is_deadline_phrase(cur) and is_deadline_phrase(nxt):
                cost = min(cost, 0.5)
            if re.fullmatch(r"\d{4}年度?", cur) or re.fullmatch(r"(?:\d{4}年)?\d{1,2}月?", cur):
                cost = 3.0  # a year or month alone: the deadline wrapped after it
        else:  # units: a cell ends on a whole unit name, the next opens with one
            bare = _BRACKETED.sub("", cur)
            last = _ROLE_WORD.sub("", re.sub(r"^.*[）)]", "", re.split(r"[、，,]", bare)[-1]))
            head = re.split(r"[、，,（(]", nxt)[0]
            cost = 0.0 if short else 1.0
            whole = looks_like_unit(last) or looks_like_units_cell(last)
            if cur.endswith(("、", "，", "（", "(")) or len(head) <= 1:
                cost += 4.0
            elif not whole and looks_like_unit(last + head):
                cost += 3.0  # a name wrapped: 区自 / 然资源分局
            else:
                cost += (-0.5 if whole else 0.0) + \
                    (0.0 if looks_like_unit(head) or looks_like_units_cell(head) else 1.0)
        if lines[k + 1][0] > lines[k][0] + 1:
            # A blank line (a new block) between them; a merged title ends where another
            # column's lines come between (a requirement's or a unit's wrapped tail may follow them).
            cost = min(cost - 1.5, 0.0) if kind in ("task", "goal") else cost - 1.5
        costs.append(cost)
    if want is None:
        # Requirements that close with a full stop are cut there only; others also at a short line.
        stops = kind == "requirement" and any(_squeezed(t).endswith(_SENTENCE_END) for _, t in lines)
        cuts = sorted(k for k, c in enumerate(costs)
                      if c <= 0.0 or (kind == "requirement" and not stops and c <= 1.0))
    else:
        order = sorted(range(len(costs)), key=lambda k: (costs[k], k))
        cuts = sorted(order[:max(0, want - 1)])
    out = []
    start = 0
    for k in [*cuts, len(lines) - 1]:
        chunk = lines[start:k + 1]
        out.append((chunk[0][0], _join([t for _, t in chunk])))
        start = k + 1
    return out


def _join(texts: list[str]) -> str:
    """A cell's wrapped lines joined (a space by a digit kept as pdftotext wrote it,
    for the number clean-up that follows)."""
    return "".join(t.strip() for t in texts)


def _anchor(starts: list[int], cells: list[tuple[int, str]]) -> list[int]:
    """Each of ``cells`` (fewer than the rows) on a row: the row whose requirement starts
    nearest to it in the text, keeping their order."""
    rows = []
    lo = 0
    for k, (line, _) in enumerate(cells):
        left = len(cells) - k - 1  # rows the later cells still need
        # On a tie the row starting after it: a title beside its rows comes before their first.
        best = min(range(lo, max(lo, len(starts) - left - 1) + 1),
                   key=lambda r: (abs(starts[r] - line), starts[r] < line, r))
        rows.append(best)
        lo = best + 1
    return rows


def read_column_blocks(text: str, name: str, fix: Callable[[str], str] | None = None) -> Result | None:
    """Read a table that plain ``pdftotext`` wrote column block by column block, or None
    when the text is not of that shape."""
    from xltools.importing.readers.digitspace import unspace_numbers

    lines = text.replace("\f", "\n").split("\n")
    fix = fix or (lambda s: s)
    head = text[:4000]
    if not _TRADITIONAL_HINT.isdisjoint(head) and is_traditional(head):
        lines = [fix(line) for line in lines]  # 序號: labels read in simplified form
    if not column_block_shape(lines):
        return None
    # 1. Labels and pages.
    cols: list[_Col] = []
    by_label: dict[str, int] = {}
    pages: list[list[tuple[int, str, int | None]]] = [[]]  # (line, text or "", labelled column)
    on_page: set[int] = set()
    skipped: list[tuple[int, str]] = []
    titles: list[str] = []
    i = 0
    while i < len(lines):
        s = _squeezed(lines[i])
        got = _label_at(lines, i) if s and len(s) <= _MAX_LABEL else None
        # Two labels on one line parted by a space (序号 工作任务): columns side by side.
        pieces = [_squeezed(p) for p in _LANE.split(lines[i].strip())] if got is not None else []
        side = len(pieces) > 1 and all(header_score(p) >= 2 and not _names_units(p) for p in pieces)
        for label, span in ([(p, 1) for p in pieces] if side else [got] if got is not None else []):
            if label not in by_label:
                role = header_role(label)
                kind = role.kind if role is not None else "text"
                kind = {"people": "people", "progress": "other", "remark": "other", "text": "other"}.get(kind, kind)
                by_label[label] = len(cols)
                cols.append(_Col(kind, label, role.role if role is not None and kind == "units" else ""))
            c = by_label[label]
            if c in on_page:
                pages.append([])
                on_page = set()
            on_page.add(c)
            pages[-1].append((i + 1, "", c))
        if got is not None:
            span = 1 if side else got[1]
            for k in range(span):
                skipped.append((i + k + 1, lines[i + k].strip()))
            i += span
            continue
        if not cols:
            if s:
                titles.append(lines[i].strip())
                skipped.append((i + 1, lines[i].strip()))
            i += 1
            continue
        pages[-1].append((i + 1, lines[i].rstrip(), None))
        i += 1
    kinds = [c.kind for c in cols]
    if sum(1 for k in kinds if k in ("units", "deadline", "number")) < 1 or len(cols) < 2:
        return None
    # Text columns from the right: requirement, task, goal (a table of one text column: requirement).
    text_cols = [c for c, k in enumerate(kinds) if k in _TEXT_KINDS]
    if not any(kinds[c] == "requirement" for c in text_cols):
        if text_cols:
            for c, level in zip(reversed(text_cols), _TEXT_KINDS):
                cols[c].kind = level
        else:
            # No text column named by a header word: its label is an unknown word (民生实事),
            # found at the top of its cells below; the column stands right of the numbers.
            at = 1 if kinds[0] == "number" else 0
            cols.insert(at, _Col("requirement", ""))
            by_label = {k: (c + 1 if c >= at else c) for k, c in by_label.items()}
            pages = [[(n, t, None if lab is None else (lab + 1 if lab >= at else lab)) for n, t, lab in page]
                     for page in pages]
    if not any(c.kind == "units" for c in cols):
        return None
    # 2. Blocks to columns, page by page.
    grid: list[list[Cell]] = []
    row_lines: list[int] = []
    notes: list[tuple[int, str, str]] = []
    req = next(c for c, col in enumerate(cols) if col.kind == "requirement")
    carried_over: dict[int, str] = {}
    for page in pages:
        per_col: list[list[tuple[int, str]]] = [[] for _ in cols]
        labelled: list[list[tuple[int, str]]] = [[] for _ in cols]
        current: int | None = None
        block: list[tuple[int, str]] = []
        block_cols: list[int] = []  # the labels opening this block (side by side when several)
        counted = [0] * len(cols)

        def flush() -> None:
            nonlocal current
            if not block:
                return
            if block_cols:
                target = block_cols[0]
            else:
                kind = _block_kind([t for _, t in block])
                target = _pick(cols, kind, current, lambda c: counted[c])
            if target is None:
                for n, t in block:
                    skipped.append((n, t.strip()))
                block.clear()
                return
            current = target
            spans = block_cols if len(block_cols) > 1 else [target]
            dest = labelled if block_cols else per_col
            sizes = [len(dest[c]) for c in range(len(cols))]
            for n, t in block:
                lanes = _lanes(t.strip(), len(spans) > 1)
                if len(lanes) == 1 and len(spans) > 1:
                    # A line of one piece in a block of side-by-side columns: the column it reads as.
                    kind = _block_kind(lanes)
                    fits = [c for c in spans if cols[c].kind in _FITS[kind]] or \
                        [c for c in spans if kind in ("heading", "title") and cols[c].kind in _TEXT_KINDS]
                    dest[fits[0] if fits else spans[0]].append((n, lanes[0]))
                    continue
                for k, lane in enumerate(lanes):
                    c = spans[k] if k < len(spans) else spans[-1] + k - len(spans) + 1
                    if k >= len(spans) and c < len(cols) and cols[c].kind == "number":
                        c += 1
                    dest[min(c, len(cols) - 1)].append((n, lane))
            for c in range(len(cols)):  # cells each column holds so far, counted once per block
                if len(dest[c]) > sizes[c]:
                    counted[c] += len(_cells(cols[c].kind, dest[c][sizes[c]:], None))
            block.clear()

        for n, t, lab in page:
            if lab is not None:
                if block:
                    flush()
                    block_cols = []
                block_cols.append(lab)
                current = lab
                continue
            s = _squeezed(t)
            if not s:
                flush()
                block_cols = []
                continue
            if _PAGE_NUMBER.match(s) and not _INT.match(s) or cols and len(s) <= 20 and s.startswith(L.PAGE_CHROME):
                flush()
                block_cols = []
                skipped.append((n, t.strip()))
                continue
            block.append((n, t))
        flush()
        streams = [labelled[c] + per_col[c] for c in range(len(cols))]
        if not cols[req].label and streams[req]:
            first = _squeezed(streams[req][0][1])
            if len(first) <= 8 and header_score(first) > 0 and len(streams[req]) > 1:
                cols[req].label = first
        if cols[req].label:
            streams[req] = [(n, t) for n, t in streams[req] if _squeezed(t) != cols[req].label]
        reqs = [cell for cell in _cells("requirement", streams[req], None)]
        goals = {k for k, (_, t) in enumerate(reqs) if _HEADING.match(t) and not t.endswith(_SENTENCE_END)}
        rows = [cell for k, cell in enumerate(reqs) if k not in goals]
        if not rows:
            continue
        starts = [n for n, _ in rows]
        n_rows = len(rows)
        placed: list[list[str | None]] = [[None] * len(cols) for _ in range(n_rows)]
        for r, (_, t) in enumerate(rows):
            placed[r][req] = t
        for c, col in enumerate(cols):
            if c == req or not streams[c]:
                continue
            natural = _cells(col.kind, streams[c], None)
            if len(natural) == n_rows or col.kind in ("number", "task", "goal") and len(natural) < n_rows:
                cells = natural  # a merged number or task: placed by position below
            else:
                cells = _cells(col.kind, streams[c], n_rows)
            if len(cells) == n_rows:
                for r, (_, t) in enumerate(cells):
                    placed[r][c] = t
                continue
            cells = cells[:n_rows]
            for (line, t), r in zip(cells, _anchor(starts, cells)):
                placed[r][c] = t
                if col.kind not in ("number", "task", "goal"):
                    notes.append((line, L.NOTE_COLUMN_BLOCKS_PLACED.format(text=t, header=col.label), t))
            if col.kind in ("number", "task", "goal"):
                notes.append((rows[0][0], L.NOTE_COLUMN_BLOCKS_CARRIED.format(header=col.label, count=len(cells),
                                                                              rows=n_rows), col.label))
        # Goal rows (一、…) spanning the table, in the requirement column's order.
        goal_before = {}
        r = 0
        for k, (n, t) in enumerate(reqs):
            if k in goals:
                goal_before[r] = (n, t)
            else:
                r += 1
        for r in range(n_rows):
            if r in goal_before:
                n, t = goal_before[r]
                row_lines.append(n)
                g = fix(unspace_numbers(t))
                grid.append([Cell(g)] + [Cell(g, from_left=True)] * (len(cols) - 1))
                carried_over = {}
            out = []
            for c, col in enumerate(cols):
                t = placed[r][c]
                if t is None and col.kind in ("number", "task", "goal") and c in carried_over:
                    out.append(Cell(carried_over[c], from_above=True))
                    continue
                t = fix(unspace_numbers(t)) if t else ""
                if t and col.kind in ("number", "task", "goal"):
                    carried_over[c] = t
                out.append(Cell(t))
            grid.append(out)
            row_lines.append(starts[r])
    if not grid:
        return None
    columns = [Column("other", c.label) if c.kind == "other" else Column(c.kind, c.label, c.role) for c in cols]
    reader = GridReader(name)
    reader.titles.extend(titles)
    reader.skipped.extend(skipped)
    header_text = " | ".join(c.label for c in cols)
    first = pages[0][0][0] if pages and pages[0] else 1
    reader.review.append((L.REVIEW_STRUCTURE, L.NOTE_COLUMN_BLOCKS, first, header_text))
    for line, note, t in notes:
        reader.review.append((L.REVIEW_STRUCTURE, note, line, t))
    reader.add_rows(columns, grid, row_lines, header=[c.label for c in cols], header_line=first)
    return reader.result()
