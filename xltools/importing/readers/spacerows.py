"""A table flattened to one line per row with spaces between the cells — and
often inside them (a cell hard-wrapped by the page: ``加强水资源保 护``, a
person's name spaced out: ``汪  峰``), as a web page or a PDF gives it when
copied as text.

1. **Header.** A line whose space-separated words make header words, joined
   where the page split one (``牵头  领导 牵头  责任单位`` → 牵头领导 |
   牵头责任单位), by the segmentation the cell-stream reader uses.
2. **Rows.** A row starts at a line opening with a number when the first
   column is 序号 (lines without one continue the row: a cell of several
   lines); otherwise every line is a row.
3. **Cells.** The words of a row are assigned to the columns in order by
   dynamic programming: each column takes a run of consecutive words (joined
   back into one cell) or none (an empty or merged cell), so that the sum of
   ``columns.compat(kind, cell_type(cell))`` is highest. Extra spaces before
   a word are taken as the empty cells they usually stand for.

The rows then go through ``GridReader`` like every other grid: roles from
the headers, merged cells carried down.
"""

from __future__ import annotations

import functools
import re

from xltools import labels as L
from xltools.importing.readers.cleanup import Fixer
from xltools.importing.readers.columns import (OTHER_KINDS, cell_type, compat, header_role, header_score,
                                               resolve_text_columns, split_glued_header)
from xltools.importing.readers.grid import NUMBER_ONLY, Cell, Column, GridReader
from xltools.importing.readers.layout import current_layout
from xltools.importing.readers.layoutrows import layout_columns, layout_header, layout_rows, page_breaks
from xltools.importing.readers.rows import Event, SourceMeta
from xltools.importing.readers.stream import _MODIFIERS, _segmentations
from xltools.importing.readers.wrappedrows import read_wrapped, wrapped_header
from xltools.text import clean_text
from xltools.importing.units import looks_like_unit, looks_like_units_cell, opens_name

_SPACES = re.compile(r"[ \u00a0\u3000\t]+")
_HEADER_SCAN = 120  # lines searched for the header
_MAX_CELL_WORDS = 24  # words one cell may be split into (a long text wrapped in a narrow column)
_MAX_ROW_WORDS = 48
_SAMPLE = 40  # rows that decide between header readings


def _words(line: str) -> list[tuple[str, int]]:
    """The space-separated words of a line with the spaces before each."""
    out: list[tuple[str, int]] = []
    pos = 0
    for m in _SPACES.finditer(line + " "):
        word = line[pos:m.start()]
        if word:
            gap = len(line[:pos]) - len(line[:pos].rstrip(" \u00a0\u3000\t")) if out else 0
            out.append((word, gap))
        pos = m.end()
    return out


_CJK_CHAR = re.compile(r"^[\u4e00-\u9fff]$")


def _spaced_names(words: list[tuple[str, int]]) -> list[tuple[str, int]]:
    """The words of a row line with names spaced out letter by letter (``王 强``,
    ``李 建 华``, ``陈  刚`` as a table pads them) joined back: a run of two or
    three one-character words that together read as a person's name."""
    out: list[tuple[str, int]] = []
    i = 0
    while i < len(words):
        j = i
        while j < len(words) and _CJK_CHAR.match(words[j][0]):
            j += 1
        if 2 <= j - i <= 3 and cell_type(name := "".join(w for w, _ in words[i:j])) == "person":
            out.append((name, words[i][1]))
            i = j
            continue
        out.extend(words[i:max(j, i + 1)])
        i = max(j, i + 1)
    return out


_TAIL_WORD = re.compile(r"^[\u4e00-\u9fff]{1,4}$")


