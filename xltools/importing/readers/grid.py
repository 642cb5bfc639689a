"""A table as a grid of cells (from Word, Excel, a web page, a csv or a
pipe/tab-separated dump) → rows for the builder.

Column meaning comes from the header words (``labels.HEADER_ALIASES``),
never from positions. The reader copes with: title rows above the header,
headers spanning two rows, header rows repeated after page breaks, merged
cells (a cell continued from above means "same as above"), full-width rows
inside the table (section headings → goals), rows of a text dump shifted
left under a merged cell, an unlabelled 序号 column, people columns
(责任领导 …) kept as remarks, and a table split over several tables.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from xltools import labels as L
from xltools.importing.readers.cleanup import Fixer
from xltools.importing.readers.layout import current_layout
from xltools.importing.readers.prose import (choose_title, split_labelled, split_units_deadline,
                                             unit_pairs, year_of)
from xltools.importing.readers.rows import Event, RawRow, SourceMeta
from xltools.importing.readers.columns import ROW_CODE, modifier_role, names_its_role, oversees
from xltools.importing.readers.merged import carried_note, merged_gap
from xltools.text import clean_text, strip_trailing_punct
from xltools.importing.units import join_spaced_units, listed_name, looks_like_unit, looks_like_units_cell, parse_clause


@dataclass(frozen=True)
class Cell:
    """One cell of a grid. A merged cell appears in every grid position it
    covers: the top-left one plain, the others flagged."""

    text: str = ""
    from_above: bool = False  # continues a vertical merge
    from_left: bool = False  # continues a horizontal merge


@dataclass(frozen=True)
class Column:
    kind: str  # number, goal, task, requirement, units, deadline, people, remark, other
    header: str = ""
    role: str = ""  # the role word when the header names one (e.g. 牵头)


_CN = L.CN_NUMERALS
NUMBER_ONLY = re.compile(rf"^(?:[（(]?\s*(\d{{1,4}}|[{_CN}]{{1,4}})\s*[)）]?\s*[、.．]?|{ROW_CODE})$")
# A numbering prefix: 一、 （一） 1. 1、 （1） ① 第一条.
NUMBER_PREFIX = re.compile(
    rf"^\s*(?:第([{_CN}]+)[条项]\s*"
    rf"|([{_CN}]+)\s*[、.．]\s*"
    rf"|[（(]\s*([{_CN}]+)\s*[)）]\s*[、.．]?\s*"
    r"|(\d{1,4})\s*(?:[、．]|\.(?!\d))\s*"
    r"|[（(]\s*(\d{1,4})\s*[)）]\s*[、.．]?\s*"
    r"|([①-⑳]))")
# A page footer copied into a dump (第 1 页 共 3 页, 第2页/共5页): no row of the table.
_PAGE_FOOTER = re.compile(r"^[-—–\s]*第\s*\d{1,4}\s*页\s*[/／,，]?\s*(?:共\s*\d{1,4}\s*页)?[-—–\s]*$")
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_HEADER_KINDS = tuple(L.HEADER_ALIASES)
# Role words standing alone under a spanning units header.
_ROLE_WORDS = {**{w: L.ROLE_LEAD for w in L.LEAD_WORDS}, **{w: L.ROLE_ASSIST for w in L.ASSIST_WORDS},
               L.ROLE_RESPONSIBLE: L.ROLE_RESPONSIBLE, "负责": L.ROLE_RESPONSIBLE}


def split_number(text: str) -> tuple[str | None, str]:
    """``一、做好…`` → (``一``, ``做好…``); (None, text) without a numbering prefix."""
    m = NUMBER_PREFIX.match(text)
    if not m or m.end() >= len(text.rstrip()):
        return None, text
    groups = [g for g in m.groups() if g]
    number = groups[0]
    if number in _CIRCLED:
        number = str(_CIRCLED.index(number) + 1)
    return number, text[m.end():].strip()


def _squeeze(text: str) -> str:
    """A header cell without spaces, footnote stars and a trailing colon."""
    return re.sub(r"[\s*＊]", "", clean_text(text)).rstrip(":：")


@functools.lru_cache(maxsize=1 << 14)
def header_kind(text: str) -> tuple[str, str, bool] | None:
    """The meaning of a header cell: (kind, alias matched, exact) or None.
    An alias written exactly wins; then the head noun at the end of the word
    (牵头组织实施单位 → units, 攻坚目标任务 → requirement: Chinese compounds end
    in what they name); then an alias contained in a short word."""
    from xltools.importing.readers.columns import header_role

    t = _squeeze(text)
    if not t:
        return None
    for kind in _HEADER_KINDS:
        if t in L.HEADER_ALIASES[kind]:
            return kind, t, True
    r = header_role(t)
    if r is not None and r.problem:
        return "requirement", t, False  # 存在问题: the requirement of a 整改清单 (GridReader._columns)
    if r is not None and r.kind in L.HEADER_ALIASES and not r.exact:
        return r.kind, t, False
    best: tuple[int, str, str] | None = None
    for kind in _HEADER_KINDS:
        for alias in L.HEADER_ALIASES[kind]:
            if len(alias) >= 2 and alias in t and len(t) <= len(alias) + 8:
                if best is None or len(alias) > best[0]:
                    best = (len(alias), kind, alias)
    if best is None:
        return None
    return best[1], best[2], False


def joined_header(upper: Sequence[str], lower: Sequence[str]) -> list[str] | None:
    """A header written over two rows, each word split in two (具体 / 要求):
    the joined words when they make a header row and the upper row alone
    does not."""
    if len(upper) != len(lower) or _is_header_row(list(upper)):
        return None
    words = [clean_text(a) + clean_text(b) for a, b in zip(upper, lower)]
    if any(len(w) > 16 for w in words) or not _is_header_row(words):
        return None
    return words


def _is_header_row(texts: list[str], strict: bool = False) -> bool:
    """Whether a row names the columns: two or more header words (at least
    two written exactly), a task or requirement word among them. ``strict``
    (a header repeated inside the data): every filled cell is a header word."""
    found = [k for t in texts if (k := header_kind(t))]
    exact = sum(1 for k in found if k[2])
    distinct = {k[0] for k in found}
    if strict and len(found) < sum(1 for t in texts if clean_text(t)):
        return False
    enough = exact >= min(2, len(found)) or (len(found) >= 3 and exact >= 1)
    return (len(found) >= 2 and enough and bool(distinct & {"requirement", "task"})
            and len(distinct) >= 2)


def _number_like(text: str) -> bool:
    return bool(NUMBER_ONLY.match(clean_text(text)))


@dataclass
class _State:
    columns: list[Column] = field(default_factory=list)
    delimited: bool = False
    merges_lost: bool = False  # rebuilt from text (a stream, space rows): merged cells left out
    prev_number: str | None = None
    prev_task: str | None = None
    prev_goal: str | None = None
    pending_goal: tuple[str, int | None, str] | None = None
    pending_note: str = ""
    section_goal: str | None = None
    pending_task: tuple[str | None, str] | None = None


class GridReader:
    """Reads one document's tables in order; ``add_heading`` feeds the text
    between tables (a heading there names the goal of the rows below)."""

    def __init__(self, name: str, fixer: Fixer | None = None) -> None:
        self.name = name
        self.fixer = fixer
        self.events: list[Event] = []
        self.review: list[tuple[str, str, int | None, str]] = []
        self.skipped: list[tuple[int, str]] = []
        self.titles: list[str] = []
        self.state = _State()
        self.tables = 0
        self.headers: list[str] = []
        self.source_columns: tuple[str, ...] = ()

    # ------------------------------------------------------------ input
    def add_text(self, text: str, line: int | None = None) -> None:
        """A paragraph outside any table: before the first table a title
        candidate, after it a heading naming the next rows' goal."""
        text = clean_text(self.fixer.fix(text) if self.fixer else text)
        if not text:
            return
        if not self.state.columns:
            self.titles.append(text)
            return
        if any(text.startswith(w) for w in L.PAGE_CHROME) or _only_chrome(text):
            return  # page chrome of a saved web page
        number, rest = split_number(text)
        short = len(text) <= 40 and not re.search(r"[。；;]", text.rstrip("。"))
        if short and not re.match(r"^(?:注|备注|说明|附件)", text):
            label = strip_trailing_punct(rest)
            self.state.pending_goal = (label, line, text)
            self.state.pending_note = L.NOTE_HEADING_GOAL.format(text=label)
        else:
            self.skipped.append((line or 0, text))

    def add_table(self, rows: Sequence[Sequence[Cell | str]], lines: Sequence[int | None] | None = None,
                  *, delimited: bool = False, continuation: bool = False) -> bool:
        """Read one table. Returns False when it has no header and does not
        continue the previous table (e.g. a layout table)."""
        grid = [[c if isinstance(c, Cell) else Cell(str(c or "")) for c in row] for row in rows]
        line_of = list(lines) if lines is not None else list(range(1, len(grid) + 1))
        if self.fixer:
            fixed = []
            for row, ln in zip(grid, line_of):
                texts = [c.text for c in row]
                new = self.fixer.fix_unit(texts, ln, " | ".join(t.strip() for t in texts if t.strip()))
                fixed.append([Cell(t, c.from_above, c.from_left) for t, c in zip(new, row)])
            grid = fixed
        self.tables += 1
        for i in range(min(25, len(grid) - 1)):
            words = joined_header([c.text for c in grid[i]], [c.text for c in grid[i + 1]])
            if words is not None:
                self.review.append((L.REVIEW_STRUCTURE, L.NOTE_HEADER_WRAPPED.format(words="、".join(words)),
                                    line_of[i], ""))
                grid = grid[:i] + [[Cell(w) for w in words]] + grid[i + 2:]
                line_of = line_of[:i + 1] + line_of[i + 2:]
                break
            if _is_header_row([c.text for c in grid[i]]):
                break
        layout = current_layout()
        if layout.header_line is not None:
            # The person said where the header is (a source line, or a row of the sheet).
            header_at = next((i for i, ln in enumerate(line_of) if ln == layout.header_line), None)
        else:
            header_at = next((i for i, row in enumerate(grid[:25])
                              if _is_header_row([c.text for c in row])), None)
        if header_at is None and layout.columns and self.tables == 1:
            return self._forced(grid, line_of, 0, layout.columns, delimited)
        if header_at is not None and layout.columns:
            for row in grid[:header_at]:
                self.titles.append(" ".join(dict.fromkeys(clean_text(c.text) for c in row if clean_text(c.text))))
            return self._forced(grid, line_of, header_at + 1, layout.columns, delimited)
        st = self.state
        if header_at is None:
            # Its own width, or with the empty columns at its end left out (a 完成时限 column
            # nobody filled in this table).
            width = max((len(r) for r in grid), default=0)
            used = max((len(_trim(r)) for r in grid), default=0)
            if continuation and st.columns and len(st.columns) in (width, used):
                self.review.append((L.REVIEW_STRUCTURE, L.NOTE_TABLE_CONTINUED.format(n=self.tables),
                                    line_of[0] if line_of else None, ""))
                self._rows(grid, line_of, 0)
                return True
            if continuation and st.columns and any(clean_text(c.text) for r in grid for c in r):
                # Never silently: a table after the task table that is not read is named.
                first = next(" | ".join(t for c in r if (t := clean_text(c.text))) for r in grid
                             if any(clean_text(c.text) for c in r))
                self.review.append((L.REVIEW_SKIPPED, L.NOTE_TABLE_DROPPED.format(n=self.tables, rows=len(grid)),
                                    line_of[0] if line_of else None, first))
            return False
        for row in grid[:header_at]:
            texts = list(dict.fromkeys(clean_text(c.text) for c in row if clean_text(c.text)))
            if texts:
                self.titles.append(" ".join(texts))
        st.delimited = delimited
        if not self.events and self.titles and not st.pending_goal:
            # A numbered heading right above the first table (一、…) names its goal.
            number, rest = split_number(self.titles[-1])
            if number is not None and _heading_like(self.titles[-1]):
                label = strip_trailing_punct(rest)
                st.pending_goal = (label, None, self.titles.pop())
                st.pending_note = L.NOTE_HEADING_GOAL.format(text=label)
        first_data = self._columns(grid, header_at, line_of)
        self._record_columns()
        self._title_goal()
        self._rows(grid, line_of, first_data)
        return True

    def _title_goal(self) -> None:
        """A table under its list title (…问题汇总表, …项目清单) whose only
        grouping column was taken for the goal by its cells alone (路段名称 |
        问题描述): that column is the task, the title the goal of its rows."""
        from xltools.importing.readers.columns import header_role

        st = self.state
        goals = [i for i, c in enumerate(st.columns) if c.kind == "goal"]
        # A goal column named so, or one over a task column, stays the goal; a column of
        # short titles taken for the goal by its cells alone is the task under the title.
        # Only then: a goalless table under a title keeps no goal, so that export and
        # import again give the same plan.
        if self.events or st.pending_goal or not self.titles:
            return
        if goals:
            if any(c.kind == "task" for c in st.columns) or \
                    (r := header_role(st.columns[goals[0]].header)) is not None and r.kind == "goal":
                return
            # The title line, above any labelled lines under it (督查领导：… 督查时间：…).
            # 附件：…汇总表 names the attachment's title.
            lines = [_ATTACHMENT_LABEL.sub("", t) for t in self.titles[-3:]]
            line = next((t for t in reversed(lines) if not re.search(r"[：:]", t)), "")
        else:
            # No goal level at all: the table's own title (a list title on the row or
            # line right above its header) names the goal of its rows — when the
            # document has a title of its own above it (an attachment's list under a
            # notice). A table whose title is the document's title is the whole plan:
            # that title is the plan's, not a goal (export and import again give the
            # same plan).
            line = _ATTACHMENT_LABEL.sub("", self.titles[-1])
            if _ATTACHMENT_LABEL.sub("", choose_title(self.titles)) == line:
                return
        title = strip_trailing_punct(line.strip(" |"))
        if len(title) <= 40 and _LIST_TITLE.search(title) and split_number(title)[0] is None \
                and not re.search(r"[，,。；;]", title):
            if goals:
                st.columns[goals[0]] = Column("task", st.columns[goals[0]].header)
            st.pending_goal = (title, None, line)
            st.pending_note = L.NOTE_HEADING_GOAL.format(text=title)

    def _kept_note(self, header: str) -> str:
        """The note for a column kept as remarks: in a 整改清单 (the requirement column a
        problem column) a measure or target column is the problem's detail."""
        from xltools.importing.readers.columns import DETAIL_KINDS, header_role, is_problem_header

        problem = next((c.header for c in self.state.columns
                        if c.kind == "requirement" and is_problem_header(c.header)), None)
        if problem and (r := header_role(header)) is not None and r.kind in DETAIL_KINDS:
            return L.NOTE_PROBLEM_DETAIL.format(problem=problem, header=header)
        return L.NOTE_COLUMN_KEPT.format(header=header)

    def _record_columns(self) -> None:
        """The original's columns (原表列) from its first table, for export: each header
        as written; a column whose meaning came from its cells under that meaning's
        usual name; columns that are neither a header word nor read are left out."""
        from xltools.importing.readers.columns import header_role

        if self.source_columns or not self.state.columns:
            return
        out = []
        for c in self.state.columns:
            role = header_role(c.header) if c.header else None
            # A 整改清单's problem column (存在问题) is the requirement's, as written.
            problem = role is not None and role.problem and c.kind == "requirement"
            if problem or role is not None and role.kind not in ("text",) and (role.kind == c.kind or c.kind == "other"):
                out.append(c.header)
            elif c.kind != "other":
                out.append(L.HEADER_ALIASES[c.kind][0])
        self.source_columns = tuple(out)

    def add_rows(self, columns: list[Column], grid: Sequence[Sequence[Cell]], lines: Sequence[int | None],
                 *, header: Sequence[str] = (), header_line: int | None = None,
                 merges_lost: bool = False) -> None:
        """Read rows whose columns a reader has already decided (a table rebuilt
        from a stream of cells, a box-drawing table). ``merges_lost``: text that
        leaves a merged cell out of the rows it covers (``readers/merged.py``)."""
        self.tables += 1
        st = self.state
        st.delimited = False
        st.merges_lost = merges_lost
        st.columns = list(columns)
        self.headers.extend(h for h in header if h)
        self._record_columns()
        self._title_goal()
        for c in columns:
            if c.kind == "other" and c.header:
                self.review.append((L.REVIEW_STRUCTURE, self._kept_note(c.header),
                                    header_line, " | ".join(header)))
        self._rows([list(r) for r in grid], list(lines), 0)

    def _forced(self, grid: list[list[Cell]], line_of: list[int | None], first_data: int,
                names: Sequence[str], delimited: bool) -> bool:
        """Rows read with the columns a person named (``--columns``)."""
        from xltools.importing.readers.columns import header_role, problem_columns

        self.state.delimited = delimited
        roles = [header_role(n) for n in names]
        kinds, _ = problem_columns([r.kind if r else "other" for r in roles], names)
        columns = [Column(k if k not in ("text", "progress") else "other", n, r.role if r else "")
                   for n, k, r in zip(names, kinds, roles)]
        self.state.columns = columns
        self.headers.extend(names)
        self._record_columns()
        self._rows(grid, line_of, first_data)
        return True

    # ---------------------------------------------------------- columns
    def _columns(self, grid: list[list[Cell]], at: int, line_of: list[int | None]) -> int:
        header = grid[at]
        texts = [clean_text(c.text) for c in header]
        self.headers.extend(t for t in texts if t)
        if self.state.delimited:
            while texts and not texts[-1]:
                texts.pop()
        kinds = [header_kind(t) for t in texts]
        first_data = at + 1
        # A second header row: role columns under a spanning 责任单位, or a
        # two-line header whose second line names what the first left blank.
        if at + 1 < len(grid):
            below = grid[at + 1]
            # Exact aliases, or units words that name their role by grammar (主办部门 | 协办部门).
            below_kinds = [k if not c.from_above and (k := header_kind(c.text))
                           and (k[2] or k[0] == "units" and names_its_role(_squeeze(c.text))
                                and modifier_role(_squeeze(c.text))) else None
                           for c in below]
            # 责任单位 spanning 牵头 | 配合: a bare role word under a units header.
            # The header spans the cells right of it left empty (`责任单位,,` over `牵头,配合`).
            for i, c in enumerate(below):
                word = _squeeze(c.text)
                span = i
                while 0 < span < len(texts) and not texts[span]:
                    span -= 1
                if below_kinds[i] is None and span < len(kinds) and kinds[span] and kinds[span][0] == "units" \
                        and word in _ROLE_WORDS:
                    below_kinds[i] = ("units", _ROLE_WORDS[word], True)
            data_like = any(len(clean_text(c.text)) > 24 for c in below)
            if any(below_kinds) and not data_like and not _is_data_row(below):
                for i, k in enumerate(below_kinds):
                    if k is None:
                        continue
                    if i < len(kinds):
                        kinds[i] = k
                        texts[i] = clean_text(below[i].text)
                    else:
                        kinds.append(k)
                        texts.append(clean_text(below[i].text))
                first_data = at + 2
        from xltools.importing.readers.columns import (header_role, is_problem_header, problem_columns,
                                                       resolve_text_columns)

        data = grid[first_data:]
        named = [k[0] if k else "text" for k in kinds]
        # A 整改清单: the problem column is the requirement, the measures beside it are kept.
        by_problem, problem = problem_columns(named, texts)
        kinds = [("requirement", texts[i], True) if i == problem else
                 None if k != named[i] or is_problem_header(texts[i]) else kinds[i]
                 for i, k in enumerate(by_problem)]
        if self.state.delimited:
            # A text dump's rows with fewer cells than the header (not empty ones: fewer) are
            # shifted left under merged cells: their cells stand under the wrong headers, so
            # the columns are judged on the rows as wide as the header.
            full = [r for r in data[:200] if len(r) >= len(header)]
            judged = full if len(full) >= 2 and len(full) < len(data[:200]) else data[:200]
        else:
            judged = data[:200]
        resolved, decided = resolve_text_columns(
            [k[0] if k else "text" for k in kinds],
            [[r[i].text if i < len(r) else "" for r in judged] for i in range(len(kinds))], texts)
        for i in decided:
            kinds[i] = (resolved[i], texts[i], True)
            self.review.append((L.REVIEW_STRUCTURE, L.NOTE_COLUMN_BY_CONTENT.format(
                header=texts[i] or str(i + 1), meaning=L.HEADER_ALIASES[resolved[i]][0]), line_of[at],
                " | ".join(texts)))
        columns: list[Column] = []
        for i, (t, k) in enumerate(zip(texts, kinds)):
            if k is None or resolved[i] == "text" and k[0] == "task":
                columns.append(Column("other", t))
                continue
            kind, alias, exact = k
            role = L.UNITS_HEADER_ROLE.get(alias, "") if kind == "units" else ""
            if kind == "units" and alias in L.ROLES:
                role = alias
            if kind == "units" and not role and alias not in L.HEADER_ALIASES["units"]:
                role = (header_role(t) or header_role(alias)).role  # type: ignore[union-attr]
            if not exact:
                self.review.append((L.REVIEW_STRUCTURE, L.NOTE_COLUMN_GUESSED.format(
                    header=t, meaning=L.HEADER_ALIASES[kind][0]), line_of[at], " | ".join(texts)))
            columns.append(Column(kind, t, role))
        # Requirement and task must each be one column: extra ones are kept as remarks.
        seen: set[str] = set()
        for i, c in enumerate(columns):
            if c.kind in ("requirement", "task", "goal", "number", "deadline") and c.kind in seen:
                columns[i] = Column("other", c.header)
            seen.add(c.kind)
        units_cols = [c for c in columns if c.kind == "units"]
        if len(units_cols) > 1:
            columns = [Column(c.kind, c.header, c.role or L.ROLE_RESPONSIBLE) if c.kind == "units"
                       else c for c in columns]
        # Columns without a header: numbers there are 序号.
        for i, c in enumerate(columns):
            if c.kind == "other" and not c.header:
                values = [clean_text(r[i].text) for r in data if i < len(r) and clean_text(r[i].text)]
                if values and sum(_number_like(v) for v in values) >= 0.6 * len(values):
                    columns[i] = Column("number", "")
        # A text dump whose rows have one cell more than the header, starting with a number.
        if self.state.delimited:
            wider = [_trim(r) for r in data if len(_trim(r)) == len(columns) + 1]
            if wider and len(wider) >= 0.5 * max(1, sum(1 for r in data if _trim(r))) and \
                    all(_number_like(r[0].text) for r in wider) and "number" not in {c.kind for c in columns}:
                columns.insert(0, Column("number", ""))
                self.review.append((L.REVIEW_STRUCTURE, L.NOTE_UNLABELLED_NUMBER, line_of[at],
                                    " | ".join(texts)))
        self.state.columns = columns
        for i, c in enumerate(columns):
            if c.kind == "other" and c.header:
                self.review.append((L.REVIEW_STRUCTURE, self._kept_note(c.header),
                                    line_of[at], " | ".join(texts)))
        return first_data

    # -------------------------------------------------------------- rows
    def _rows(self, grid: list[list[Cell]], line_of: list[int | None], start: int) -> None:
        st = self.state
        st.columns = cols = _overseers_kept(st.columns)
        headings = _bullet_headings(grid, cols, start)
        above: dict[int, str] = {}  # the last text of each column, for ditto words
        carried = _lead_merged(self._aligned_rows(grid[start:]), cols) if st.delimited or st.merges_lost else set()
        titles_carried: dict[str, int] = {}  # header → rows that took the title above
        for idx in range(start, len(grid)):
            row = grid[idx]
            line = line_of[idx] if idx < len(line_of) else None
            texts = [clean_text(c.text) for c in row]
            source = " | ".join(dict.fromkeys(t for t in texts if t))
            if not source:
                continue
            if _is_header_row(texts, strict=True):
                continue  # header repeated after a page break
            distinct = list(dict.fromkeys(t for t in texts if t))
            if len(distinct) == 1 and (_PAGE_FOOTER.match(distinct[0]) or _page_note(distinct[0])):
                # a page footer (第 1 页 共 3 页), the page's chrome (分享到 …) or a note in
                # brackets (（来源：…） （联系人：… 电话：…）): kept on 待核对, never a row
                self.skipped.append((line or 0, distinct[0]))
                continue
            if len(distinct) == 1 and (sum(1 for t in texts if t) > 1 or
                                       (len(cols) > 2 and texts and texts[0]
                                        and self._lone_heading(texts[0])
                                        and not _data_in_row(row, cols))):
                self._section(distinct[0], line, source)
                above.clear()  # no merged cell reaches over a row across the table
                continue
            cells, review = self._align(row, texts, line, source, above)
            if st.delimited or st.merges_lost:
                cells, review = _carry_gap(cells, above, review)
            cells, review = _carry_above(cells, above, carried, review,
                                         titles_carried if st.delimited or st.merges_lost else None)
            self._row(cells, line, source, review, row, heading=idx in headings)
        for header, count in titles_carried.items():
            # One note per column, not one per row: in a text export nearly every title cell is merged.
            self.review.append((L.REVIEW_STRUCTURE, L.NOTE_TITLE_CARRIED.format(header=header, count=count),
                                line_of[start - 1] if 0 < start <= len(line_of) else None, ""))

    def _aligned_rows(self, rows: list[list[Cell]]) -> list[list[Cell]]:
        """A text dump's rows with the shorter ones placed under the columns they fit
        (shifted left under merged cells): which columns are merged is judged on these."""
        if not self.state.delimited:
            return rows
        out = []
        for row in rows:
            texts = [clean_text(c.text) for c in row]
            if 0 < len(_trim(row)) < len(self.state.columns):
                row = [c for _, c in self._align(row, texts, None, "")[0]]
            out.append(row)
        return out

    def _lone_heading(self, text: str) -> bool:
        """A text alone in the first cell of a row that heads the rows below:
        a numbered heading (一、… （一）…); in a real grid also a short title
        without a full stop. In a text dump a lone cell is more often a
        requirement continued under merged cells."""
        number, _ = split_number(text)
        if number is not None and number[0] in L.CN_NUMERALS and _heading_like(text):
            return True
        return not self.state.delimited and _heading_like(text) and not text.endswith("。")

    def _section(self, text: str, line: int | None, source: str) -> None:
        if re.match(r"^(?:注|备注|说明)\s*\d*\s*[：:]", text):
            self.skipped.append((line or 0, text))
            return
        _, rest = split_number(text)
        label = strip_trailing_punct(rest)
        self.state.pending_goal = (label, line, source)
        self.state.pending_note = L.NOTE_SECTION_ROW.format(text=label)

    def _align(self, row: list[Cell], texts: list[str], line: int | None, source: str,
               above: dict[int, str] | None = None) -> tuple[list[tuple[Column, Cell]], list[tuple[str, str]]]:
        cols = self.state.columns
        cells = list(row)
        if not self.state.delimited:
            return [(c, cells[i] if i < len(cells) else Cell()) for i, c in enumerate(cols)], []
        trimmed = _trim(cells)
        k = len(trimmed)
        if k >= len(cols) or k == 0:
            return [(c, trimmed[i] if i < k else Cell()) for i, c in enumerate(cols)], []
        best = (-99, 0)
        for shift in range(0, len(cols) - k + 1):
            score = _fit(cols, trimmed, shift)
            if score > best[0]:
                best = (score, shift)
        shift = best[1]
        if k == len(cols) - 1 and above and (gap := _gap_arrangement(cols, trimmed, above, best[0])) is not None:
            # One cell short in the middle: a merged cell left out (readers/merged.py).
            # A task or goal carried keeps its name on the row (the row has its own number).
            carried = Cell(above[gap], from_above=cols[gap].kind not in ("task", "goal"))
            return [(c, trimmed[i] if i < gap else carried if i == gap else trimmed[i - 1])
                    for i, c in enumerate(cols)], [carried_note(cols[gap].header, cols[gap].kind, above[gap])]
        out: list[tuple[Column, Cell]] = []
        for i, c in enumerate(cols):
            j = i - shift
            if 0 <= j < k:
                out.append((c, trimmed[j]))
            elif j < 0:
                out.append((c, Cell("", from_above=True)))
            else:
                out.append((c, Cell()))
        review = []
        if shift:
            names = "、".join(n for c in cols[shift:shift + k]
                             if (n := c.header or L.HEADER_ALIASES.get(c.kind, ("",))[0]))
            review.append((L.REVIEW_STRUCTURE, L.NOTE_ROW_SHIFTED.format(columns=names)))
        return out, review

    def _row(self, cells: list[tuple[Column, Cell]], line: int | None, source: str,
             review: list[tuple[str, str]], raw: list[Cell], heading: bool = False) -> None:
        st = self.state
        if not any(c.kind == "requirement" for c, _ in cells):
            # A task column alone: its bullet cells (△…) are the requirements of
            # the title row above them.
            task_at = next((i for i, (c, _) in enumerate(cells) if c.kind == "task"), None)
            if task_at is not None:
                col, cell = cells[task_at]
                if heading:
                    n, rest = split_number(clean_text(cell.text))
                    st.pending_task = (n, strip_trailing_punct(rest))
                    return
                if _bullets(cell.text):
                    cells = [(Column("requirement", col.header), cell) if i == task_at else (c, x)
                             for i, (c, x) in enumerate(cells)]
        goal = number = task = requirement = units = deadline = None
        merged_goal: str | None = None
        units_deadline: str | None = None
        role_units: list[tuple[str, str]] = []
        notes: list[str] = []
        units_cols = [c for c, _ in cells if c.kind == "units"]
        # In a real grid an empty units cell that is not merged is left blank on purpose or
        # by mistake: inheriting the units above is a guess a person checks.
        units_guessed = not st.delimited and bool(units_cols) and all(
            not clean_text(cell.text) and not cell.from_above for c, cell in cells if c.kind == "units")
        for col, cell in cells:
            text = clean_text(cell.text)
            if col.kind == "goal":
                if text and not cell.from_left:
                    _, rest = split_number(text)
                    if cell.from_above:
                        merged_goal = strip_trailing_punct(rest)
                    else:
                        goal = strip_trailing_punct(rest)
            elif col.kind == "number":
                if text and not cell.from_above:
                    sub = re.match(r"^(\d{1,3})\s*[.．\-－]\s*\d{1,3}$", text)  # 1.2 / 1-2: task 1
                    number = sub.group(1) if sub else re.sub(r"[（()）、.．\s]", "", text)
                    if re.match(r"^(?:[（(]\s*\d{1,3}\s*[)）]|[①-⑳])$", text) and \
                            (st.pending_task or st.prev_number):
                        number = None  # （1） under task 1: the requirement's own number
            elif col.kind == "task":
                if text and not cell.from_above:
                    task = text
            elif col.kind == "requirement":
                requirement = cell.text if not cell.from_left else ""
            elif col.kind == "units":
                text = _units_lines(cell.text)
                labelled = _labelled_units(cell.text) if text and not cell.from_left else []
                if labelled:  # 牵头单位：A / 配合单位：B written inside the cell
                    role_units.extend(labelled)
                elif text and not cell.from_left:
                    text, found = _units_deadline(text)
                    if found:
                        units_deadline = units_deadline or found
                    if len(units_cols) == 1 and not col.role:
                        units = text
                    else:
                        role_units.append((col.role or L.ROLE_RESPONSIBLE, text))
            elif col.kind == "deadline":
                if text and not cell.from_left:
                    deadline = text
            elif col.kind in ("people", "remark", "other"):
                if text and not cell.from_left and col.header:
                    notes.append(L.REMARK_FORMAT.format(header=col.header, value=text))
                elif text and not cell.from_left and col.kind == "remark":
                    notes.append(text)
        if units_deadline and not deadline:
            deadline = units_deadline
            review = review + [(L.REVIEW_DEADLINE, L.NOTE_UNITS_DEADLINE.format(text=units_deadline))]
        has_task_col = any(c.kind == "task" for c, _ in cells)
        has_number_col = any(c.kind == "number" for c, _ in cells)
        if task and number is not None and goal is None and merged_goal is None:
            group = _group_named_by_units(cells, task)
            if group:
                goal = group
                review = review + [(L.REVIEW_GOAL, L.NOTE_GROUP_UNITS_GOAL.format(text=group))]
        # The task cell may carry the task number (一、做好…).
        if task:
            n, rest = split_number(task)
            if n is not None:
                if number is None and not has_number_col:
                    number = n
                task = rest
            task = strip_trailing_punct(task)
        req_text = requirement or ""
        if not clean_text(req_text) and not role_units and units is None:
            # A row naming only a goal and/or task: it heads the rows below.
            if goal:
                st.pending_goal = (goal, line, source)
                st.pending_note = L.NOTE_SECTION_ROW.format(text=goal)
            elif number and number[0] in L.CN_NUMERALS and task and \
                    any(c.kind == "number" for c, _ in cells):
                # 一 | 加强解读 across the row: Chinese numerals number the goals.
                st.pending_goal = (task, line, source)
                st.pending_note = L.NOTE_SECTION_ROW.format(text=task)
                return
            if task or number:
                st.pending_task = (number, task or "")
            return
        if not clean_text(req_text) and task:
            req_text = task  # a task without separate requirements
        parts = _split_numbered_lines(req_text) if not st.delimited else None
        if parts is None and (bullets := _bullets(req_text)):
            parts = bullets
            if len(bullets) > 1:
                review = review + [(L.REVIEW_STRUCTURE, L.NOTE_BULLETS_SPLIT.format(count=len(bullets)))]
        elif parts is None:
            n, rest = split_number(clean_text(req_text))
            if n is not None:
                if not has_task_col and not has_number_col and number is None:
                    number = n
                req_text = rest
            parts = [req_text]
        else:
            review = review + [(L.REVIEW_STRUCTURE, L.NOTE_REQUIREMENTS_SPLIT.format(count=len(parts)))]
        if st.pending_task and number is None and task is None:
            number, task = st.pending_task
        st.pending_task = None
        if goal is None and st.pending_goal:
            goal = st.pending_goal[0]
            review = review + [(L.REVIEW_GOAL, st.pending_note)]
        st.pending_goal = None
        # Same number and task as the row above (cells repeated instead of merged).
        new_goal = goal is not None and goal != st.prev_goal
        if number is not None and number == st.prev_number and (task is None or task == st.prev_task) \
                and not new_goal:
            number, task = None, None
        new_task = False
        if number is None and task is not None:
            if task == st.prev_task:
                task = None
            else:
                new_task = True
        if number is not None or new_task:
            st.prev_number = number
            st.prev_task = task
            # In a real grid a merged goal cell or a section row is certain:
            # name the goal on every task it covers.
            if goal is None and not st.delimited:
                goal = merged_goal or st.section_goal
        if goal is not None and not st.delimited:
            st.section_goal = goal
        if goal is not None and goal == st.prev_goal and not (number is not None or new_task):
            goal = None
        if goal is not None:
            st.prev_goal = goal
        for i, part in enumerate(parts):
            self.events.append(RawRow(
                requirement=clean_text(part), goal=goal if i == 0 else None,
                number=number if i == 0 else None, task=task if i == 0 else None,
                units=units, deadline=deadline, line=line, source=source,
                role_units=tuple(role_units), notes=tuple(notes), review=tuple(review) if i == 0 else (),
                new_task=new_task and i == 0, units_guessed=units_guessed))

    # ------------------------------------------------------------ result
    def result(self) -> tuple[list[Event], SourceMeta]:
        title = choose_title(self.titles)
        skipped = list(self.skipped)  # lines above the table are the document's preamble
        review = list(self.review) + (self.fixer.review if self.fixer else [])
        return self.events, SourceMeta(title=title, year=year_of(title), skipped=tuple(skipped),
                                       review=tuple(review), headers=tuple(self.headers),
                                       columns=self.source_columns)


