"""Rows one cell short under a merged cell, in text whose merges were lost.

A table copied as text (pipe rows, space rows, one cell per line) drops a
merged cell from every row it covers but its first. Where the merged cell is
the first column(s) the row is simply shifted left (``grid.GridReader._align``);
where it stands between other columns — a 责任单位 cell merged over three
tasks, a 完成时限 cell over a group — the row is one cell short in the middle:

    2 | 对辖区重点场所开展全覆盖排查 | 镇应急办、镇消防救援站 | 每季度 |
    3 | 组织各村开展应急演练不少于1次 | 2024年10月底前 |

A row whose one missing cell is such a column (units, goal, task or deadline)
and whose remaining cells fit the next columns by form (a date-shaped cell
where the deadline column is, no unit name where the units column is) takes
the merged cell from the row above. It is a guess — the text does not show the
merge — so the row carries a note on 待核对 naming the cell carried.

Columns that are often empty for real (one of several units columns, a
cooperating one, remarks, people, progress) are never carried and never count
as the missing cell.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from xltools import labels as L
from xltools.importing.readers.columns import cell_type
from xltools.importing.units import looks_like_units_cell
from xltools.text import clean_text

CARRIED_KINDS = ("units", "goal", "task", "deadline")
_CORE_KINDS = ("number", "goal", "task", "requirement", "units", "deadline")


def fits_by_form(kind: str, text: str) -> bool:
    """Whether a cell's text is of the form its column holds: a date or period in a
    deadline column, unit names in a units column, a number in 序号, a text (no unit
    list, no deadline) in a requirement, task or goal column."""
    t = clean_text(text)
    ctype = cell_type(t)
    if kind == "deadline":
        return ctype in ("deadline", "year")
    if kind == "units":
        return ctype == "units" or looks_like_units_cell(t)
    if kind == "number":
        return ctype == "number"
    if kind in ("requirement", "task", "goal"):
        return ctype in ("title", "sentence", "heading") and not looks_like_units_cell(t)
    return False




def merged_gap(kinds: Sequence[str], roles: Sequence[str], texts: Sequence[str],
               above: Mapping[int, str], shown: bool = False) -> int | None:
    """The column a row leaves out under a merged cell, or None: the row's only empty
    core column (``_CORE_KINDS``; a units column only where it is the table's one units
    column and names no cooperating role) is a units, goal,
    task or deadline column with text in the row above, with filled columns on both
    sides, and the first cell after it fits its own column by form but not the
    missing one (the row is no row shifted by one cell). ``shown``: the caller has
    seen that the row's cells placed as written misfit (a delimited row whose every
    shift puts a cell where its form does not belong): then every filled core cell
    fitting its column by form is enough (a task cell left out before a requirement,
    which would fit the task column too)."""
    # Of several units columns (牵头 | 责任 | 配合) any may be empty for real.
    one_units = sum(1 for k in kinds if k == "units") == 1
    core = [c for c, (k, r) in enumerate(zip(kinds, roles)) if k in _CORE_KINDS
            and (k != "units" or one_units and r != L.ROLE_ASSIST)]
    empty = [c for c in core if not clean_text(texts[c] if c < len(texts) else "")]
    if len(empty) != 1:
        return None
    gap = empty[0]
    if kinds[gap] not in CARRIED_KINDS or not clean_text(above.get(gap, "")):
        return None
    before = [c for c in core if c < gap]
    after = [c for c in core if c > gap]
    if not before or not after:
        return None
    nxt = after[0]
    text = texts[nxt]
    if not fits_by_form(kinds[nxt], text):
        return None
    if shown:
        return gap if all(fits_by_form(kinds[c], texts[c]) for c in core if c != gap and texts[c]) else None
    return None if fits_by_form(kinds[gap], text) else gap


def carried_note(header: str, kind: str, text: str) -> tuple[str, str]:
    """The 待核对 note of a cell carried from the row above (kind, message)."""
    review = L.REVIEW_UNITS if kind == "units" else L.REVIEW_STRUCTURE
    name = header or L.HEADER_ALIASES.get(kind, ("",))[0]
    return review, L.NOTE_MERGED_CELL_CARRIED.format(header=name, text=clean_text(text).replace("\n", "、"))
