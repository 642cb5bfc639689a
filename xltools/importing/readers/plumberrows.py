"""A ruled table as pdfplumber's ``extract_text`` (and a viewer's copy) gives
it: each visual line of the table is one line of text, the pieces of the
cells that have text at that height in column order, one space between them::

    序 项目名称 建设地 主要建设内容 总投资 责任单位 …
    号 点 （万 …
    元）
    1 城区第二污水 新增日处理能力2万吨，确 县住建局 李明 …
    处理厂扩建工 保各项措施落地见效。 521
    程

A row's first line holds the first line of every non-empty cell; each
following line the next line of the cells still going on, in order. A cell
goes on only where its line ran to its column's width (the page wrapped it),
so the reader learns each column's width (its capacity: the widest line its
cells show, in display width) and gives the pieces of a following line to the
columns whose last line was full:

1. **Header.** A line of pieces that are header words or their first parts
   (``建设地``, ``责任领``, ``工 作 任 务`` spaced out), with the lines under it
   that hold only short pieces put back on the header words they end: the
   first such line on any words, each later one on the words that went on in
   the line before, where the joined words read best as header words.
2. **Rows.** A row starts at a number that counts up in the number column, at
   a numbered heading alone on its line (``一、…``: a goal row spanning the
   table), or — where the line cannot go on the cells still open (more pieces
   than open cells, or cells that ended: a line short of its column, a
   sentence's end, a whole unit name) — at a line whose pieces fill columns on
   the right of merged ones (a second measure of one task, or every row of a
   table without numbers).
3. **Cells.** A row's first line is given to the columns in order (dynamic
   programming over the kinds the header names and the pieces' forms, no
   piece wider than its column); each following line's pieces to a subset of
   the cells open on the line before, the full ones that do not end by what
   they say, and whose text then reads best as its column's kind.
4. **Widths** are learnt from the reading itself: a first reading with the
   widths the header shows (a header cell that wrapped is as wide as its first
   line), then again with each column's widest piece, twice.

Page numbers and the header repeated on the next page are skipped (a cell may
go on after them). The rows go through ``GridReader`` like every grid: cells
missing under merged cells carried down, goal rows, roles from the header.
"""

from __future__ import annotations

import dataclasses
import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from xltools import labels as L
from xltools.importing.readers.cleanup import Fixer, to_simplified
from xltools.importing.readers.columns import cell_type, compat, header_role, header_score
from xltools.importing.readers.mergedunits import merged_units
from xltools.importing.readers.rows import Event, RawRow, SourceMeta
from xltools.importing.readers.wrappedrows import display_width, ended
from xltools.importing.units import looks_like_unit

_HEADER_SCAN = 80  # lines searched for the header
_HEADER_PIECE = 16  # display width of a piece a header cell may wrap onto the next line
_MAX_COLUMNS = 14
_MAX_COMBOS = 400  # ways of giving a line's pieces to the open cells that are tried
_PAGE_NUMBER = re.compile(L.PDF_PAGE_NUMBER)
_CLAUSE = re.compile(r"[，,。；;！？]")
_OPENERS = "（(“‘《〈【[「『"
_CLOSERS = "，。、；：？！）)”’》〉】]」』,.;:?!%％…·"
_TEXT_KINDS = ("requirement", "text", "task", "goal", "progress")
# Columns a merged cell commonly spans down (a row under it leaves them out).
_MERGE_KINDS = ("number", "goal", "task", "text", "place", "amount")


def pieces_of(line: str) -> list[str]:
    """The pieces of a line: the text of each cell at that height, single spaces between them."""
    return line.split()


def first_word(piece: str) -> str:
    """What the page would have had to fit at the end of the line above for the
    line not to wrap there: one character (or a run of Latin letters and digits)
    with the opening marks before it and the closing marks after it."""
    i = 0
    while i < len(piece) and piece[i] in _OPENERS:
        i += 1
    if i < len(piece) and piece[i].isascii() and piece[i].isalnum():
        while i < len(piece) and piece[i].isascii() and (piece[i].isalnum() or piece[i] in ".-/"):
            i += 1
    else:
        i += 1
    while i < len(piece) and piece[i] in _CLOSERS:
        i += 1
    while i < len(piece) and piece[i] in _OPENERS:  # 在“三农”: a mark that cannot end a line takes it along
        i += 1
    return piece[:i]


def _word_score(word: str) -> float:
    """How well a header word so far reads as one (a bracket still open, or a long note in
    brackets after it, scored by the words before the bracket)."""
    if re.search(r"(..)\1$", word):
        return -2.0  # a head noun twice (主办科室 + 科室): the piece ends another word
    r = header_role(word)
    known = 0.5 if r is not None and r.kind != "text" else 0.0
    head = re.sub(r"[（(][^（()）]*[)）]?$", "", word)
    if head != word and len(head) >= 2:
        return max(header_score(word), header_score(head)) + known
    return header_score(word) + known


def label_of(word: str) -> str:
    """The header word as a column label: a long note in brackets after a known word left out
    (本月进展情况（前期手续/在建形象进度）)."""
    if header_role(word) is None:
        head = re.sub(r"[（(][^（()）]*[)）]?$", "", word)
        if len(head) >= 2 and header_role(head) is not None:
            return head
    return word