def _group_named_by_units(cells: list[tuple[Column, Cell]], task: str) -> str | None:
    """A row whose number cell holds a top-level numeral (一, 二、) while its task
    cell opens with a numbering of its own one level lower (（一）…, 1.…) starts a
    group, not a task: the number numbers the group. With no goal column the
    group is named by the units written with its number left of the task (一 |
    区住建局 | 项目(1个) | （一）…: the merged lead unit and a count carry no
    title). Returns the group's name ("" when it has no units), or None when the
    row does not start a group."""
    at = next((i for i, (c, _) in enumerate(cells) if c.kind == "task"), None)
    if at is None or any(c.kind == "goal" for c, _ in cells):
        return None
    raw = next((clean_text(x.text) for c, x in cells[:at] if c.kind == "number"), "")
    if not re.fullmatch(rf"[{L.CN_NUMERALS}]+[、.．]?", raw):
        return None
    if not re.match(rf"^(?:[（(]\s*[{L.CN_NUMERALS}]+\s*[)）]|\d{{1,3}}\s*[.．、)）])", task):
        return None
    names = [t for c, x in cells[:at] if c.kind == "units" and not x.from_left
             and (t := clean_text(x.text)) and looks_like_units_cell(t)]
    return "、".join(dict.fromkeys(names))