def wrapped_header_line(words: list[str], below: list[str]) -> list[str] | None:
    """A single-spaced header whose cells wrapped onto one second line (``序号 工作 具体目标 分管 责任 配合 完成`` /
    ``类别 领导 部门 部门 时间``): the words below, in order, end as many words above — the
    ones whose joined label reads best as a header word (``分管领导``, ``配合部门``). None
    unless the line below is only short header words, fewer than those above, and every
    joined label is a header word of units, people, deadline or text kinds as a header
    needs (a units column and a text column). Unlike ``wrappedrows.wrapped_header`` (pieces
    that make each word read better, for narrow cells of a PDF), a joined word here may read
    less well alone (事项 + 类型) where the whole header reads best."""
    n, m = len(words), len(below)
    if not 2 <= m < n <= 30 or not all(_TAIL_WORD.match(w) for w in below) \
            or sum(header_score(w) >= 2 for w in below) < m - 1:
        return None
    # best[i][j]: score of the first i words above taking the first j words below
    neg = float("-inf")
    best = [[neg] * (m + 1) for _ in range(n + 1)]
    took = [[False] * (m + 1) for _ in range(n + 1)]
    best[0][0] = 0.0
    for i in range(1, n + 1):
        for j in range(0, min(i, m) + 1):
            alone = best[i - 1][j] + header_score(words[i - 1]) if best[i - 1][j] > neg else neg
            joined = best[i - 1][j - 1] + header_score(words[i - 1] + below[j - 1]) + 0.5 \
                if j and best[i - 1][j - 1] > neg else neg
            best[i][j], took[i][j] = (joined, True) if joined > alone else (alone, False)
    if best[n][m] == neg:
        return None
    labels, j = [], m
    for i in range(n, 0, -1):
        if took[i][j]:
            labels.append(words[i - 1] + below[j - 1])
            j -= 1
        else:
            labels.append(words[i - 1])
    labels.reverse()
    kinds = [r.kind if (r := header_role(lb)) else "text" for lb in labels]
    if sum(header_score(lb) >= 2 for lb in labels) < len(labels) - 1 or "units" not in kinds \
            or not {"requirement", "task", "text", "goal"} & set(kinds):
        return None
    return labels


def _glued_header(lines: list[str], i: int, word: str) -> list[str] | None:
    """A header row whose words were glued when it was copied (序号工作任务责任单位完成时限),
    over rows of space-separated cells: its words, three or more, one naming units and one
    a text column; None otherwise (a glued line over one cell per line is the stream's)."""
    if len(word) < 8 or not (glued := split_glued_header(word)) or len(glued) < 3:
        return None
    kinds = {r.kind if (r := header_role(w)) else "text" for w in glued}
    if "units" not in kinds or not kinds & {"requirement", "task", "text"}:
        return None
    below = [ln for ln in lines[i + 1:i + 12] if ln.strip()][:6]
    if len(below) < 2 or sum(len(_words(ln.strip())) >= 3 for ln in below) * 2 < len(below):
        return None
    return list(glued)


def find_header(lines: list[str]) -> tuple[int, list[list[str]]] | None:
    """(line index, candidate header words) of the first line that reads as a
    header of three or more columns, with a units or people column and a text
    column. The candidates are the ways of joining its words into header
    words (主体 责任单位 → 主体责任单位 or two words); the rows decide."""
    layout = current_layout()
    if layout.header_line is not None and 0 < layout.header_line <= len(lines):
        index = layout.header_line - 1
        if re.search(r"[\t|│｜]", lines[index]):
            return None  # cells separated by tabs or pipes: the delimited readers' table
        after = [ln for ln in lines[index + 1:index + 60] if ln.strip()][:30]
        if len(_words(lines[index].strip())) < 2 and \
                sum(len(_words(ln.strip())) >= 2 for ln in after) < 0.5 * len(after):
            return None  # one cell per line: no rows of space-separated cells
        if layout.columns:
            return index, [list(layout.columns)]
        words = [w for w, _ in _words(lines[index].strip())]
        options = _segmentations(words) if words else []
        return (index, [["".join(words[a:b]) for a, b in spans] for _, spans in options]) if options else None
    for i, line in enumerate(lines[:_HEADER_SCAN]):
        if re.search(r"[\t|│｜]", line):
            continue  # cells separated by tabs or pipes: the delimited readers' table
        words = [w for w, _ in _words(line.strip())]
        if len(words) == 1 and (glued := _glued_header(lines, i, words[0])) is not None:
            return i, [glued]
        if i + 1 < len(lines) and not re.search(r"\S {2,}\S", line.strip()) \
                and (wrapped := wrapped_header_line(words, [w for w, _ in _words(lines[i + 1].strip())])):
            # 分管 责任 配合 / 领导 部门 部门: a single-spaced header wrapped over two lines (one
            # spread by runs of spaces is read by position, layoutrows.layout_header)
            return i + 1, [wrapped]
        if len(words) < 3 or len(words) > 30 or sum(header_score(w) >= 2 for w in words) < 2:
            continue
        found: list[tuple[float, list[str]]] = []
        for score, spans in _segmentations(words):
            labels = ["".join(words[a:b]) for a, b in spans]
            if len(labels) < 3 or sum(header_score(lb) >= 2 for lb in labels) < 2:
                continue
            kinds = {r.kind if (r := header_role(lb)) else "text" for lb in labels}
            if not kinds & {"units", "people"} or not kinds & {"requirement", "task", "text"}:
                continue
            found.append(((score - 3.0 * _bare_modifiers(labels)) / len(labels), labels))
        found = [f for f in found if f[0] >= 1.5]
        if found:
            found.sort(key=lambda f: -f[0])
            return i, [labels for _, labels in found[:8]]
    return None


