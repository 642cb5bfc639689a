"""Units cells merged over rows, in a table a PDF tool flattened (``pdfplumber``'s
lines, ``pdftotext -layout``'s runs).

Word prints a cell merged over rows at its top, and the text shows nothing of the
merge. Beside another units column, the principal units column (the lead's, or the
one naming no role beside a helpers' column) is the one such merges leave empty:

* a numbered row whose principal units cell is empty while another units cell of
  it is filled is under a merged cell: it takes the units above (never across a
  row spanning the table);
* where the principal column's names never open with a place or group word (an
  office's own sections, ``食品生产股``) and the helpers' all do (``县教育局``,
  ``各市场监管所``), a row's names of the helpers' form alone in the principal column
  are the row's helpers, its principal cell merged above.

Both are guesses the text cannot show: each goes on 待核对 with its requirement.
"""

from __future__ import annotations

import re

from xltools import labels as L

_PLACE_OPENINGS = frozenset("省市县区州旗盟镇乡街村各")  # a unit named by its place or group
_NAMES = re.compile(r"[、，,；;\s]+")


def principal_units(kinds: list[str], roles: list[str]) -> int | None:
    """The units column that names who answers for a row beside another units column: the lead's
    (牵头单位), else the one naming no role beside a column of helpers (责任股室 | 配合单位)."""
    units = [c for c, k in enumerate(kinds) if k == "units"]
    if len(units) < 2:
        return None
    leads = [c for c in units if roles[c] == L.ROLE_LEAD]
    if len(leads) == 1:
        return leads[0]
    plain = [c for c in units if not roles[c]]
    if not leads and len(plain) == 1 and any(roles[c] == L.ROLE_ASSIST for c in units):
        return plain[0]
    return None


def _names(text: str) -> list[str]:
    return [n for n in _NAMES.split(text) if n]


def _placed(text: str) -> bool:
    return bool(text.strip()) and all(n[0] in _PLACE_OPENINGS for n in _names(text))


def units_by_form(kinds: list[str], roles: list[str], rows: list[int], cells: list[list[str]]
                  ) -> list[tuple[int, int, int, str]]:
    """Moves a row's names of the helpers' form alone in the principal column of an office's
    own sections to the helpers' column; (row, from column, to column, text) of each move."""
    principal = principal_units(kinds, roles)
    others = [c for c, k in enumerate(kinds) if k == "units" and c != principal]
    if principal is None or len(others) != 1:
        return []
    helper = others[0]
    candidates = [r for r in rows if cells[r][principal].strip() and not cells[r][helper].strip()
                  and _placed(cells[r][principal])]
    own = [n for r in rows if r not in candidates for n in _names(cells[r][principal])]
    helpers = [n for r in rows for n in _names(cells[r][helper])]
    if not candidates or len(own) < 2 or len(helpers) < 2 or any(n[0] in _PLACE_OPENINGS for n in own) \
            or not all(n[0] in _PLACE_OPENINGS for n in helpers):
        return []
    moves = []
    for r in candidates:
        cells[r][helper], cells[r][principal] = cells[r][principal], ""
        moves.append((r, principal, helper, cells[r][helper]))
    return moves


def carry_units(kinds: list[str], roles: list[str], firsts: list[int], cells: list[list[str]],
                number_col: int | None, text_col: int | None) -> list[tuple[int, int, str]]:
    """Fills the empty principal units cell of a numbered row (its text and another units cell
    filled) with the units above, not across a row spanning the table (``firsts`` below 0);
    (row, column, text) of each cell carried."""
    principal = principal_units(kinds, roles)
    if principal is None or number_col is None or text_col is None:
        return []
    others = [c for c, k in enumerate(kinds) if k == "units" and c != principal]
    carried = []
    above = ""
    for r, f in enumerate(firsts):
        if f < 0:
            above = ""
            continue
        row = cells[r]
        if f == 0 and row[number_col].strip() and row[text_col].strip() and not row[principal].strip() \
                and above and any(row[c].strip() for c in others):
            row[principal] = above
            carried.append((r, principal, above))
        if row[principal].strip():
            above = row[principal]
    return carried


def merged_units(labels: list[str], kinds: list[str], roles: list[str], firsts: list[int],
                 cells: list[list[str]], number_col: int | None, text_col: int | None,
                 row_lines: list[int]) -> dict[int, list[tuple[str, str]]]:
    """Reads the principal units cells merged over rows (in place, in ``cells``); the 待核对
    notes of each row's guesses by its line."""
    rows = [r for r, f in enumerate(firsts) if f >= 0]
    notes: dict[int, list[tuple[str, str]]] = {}
    for r, c, d, text in units_by_form(kinds, roles, rows, cells):
        notes.setdefault(row_lines[r], []).append((L.REVIEW_UNITS, L.NOTE_UNITS_COLUMN_BY_FORM.format(
            units=text.replace("\n", "、"), header=labels[d], other=labels[c])))
    for r, c, text in carry_units(kinds, roles, firsts, cells, number_col, text_col):
        note = L.NOTE_LEAD_CARRIED if roles[c] == L.ROLE_LEAD else L.NOTE_UNITS_CARRIED
        notes.setdefault(row_lines[r], []).append(
            (L.REVIEW_UNITS, note.format(header=labels[c], units=text.replace("\n", "、"))))
    return notes