def _units_lines(text: str) -> str:
    """A units cell with one unit per line (Word) → ``A、B``; lines that end
    with a separator or continue a clause are joined as they are."""
    lines = [ln.strip() for ln in text.split("\n") if ln.strip()]
    # Names side by side with a space between (区城管局 区水投): a list, not one name wrapped.
    lines = [join_spaced_units(ln) for ln in lines]
    # A cell of three or more lines that are mostly units: a line with an unfamiliar
    # ending (滁州海关, 市人行) after a whole unit is a unit of the list, not its wrapped end.
    mostly_units = len(lines) >= 3 and 2 * sum(looks_like_units_cell(clean_text(ln)) for ln in lines) > len(lines)
    out = ""
    listed = False  # the line before was taken as such a unit
    completes = False
    for k, ln in enumerate(lines):
        last = clean_text(re.split(r"[，,；;。]", out)[-1]) if out else ""
        continues_group = clean_text(ln) in L.GROUP_CONTINUATIONS and last.startswith("各")
        unit_line = looks_like_units_cell(clean_text(ln))
        after_unit = listed or looks_like_units_cell(last) or mostly_units and looks_like_units_cell(last.split("、")[-1])
        # …城乡建 + 设局: a piece that a short next line completes into a unit was wrapped.
        nxt = clean_text(lines[k + 1]) if k + 1 < len(lines) else ""
        wrapped = not unit_line and 0 < len(nxt) <= 2 and looks_like_units_cell(clean_text(ln) + nxt)
        listed = bool(out) and mostly_units and after_unit and not unit_line and not wrapped \
            and listed_name(clean_text(ln))
        if out and not re.search(r"[，,、；;。：:（(]$", out) and after_unit and not completes \
                and (unit_line or continues_group or listed or wrapped):
            # A bare list continues with 、; after a role phrase a new clause starts.
            out += ("、" if listed or wrapped or not parse_clause(last)[2] else "，") + ln
        else:
            out += ln
        completes = wrapped  # the next line ends this one's name
    return clean_text(out)