def _lead_columns(labels: list[str]) -> frozenset[int]:
    """The lead units columns of a header (牵头单位, 主办部门)."""
    return frozenset(i for i, lb in enumerate(labels)
                     if (r := header_role(lb)) is not None and r.kind == "units" and r.role == "牵头")


def _bare_modifiers(labels: list[str]) -> int:
    """Role words standing alone right before a units or people header word
    (牵头 领导, 主体 责任单位): fragments of that word, not columns."""
    return sum(1 for a, b in zip(labels, labels[1:]) if a in _MODIFIERS
               and (r := header_role(b)) is not None and r.kind in ("units", "people"))


def _cell_score(kind: str, text: str, pieces: tuple[int, ...], broken: int) -> float:
    """How well ``text`` sits in a column of ``kind``; ``pieces``: the lengths
    of its space-separated parts on one line, ``broken``: line breaks in it."""
    return _kind_score(kind, _text_features(text), pieces, broken)


@functools.lru_cache(maxsize=1 << 15)
def _text_features(text: str) -> tuple[str, bool, tuple[str, ...], bool]:
    """What ``_cell_score`` needs of a text whatever the column: its type, whether it is
    one character (not a number), the types of its lines when it has several, and whether
    it is units whose last name the column cut (镇应急办、镇自然资 / 源所)."""
    flat = clean_text(text.replace("\n", ""))
    ctype = cell_type(flat)
    head, _, last = flat.rpartition("、")
    cut = ctype != "units" and "\n" not in text and bool(head) and opens_name(last) \
        and cell_type(head) == "units"
    return ctype, len(flat) == 1 and ctype != "number", \
        tuple(cell_type(ln) for ln in text.split("\n")) if "\n" in text else (), cut


def _kind_score(kind: str, features: tuple[str, bool, tuple[str, ...], bool], pieces: tuple[int, ...],
                broken: int) -> float:
    ctype, single, lines, cut = features
    s = compat(kind, ctype)
    if cut and kind == "units":
        s = compat(kind, "units") - 1.0  # units, the last name going on on the next line
    if single:
        s -= 2.0  # one character is the end of a wrapped cell, not a cell
    spaced = len(pieces) - 1
    if not broken:
        lines = ()
    if kind == "units":
        # Units of one cell stand on separate lines or are joined by 、, not by a space.
        return s - 1.2 * spaced + sum(0.3 if t == "units" else -1.0 for t in lines[1:])
    # A line that is a list of units belongs to a units cell, not to a text cell.
    s -= 1.5 * sum(1 for t in lines if t == "units")
    if kind == "people" and spaced:
        # Names parted by spaces are two to four characters each (a short title aside): a
        # longer piece is another column's (镇规划建设 吴家明: a units cell's wrapped name).
        s -= 1.0 * sum(1 for n in pieces if n > 4)
    if kind not in ("requirement", "text", "progress", "remark", "task", "goal"):
        return s - 1.5 * (spaced + broken)  # numbers, names, deadlines are not wrapped
    # A cell wrapped by its column's width: every part but the last as long as the others,
    # the last no longer (严守用水 效率控制 红线); parts unlike that were two cells.
    head = pieces[:-1]
    wrapped = not head or (max(head) - min(head) <= 1 and pieces[-1] <= max(head) + 1)
    return s - (0.2 if wrapped else 1.0) * spaced - 0.4 * broken


_TEXT_KINDS = ("requirement", "text", "progress", "remark", "task", "goal")
_SENTENCE_END = ("。", "；", "！", "？")


def _unit_word(word: str) -> bool:
    """A word that reads as a unit's name (cached by ``cell_type``)."""
    return cell_type(word) == "units"


def _join(words: list[tuple[str, int, bool]], kind: str = "") -> str:
    """The text of a cell: its words joined (a line break kept); in a units
    cell, names separated by a space stay separate names (``镇交管站 镇派出所``), also
    where the right one is cut by the column but opens with its place word."""
    out = ""
    for k, (w, _, newline) in enumerate(words):
        if newline and out:
            out += "\n"
        elif k and kind == "units" and _unit_word(words[k - 1][0]) and (_unit_word(w) or opens_name(w)):
            out += "、"  # after a whole name, a name of its own (镇应急办 镇规划建设 / 办: cut by the column)
        out += w
    return out


