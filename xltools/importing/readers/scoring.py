"""Competing readings of one text, scored by plausibility.

Every reader that applies proposes a reading (its rows); the most plausible
one wins. Plausibility looks only at the result, never at the layout that
produced it:

* requirements found (more is better, with diminishing returns; a numbered
  heading read as a requirement without units is none);
* the share of requirements that have units, and of unit names that end
  like the name of a body;
* the share of requirement texts that read as text (not as a unit list, a
  bare number or a deadline);
* task numbers that count up.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass

from xltools import labels as L
from xltools.importing.readers.rows import Event, RawRow, SourceMeta
from xltools.text import clean_text

Result = tuple[list[Event], SourceMeta]
_SAMPLE = 300
_PAGE_NUMBER = re.compile(L.PDF_PAGE_NUMBER)
# A text opening with one character and a separator (行、因水制宜。…, 度，全面清理…) is the rest of a
# sentence cut by a wrong reading: no requirement opens so.
_CUT_OPENING = re.compile(r"^[\u4e00-\u9fff][，、；。]")


@dataclass(frozen=True)
class Candidate:
    reader: str  # the reader's name, for the 待核对 note
    events: list[Event]
    meta: SourceMeta
    score: float


def score_reading(events: list[Event]) -> float:
    """Plausibility of a reading; 0 for one without requirements."""
    from xltools.importing.builder import parse_number
    from xltools.importing.readers.columns import cell_type
    from xltools.importing.units import looks_like_unit, parse_units

    all_rows = [e for e in events if isinstance(e, RawRow) and clean_text(e.requirement)]
    if not all_rows:
        return 0.0
    # A numbered heading (一、…) read as a requirement without units is a group's heading a
    # reading missed, and a header word or a page number read as one is a header or footer line
    # a reading took for a row, as is a label opening the text with its value (完成时限2023年…):
    # they lower the quality below and add no requirement.
    n = sum(1 for r in all_rows if (r.units or r.role_units or cell_type(clean_text(r.requirement)) != "heading")
            and not (len(r.requirement) <= 48 and _header_or_footer(clean_text(r.requirement)))
            and not _labelled(clean_text(r.requirement), exact=True))
    if not n:
        return 0.0
    # The quality is measured on at most _SAMPLE rows spread over the document.
    step = max(1, n // _SAMPLE)
    rows = all_rows[::step]
    with_units = 0
    names = bodies = 0
    text_like = 0
    for r in rows:
        wordings = ([r.units] if r.units else []) + [w for _, w in r.role_units]
        parsed = [u for w in wordings for u in parse_units(w).units]
        if parsed:
            with_units += 1
        for u in parsed:
            names += 1
            # A label (协同部门, 完成时间) read as a unit is a header word the reading missed.
            bodies += looks_like_unit(u.name) and not _label(u.name)
        req = clean_text(r.requirement)
        task = clean_text(r.task or "")
        if len(req) >= 4 and cell_type(req) in ("sentence", "title") and _balanced(req) and not _labelled(req) \
                and not _CUT_OPENING.match(req) \
                and re.search(r"[\u4e00-\u9fff]", req) \
                and not (task and cell_type(task) == "number") and not re.match(r"^\d+(?:\.\d+)+$", task):
            text_like += 1
    numbers = [parse_number(r.number) for r in all_rows if r.number]
    ups = sum(1 for a, b in zip(numbers, numbers[1:]) if a is not None and b is not None and b > a)
    counting = ups / (len(numbers) - 1) if len(numbers) > 1 else 0.5
    k = len(rows)
    quality = (2 * with_units / k + (bodies / names if names else 0.0) + text_like / k + 0.5 * counting) / 4.5
    return quality * math.log2(1 + n)


def _label(name: str) -> bool:
    """Whether a name is a header word (a column label), not the name of a body."""
    from xltools.importing.readers.columns import header_role, header_score

    role = header_role(name)
    return role is not None and role.kind != "text" and header_score(name) >= 2


def _labelled(text: str, exact: bool = False) -> bool:
    """A text that opens with a column label and its value (完成时间 2024年6月底前): a
    label the reading took for content; ``exact``: a label written as one (完成时限, not a
    name read by its head noun, 新增托育机构)."""
    m = re.match(r"^([\u4e00-\u9fff]{2,6})(?![\u4e00-\u9fff])\s*[：:]?\s*\S", text)
    if not m or not _label(m.group(1)):
        return False
    if exact:
        from xltools.importing.readers.columns import header_role
        return header_role(m.group(1)).exact
    return True


def _header_or_footer(req: str) -> bool:
    """A header word (主办单位, 完成时限) or a page number read as a requirement."""
    from xltools.importing.readers.columns import header_score

    return len(req) <= 24 and (bool(_PAGE_NUMBER.match(req)) or header_score(req) >= 2)


def _balanced(text: str) -> bool:
    """Quotes and brackets closed: a cell cut in two by a wrong reading is not."""
    pairs = (("“", "”"), ("（", "）"), ("(", ")"), ("《", "》"))
    return text.count('"') % 2 == 0 and all(text.count(a) == text.count(b) for a, b in pairs)


# How much a reader's layout itself is evidence: a csv or box table states its
# cells, records label each value, a -layout text's run offsets state its columns
# (readers/layoutgrid.py); a stream or a space-separated dump is rebuilt;
# prose is the fallback.
PRIOR = {"csv": 1.1, "csv_ragged": 1.0, "box": 1.1, "layout": 1.2, "delimited": 1.05, "stream": 1.0,
         "text_table": 1.0, "space_rows": 1.0, "records": 1.05, "wrapped_rows": 1.3,
         "prose": 0.95}


def best_of(proposals: list[tuple[str, Callable[[], Result | None]]]) -> tuple[Candidate | None, Candidate | None]:
    """Run every proposal; (the best, the runner-up) by score."""
    from xltools.errors import SourceFormatError

    found: list[Candidate] = []
    for reader, propose in proposals:
        try:
            result = propose()
        except SourceFormatError:
            continue
        if result is None or not result[0]:
            continue
        events, meta = result
        found.append(Candidate(reader, events, meta, PRIOR.get(reader, 1.0) * score_reading(events)))
    found.sort(key=lambda c: -c.score)
    return (found[0] if found else None), (found[1] if len(found) > 1 else None)