def _units_deadline(text: str) -> tuple[str, str | None]:
    return split_units_deadline(text)


def _labelled_units(text: str) -> list[tuple[str, str]]:
    """Labelled lines inside a units cell → (role, units) pairs, e.g.
    ``牵头单位：A`` / ``配合单位：B``."""
    from xltools.importing.readers.columns import label_role

    joined = clean_text("；".join(ln.strip() for ln in text.split("\n") if ln.strip()))
    pairs = unit_pairs(split_labelled(joined))
    return [(label_role(label), value) for label, value in pairs]


def _page_note(text: str) -> bool:
    """Whether a row's only text is no requirement: the page's chrome (分享到 …,
    【打印本页】) or a note in brackets (``columns.is_bracketed_note``)."""
    from xltools.importing.readers.columns import is_bracketed_note

    return any(text.startswith(w) for w in L.PAGE_CHROME) or _only_chrome(text) or is_bracketed_note(text)


def _only_chrome(text: str) -> bool:
    """Whether ``text`` is made of page-chrome words only (【打印本页】【关闭窗口】)."""
    rest = text
    for w in sorted((w.strip("【】") for w in L.PAGE_CHROME), key=len, reverse=True):
        rest = rest.replace(w, "")
    return not re.sub(r"[\s【】\[\]|｜/：:>＞-]", "", rest)