def align_row(kinds: list[str], words: list[tuple[str, int, bool]], spaced_empties: bool = True,
              known: list[set[str]] | None = None, first: int = 0,
              leads: frozenset[int] = frozenset()) -> tuple[float, list[str]]:
    """The cells of one row: the words (text, spaces before, on a new line)
    assigned to the columns in order. ``spaced_empties``: extra spaces stand
    for empty cells (not where the text aligns its columns with spaces).
    ``known``: values each column holds in other rows (a value found again
    in its column is more likely that column's). ``first``: the columns
    before it are merged with the row above. ``leads``: lead units columns,
    which name fewer units than a cooperating column (one lead, many helpers)."""
    n, m = len(kinds), len(words)
    if 0 < m <= n - first and not any(w[2] for w in words) and (not spaced_empties or all(w[1] <= 1 for w in words)):
        # One word per column, the columns before them merged: the common row needs no
        # search when every word fits its column clearly.
        fits = []
        for at in range(first, n - m + 1):
            scores = [_cell_score(kinds[at + k], w[0], (len(w[0]),), 0) for k, w in enumerate(words)]
            if min(scores) >= (0.0 if m == n - first else 1.5):
                fits.append((sum(scores) - 0.8 * (at - first), at))
        if len(fits) == 1 or fits and m == n - first:
            score, at = max(fits)
            return score, [""] * at + [w[0] for w in words] + [""] * (n - at - m)
    neg = float("-inf")
    unit = [_unit_word(w) for w, _, _ in words]
    # best[i][c]: words[:i] placed, the last cell in column c-1 (c = 0: nothing placed)
    best = [[neg] * (n + 1) for _ in range(m + 1)]
    back: list[list[tuple[int, int]]] = [[(-1, -1)] * (n + 1) for _ in range(m + 1)]
    best[0][first] = 0.0
    # The cells words[i:j+1] can make in a column do not depend on the column before them:
    # scored once per (first word, column), not once per way of reaching it.
    spans: dict[tuple[int, int], list[tuple[int, float, bool, float | None, bool]]] = {}
    seen: dict[str, tuple[str, bool, tuple[str, ...]]] = {}  # a text's features, for every column

    def cells_from(i: int, col: int) -> list[tuple[int, float, bool, float | None, bool]]:
        """(last word, cell score, a sentence's end before a unit, lead penalty, a known
        value) of each cell of column ``col`` that opens with word ``i``."""
        out = []
        broken = 0
        pieces: tuple[int, ...] = ()
        text = ""
        kind = kinds[col]
        for j in range(i, min(m, i + _MAX_CELL_WORDS)):
            if j > i and words[j][2]:
                broken += 1
                pieces = ()
            pieces += (len(words[j][0]),)
            # The cell's text as _join gives it, built word by word.
            if j > i and words[j][2]:
                text += "\n"
            elif j > i and kind == "units" and unit[j - 1] and (unit[j] or opens_name(words[j][0])):
                text += "、"
            text += words[j][0]
            # …施划。 区住建局: a text ends with its sentence, a unit is the next cell
            ended = j > i and not words[j][2] and kind in _TEXT_KINDS \
                and words[j - 1][0].endswith(_SENTENCE_END) and unit[j]
            features = seen.get(text)
            if features is None:
                features = seen[text] = _text_features(text)
            out.append((j, _kind_score(kind, features, pieces, broken), ended,
                        0.6 * (len(pieces) - 1) if col in leads else None,
                        known is not None and text in known[col]))
        return out

    for i in range(m):
        for c in range(n + 1):
            base = best[i][c]
            if base == neg:
                continue
            gap = words[i][1]
            for col in range(c, n):
                skipped = col - c
                # Extra spaces stand for the empty cells between (2 spaces: one empty cell).
                hint = max(0, gap - 1) if i and spaced_empties and not words[i][2] else 0
                s_skip = -0.8 * skipped + 1.0 * min(skipped, hint) - 1.5 * abs(hint - skipped)
                if i and len(words[i][0]) == 1 and not words[i][2] and not words[i][0].isdigit():
                    s_skip -= 1.5  # a cell does not open with the last character of a wrapped one
                cells = spans.get((i, col))
                if cells is None:
                    cells = spans[(i, col)] = cells_from(i, col)
                for j, cell, ended, lead, again in cells:
                    score = base + s_skip + cell
                    if ended:
                        score -= 2.0
                    if lead is not None:
                        score -= lead
                    if again:
                        score += 1.0
                    if score > best[j + 1][col + 1]:
                        best[j + 1][col + 1] = score
                        back[j + 1][col + 1] = (i, c)
    end_col = max(range(n + 1), key=lambda c: best[m][c] - 0.2 * (n - c))
    return best[m][end_col], _cells(words, back, n, m, end_col, kinds)


