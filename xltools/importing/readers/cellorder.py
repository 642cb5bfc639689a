"""A ruled table's text in ``pdftotext -raw``'s order (the content stream's): the table
comes out cell by cell, each cell's wrapped lines one after another, except
that cells whose text stands at the same height and is short share one line,
parted by single spaces::

    序
    号
    项目名称 建设地
    点
    责任单位 联系人 联系电话
    1 城区第二污水
    处理厂扩建工
    程
    县住建局 李明 13900014
    521

Empty cells leave nothing; the header and the page number repeat on every
page; a goal row (``一、…``) spans the table.

1. **Header.** The short lines right above the first row are the header; its
   pieces (parted by line breaks and spaces) are joined into header words
   where a line break parts them (``序`` + ``号``, ``建设地`` + ``点``), a
   space never: the joining whose words read best as header words wins.
2. **Rows.** A row starts at a line that opens with the number after the last
   row's (a number followed by a measure word, ``15 处``, is a quantity), or
   with a numbered heading (a goal row). Page numbers and the header repeated
   on the next page are left out.
3. **Cells.** The row's pieces go to the columns in order, each column taking a
   run of them or none, by dynamic programming: cells that read as their
   columns' kinds, a cell's lines as wide as its column but the last (the
   column's width read from the first pass over all rows), no line wider, no
   space inside a cell between two Chinese pieces, no cell going on after a
   line that ends it by what it says.

A cell whose kind does not fit its column is placed by the order alone: it is
on 待核对.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from xltools import labels as L
from xltools.importing.readers.cleanup import to_simplified
from xltools.importing.readers.columns import (OTHER_KINDS, cell_type, compat, header_role, header_score,
                                               resolve_text_columns)
from xltools.importing.readers.grid import Cell, Column, GridReader
from xltools.importing.readers.rows import Event, SourceMeta
from xltools.importing.readers.wrappedrows import display_width, ended

Result = tuple[list[Event], SourceMeta]

_PAGE_NUMBER = re.compile(L.PDF_PAGE_NUMBER)
# A row's number at the start of its line; a number followed by a measure word is a quantity.
# A date's number (2 月底前, 1 年内) likewise.
_ROW_NUMBER = re.compile(r"^(\d{1,3})(?:\s+(?![" + L.MEASURE_CHARS + r"])(?![年月日号周季天][底前内中初末度份以止\d，,。\s]|[年月日号周季天]$)(?=\S)|$)")
_HEADING = re.compile(rf"^(?:[{L.CN_NUMERALS}]+\s*、|[（(]\s*[{L.CN_NUMERALS}]+\s*[)）])\s*\S")
# Pipes, tabs or runs of spaces (columns aligned, ``pdftotext -layout``) state the cells.
_STATED = re.compile(r"[|│｜\t]|\S(?: {2,}|\u3000)\S|^\s+\S")
_MAX_HEADER_LINES = 24
_MAX_PIECE = 24  # display width of the widest header piece
_MAX_RUN = 40  # pieces one cell may take
_SLACK = 2  # a line one character short of its column is still full
_KINSOKU = 5  # two characters short: the page would not open a line with a closing mark
_TEXT_KINDS = ("requirement", "task", "text", "goal", "progress", "remark")

WRAP, SOFT, HARD = 0, 1, 2  # what parts a piece from the one before: a line break, a space by a digit, a space


@dataclass(frozen=True)
class Piece:
    text: str
    gap: int  # WRAP, SOFT or HARD before it
    line: int  # 1-based source line


def _pieces(line: str, number: int) -> list[Piece]:
    words = line.split()
    out = []
    for k, w in enumerate(words):
        if k == 0:
            gap = WRAP
        else:
            prev = words[k - 1]
            gap = SOFT if re.search(r"[0-9A-Za-z%.]$", prev) or re.match(r"^[0-9A-Za-z]", w) else HARD
        out.append(Piece(w, gap, number))
    return out


def _short_line(line: str) -> bool:
    """A header line: short pieces, no sentence punctuation."""
    words = line.split()
    return bool(words) and all(display_width(w) <= _MAX_PIECE for w in words) \
        and not re.search(r"[。；;，,、：:]", line) and not _PAGE_NUMBER.match(line.strip())


def _segment(pieces: Sequence[Piece]) -> tuple[float, list[str], list[int | None]]:
    """Header words from the header's pieces: a piece after a line break may go on
    the word before; the joining whose words read best wins. Also each word's
    column width where the word was wrapped (its widest line), else None."""
    n = len(pieces)
    best: list[tuple[float, list[str], list[int | None]]] = [(0.0, [], [])] + [(float("-inf"), [], [])] * n
    for i in range(1, n + 1):
        for j in range(i - 1, -1, -1):
            if j < i - 1 and not _joinable(pieces[j], pieces[j + 1]):
                break  # a space parts two words, but by a digit or inside a word spaced out
            if best[j][0] == float("-inf"):
                continue
            word = to_simplified("".join(p.text for p in pieces[j:i]))  # 序號 is 序号 in any document
            s = best[j][0] + header_score(word) - (3.0 if _open_bracket(word) else 0.0)
            # Letters spaced out (工 作 任 务) are one word.
            s += 2.5 * sum(1 for a, b in zip(pieces[j:i - 1], pieces[j + 1:i]) if b.gap == HARD
                           and len(a.text) == 1 and len(b.text) == 1)
            # Lines of one width, one under the other, are one cell wrapped at its column's width.
            s += 2.5 * sum(1 for a, b in zip(pieces[j:i - 1], pieces[j + 1:i]) if b.gap == WRAP
                           and abs(display_width(a.text) - display_width(b.text)) <= 1)
            if word.startswith(("（", "(")) and j > 0 and pieces[j].gap == WRAP:
                s -= 2.5  # a bracketed note on a line of its own qualifies the word above: （万元）
            if j > 0 and pieces[j].gap == WRAP and len(word) <= 2 and header_score(word) < 1:
                s -= 2.0  # two characters no header word names, on a line of their own: the word above's tail
            if s > best[i][0]:
                lines = _cell_lines(pieces[j:i])
                width = max(display_width(x) for x in lines) if len(lines) > 1 else None
                best[i] = (s, best[j][1] + [word], best[j][2] + [width])
            if i - j >= 8:
                break
    return best[n]


def _joinable(a: Piece, b: Piece) -> bool:
    """Whether header piece ``b`` may go on the word ``a`` is part of: after a line
    break, a space by a digit (2023 年重点工作任务), or a word spaced out (工 作 任 务)."""
    return b.gap != HARD or len(a.text) == 1 and len(b.text) == 1


def _open_bracket(word: str) -> bool:
    """A bracket opened and not closed, or closed and never opened: a piece of a word."""
    depth = 0
    for ch in word:
        depth += ch in "（(〔【"
        depth -= ch in "）)〕】"
        if depth < 0:
            return True
    return depth != 0


def _find_header(lines: Sequence[str]) -> tuple[int, int, list[str], list[int | None]] | None:
    """(first header line, first line after it, the header words): the short
    lines right above the first row numbered 1 (or a goal row before it)."""
    first = next((i for i, ln in enumerate(lines[:400]) if _row_number(ln) == 1), None)
    if first is None:
        return None
    end = first
    while end > 0 and _HEADING.match(lines[end - 1].strip()) and len(lines[end - 1].strip()) <= 40:
        end -= 1  # goal rows above the first row
    start = end
    while start > 0 and end - start < _MAX_HEADER_LINES and _short_line(lines[start - 1]):
        start -= 1
    if start == end:
        return None
    found: tuple[float, int, list[str], list[int | None]] | None = None
    for s in range(start, end):
        pieces = [p for k in range(s, end) for p in _pieces(lines[k], k + 1)]
        score, words, caps = _segment(pieces)
        if found is None or score > found[0]:
            found = (score, s, words, caps)
    assert found is not None
    score, s, words, caps = found
    roles = [header_role(w) for w in words]
    if len(words) < 3 or not any(r is not None and r.kind == "units" for r in roles) \
            or sum(1 for w in words if header_score(w) >= 2) < 2 or roles[0] is None or roles[0].kind != "number":
        return None
    return s, end, words, caps


def _row_number(line: str) -> int | None:
    m = _ROW_NUMBER.match(line.strip())
    return int(m.group(1)) if m else None


@dataclass
class _Row:
    line: int
    number: str
    pieces: list[Piece]
    goal: str = ""


def _rows(lines: Sequence[str], body_start: int, header_lines: Sequence[str], numbered: bool = True
          ) -> tuple[list[_Row], list[int]]:
    """The body's rows (from one row start to the next) and the lines left out
    as page furniture."""
    key = ["".join(h.split()) for h in header_lines]
    k = len(key)
    skip: set[int] = set()
    i = body_start
    while i < len(lines):
        t = lines[i].strip()
        if _PAGE_NUMBER.match(t) and not t.isdigit():
            skip.add(i)
        elif k and "".join(t.split()) == key[0] and ["".join(x.split()) for x in lines[i:i + k]] == key:
            skip.update(range(i, i + k))
            i += k
            continue
        i += 1
    rows: list[_Row] = []
    last = 0
    for i in range(body_start, len(lines)):
        t = lines[i].strip()
        if not t or i in skip:
            continue
        n = _row_number(t) if numbered else None
        if n is not None and n == last + 1:
            last = n
            rest = t[len(str(n)):].strip()
            rows.append(_Row(i + 1, str(n), _pieces(rest, i + 1) if rest else []))
            continue
        if _HEADING.match(t) and len(t) <= 40 and not re.search(r"[。；;]", t):
            rows.append(_Row(i + 1, "", [], goal=t))
            continue
        if not rows and numbered:
            skip.add(i)  # a line between the header and the first row: none of the table's
            continue
        if rows and rows[-1].goal:
            if numbered:
                rows[-1].goal += t  # a goal row wrapped
                continue
            rows.append(_Row(i + 1, "", []))  # the rows under a goal row
        if not rows:
            rows.append(_Row(i + 1, "", []))
        rows[-1].pieces.extend(_pieces(t, i + 1))
    return rows, sorted(skip)


def _side_by_side(rows: Sequence[_Row]) -> bool:
    """Whether the rows read line by line across the page (pdfplumber, a viewer's copy):
    lines holding pieces of several cells follow one another inside rows. In
    pdftotext's order the lines a cell wraps over follow one another, so a line shared
    by short cells at one height is seldom followed by another."""
    inside = both = 0
    for r in rows:
        by_line: dict[int, list[Piece]] = {}
        for p in r.pieces:
            by_line.setdefault(p.line, []).append(p)
        before = any(p.gap == HARD for p in by_line.get(r.line, []))
        for line in sorted(by_line):
            shared = any(p.gap == HARD for p in by_line[line][1:])
            if line != r.line:
                inside += 1
                both += shared and before
            before = shared
    return inside >= 3 and both >= 0.15 * inside


def _no_shared_lines(rows: Sequence[_Row]) -> bool:
    """Whether hardly any row has a line holding pieces of two cells: a table saved or scraped
    one cell per line (a web page's text, ``readers/stream.py``). pdftotext writes the cells
    that start at one height on one line — a row's number beside its first cell's first line."""
    data = [r for r in rows if not r.goal and r.pieces]
    shared = sum(1 for r in data if any(p.gap != WRAP for p in r.pieces[1:])
                 or r.number and r.pieces[0].line == r.line)
    return shared < 0.3 * len(data)


def _one_line_rows(rows: Sequence[_Row]) -> bool:
    """Whether most rows show no cell wrapped over lines of its own (space-separated
    rows, ``readers/spacerows.py``): in pdftotext's order a wrapped cell's lines after its
    first stand alone, so most rows hold a line of one cell's text only."""
    data = [r for r in rows if not r.goal]
    wrapped = 0
    for r in data:
        by_line: dict[int, list[Piece]] = {}
        for p in r.pieces:
            by_line.setdefault(p.line, []).append(p)
        wrapped += any(line != r.line and all(p.gap != HARD for p in pieces[1:])
                       for line, pieces in by_line.items())
    return wrapped < 0.5 * len(data)


def _cell_lines(pieces: Sequence[Piece]) -> list[str]:
    """A cell's pieces as the lines it stands on (a space by a digit or a Latin word dropped)."""
    out: list[str] = []
    for p in pieces:
        if not out or p.gap == WRAP:
            out.append(p.text)
        elif p.gap == SOFT and re.search(r"[A-Za-z]$", out[-1]) and re.match(r"^[A-Za-z]", p.text):
            out[-1] += " " + p.text
        else:
            out[-1] += p.text
    return out


def _cell_score(kind: str, pieces: Sequence[Piece], width: int | None, after: int | None,
                common: frozenset[int]) -> float:
    """How well ``pieces`` make one cell of a column of ``kind`` and ``width``
    (None: not known yet, the body's common line widths stand for it); ``after``:
    what parts the cell from the next piece (None at the row's end)."""
    lines = _cell_lines(pieces)
    text = "".join(lines)
    s = compat(kind, cell_type(text))
    if kind == "requirement" and len(text.rstrip("。；;.")) <= 4 or kind in _TEXT_KINDS and len(text) <= 2:
        s -= 2.0 if len(text) > 1 else 3.0  # a text of a few characters is the tail of a wrapped cell (40个。, 前)
    if text.startswith(("，", "、", "。", "；", "）", ")", "”", "%")):
        s -= 2.0  # no cell opens with a mark that closes
    s -= 3.0 * sum(1 for p in pieces[1:] if p.gap == HARD)  # a space between Chinese pieces parts cells
    widths = [display_width(x) for x in lines]

    def full(w: int) -> bool:
        if width is not None:
            return w >= width - _SLACK
        return any(abs(w - c) <= _SLACK for c in common)

    if width is None and len(lines) > 1:
        # First pass: every line but the last as wide as the first.
        top = widths[0]
        s -= sum(1.5 for w in widths[1:-1] if abs(w - top) > _SLACK)
        s -= 1.5 if widths[-1] > top + _SLACK else 0.0
    for w in widths[:-1]:
        if not full(w):
            s -= 1.0 if width is None else 2.0 if w < width - _KINSOKU else 1.0
    if width is not None:
        s -= sum(3.0 for w in widths if w > width + _SLACK)
    if len(lines) > 1 and len(lines[0]) == 1:
        s -= 3.0  # a wrapped cell's first line runs to its column's edge: one character is another cell's tail
    whole_date = kind == "deadline" and cell_type(text) in ("deadline", "year")  # 2023年9月底 / 前
    for k in range(len(lines) - 1):
        if ended(kind, "".join(lines[:k + 1])) and not whole_date:
            s -= 1.5
    if after == WRAP and text.endswith(("、", "，", ",", "及", "和", "与")):
        s -= 3.0  # a list going on at the line's end goes on on the next line
    if kind == "units" and len(text) <= 3 and text in _BODY_WORDS_ALONE:
        s -= 2.0  # a body word alone (研究院, 局) is the end of a name wrapped
    # Its last line full to the edge (in the first pass, as wide as its first), the next piece
    # on a line of its own: it goes on.
    last_full = full(widths[-1]) if width is not None or len(lines) == 1 else widths[-1] >= widths[0] - _SLACK
    if after == WRAP and last_full and widths[-1] >= 4 and not ended(kind, text) \
            and not text.endswith(("。", "！", "？", "；", "）", ")", "”")):
        s -= 2.5
    return s


def _common_widths(rows: Sequence[_Row]) -> frozenset[int]:
    """Widths of lines that a line break follows, seen three times or more: the columns' widths."""
    seen: Counter[int] = Counter()
    for r in rows:
        lines = _cell_lines(r.pieces)
        seen.update(display_width(x) for x in lines[:-1] if display_width(x) >= 4)
    # Digits and Latin letters are narrower than their share of a line: widths within two count together.
    return frozenset(w for w in seen if sum(seen[v] for v in range(w - _SLACK, w + _SLACK + 1)) >= 3)


_BODY_WORDS_ALONE = frozenset(w for w in L.UNIT_SUFFIXES if len(w) <= 3)  # 局, 委, 政府, 管委会
_EMPTY = {"requirement": -2.0, "units": -0.5}


def _soft_cut(pieces: Sequence[Piece], e: int) -> float:
    """The cost of parting cells at the space before ``pieces[e]``, a space by a digit:
    pdftotext spaces a number inside a cell on both sides (新建 2 座), so a number goes with
    the words after it more often than it ends a cell (县住建局 9 月底前: the cell ends
    before it), and a number spaced on both sides on one line is seldom a cell of its own."""
    a, b = pieces[e - 1], pieces[e]
    if re.search(r"[0-9]$", a.text):
        return 2.5 if a.gap == SOFT else 1.5
    after = pieces[e + 1] if e + 1 < len(pieces) else None
    return 2.5 if after is not None and after.gap == SOFT and re.fullmatch(r"[0-9.%]+", b.text) else 0.3


SubRow = tuple[int, list[list[Piece]]]  # the first column the sub-row fills (those left of it merged above), cells
_RESTART = 5.0
_NEW_ROW = 1.0  # a new row in a table without numbers
_MAX_FREE = 1500  # pieces between two goal rows of a table without numbers  # a row under merged cells on the left starts inside a numbered row


def _assign(kinds: Sequence[str], pieces: Sequence[Piece], widths: Sequence[int | None],
            empty: Sequence[float], common: frozenset[int] = frozenset(), *, loose: bool = False,
            new_row: float | None = None) -> tuple[float, list[SubRow]]:
    """The row's pieces given to the columns in order, each a run or none; after
    the last column, a piece opening a line may start a row under the merged
    cells on its left (a second measure of one numbered task). ``loose``: a space
    by a digit may part cells too (tried when nothing else reads the row). ``new_row``: the
    cost of a new row at the first column (a table without numbers), else none starts there."""
    k, m = len(kinds), len(pieces)
    neg = float("-inf")
    best = [[neg] * (m + 1) for _ in range(k + 1)]
    back: list[list[tuple[int, int, bool] | None]] = [[None] * (m + 1) for _ in range(k + 1)]
    best[0][0] = 0.0

    def empties(i: int, lo: int) -> None:
        for j in range(lo, k):
            if new_row is not None and (step := back[j][i]) is not None and step[2]:
                continue  # a new row opens with the cell it starts at
            if best[j][i] != neg and best[j][i] + empty[j] > best[j + 1][i]:
                best[j + 1][i], back[j + 1][i] = best[j][i] + empty[j], (j, i, False)

    for i in range(m + 1):
        empties(i, 0)
        if 0 < i < m and pieces[i].gap == WRAP and best[k][i] != neg:
            # The line before a new row ran to the edge of a column and ends no sentence: it goes on.
            j0 = i - 1
            while j0 > 0 and pieces[j0].gap != WRAP:
                j0 -= 1
            before = "".join(p.text for p in pieces[j0:i])
            going_on = 2.0 if any(abs(display_width(before) - c) <= _SLACK for c in common) \
                and not before.endswith(("。", "；", "！", "？")) else 0.0
            for start in range(k):
                # Without numbers a row opens at its first column, or right of merged titles.
                cost = new_row + going_on if new_row is not None and all(kd in ("goal", "task") for kd in kinds[:start]) \
                    else _RESTART
                if best[k][i] - cost > best[start][i]:
                    best[start][i], back[start][i] = best[k][i] - cost, (k, i, True)
            empties(i, 0)
        if i == m:
            break
        for j in range(k):
            if best[j][i] == neg:
                continue
            for e in range(i + 1, min(m, i + _MAX_RUN) + 1):
                sc = best[j][i] - (_soft_cut(pieces, e) if e < m and pieces[e].gap == SOFT else 0.0)
                sc += _cell_score(kinds[j], pieces[i:e], widths[j], pieces[e].gap if e < m else None,
                                              common)
                if sc > best[j + 1][e]:
                    best[j + 1][e], back[j + 1][e] = sc, (j, i, False)
    if best[k][m] == neg:
        return (neg, [(0, [[] for _ in range(k)])]) if loose else \
            _assign(kinds, pieces, widths, empty, common, loose=True, new_row=new_row)
    subrows: list[SubRow] = []
    cells: list[list[Piece]] = [[] for _ in range(k)]
    j, i = k, m
    while (j, i) != (0, 0):
        step = back[j][i]
        assert step is not None
        pj, pi, restart = step
        if restart:
            subrows.append((j, cells))
            cells = [[] for _ in range(k)]
        elif pi < i:
            cells[pj] = list(pieces[pi:i])
        j, i = pj, pi
    subrows.append((0, cells))
    subrows.reverse()
    return best[k][m], subrows


def _widths(kinds: Sequence[str], assigned: Sequence[list[SubRow]]) -> list[int | None]:
    """Each column's width: the width its wrapped lines (all but a cell's last) most often have."""
    out: list[int | None] = []
    for c in range(len(kinds)):
        seen: Counter[int] = Counter()
        widest = 0
        for _, cells in (sub for row in assigned for sub in row):
            lines = _cell_lines(cells[c])
            if not lines or compat(kinds[c], cell_type("".join(lines))) < 0:
                continue  # a cell that does not read as its column's is no evidence of its width
            widest = max([widest] + [display_width(x) for x in lines])
            seen.update(display_width(x) for x in lines[:-1])
        if not seen:
            out.append(None)
            continue
        common = max(seen.items(), key=lambda kv: (kv[1], kv[0]))[0]
        out.append(max(common, min(widest, common + _SLACK)))
    return out


def _joined(kind: str, lines: Sequence[str], width: int | None) -> str:
    """A cell's lines joined where the page wrapped them; other breaks kept."""
    out: list[str] = []
    for line in lines:
        bound = line.startswith(("（", "(", "）", ")", "、", "，", "。", "；", "”"))
        full = width is None or display_width(out[-1]) >= width - _SLACK if out else False
        if out and (kind not in ("units", "people") or (full or bound) and not ended(kind, out[-1]) or bound):
            out[-1] += line
        else:
            out.append(line)
    return "\n".join(out)


def _dp_kinds(kinds: Sequence[str]) -> list[str]:
    """The kinds the cells are fitted to: with no requirement column named, the last
    text column left of the units holds the requirements (工作任务 | 牵头单位); its
    final kind is decided by content afterwards (``resolve_text_columns``)."""
    out = list(kinds)
    if "requirement" not in out:
        first_units = next((i for i, k in enumerate(out) if k == "units"), len(out))
        text = [i for i, k in enumerate(out[:first_units]) if k in ("task", "text", "goal")]
        if text:
            out[text[-1]] = "requirement"
    return out


def _find_free_header(lines: Sequence[str]) -> tuple[int, int, list[str], list[int | None]] | None:
    """A header without a number column: the first short line holding two header words
    or more, one of them naming units, with the wrapped lines below it that read best
    as part of it (the body starts where the words stop reading as header words)."""
    for i, line in enumerate(lines[:400]):
        if not _short_line(line):
            continue
        words = _segment(_pieces(line, i + 1))[1]  # 工 作 任 务 spaced out is one word
        if len(words) < 2 or sum(1 for w in words if header_score(w) >= 2) < 2 \
                or not any((r := header_role(w)) is not None and r.kind == "units" for w in words):
            continue
        # The header may open a line or two above (任务 牵头负责 / 领导 / 牵头责任单位 …).
        top = i
        while top > max(0, i - 3) and _short_line(lines[top - 1]):
            top -= 1
        best: tuple[float, int, int, list[str], list[int | None]] | None = None
        for start in range(top, i + 1):
            for e in range(i + 1, min(len(lines), i + _MAX_HEADER_LINES) + 1):
                if e > i + 1 and (not _short_line(lines[e - 1]) or _HEADING.match(lines[e - 1].strip())):
                    break
                score, found, caps = _segment([p for k in range(start, e) for p in _pieces(lines[k], k + 1)])
                if best is None or score > best[0]:
                    best = (score, start, e, found, caps)
        assert best is not None
        _, i, end, found, caps = best
        if len(found) >= 2 and (r0 := header_role(found[0])) is not None and r0.kind == "number":
            return None  # a numbered table: read by its numbers
        return i, end, found, caps
    return None


# A line of quotation marks alone (after a row's number, maybe): pdftotext -raw writes the
# marks of another font on a line of their own, above the line they belong to.
_QUOTE_LINE = re.compile(r"^(\d{1,4}\s+)?([“”‘’]+(?:\s+[“”‘’]+)*)$")
_GAP = re.compile(r"(?<=\S) (?=\S)")


def put_back_quotes(lines: list[str]) -> list[str]:
    """Quotation marks pdftotext -raw wrote on a line of their own (``“ ” “`` over
    ``入 渝快办 平台，实现高频事项 掌``): the line below holds a single space where each
    group of marks stood; the groups go back there in order, where the line has at least
    as many such gaps (the marks' line is left blank, so line numbers stay)."""
    out = list(lines)
    for i in range(len(out) - 1):
        m = _QUOTE_LINE.match(out[i].strip())
        if m is None:
            continue
        groups = m.group(2).split()
        below = out[i + 1]
        gaps = [g.start() for g in _GAP.finditer(below)]
        if not below.strip() or len(gaps) < len(groups):
            continue
        parts, prev = [], 0
        for at, marks in zip(gaps, groups):
            parts.append(below[prev:at] + marks)
            prev = at + 1
        out[i] = ""
        out[i + 1] = (m.group(1) or "") + "".join(parts) + below[prev:]
    return out


def read_cell_order(text: str, name: str, fix: Callable[[str], str] | None = None) -> Result | None:
    """Read a table in pdftotext's cell-by-cell order; None when the text has no
    header of short lines above rows numbered from 1. ``fix``: the document's
    clean-up of a line (``cleanup.Fixer.fix``), applied once the shape is seen."""
    lines = text.split("\n")
    if sum(1 for ln in lines[:2000] if _STATED.search(ln)) >= 3:
        return None  # the cells are stated or aligned: not pdftotext's order
    numbered = _find_header(lines) is not None
    if not numbered and _find_free_header(lines) is None:
        return None
    if any(_QUOTE_LINE.match(ln.strip()) for ln in lines):
        lines = put_back_quotes(lines)
    if fix is not None:
        lines = [fix(ln) for ln in lines]
    found = _find_header(lines) if numbered else _find_free_header(lines)
    if found is None:
        return None
    hstart, hend, labels, caps = found
    if any(_STATED.search(ln) for ln in lines[hstart:hend]):
        return None  # a header spread by runs of spaces: pdftotext -raw writes none
    rows, skipped = _rows(lines, hend, lines[hstart:hend], numbered)
    if not numbered and (not rows or max(len(r.pieces) for r in rows) > _MAX_FREE):
        return None  # rows found by the cells alone: a body of a few pages at most
    off = 1 if numbered else 0  # the number column is the row's number
    new_row = None if numbered else _NEW_ROW
    if len(rows) < 2 and not any(r.pieces for r in rows) or _side_by_side(rows) or _one_line_rows(rows) \
            or _no_shared_lines(rows):
        return None
    roles = [header_role(w) for w in labels]
    kinds_all = [r.kind if r is not None else "text" for r in roles]
    named = kinds_all[off:]
    kinds = _dp_kinds(named)
    # Of two units columns side by side the first (the lead) is filled first.
    empty = [_EMPTY.get(k, 0.0) - (0.5 if k == "units" and kinds[j + 1:j + 2] == ["units"] else 0.0)
             for j, k in enumerate(kinds)]
    data = [r for r in rows if not r.goal]
    common = _common_widths(data)
    # A header word wrapped in its cell shows the column's width.
    given = caps[off:]
    first = [_assign(kinds, r.pieces, given, empty, common, new_row=new_row)[1] for r in data]
    widths = [g if g is not None else w for g, w in zip(given, _widths(kinds, first))]
    # Columns empty in most rows cost nothing to leave empty; columns nearly always filled cost more.
    subs = [cells for row in first for _, cells in row]
    filled = [sum(1 for cells in subs if cells[c]) / max(1, len(subs)) for c in range(len(kinds))]
    empty = [e - (1.0 if f >= 0.8 else 0.0) for e, f in zip(empty, filled)]
    second = [_assign(kinds, r.pieces, widths, empty, common, new_row=new_row)[1] for r in data]
    columns_text = [[_joined(kinds[c], _cell_lines(cells[c]), widths[c]) for row in second for _, cells in row]
                    for c in range(len(kinds))]
    resolved, decided = resolve_text_columns(list(named), columns_text, labels[off:])
    columns = [Column("number", labels[0])] if numbered else []
    for label, kind, role in zip(labels[off:], resolved, roles[off:]):
        columns.append(Column("other", label) if kind in OTHER_KINDS
                       else Column(kind, label, role.role if role is not None else ""))
    n = len(labels)
    grid: list[list[Cell]] = []
    row_lines: list[int] = []
    notes: list[tuple[int, str, str]] = []
    it = iter(second)
    carried: dict[int, int] = {}  # column → rows that took its merged title from above
    for r in rows:
        if r.goal:
            row_lines.append(r.line)
            grid.append([Cell(r.goal)] + [Cell(r.goal, from_left=True)] * (n - 1))
            continue
        for k, (start, cells) in enumerate(next(it)):
            merged_row = k > 0 and (numbered or start > 0)
            texts = [_joined(kinds[c], _cell_lines(cells[c]), widths[c]) for c in range(len(kinds))]
            first_piece = next((p for c in cells for p in c), None)
            line = first_piece.line if k and first_piece is not None else r.line
            number = [Cell(r.number)] if numbered else []
            row_lines.append(line)
            if not merged_row:
                # A goal or task cell left empty in a row with a requirement is a merged cell
                # over rows: its text was written once, above.
                above_row = next((g for g in reversed(grid) if not g[-1].from_left), None) if grid else None
                has_req = any(texts[i] for i, kd in enumerate(resolved) if kd == "requirement")
                cells_out = list(number)
                for c, t in enumerate(texts):
                    if not t and has_req and above_row is not None and resolved[c] in ("goal", "task") \
                            and above_row[c + off].text:
                        # A row with a number of its own keeps it: the title is carried onto it
                        # (as in a text export, GridReader's ``titles_carried``), not merged.
                        cells_out.append(Cell(above_row[c + off].text, from_above=not numbered))
                        carried[c] = carried.get(c, 0) + 1
                    else:
                        cells_out.append(Cell(t))
                grid.append(cells_out)
            else:
                above = grid[-1]
                grid.append(([Cell(above[0].text, from_above=True)] if numbered else [])
                            + [Cell(above[c + off].text, from_above=True) if c < start else Cell(t)
                               for c, t in enumerate(texts)])
                shown = " | ".join(t.replace("\n", "") for t in texts if t)
                notes.append((line, L.NOTE_ROW_UNDER_MERGED.format(number=r.number, text=shown), shown))
            for c, t in enumerate(texts):
                flat = t.replace("\n", "")
                if t and compat(resolved[c], cell_type(flat)) < 0:
                    notes.append((line, L.NOTE_CELL_BY_ORDER.format(text=flat, header=labels[c + off]), flat))
    reader = GridReader(name)
    for k in range(hstart):
        if lines[k].strip():
            reader.titles.append(lines[k].strip())
            reader.skipped.append((k + 1, lines[k].strip()))
    for k in skipped:
        if lines[k].strip():
            reader.skipped.append((k + 1, lines[k].strip()))
    header_text = " | ".join(labels)
    written = {to_simplified(w) for ln in lines[hstart:hend] for w in ln.split()}
    wrapped = [w for w in labels if w not in written]
    if wrapped:
        reader.review.append((L.REVIEW_STRUCTURE, L.NOTE_HEADER_WRAPPED.format(words="、".join(wrapped)),
                              hstart + 1, header_text))
    for i in decided:
        reader.review.append((L.REVIEW_STRUCTURE, L.NOTE_COLUMN_BY_CONTENT.format(
            header=labels[i + off], meaning=L.HEADER_ALIASES[resolved[i]][0]), hstart + 1, header_text))
    for c, count in carried.items():
        reader.review.append((L.REVIEW_STRUCTURE, L.NOTE_TITLE_CARRIED.format(header=labels[c + off], count=count),
                              hstart + 1, header_text))
    if not numbered:
        reader.review.append((L.REVIEW_STRUCTURE, L.NOTE_ROWS_BY_ORDER, hstart + 1, header_text))
    for line, note, t in notes:
        reader.review.append((L.REVIEW_STRUCTURE, note, line, t))
    reader.add_rows(columns, grid, row_lines, header=labels, header_line=hstart + 1)
    return reader.result()