def _trim(cells: Sequence[Cell]) -> list[Cell]:
    out = list(cells)
    while out and not clean_text(out[-1].text):
        out.pop()
    return out


def _is_data_row(row: Sequence[Cell]) -> bool:
    return any(_number_like(c.text) and clean_text(c.text) for c in row)


def _data_in_row(row: Sequence[Cell], cols: list[Column]) -> bool:
    for i, c in enumerate(cols):
        if c.kind in ("requirement", "units") and i < len(row) and clean_text(row[i].text):
            return True
    return False


# The title of a list table: …汇总表, …分工表, …项目清单, …台账.
_LIST_TITLE = re.compile(r"(?:表|清单|台账)$")
_ATTACHMENT_LABEL = re.compile(r"^\s*附件\s*\d{0,2}\s*[：:]\s*")


def _heading_like(text: str) -> bool:
    return len(text) <= 40 and not re.search(r"[。；;]", text.rstrip("。"))


def _fit(cols: list[Column], cells: list[Cell], shift: int) -> float:
    """How well ``cells`` read when placed from column ``shift`` on."""
    score = 0.0
    for j, cell in enumerate(cells):
        col = cols[j + shift]
        t = clean_text(cell.text)
        if not t:
            continue
        units_like = looks_like_units_cell(t)
        if col.kind == "units":
            score += 2 if units_like else -1
        elif col.kind == "requirement":
            score += -2 if units_like else (1 if len(t) > 15 else 0.5)
        elif col.kind == "number":
            score += 1 if _number_like(t) else -2
        elif col.kind in ("task", "goal"):
            score += -2 if units_like else 0
            if re.search(r"[。；;]$|，", t) and split_number(t)[0] is None:
                score -= 1  # a sentence, not a name
            elif col.kind == "goal" and len(cells) == 1 and len(t) <= 20 and \
                    not re.search(r"[，,。；;：:、\d]", t):
                score += 0.4  # a goal label alone on a line (page break in a merged cell)
            if split_number(t)[0] is not None and col.kind == "task" and shift == 0:
                score += 0.5
        elif col.kind == "deadline":
            score += -2 if units_like else 0
    # Leading columns are the merged ones: a shift needs a reason.
    return score - 0.1 * shift