def _cells(words: list[tuple[str, int, bool]], back: list[list[tuple[int, int]]], n: int, m: int,
           end_col: int, kinds: list[str]) -> list[str]:
    cells = [""] * n
    i, c = m, end_col
    while i > 0:
        pi, pc = back[i][c]
        cells[c - 1] = _join(words[pi:i], kinds[c - 1])
        i, c = pi, pc
    return cells


# Without a header row: numbered rows read by what their cells hold.
_GUESSED = ("序号", "任务", "具体要求", "责任单位", "完成时限")


def _headerless(lines: list[str]) -> tuple[int, list[list[str]]] | None:
    """Rows that open with a number and end with a units cell, and no header
    line above them: the columns are guessed from the cells (序号 任务 具体要求
    责任单位 完成时限, any of them empty). The header index is the line before
    the first such row."""
    rows = [i for i, ln in enumerate(lines)
            if not re.search(r"[\t|│｜]", ln) and len(words := _words(ln.strip())) >= 3
            and NUMBER_ONLY.match(words[0][0])
            and (looks_like_units_cell(words[-1][0]) or looks_like_units_cell(words[-2][0]))]
    if len(rows) < 2 or current_layout():
        return None
    return rows[0] - 1, [list(_GUESSED)]


def _ends_a_row(words: list[tuple[str, int]], kinds: list[str]) -> bool:
    """Whether a line opening with text holds the rest of a row: text, then the units (and
    a deadline) that close the table's rows, the units column being the last but the
    deadline. A line of a cell wrapped over lines does not end so."""
    tail = [k for k in kinds if k not in ("deadline", "remark", "progress")]
    if len(words) < 2 or not tail or tail[-1] != "units":
        return False
    k = len(words) - 1
    if cell_type(words[k][0]) == "deadline" and "deadline" in kinds:
        k -= 1
    last = words[k][0] if k >= 1 else ""
    if not (last and looks_like_units_cell(last) and cell_type(last) == "units"):
        return False
    # Text before the units: a piece of wrapped text may end like a unit (…持续开展部, …的办),
    # so any piece that reads as text or holds sentence punctuation will do; a line of a units
    # cell wrapped over lines holds only units.
    return any(cell_type(w) in ("title", "sentence") or re.search(r"[，。；！？]", w)
               or len(w) >= 12 and not looks_like_unit(w) for w, _ in words[:k])


HEADING_ROW = -1  # the first column of a row that is a numbered heading spanning the table


def _sub_header(lines: list[str], index: int, labels: list[str]) -> tuple[int, list[str]] | None:
    """A second header row under a header word that spans several columns:
    (its line, the header words with the spanning one replaced). The line is the
    next one, all header words (牵头部门 配合部门, 责任单位 责任人), and exactly one
    header word above is of a kind among theirs (责任部门, 责任主体): the one the
    row splits."""
    j = index + 1
    while j < len(lines) and not lines[j].strip():
        j += 1
    if j >= len(lines) or re.search(r"[\t|│｜]", lines[j]):
        return None
    words = [w for w, _ in _words(lines[j].strip())]
    if not 2 <= len(words) < len(labels) + 3 or NUMBER_ONLY.match(words[0]):
        return None
    for _, spans in _segmentations(words)[:6]:
        sub = ["".join(words[a:b]) for a, b in spans]
        if len(sub) < 2 or any(header_score(w) < 2 for w in sub):
            continue
        sub_kinds = {r.kind for w in sub if (r := header_role(w))} - {"text"}
        parents = [i for i, lb in enumerate(labels) if (r := header_role(lb)) and r.kind in sub_kinds]
        if len(parents) == 1 and labels[parents[0]] not in sub:
            p = parents[0]
            return j, labels[:p] + sub + labels[p + 1:]
    return None


def _header_key(line: str) -> str:
    return re.sub(r"\s+", "", line)


# A signature's date of issue closing the table: …2025年1月15日印发, …2025年1月15日.
_ISSUED = re.compile(r"(?:20\d{2}|[〇零一二三四五六七八九]{4})\s*年\s*[\d一二三四五六七八九十]{1,3}\s*月"
                     r"\s*[\d一二三四五六七八九十]{1,3}\s*日\s*(?:印发|发布|制|印)?\s*$")
# 注：各责任单位排在第一位的…: the table's note under its last row (the grid skips such rows).
_TABLE_NOTE = re.compile(r"^\s*[（(]?\s*(?:注|备注|说明)\s*\d*\s*[：:]")