def _join_spaced(pieces: list[str]) -> list[str]:
    """A header word spaced out letter by letter (``工 作 任 务``) joined: a run of three or more
    one-character pieces, or of two that make a header word."""
    out: list[str] = []
    i = 0
    while i < len(pieces):
        j = i
        while j < len(pieces) and len(pieces[j]) == 1 and "\u4e00" <= pieces[j] <= "\u9fff":
            j += 1
        run = "".join(pieces[i:j])
        if j - i >= 3 or (j - i == 2 and header_score(run) >= 2):
            out.append(run)
            i = j
        else:
            out.append(pieces[i])
            i += 1
    return out


@dataclass
class Header:
    index: int  # the header's first line
    end: int  # the line after the header's wrapped lines
    words: list[str]  # header words, wrapped parts put back
    first: list[str]  # the header's first line, one piece per column
    lines: list[str]  # the header's lines as written (a repeat on the next page is skipped)
    went_on: list[str | None]  # where a header cell wrapped, the piece on its second line

    def limits(self) -> list[float | None]:
        """The widest a column can be where its header cell wrapped: its first line and the
        first word of the next would not fit."""
        return [float(display_width(w) + display_width(first_word(nxt)) - 1) if nxt else None
                for w, nxt in zip(self.first, self.went_on)]