_BULLET_CHARS = "△▲●◆■•▪►◇□○☆★"


def _bullets(text: str) -> list[str] | None:
    """A cell of bullet items (△… / ●…, each on its own line) → the items."""
    lines = [ln.strip() for ln in text.split("\n") if ln.strip()]
    if not lines or lines[0][0] not in _BULLET_CHARS:
        return None
    items: list[str] = []
    for ln in lines:
        if ln[0] in _BULLET_CHARS:
            items.append(ln[1:].strip())
        else:
            items[-1] += ln
    return [i for i in items if i]


def _bullet_headings(grid: list[list[Cell]], cols: list[Column], start: int) -> set[int]:
    """Rows of a table with a task column and no requirement column whose
    task cell is a title followed by a row of bullets: they head those rows."""
    if any(c.kind == "requirement" for c in cols):
        return set()
    at = next((i for i, c in enumerate(cols) if c.kind == "task"), None)
    if at is None:
        return set()
    out: set[int] = set()
    for i in range(start, len(grid) - 1):
        here = grid[i][at].text if at < len(grid[i]) else ""
        below = grid[i + 1][at].text if at < len(grid[i + 1]) else ""
        if here.strip() and not _bullets(here) and _bullets(below):
            out.add(i)
    return out


def _split_numbered_lines(text: str) -> list[str] | None:
    """A cell of several numbered lines (1.… 2.…) → the lines, else None."""
    lines = [ln.strip() for ln in text.split("\n") if ln.strip()]
    if len(lines) < 2:
        return None
    numbers = []
    parts: list[str] = []
    for ln in lines:
        n, rest = split_number(clean_text(ln))
        if n is not None and n.isdigit():
            numbers.append(int(n))
            parts.append(rest)
        elif parts:
            parts[-1] += ln
        else:
            return None
    if numbers != list(range(1, len(numbers) + 1)):
        return None
    return parts