def _rows(lines: list[str], index: int, kinds: list[str], start: int | None = None,
          repeated: frozenset[str] = frozenset(), numbered_only: bool = False
          ) -> tuple[list[tuple[int, list[tuple[str, int, bool]]]], list[int], list[tuple[int, str]]]:
    """The rows under the header: ((first column, words) of each row, first
    line of each, lines before the first row). With a 序号 column a row starts
    at a line with a number in front; a line opening with a sentence is a row
    of its own under the merged cells on its left (from the requirement column
    on); any other line goes on with the row above (a cell of several lines).
    Without a 序号 column every line is a row. Rows start at ``start`` (the
    line after the header); page furniture is skipped: a page number
    (``第 3 页 共 8 页``, ``— 3 —``), the header lines repeated on the next page
    (``repeated``) and a running title between them. After a blank line, a line that
    ends with a date of issue (a signature: ``集团办公室 2025年1月15日印发``) ends the
    table, and so does the table's note (``注：…``); it and the lines below are skipped
    (noted)."""
    number_at = kinds.index("number") if "number" in kinds else None
    text_at = next((i for i, k in enumerate(kinds) if k in ("requirement", "text")), 0)
    rows: list[tuple[int, list[tuple[str, int, bool]]]] = []
    row_lines: list[int] = []
    skipped: list[tuple[int, str]] = []
    start = index + 1 if start is None else start
    furniture = page_breaks(lines, start, repeated)
    blank = False
    for i in range(start, len(lines)):
        words = _spaced_names(_words(lines[i].strip()))
        if not words:
            blank = True
            continue
        if rows and (blank and _ISSUED.search(lines[i]) and not any(NUMBER_ONLY.match(w) for w, _ in words[:1])
                     or _TABLE_NOTE.match(lines[i])):
            # 集团办公室 2025年1月15日印发 after a blank line, or the table's note (注：…): the table
            # has ended (a note, a signature, page chrome)
            skipped.extend((k + 1, lines[k].strip()) for k in range(i, len(lines)) if lines[k].strip())
            break
        blank = False
        if rows and i in furniture:
            skipped.append((i + 1, lines[i].strip()))
            continue
        if rows or number_at is not None:
            line = clean_text(lines[i])
            if cell_type(line) == "heading" and not NUMBER_ONLY.match(words[0][0]):
                # 一、全面推进乡村振兴 alone on its line: a row spanning the table (a goal row).
                rows.append((HEADING_ROW, [(line, 0, False)]))
                row_lines.append(i + 1)
                continue
        first = 0
        if number_at is None:
            starts = True
        else:
            starts = any(NUMBER_ONLY.match(w) for w, _ in words[:number_at + 1])
            if not starts and rows and not numbered_only \
                    and (cell_type(words[0][0]) == "sentence" or _ends_a_row(words, kinds)):
                starts, first = True, text_at
        if starts:
            rows.append((first, []))
            row_lines.append(i + 1)
        elif not rows:
            skipped.append((i + 1, lines[i].strip()))
            continue
        if len(rows[-1][1]) < _MAX_ROW_WORDS:
            rows[-1][1].extend((w, gap, k == 0 and not starts) for k, (w, gap) in enumerate(words))
    return rows, row_lines, skipped