def find_header(lines: Sequence[str]) -> Header | None:
    """The first line whose pieces, with the short pieces under them put back, read as a
    header with a units column and at least half header words."""
    for i in range(min(len(lines), _HEADER_SCAN)):
        # 責任單位 over a Simplified body; a lone mark (a glyph of the ruling) is no header word.
        raw = [to_simplified(p) for p in pieces_of(lines[i]) if re.search(r"\w", p)]
        if re.search(r"\S(?: {2,}|\t|\u3000)\S|[|│｜\t]", lines[i].strip()):
            continue  # runs of spaces, tabs or pipes state the columns: another shape
        if len(raw) < 2 or len(raw) > 3 * _MAX_COLUMNS or cell_type(raw[0]) == "number":
            continue
        first = _join_spaced(raw)
        if not 2 <= len(first) <= _MAX_COLUMNS or any(display_width(w) > 2 * _HEADER_PIECE for w in first):
            continue
        if sum(1 for w in first if _word_score(w) > -3) < 2:
            continue
        first, below = _sub_header(first, lines, i + 1)
        words, end, went_on = _wrapped_words(first, below, i + 1)
        if below is not lines:
            end = max(end, i + 2)
        good = sum(1 for w in words if _word_score(w) >= 2)
        kinds = [r.kind if (r := header_role(label_of(w))) else "text" for w in words]
        if good >= max(2, (len(words) + 1) // 2) and "units" in kinds and len(set(kinds) - {"text"}) >= 2:
            return Header(i, end, words, first, [ln.strip() for ln in lines[i:end] if ln.strip()], went_on)
    return None


def _sub_header(first: list[str], lines: Sequence[str], at: int) -> tuple[list[str], Sequence[str]]:
    """A two-row header: where the line under the header holds two or more units words that name
    their role by grammar (``牵头单位 配合单位``) and exactly one word above names units without a
    role (``责任单位``), that word spans them and is replaced by them; the rest of the line (a
    header cell wrapped, ``号``) is left to be put back. Returns the first line's words and the
    lines with the sub-header taken out of the line under it."""
    if at >= len(lines):
        return first, lines
    pieces = [to_simplified(p) for p in pieces_of(lines[at])]
    subs = [k for k, p in enumerate(pieces)
            if len(p) >= 3 and (r := header_role(p)) is not None and r.kind == "units" and r.role]
    if len(subs) < 2 or subs != list(range(subs[0], subs[0] + len(subs))):
        return first, lines
    parents = [k for k, w in enumerate(first)
               if (r := header_role(label_of(w))) is not None and r.kind == "units" and not r.role]
    if len(parents) != 1 or any((r := header_role(label_of(w))) is not None and r.kind == "units" and r.role
                                for w in first):
        return first, lines
    k = parents[0]
    new_first = first[:k] + [pieces[j] for j in subs] + first[k + 1:]
    if len(new_first) > _MAX_COLUMNS:
        return first, lines
    below = list(lines)
    below[at] = " ".join(p for j, p in enumerate(pieces) if j not in subs)
    return new_first, below


def _header_piece_line(pieces: list[str]) -> bool:
    return bool(pieces) and cell_type(pieces[0]) != "number" and cell_type("".join(pieces)) != "heading" \
        and all(display_width(p) <= _HEADER_PIECE and not re.search(r"[。；;，,]", p) for p in pieces)


def _wrapped_words(first: list[str], lines: Sequence[str], start: int
                   ) -> tuple[list[str], int, list[str | None]]:
    """The header words with the lines under the header put back where its cells wrapped, the
    line after the header, and for each cell that wrapped the piece on its second line."""
    n = len(first)
    # Beam of (score, words, columns that went on in the last line, columns that went on at all).
    # (score, words, columns that went on in the last line, each one's second-line piece,
    # each one's last piece, penalty: pieces put on a cell whose last line was short of its first)
    State = tuple[float, list[str], tuple[int, ...], dict[int, str], dict[int, str], float]
    beam: list[State] = [(sum(_word_score(w) for w in first), list(first), tuple(range(n)), {}, {}, 0.0)]
    best, end = beam[0], start
    j = start
    while j < len(lines):
        if not lines[j].strip():
            j += 1
            continue
        pieces = [to_simplified(p) for p in pieces_of(lines[j])]
        if not _header_piece_line(pieces):
            break
        nxt: list[State] = []
        for _, words, open_, went, lastp, penalty in beam:
            for k, combo in enumerate(itertools.combinations(open_, len(pieces))):
                if k >= _MAX_COMBOS:
                    break
                new = list(words)
                pen = penalty
                for c, p in zip(combo, pieces):
                    before = header_role(label_of(new[c]))
                    new[c] += p
                    if display_width(lastp.get(c, first[c])) < display_width(first[c]) - 2:
                        pen += 1.5  # the line above was short: the cell had ended
                    elif before is not None and before.kind != "text" and len(new[c]) - len(p) >= 3 \
                            and not p.startswith(("（", "(")) \
                            and (after := header_role(label_of(new[c]))) is not None and after.kind != before.kind:
                        pen += 1.0  # a whole header word (建设地点) made a word of another kind
                nxt.append((sum(_word_score(w) for w in new) - pen, new, combo,
                            {**{c: p for c, p in zip(combo, pieces)}, **went},
                            {**lastp, **{c: p for c, p in zip(combo, pieces)}}, pen))
        if not nxt:
            break
        nxt.sort(key=lambda s: -s[0])
        beam = nxt[:64]
        # A line may make a word read worse until the next one ends it (第二季度完成 / 情况);
        # the header ends after the line where its words read best.
        # A line whose pieces all go on cells as wide as their first line may cost a little
        # (任务 → 任务编号: a number column's label wrapped one character a line).
        if beam[0][0] >= best[0] - (1.5 if beam[0][5] == best[5] else 0.5):
            best, end = beam[0], j + 1
        elif beam[0][0] < best[0] - 6.0:
            break
        j += 1
    return best[1], end, [best[3].get(c) for c in range(n)]


@dataclass
class _Row:
    first: int  # first column (the ones before it merged with the row above); -1 a goal row
    frags: list[list[str]]
    open: list[int]  # columns with a piece on the row's last line
    line: int  # index of the row's first line
    number: int | None = None
    # Columns whose open cell is the row above's (a merged cell going on beside this row's lines).
    carried: dict[int, list[str]] = field(default_factory=dict)

    def view(self, c: int) -> list[str]:
        """The fragments of the cell open in column ``c``."""
        return self.carried.get(c, self.frags[c])


class _Reader:
    """The costs of one reading: the header's column kinds, each column's width (``caps``; None
    while unknown) and bound (``limits``), how often each column has text (``fill``)."""

    def __init__(self, kinds: list[str], caps: list[float | None], fill: list[float], number_col: int | None,
                 limits: Sequence[float | None] = (), clauses: Sequence[float] = ()):
        self.kinds = kinds
        # Each column's share of cells holding a clause (，。；), from the reading before: a text
        # column of titles beside the requirement's column of sentences.
        self.clauses = list(clauses)
        self.limits = list(limits) + [None] * (len(kinds) - len(limits))
        self.caps = caps
        self.fill = fill
        self.n = len(kinds)
        self.number_col = number_col
        self.wrapped: list[float] = []  # the cost per piece of each line read as cells going on
        self.guessed: list[tuple[int, list[str], list[int]]] = []  # (line, pieces, columns) chosen narrowly
        self.runner_up = float("inf")
        self.forced = self.pieces = 0  # pieces that went on a cell not full or ended, of all that went on
        # The column that holds the requirement's text: a task or other text column where
        # the header names no requirement column.
        self.eff = list(kinds)
        if "requirement" not in kinds and "task" in kinds and "goal" in kinds[kinds.index("task") + 1:]:
            # 工作事项 | 工作目标: a goal column right of the task column states each row's
            # requirement (columns.resolve_text_columns reads it so).
            self.eff[kinds.index("goal", kinds.index("task") + 1)] = "requirement"
        elif "requirement" not in kinds:
            for k in ("task", "text"):
                if k in kinds:  # the last one: 重点工作 | 具体任务
                    self.eff[len(kinds) - 1 - kinds[::-1].index(k)] = "requirement"
                    break
        self.text_col = self.eff.index("requirement") if "requirement" in self.eff else None

    # --------------------------------------------------------------- first lines
    def place(self, pieces: list[str], start: int) -> tuple[float, list[int]] | None:
        """The best columns (from ``start`` on, in order) for a row's first-line pieces, and its
        score; a column may take two pieces a space parted (a name spaced out)."""
        n, m = self.n, len(pieces)
        if m > _MAX_PIECES * (n - start):
            return None
        neg = float("-inf")
        # best[i][c]: score of placing pieces i.. into columns c..
        best = [[neg] * (n + 1) for _ in range(m + 1)]
        choice: list[list[tuple[int, int] | None]] = [[None] * (n + 1) for _ in range(m + 1)]
        for c in range(n, start - 1, -1):
            best[m][c] = -sum(self._empty(k) for k in range(c, n))
        for i in range(m - 1, -1, -1):
            for c in range(n - 1, start - 1, -1):
                # column c empty
                b, ch = best[i][c + 1] - self._empty(c), (0, c + 1)
                for k in range(1, _MAX_PIECES + 1):
                    if i + k > m:
                        break
                    text = " ".join(pieces[i:i + k])
                    # Spaces inside a cell are rare, but for a title and a name in a people column.
                    s = self._fit(c, text) - (0.5 if k > 1 and self.kinds[c] == "people" and _titled_name(text)
                                              else 1.5) * (k - 1)
                    if best[i + k][c + 1] > neg and s + best[i + k][c + 1] > b:
                        b, ch = s + best[i + k][c + 1], (k, c + 1)
                best[i][c], choice[i][c] = b, ch
        if best[0][start] == neg:
            return None
        cols: list[int] = []
        i, c = 0, start
        while i < m:
            ch = choice[i][c]
            assert ch is not None
            k, nxt = ch
            cols += [c] * k
            i, c = i + k, nxt
        return best[0][start], cols

    def _empty(self, c: int) -> float:
        return 0.2 + 1.5 * self.fill[c]

    def _fit(self, c: int, text: str) -> float:
        cap = self.caps[c]
        w = display_width(text)
        limit = self.limits[c]
        if cap is not None and w > (limit if limit is not None else cap + 2):
            return float("-inf")
        ctype = cell_type(text)
        if self.kinds[c] == "people" and " " in text and _titled_name(text):
            ctype = "person"
        elif ctype == "units" and not looks_like_unit(text) and self.kinds[c] in _TEXT_KINDS:
            ctype = "title"
        elif ctype == "title" and re.search(r"[，；。]", text):
            ctype = "sentence"  # the first line of a sentence cut by the column
        # Of two columns alike (牵头 | 配合 with one unit), the first: a lead before its helpers.
        return compat(self.kinds[c], ctype) + 1.0 * (self.fill[c] - 0.5) - 0.01 * c

    # --------------------------------------------------------------- following lines
    def _slack(self, c: int, last: str, nxt: str) -> float | None:
        cap = self.caps[c]
        if cap is None:
            return None
        return cap - display_width(last) - display_width(first_word(nxt))

    def _full(self, c: int, last: str) -> bool:
        cap = self.caps[c]
        return cap is not None and cap - display_width(last) <= 2

    def go_on(self, row: _Row, pieces: list[str]) -> tuple[float, list[int]] | None:
        """The cost of the best way the pieces go on the row's open cells, and their columns."""
        open_ = [c for c in row.open if self.kinds[c] != "number"]
        if len(pieces) > len(open_):
            return None
        # A full cell that does not go on costs; the requirement's a little more (of two full cells
        # that read alike, the row's longest text is the one that goes on).
        unassigned = {c: ((0.9 if c == self.text_col else 0.8)
                          if self._full(c, row.view(c)[-1]) and not ended(self.kinds[c], "".join(row.view(c)))
                          else 0.0) for c in open_}
        best: tuple[float, list[int]] | None = None
        self.runner_up = float("inf")
        for k, combo in enumerate(itertools.combinations(open_, len(pieces))):
            if k >= _MAX_COMBOS:
                break
            cost = sum(unassigned[c] for c in open_ if c not in combo)
            for c, p in zip(combo, pieces):
                cost += self._cost_on(row, c, p)
            if best is None or cost < best[0]:
                if best is not None:
                    self.runner_up = best[0]
                best = (cost, list(combo))
            elif cost < self.runner_up:
                self.runner_up = cost
        return best

    def _cost_on(self, row: _Row, c: int, piece: str) -> float:
        kind = self.kinds[c]
        last = row.view(c)[-1]
        so_far = "".join(row.view(c))
        slack = self._slack(c, last, piece)
        if slack is None:
            full = 0.5
        elif slack < 0:
            # A line short of its column by a character or more wrapped only because the next
            # word and its marks did not fit: rarer than a line full to the edge.
            full = 0.3 if self.caps[c] is not None and self.caps[c] - display_width(last) >= 2 else 0.0
        elif not (last + first_word(piece)).isascii() and not any(ch.isascii() for ch in last + first_word(piece)):
            # Chinese only: widths are exact, so the word would have fitted on the line.
            full = 1.5 if slack <= 1 else 2.0 if slack <= 3 else 2.5 if slack <= 5 else 4.0
        elif slack <= 1:
            full = 0.3  # Latin letters and digits are set narrower or wider than half a character
        elif slack <= 3:
            full = 1.0
        elif slack <= 5:
            full = 2.0
        else:
            full = 4.0
        if kind == "units" and slack is not None and slack > 1 and looks_like_unit(piece) and looks_like_unit(last):
            full = min(full, 2.5)  # one unit per line in a units cell
        end = 0.0
        if so_far.rstrip().endswith(("。", "！", "？", "；")):
            end = 2.0
        elif kind == "deadline" and so_far.endswith(("底", "月", "日")) and piece.startswith(("前", "止")):
            end = 0.0  # 2024年11月底 / 前
        elif kind == "units" and piece.startswith(("（", "(")):
            end = 0.0  # a name qualified in brackets: 各县（市、区）, 政务服务中心（大厅）
        elif ended(kind, so_far) or kind == "people" and cell_type(so_far) == "person":
            end = 2.0 if slack is None or slack >= 0 else 1.0
        cap = self.caps[c]
        wide = 4.0 if cap is not None and display_width(piece) > cap + 2 else 0.0
        # A run of digits broken only where it does not fit its column at all (a phone number).
        digits = 0.5 if last[-1:].isdigit() and piece[:1].isdigit() else 0.0
        return full + end + wide - digits + self._reads(c, so_far, piece)

    def _reads(self, c: int, so_far: str, piece: str) -> float:
        """How the cell reads with the piece added (lower is better): brackets closed or
        opened, a sentence's end in a title or in a text column, the form of a unit, a
        deadline, a name."""
        kind = self.eff[c]
        opened = so_far.count("（") + so_far.count("(") - so_far.count("）") - so_far.count(")")
        closes = piece.count("）") + piece.count(")") - piece.count("（") - piece.count("(")
        cost = 0.0
        if closes > 0:
            cost += -0.5 if opened >= closes else 1.0
        if kind in _TEXT_KINDS:
            tc = self.text_col
            if self.clauses and tc is not None and c != tc and self.clauses[c] < 0.5 * self.clauses[tc] \
                    and _CLAUSE.search(piece):
                cost += 0.8  # a clause goes on the sentences rather than on a column of titles
            if piece.endswith(("。", "！", "？", "；")):
                cost += 0.5 if kind in ("goal", "task") else -0.3
            if "units" in self.kinds and "、" in piece and _typed(piece, "units") == "units":
                cost += 0.8  # a list of units goes on a units cell rather than a text
            return cost
        whole = so_far + piece
        if kind in ("place", "amount") and _CLAUSE.search(piece):
            cost += 1.0  # a place or an amount is a name or a figure, never a clause
        if kind in ("units", "place"):
            # The piece completes a unit's name (县交通运输 + 局, 各乡 + 镇人民政府).
            last_before = re.split(r"[、，,；;]", so_far)[-1]
            last_after = re.split(r"[、，,；;]", whole)[-1]
            if len(last_after) >= 3 and looks_like_unit(last_after) \
                    and not (last_before and looks_like_unit(last_before)):
                cost -= 0.5
            elif not re.search(r"[、，,；;]", piece) and not looks_like_unit(last_after):
                return cost  # a name still going on (市文化市 + 场综合行): its form says nothing yet
            if kind == "place":
                return cost  # places are names of any form: a units list's reading says nothing
        elif kind == "deadline" and cell_type(whole) == "deadline" and (
                whole.endswith(("前", "止")) and not so_far.endswith(("前", "止"))
                or whole.endswith(("底", "末")) and not so_far.endswith(("底", "末"))):
            cost -= 0.5  # 2024年11月底 + 前
        return cost - 0.5 * (compat(kind, _typed(whole, kind)) - compat(kind, _typed(so_far, kind)))

    def close_cost(self, row: _Row) -> float:
        """What it costs to end the row here: cells whose last line is full and does not end them."""
        return sum(0.8 for c in row.open if self.kinds[c] != "number" and self._full(c, row.view(c)[-1])
                   and not ended(self.kinds[c], "".join(row.view(c))))

    def start_cost(self, pieces: list[str], start: int) -> tuple[float, list[int]] | None:
        placed = self.place(pieces, start)
        if placed is None:
            return None
        score, cols = placed
        merged = sum(0.0 if self.kinds[c] in _MERGE_KINDS else 0.8 for c in range(start))
        # Per piece, how far from a perfect fit it is.
        return max(0.0, 2.5 * len(pieces) - score) * 0.3 + merged, cols


def _typed(text: str, kind: str = "") -> str:
    """The cell type of a text whose last bracket may still be open (``…相关镇（街``), or
    whose list of units goes on (``…滁州经开区管委会、中新苏``: the names before)."""
    text = re.sub(r"[（(][^（()）]*$", "", text) or text
    if kind == "units":
        head, sep, last = text.rpartition("、")
        if sep and head and not looks_like_unit(last):
            text = head
    return cell_type(text)


def _titled_name(text: str) -> bool:
    """A person's title and name parted by spaces (``分管副局长 罗建``, ``政治委员 杨 柳``), or a title
    and the first character of a name the column cut (``分管副局长 龙`` / ``飞``)."""
    parts = text.split()
    name = parts[-1]
    k = len(parts) - 1
    if len(parts) >= 3 and len(parts[-1]) == len(parts[-2]) == 1:
        name, k = parts[-2] + parts[-1], len(parts) - 2
    title = "".join(parts[:k])
    if not title or len(title) > 8 or re.search(r"[\d，。、；,;：:（）()]", title):
        return False
    return cell_type(name) == "person" or (len(name) == 1 and "\u4e00" <= name <= "\u9fff")


def _number(piece: str) -> int | None:
    from xltools.importing.builder import parse_number

    return parse_number(piece) if cell_type(piece) == "number" else None


def assemble(body: Sequence[tuple[int, list[str]]], reader: _Reader) -> tuple[list[_Row], list[int]]:
    """The rows of the body lines ((line index, pieces)), and the lines no row took."""
    rows: list[_Row] = []
    stray: list[int] = []
    kinds, n = reader.kinds, reader.n
    nc = reader.number_col
    last_number = 0
    widest = max((c for c in reader.caps if c is not None), default=0)

    def new_row(at: int, pieces: list[str], start: int, cols: list[int], number: int | None) -> None:
        frags: list[list[str]] = [[] for _ in range(n)]
        for c, p in zip(cols, pieces):
            frags[c].append(p) if not frags[c] else frags[c].__setitem__(-1, frags[c][-1] + " " + p)
        rows.append(_Row(start, frags, sorted(set(cols)), at, number))

    for at, pieces in body:
        row = rows[-1] if rows and rows[-1].first >= 0 else None
        head = pieces[0]
        joined = "".join(pieces)
        ctype = cell_type(joined)
        if ctype == "chrome" or ctype != "heading" and len(pieces) == 1 and widest \
                and display_width(joined) > 1.5 * widest + 8:
            # A page's buttons, or a line wider than any column (a note under the table): no cell's.
            stray.append(at)
            continue
        num = _number(head)
        if num is not None and nc is not None and num == last_number + 1:
            placed = reader.place(pieces, 0)
            if placed is not None and placed[1][0] == nc:
                new_row(at, pieces, 0, placed[1], num)
                last_number = num
                continue
        options: list[tuple[float, str, list[int], int]] = []
        if row is not None and (on := reader.go_on(row, pieces)) is not None:
            options.append((on[0], "on", on[1], 0))
        heading = cell_type(joined) == "heading" and len(pieces) <= 3 and num is None
        if heading and (not options or options[0][0] > 1.5 or display_width(joined) > widest + 2):
            rows.append(_Row(-1, [[joined]] + [[] for _ in range(n - 1)], [], at))
            continue
        close = reader.close_cost(row) if row is not None else 0.0
        if num is not None and nc is not None and num > last_number:
            placed = reader.start_cost(pieces, 0)
            if placed is not None and placed[1][0] == nc:
                options.append((placed[0] + close + 1.0 + 0.5 * (num - last_number - 1), "number", placed[1], 0))
        base = 1.0 if nc is not None else 0.2
        lo = 1 if nc is not None and rows else 0
        for start in range(lo, n):
            if start and kinds[start - 1] not in _MERGE_KINDS and kinds[start] not in _TEXT_KINDS:
                continue
            placed = reader.start_cost(pieces, start)
            # A row without a number holds a requirement: the cells on its first line reach
            # the requirement's column.
            if placed is not None and (reader.text_col is None or reader.text_col in placed[1]):
                # Under merged cells a row usually opens at its requirement; a new title before
                # it without a number is less likely.
                before = 1.5 if nc is not None and reader.text_col is not None \
                    and placed[1][0] < reader.text_col else 0.0
                options.append((placed[0] + close + base + before, "start", placed[1], start))
        if row is not None and reader.text_col is not None:
            # A merged cell on the left going on beside the first line of the next row under it
            # (做好政府网站专栏信 / 息公开 beside the second requirement).
            left = [c for c in row.open if kinds[c] in _MERGE_KINDS and kinds[c] != "number" and c < reader.text_col]
            for k in (1, 2):
                if k >= len(pieces) or k > len(left):
                    break
                for combo in itertools.combinations(left, k):
                    on_cost = sum(reader._cost_on(row, c, p) for c, p in zip(combo, pieces))
                    for start in range(combo[-1] + 1, reader.text_col + 1):
                        placed = reader.start_cost(pieces[k:], start)
                        if placed is not None and reader.text_col in placed[1]:
                            kept = sum(0.8 for c in combo if reader._full(c, row.view(c)[-1])
                                       and not ended(kinds[c], "".join(row.view(c))))
                            options.append((on_cost + placed[0] + close - kept + base + 0.2, "mixed",
                                            list(combo) + placed[1], start))
        if not options:
            stray.append(at)
            continue
        cost, how, cols, start = min(options, key=lambda o: o[0])
        if how == "mixed":
            assert row is not None
            k = sum(1 for c in cols if c < start)
            _go_on(reader, row, cols[:k], pieces[:k])
            carried = {c: row.view(c) for c in cols[:k]}
            new_row(at, pieces[k:], start, cols[k:], None)
            rows[-1].carried = carried
            rows[-1].open = sorted(set(cols))
            continue
        if how == "on":
            assert row is not None
            reader.wrapped.append(cost / len(pieces))
            if reader.runner_up - cost < _CLOSE and len(pieces) < len([c for c in row.open if kinds[c] != "number"]):
                # Another choice of the cells going on reads almost as well: noted on 待核对.
                reader.guessed.append((at, pieces, cols))
            reader.forced += sum(1 for c, p in zip(cols, pieces) if reader._cost_on(row, c, p) >= 2.0)
            reader.pieces += len(pieces)
            _go_on(reader, row, cols, pieces)
            row.open = cols
        elif how == "number":
            new_row(at, pieces, 0, cols, _number(head))
            last_number = _number(head) or last_number
        else:
            new_row(at, pieces, start, cols, None)
    return rows, stray


def _go_on(reader: _Reader, row: _Row, cols: Sequence[int], pieces: Sequence[str]) -> None:
    """Add the pieces to the row's open cells: glued where the line above was full, on a line of
    their own where it was short (one unit per line)."""
    for c, p in zip(cols, pieces):
        frags = row.view(c)
        slack = reader._slack(c, frags[-1], p)
        frags.append(("" if slack is None or slack <= 3 else "\n") + p)


def _cells(row: _Row, n: int) -> list[str]:
    out = []
    for frags in row.frags:
        text = ""
        for f in frags:
            if text and f and not f.startswith("\n") and text[-1].isascii() and text[-1].isalpha() \
                    and f[0].isascii() and f[0].isalpha():
                text += " "  # an English word the page wrapped at a space
            text += f
        out.append(text)
    return out + [""] * (n - len(out))


def _carry_merged(kinds: list[str], firsts: list[int], cells: list[list[str]], text_col: int | None,
                  number_col: int | None) -> tuple[dict[int, int], list[tuple[int, int, str]]]:
    """Word prints a cell merged over rows at its top, and the text shows nothing of the merge.
    A numbered row whose title cell (a goal, task or other text column left of the requirement)
    is empty under a title above is under that merged cell: the title is written on the row (it
    keeps its own number), and where the deadline column is filled on half the rows or more an
    empty deadline cell of such a row takes the deadline above it too (one merged cell over the
    group). Not across a goal row. Guesses: returns the count of titles carried per column and
    (row, column, text) of each deadline carried, for 待核对."""
    titles: dict[int, int] = {}
    deadlines: list[tuple[int, int, str]] = []
    if text_col is None or number_col is None:
        return titles, deadlines
    tcols = [c for c in range(text_col) if kinds[c] in ("goal", "task", "text")]
    dl = kinds.index("deadline") if "deadline" in kinds else None
    rows = [r for r, f in enumerate(firsts) if f >= 0 and cells[r][text_col].strip()]
    carry_dl = dl is not None and len(rows) >= 3 and sum(1 for r in rows if cells[r][dl].strip()) >= 0.5 * len(rows)
    above: dict[int, str] = {}
    for r, f in enumerate(firsts):
        if f < 0:
            above = {}  # a goal row spans the table: a merged cell does not go on past it
            continue
        row = cells[r]
        under = False
        if f == 0 and row[number_col].strip() and row[text_col].strip():
            for c in tcols:
                if not row[c].strip() and above.get(c):
                    row[c] = above[c]
                    titles[c] = titles.get(c, 0) + 1
                    under = True
            if under and carry_dl and dl is not None and not row[dl].strip() and above.get(dl):
                row[dl] = above[dl]
                deadlines.append((r, dl, above[dl]))
        for c, t in enumerate(row):
            if t.strip():
                above[c] = t
    return titles, deadlines


def _title_unwrapped(lines: list[str], index: int) -> list[str]:
    """The lines with a title the page wrapped put back on one line: a short last line right above
    the header (``…任务分工`` / ``表``) goes on the title above it."""
    k = index - 1
    if k >= 1 and re.fullmatch(r"[\u4e00-\u9fff]{1,3}", tail := lines[k].strip()) and not tail.startswith("附件") \
            and lines[k - 1].strip() and not re.search(r"[，。；：:,.;]", lines[k - 1].strip()[-1:]):
        out = list(lines)
        out[k - 1] = lines[k - 1].rstrip() + tail
        out[k] = ""
        return out
    return lines


Result = tuple[list[Event], SourceMeta]
# The competing reading's name when its wrapped lines all fit (scoring.PRIOR), else a space-rows reading.
WRAPPED = "wrapped_rows"
_CONFIDENT_COST = 0.6  # mean cost per piece of the lines read as cells going on
_MIN_WRAPPED_SHARE = 0.3  # rows of several lines among the rows
_MAX_FORCED = 0.3  # pieces going on cells that were not full or had ended, of all going on
_CLOSE = 0.3  # a choice of cells going on within this of the next best is a guess
_SAMPLE_LINES = 200  # body lines the widths are learnt on
_MAX_WIDE_LINES = 0.2  # lines with more pieces than the header has columns, of the body's lines
_MAX_PIECES = 3  # pieces one cell's line may hold (a title and a name spaced out: 政治委员 杨 柳)


def propose(text: str, name: str) -> tuple[str, Result] | None:
    """The reading and the name it competes under: ``wrapped_rows`` when the text shows the
    shape (rows of several lines, every following line going on cells that were full at
    low cost), else ``space_rows``."""
    found = _read(text, name)
    if found is None:
        return None
    result, confident = found
    return (WRAPPED if confident else "space_rows"), result


def read_plumber_rows(text: str, name: str, fixer: Fixer | None = None) -> Result | None:
    """Read a ruled table whose text came out line by line across the page, the
    cells of each line side by side (pdfplumber's ``extract_text``); None when
    no header of this shape is found or the rows do not read so."""
    found = _read(text, name, fixer)
    return found[0] if found is not None else None


def _read(text: str, name: str, fixer: Fixer | None = None) -> tuple[Result, bool] | None:
    from xltools.importing.readers.spacerows import HEADING_ROW, _emit

    lines = text.split("\n")
    header = find_header(lines)
    if header is None:
        return None
    labels = [label_of(w) for w in header.words]
    kinds = [r.kind if (r := header_role(lb)) else "text" for lb in labels]
    n = len(kinds)
    number_col = kinds.index("number") if "number" in kinds else None
    repeat_first = re.sub(r"\s+", "", header.lines[0])
    repeat_all = {re.sub(r"\s+", "", ln) for ln in header.lines}
    body: list[tuple[int, list[str]]] = []
    skipped: list[tuple[int, str]] = []
    i = header.end
    while i < len(lines):
        line = lines[i].strip()
        if not line:
            i += 1
            continue
        key = re.sub(r"\s+", "", line)
        if _PAGE_NUMBER.match(line):
            skipped.append((i + 1, line))
            i += 1
            continue
        if key == repeat_first:
            # The header repeated on the next page, with its wrapped lines.
            skipped.append((i + 1, line))
            i += 1
            k = 1
            while i < len(lines) and k < len(header.lines) and re.sub(r"\s+", "", lines[i]) in repeat_all:
                skipped.append((i + 1, lines[i].strip()))
                i, k = i + 1, k + 1
            continue
        body.append((i, pieces_of(line)))
        i += 1
    if not body or sum(1 for at, _ in body if re.search(r"\S(?: {2,}|\t)\S|[|│｜]", lines[at].strip())) \
            > 0.1 * len(body):
        return None  # the cells are parted by single spaces in this shape
    wide = sum(1 for _, pieces in body if len(pieces) > n)
    if wide > _MAX_WIDE_LINES * len(body) and wide > sum(1 for _, pieces in body if 2 * len(pieces) <= n):
        # Lines of more pieces than columns, fewer than the lines that go on a few cells: whole rows
        # with spaces inside their cells (space rows), not this shape. Here a cell's line may hold
        # spaces too (a title and a name), but most lines go on cells that wrapped.
        return None
    # Widths: the header's first pieces (a wrapped header cell is exactly as wide as its
    # column), then each column's widest piece in the reading before.
    caps: list[float | None] = [float(display_width(w)) if went else None
                                for w, went in zip(header.first, header.went_on)]
    caps += [None] * (n - len(caps))
    # Lines with a piece for every column (a row whose cells all have text) show each
    # column's width without any reading.
    for _, pieces in body:
        if len(pieces) == n and (number_col is None or cell_type(pieces[number_col]) == "number"):
            for c, p in enumerate(pieces):
                caps[c] = max(caps[c] or 0.0, float(display_width(p)))
    limits = header.limits()
    fill = [0.5 if k in ("number", "requirement", "units") else 0.3 for k in kinds]
    rows: list[_Row] = []
    stray: list[int] = []
    clauses: list[float] = []
    # The widths are learnt on a sample of the body (the first lines), which also tells a text
    # of another shape cheaply: no row of several lines, or lines going on cells that ended.
    for k in range(4):
        reader = _Reader(kinds, caps, fill, number_col, limits, clauses)
        rows, stray = assemble(body if k == 3 else body[:_SAMPLE_LINES], reader)
        real = [r for r in rows if r.first >= 0]
        if not real or reader.forced > _MAX_FORCED * reader.pieces \
                or not any(len(f) > 1 for r in real for f in r.frags):
            return None
        if k == 3:
            break
        if k == 2 and sum(1 for r in real if any(len(f) > 1 for f in r.frags)) < _MIN_WRAPPED_SHARE * len(real):
            return None  # rows of one line each in the sample: space rows, the space-rows readers' shape
        # A line the page wrapped (not a cell's last) is as wide as its column; a last line is no
        # wider, so it counts only in a column where no cell wrapped.
        widths = [0.0] * n
        wrapped = [0.0] * n
        for r in real:
            for c, frags in enumerate(r.frags):
                for j, f in enumerate(frags):
                    if not f.startswith("\n"):
                        widths[c] = max(widths[c], float(display_width(f.strip())))
                        if j + 1 < len(frags) and not frags[j + 1].startswith("\n"):
                            wrapped[c] = max(wrapped[c], float(display_width(f.strip())))
        widths = [w if w and w <= v + 2 else v or w for w, v in zip(widths, wrapped)]
        caps = [max(w, float(display_width(h))) if w else (float(display_width(h)) if went else None)
                for w, h, went in zip(widths, header.first + [""] * n, header.went_on + [None] * n)]
        caps = [min(c, lim) if c is not None and lim is not None else c for c, lim in zip(caps, limits)]
        fill = [sum(1 for r in real if r.frags[c]) / len(real) for c in range(n)]
        clauses = [sum(1 for r in real if _CLAUSE.search("".join(r.frags[c]))) / max(1, sum(
            1 for r in real if r.frags[c])) for c in range(n)]
    real = [r for r in rows if r.first >= 0]
    if not any(len({c for c in range(n) if r.frags[c]}) >= 2 for r in real):
        return None
    skipped += [(at + 1, lines[at].strip()) for at in stray]
    skipped += [(k + 1, lines[k].strip()) for k in range(header.index + 1, header.end) if lines[k].strip()]
    firsts = [HEADING_ROW if r.first < 0 else r.first for r in rows]
    cells = [[r.frags[0][0]] + [""] * (n - 1) if r.first < 0 else _cells(r, n) for r in rows]
    row_lines = [r.line + 1 for r in rows]
    if reader.forced > _MAX_FORCED * reader.pieces:
        return None  # lines that go on cells which had ended: not this shape (pdftotext's blocks)
    several = sum(1 for r in real if any(len(f) > 1 for f in r.frags))
    confident = several >= 2 and several >= _MIN_WRAPPED_SHARE * len(real) \
        and not any(at < rows[-1].line for at in stray) \
        and sum(reader.wrapped) <= _CONFIDENT_COST * len(reader.wrapped)
    roles = [r.role if (r := header_role(lb)) else "" for lb in labels]
    titles, carried = _carry_merged(kinds, firsts, cells, reader.text_col, number_col)
    units_notes = merged_units(labels, kinds, roles, firsts, cells, number_col, reader.text_col, row_lines)
    events, meta = _emit(_title_unwrapped(lines, header.index), header.index, name, fixer, labels, firsts, cells,
                         row_lines, skipped)
    review = tuple((L.REVIEW_STRUCTURE, L.NOTE_WRAPPED_PIECE.format(
        pieces="、".join(f"“{p}”→{labels[c]}" for p, c in zip(pieces, cols))), at + 1, lines[at].strip())
                   for at, pieces, cols in reader.guessed)
    # A deadline carried is noted on its requirement.
    notes = {row_lines[r]: (L.REVIEW_DEADLINE, L.NOTE_MERGED_CELL_CARRIED.format(header=labels[c], text=text))
             for r, c, text in carried}
    events = [dataclasses.replace(e, review=e.review + (notes.pop(e.line),))
              if isinstance(e, RawRow) and e.line in notes else e for e in events]
    events = [dataclasses.replace(e, review=e.review + tuple(units_notes.pop(e.line)))
              if isinstance(e, RawRow) and e.line in units_notes else e for e in events]
    review += tuple((L.REVIEW_STRUCTURE, L.NOTE_TITLE_CARRIED.format(header=labels[c], count=count),
                     header.index + 1, " | ".join(labels)) for c, count in titles.items())
    return (events, dataclasses.replace(meta, review=meta.review + review)), confident