def _is_ditto(text: str) -> bool:
    """A cell saying "same as above" (同上, 同上述) instead of repeating it."""
    return strip_trailing_punct(clean_text(text)).strip("“”\"'") in L.DITTO_WORDS


def _lead_merged(rows: Sequence[Sequence[Cell]], cols: Sequence[Column]) -> set[int]:
    """Lead units columns of a text dump (merges lost) whose empty cells are merged
    cells: a column of one lead unit per row (no cell lists several) that every other row
    with a requirement fills (at least three rows and two in three). A cooperate or
    responsible column is often empty for real and is not guessed so — unless it is the
    table's first column, the key its rows are grouped by (a TSV export of a sheet whose
    units column comes first and is merged): filled in the first row, empty in some later
    ones, its empty cells are merged ones too."""
    req = next((i for i, c in enumerate(cols) if c.kind == "requirement"), None)
    if req is None:
        return set()
    out: set[int] = set()
    if cols and cols[0].kind == "units" and req > 0:
        data = [r for r in rows if len(r) > req and clean_text(r[req].text)]
        filled = [bool(clean_text(r[0].text)) for r in data]
        if len(data) >= 3 and filled[0] and 2 <= sum(filled) < len(data):
            out.add(0)
    for i, c in enumerate(cols):
        if c.kind != "units" or c.role != L.ROLE_LEAD:
            continue
        # (a row spanning the table, a goal row, is no row of units)
        data = [r for r in rows if len(r) > max(i, req) and clean_text(r[req].text) and not r[req].from_left]
        leads = [clean_text(r[i].text) for r in data if clean_text(r[i].text)]
        filled = len(leads)
        single = not any(re.search(r"[、，,；;\n]", r[i].text.strip()) for r in data)
        if single and filled >= 3 and filled < len(data) and filled >= 2 * len(data) / 3:
            out.add(i)
    # A deadline column filled on most rows: an empty cell in a row under merged number and task
    # cells (the same task's next measure) is merged too (``_carry_above``).
    for i, c in enumerate(cols):
        if c.kind == "deadline":
            data = [r for r in rows if len(r) > max(i, req) and clean_text(r[req].text) and not r[req].from_left]
            filled = sum(1 for r in data if clean_text(r[i].text))
            if filled >= 3 and filled < len(data) and filled >= 2 * len(data) / 3:
                out.add(i)
    return out