def read_space_rows(text: str, name: str, fixer: Fixer | None = None) -> tuple[list[Event], SourceMeta] | None:
    """Read a table whose rows are lines of space-separated cells; None when
    no header line is found."""
    lines = text.split("\n")
    found = find_header(lines) or _headerless(lines)
    if found is None:
        return None
    index, candidates = found
    # Header words cut by a narrow cell (序 / 号) are no words of their own until the lines
    # under them are put back: the line's words as they stand are a candidate too.
    raw = [w for w, _ in _words(lines[index].strip())]
    if raw not in candidates and wrapped_header(raw, [[w for w, _ in _words(ln.strip())]
                                                      for ln in lines[index + 1:index + 4]], header_score):
        candidates = candidates + [raw]
    # Where the header itself is spread with runs of spaces, spaces align columns and
    # say nothing of empty cells.
    spaced_empties = not re.search(r"\S {2,}\S", lines[index].strip())
    if not spaced_empties:
        # A header spread with runs of spaces over a body aligned under it: PDF text with
        # its layout kept, columns read by position (readers/layoutrows.py).
        wrapped = layout_header(lines, index)
        for labels in ([wrapped[0]] if wrapped else candidates):
            start, repeated = index + 1, frozenset({_header_key(lines[index])})
            if wrapped:
                start = wrapped[1]
                repeated |= {_header_key(lines[i]) for i in range(index + 1, start)}
            elif (sub := _sub_header(lines, index, labels)) is not None:
                start, labels = sub[0] + 1, sub[1]
                repeated |= {_header_key(lines[sub[0]])}
            if (found_columns := layout_columns(lines, index, labels, start, repeated)) is not None:
                kinds = [r.kind if (r := header_role(lb)) else "text" for lb in labels]
                cells, row_lines, skipped, headings = layout_rows(lines, kinds, start, repeated, *found_columns)
                if cells:
                    firsts = [HEADING_ROW if k in headings else 0 for k in range(len(cells))]
                    return _emit(lines, index, name, fixer, labels, firsts, cells, row_lines,
                                 skipped + [(i + 1, lines[i].strip()) for i in range(index + 1, start)
                                            if lines[i].strip()])
    best: tuple | None = None
    for labels in candidates:
        start, repeated = index + 1, frozenset({_header_key(lines[index])})
        if (sub := _sub_header(lines, index, labels)) is not None:
            start, labels = sub[0] + 1, sub[1]
            repeated |= {_header_key(lines[sub[0]])}
        elif (joined := wrapped_header(labels, [[w for w, _ in _words(ln.strip())] for ln in lines[index + 1:index + 4]],
                                       header_score)) is not None:
            # Narrow header cells wrapped over the next lines (序 / 号): readers/wrappedrows.py.
            start, labels = index + 1 + joined[1], joined[0]
            repeated |= {_header_key(ln) for ln in lines[index + 1:start]}
        kinds = [r.kind if (r := header_role(lb)) else "text" for lb in labels]
        rows, row_lines, row_skipped = _rows(lines, index, kinds, start, repeated)
        if not rows:
            continue
        sample = [(f, r) for f, r in rows[:_SAMPLE] if f != HEADING_ROW]
        leads = _lead_columns(labels)
        aligned = [align_row(kinds, r, spaced_empties, first=f, leads=leads) for f, r in sample]
        cut = row_lines[_SAMPLE] - 1 if len(row_lines) > _SAMPLE else len(lines)  # the sample's lines
        if (side := _side_by_side(lines[:cut], index, kinds, start, repeated, spaced_empties, leads,
                                  limit=_SAMPLE)) is not None:
            # Rows read so, numbered 1, 2, 3 … in order: the count is evidence for the reading.
            numbers = [row[kinds.index("number")] for (f, _), row in zip(side[0], side[2]) if f == 0]
            counted = 3.0 if numbers == [str(k) for k in range(1, len(numbers) + 1)] else 0.0
            side_aligned = [(counted + sum(_cell_score(k, t, (len(t),), 0) for k, t in zip(kinds, row) if t), row)
                            for (f, _), row in zip(side[0][:_SAMPLE], side[2]) if f != HEADING_ROW]
            # The two readings of these header words compete (the count aside): side by side only
            # where its cells read better.
            if sum(a for a, _ in side_aligned) - counted * len(side_aligned) > sum(a for a, _ in aligned):
                aligned = side_aligned
            else:
                side = None
        empty_cols = sum(1 for c in range(len(kinds)) if not any(cells[c] for _, cells in aligned))
        score = sum(header_score(lb) for lb in labels) + sum(a for a, _ in aligned) \
            - empty_cols * (1.5 + 0.5 * len(sample)) - 6.0 * _bare_modifiers(labels)
        if best is None or score > best[0]:
            best = (score, labels, rows, row_lines, start, repeated, side is not None, row_skipped)
    if best is None:
        return None
    _, labels, rows, row_lines, start, repeated, sampled_side, skipped = best
    kinds = [r.kind if (r := header_role(lb)) else "text" for lb in labels]
    skipped = list(skipped)
    skipped += [(i + 1, lines[i].strip()) for i in range(index + 1, start) if lines[i].strip()]
    leads = _lead_columns(labels)
    cells = [[r[0][0]] + [""] * (len(kinds) - 1) if f == HEADING_ROW
             else align_row(kinds, r, spaced_empties, first=f, leads=leads)[1] for f, r in rows]
    # A row of several lines is ambiguous where a line break ends one cell or goes on in
    # it: aligned again, knowing the values each column holds in the other rows.
    counts: list[dict[str, int]] = [{} for _ in kinds]
    for row in cells:
        for c, t in enumerate(row):
            if t and "\n" not in t:
                counts[c][t] = counts[c].get(t, 0) + 1
    known = [{t for t, k in col.items() if k >= 2} for col in counts]
    for i, (f, r) in enumerate(rows):
        if f != HEADING_ROW and any(w[2] for w in r):
            cells[i] = align_row(kinds, r, spaced_empties, known, f, leads)[1]
    if sampled_side and (side := _side_by_side(lines, index, kinds, start, repeated, spaced_empties, leads,
                                               known)) is not None:
        rows, row_lines, cells = side
    return _emit(lines, index, name, fixer, labels, [f for f, _ in rows], cells, row_lines, skipped)


def _side_by_side(lines: list[str], index: int, kinds: list[str], start: int, repeated: frozenset[str],
                  spaced_empties: bool, leads: frozenset[int], known: list[set[str]] | None = None,
                  limit: int | None = None) -> tuple[list, list[int], list[list[str]]] | None:
    """(rows as (first column, words), their first lines, their cells) where the cells wrap
    side by side (a PDF read line by line across the page): rows from one number to the
    next, read so when every row of several lines reads so (readers/wrappedrows.py)."""
    if "number" not in kinds:
        return None
    rows, row_lines, _ = _rows(lines, index, kinds, start, repeated, numbered_only=True)
    if not any(w[2] for _, words in rows for w in words):
        return None  # every row on one line: nothing wrapped
    rows, row_lines = rows[:limit], row_lines[:limit]  # a sample, while header readings compete
    wrapped = read_wrapped(kinds, rows, lambda ws, f: align_row(kinds, list(ws), spaced_empties, known,
                                                                f, leads)[1], HEADING_ROW)
    if any(w is None for w, (f, _) in zip(wrapped, rows) if f != HEADING_ROW) \
            or not any(len(r) > 1 or any(x[2] for x in words) for r, (_, words) in zip(wrapped, rows) if r):
        return None
    out_rows, out_lines, cells = [], [], []
    for subs, (f, words), line in zip(wrapped, rows, row_lines):
        if subs is None:  # a heading row
            out_rows.append((f, words))
            out_lines.append(line)
            cells.append([words[0][0]] + [""] * (len(kinds) - 1))
            continue
        for first, row_cells, at in subs:
            out_rows.append((first, words))
            out_lines.append(_line_of(lines, line, at))
            cells.append(row_cells)
    return out_rows, out_lines, cells


def _line_of(lines: list[str], row_line: int, at: int) -> int:
    """The line number (from 1) of a row's ``at``-th text line, the row starting at ``row_line``."""
    i = row_line - 1
    for _ in range(at):
        i += 1
        while i < len(lines) - 1 and not lines[i].strip():
            i += 1
    return min(i, len(lines) - 1) + 1


def _emit(lines: list[str], index: int, name: str, fixer: Fixer | None, labels: list[str], firsts: list[int],
          cells: list[list[str]], row_lines: list[int], skipped: list[tuple[int, str]]
          ) -> tuple[list[Event], SourceMeta]:
    """The rows read (their cells; ``firsts``: the first column of each row, the
    columns before it merged with the row above) through ``GridReader``."""
    roles = [header_role(lb) for lb in labels]
    kinds = [r.kind if r else "text" for r in roles]
    reader = GridReader(name, fixer)
    for i, raw in enumerate(lines[:index], start=1):
        if raw.strip():
            reader.titles.append(clean_text(raw))
            reader.skipped.append((i, raw.strip()))
    reader.skipped.extend(skipped)
    columns_text = [[row[c] for row in cells] for c in range(len(kinds))]
    kinds, decided = resolve_text_columns(kinds, columns_text, labels)
    columns = [Column("other", lb) if k in OTHER_KINDS else Column(k, lb, r.role if r else "")
               for lb, k, r in zip(labels, kinds, roles)]
    grid: list[list[Cell]] = []
    for first, row in zip(firsts, cells):
        if first == HEADING_ROW:
            grid.append([Cell(row[0])] + [Cell(row[0], from_left=True)] * (len(kinds) - 1))
            continue
        out = []
        # A row with a number of its own under an empty title cell keeps its number: the title
        # (a cell merged over numbered rows) is carried onto it by the grid, not merged with the row above.
        numbered = any(t and kinds[c] == "number" for c, t in enumerate(row))
        for c, t in enumerate(row):
            if not t and grid and (c < first or kinds[c] in ("goal", "task") and not numbered):
                out.append(Cell(grid[-1][c].text, from_above=True))  # merged with the row above
            else:
                out.append(Cell(t))
        grid.append(out)
    header_line = index + 1
    header_text = " | ".join(labels)
    if labels == list(_GUESSED) and find_header(lines) is None:
        reader.review.append((L.REVIEW_STRUCTURE, L.NOTE_NO_HEADER_GUESSED, header_line + 1, ""))
    for i in decided:
        reader.review.append((L.REVIEW_STRUCTURE, L.NOTE_COLUMN_BY_CONTENT.format(
            header=labels[i], meaning=L.HEADER_ALIASES[kinds[i]][0]), header_line, header_text))
    reader.add_rows(columns, grid, row_lines, header=labels, header_line=header_line, merges_lost=True)
    return reader.result()