def _gap_arrangement(cols: list[Column], cells: list[Cell], above: dict[int, str], shifted: float) -> int | None:
    """The column a delimited row one cell short leaves out under a merged cell, when
    placing its cells around that column fits better than any shift (``merged_gap``)."""
    texts = [clean_text(c.text) for c in cells]
    kinds, roles = [c.kind for c in cols], [c.role for c in cols]
    for gap in range(1, len(cols) - 1):
        placed = texts[:gap] + [""] + texts[gap:]
        if _fit(cols, cells[:gap], 0) + _fit(cols, cells[gap:], gap + 1) + 0.1 * (gap + 1) > shifted and \
                merged_gap(kinds, roles, placed, above, shown=True) == gap:
            return gap
    return None


def _carry_gap(cells: list[tuple[Column, Cell]], above: dict[int, str],
               review: list[tuple[str, str]]) -> tuple[list[tuple[Column, Cell]], list[tuple[str, str]]]:
    """A row one cell short under a merged cell takes that cell from the row above,
    noted as a guess (``readers/merged.py``)."""
    cols = [c for c, _ in cells]
    gap = merged_gap([c.kind for c in cols], [c.role for c in cols],
                     [clean_text(x.text) if not x.from_left else "" for _, x in cells], above)
    if gap is None or cells[gap][1].from_above:
        return cells, review
    col = cols[gap]
    out = list(cells)
    out[gap] = (col, Cell(above[gap], from_above=col.kind not in ("task", "goal")))
    return out, review + [carried_note(col.header, col.kind, above[gap])]


def _carry_above(cells: list[tuple[Column, Cell]], above: dict[int, str], carried: set[int],
                 review: list[tuple[str, str]], titles_carried: dict[str, int] | None = None
                 ) -> tuple[list[tuple[Column, Cell]], list[tuple[str, str]]]:
    """Ditto words take the text of the cell above; an empty cell of a lead column whose
    merges were lost (``_lead_merged``) takes it too, noted as a guess; so does, in a
    table exported to text (``titles_carried`` given: counted there per column), an empty
    task or goal cell of a row that has its requirement (a merged title cell written once)."""
    out: list[tuple[Column, Cell]] = []
    has_requirement = any(c.kind == "requirement" and clean_text(x.text) for c, x in cells)
    own_number = any(c.kind in ("number", "task") and clean_text(x.text) and not x.from_above for c, x in cells)
    for i, (col, cell) in enumerate(cells):
        text = clean_text(cell.text)
        if text and _is_ditto(text) and above.get(i):
            cell = Cell(above[i], from_above=True)  # 同上: the cell above, like a merged cell
        elif not text and titles_carried is not None and has_requirement and col.kind in ("task", "goal") \
                and above.get(i) and not cell.from_left and not cell.from_above:
            # The row keeps its own number: the title is carried onto it, not merged with the row above.
            cell = Cell(above[i])
            header = col.header or L.HEADER_ALIASES[col.kind][0]
            titles_carried[header] = titles_carried.get(header, 0) + 1
        elif not text and i in carried and above.get(i) and not cell.from_left and not cell.from_above \
                and (col.kind != "deadline" or has_requirement and not own_number):
            cell = Cell(above[i], from_above=True)
            if col.kind == "deadline":
                review = review + [carried_note(col.header, col.kind, above[i])]
            else:
                note = L.NOTE_LEAD_CARRIED if col.role == L.ROLE_LEAD else L.NOTE_UNITS_CARRIED
                review = review + [(L.REVIEW_UNITS, note.format(header=col.header, units=clean_text(above[i])))]
        if clean_text(cell.text):
            above[i] = cell.text
        out.append((col, cell))
    return out, review


def _overseers_kept(columns: list[Column]) -> list[Column]:
    """A units column headed by the overseer (督导单位, 督办单位) beside another units column
    names no assignee: its cells are kept as remarks (as ``prose.without_overseers`` does
    for labelled lines)."""
    units = [c for c in columns if c.kind == "units"]
    over = [c for c in units if c.header and oversees(clean_text(c.header))]
    if not over or len(over) == len(units):
        return columns
    return [Column("other", c.header) if c in over else c for c in columns]
