"""Comparing an imported plan with a hand annotation (``*.expected.json``
beside each real example): the same text normalisation on both sides, unit
names mapped through the plan's unit registry (aliases), Traditional
annotations converted like the import converts the text."""

from __future__ import annotations

import json
import re
from pathlib import Path

from xltools.deadlines import parse_deadline_cell
from xltools.model import Plan, Role
from xltools.importing.readers.cleanup import is_traditional, to_simplified
from xltools.text import clean_text, strip_trailing_punct

REAL = Path(__file__).parent / "fixtures" / "real"
ROLE_KEYS = {"lead": Role.LEAD, "cooperate": Role.ASSIST, "responsible": Role.RESPONSIBLE}


# Documents written for this project in the styles of real ones, by an engineer who
# had not read the importer (index.json in each folder says how each is hard): a first
# set, and a second written after the readers had learnt from the first.
AUTHORED = Path(__file__).parent / "fixtures" / "authored"
AUTHORED_SETS = (AUTHORED, Path(__file__).parent / "fixtures" / "authored2", Path(__file__).parent / "fixtures" / "authored3",
                 Path(__file__).parent / "fixtures" / "authored4", Path(__file__).parent / "fixtures" / "authored5",
                 Path(__file__).parent / "fixtures" / "authored6", Path(__file__).parent / "fixtures" / "authored7")


def real_files(folder: Path = REAL) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.suffix in (".txt", ".sql"))


def authored_files() -> list[Path]:
    return [p for folder in AUTHORED_SETS for p in real_files(folder)]


# The documents of the first batch (02–19). The export round trip renders their
# annotations; the layout generator renders every document's, the later batches
# (20–43) in the slow matrix (pytest -m layout_matrix).
FIRST_BATCH = 20


def first_batch() -> list[Path]:
    return [p for p in real_files() if int(p.name.split("_")[0]) < FIRST_BATCH]


def expected_for(path: Path) -> dict:
    return json.loads(path.with_suffix(".expected.json").read_text(encoding="utf-8"))


# Pinyin after a character in the annotation (经（jīng）济): the importer drops it.
_PINYIN = re.compile(r"[（(][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+[)）]")


def _norm(text: str, simplify: bool) -> str:
    text = _PINYIN.sub("", clean_text(text))
    return to_simplified(text) if simplify else text


def _without_number(text: str) -> str:
    from xltools.importing.readers.grid import split_number

    return split_number(text)[1]


def _canonical(plan: Plan, name: str) -> str:
    for u in plan.units:
        if name == u.name or name in u.aliases:
            return u.name
    return name


def _unit_sets(plan: Plan, names: list[str], simplify: bool) -> list[set[str]]:
    """The unit sets the annotation allows: as written, and with names joined
    by 及/和 split (the annotations accept both)."""
    written = [_norm(n, simplify) for n in names]
    split = [p for n in written for p in re.split(r"(?<=[部门单位局委办])[及和](?=.)", n)]
    return [{_canonical(plan, n) for n in written}, {_canonical(plan, n) for n in split}]


def compare(plan: Plan, expected: dict, source_text: str) -> list[str]:
    """Differences between ``plan`` and the annotation (empty when it matches)."""
    return [p for item in compare_items(plan, expected, source_text) for p in item]


def compare_items(plan: Plan, expected: dict, source_text: str) -> list[list[str]]:
    """The differences of each annotated requirement (an empty list: exact)."""
    simplify = is_traditional(source_text)
    out: list[list[str]] = []
    rows = list(plan.iter_requirements())
    for item in expected["items"]:
        problems: list[str] = []
        out.append(problems)
        start = _norm(item["requirement_starts_with"], simplify)
        hits = [(g, t, r) for g, t, r in rows if clean_text(r.text).startswith(start)]
        if not hits and (bare := _without_number(start)) != start:
            # The importer keeps an item's number (1. （一）) out of its text.
            hits = [(g, t, r) for g, t, r in rows if clean_text(r.text).startswith(bare)]
        if len(hits) > 1 and item.get("number"):
            # Two items open alike (5年内…): the annotation's number tells them apart.
            hits = [h for h in hits if str(h[1].number) == str(item["number"])] or hits
        if len(hits) != 1:
            problems.append(f"{start!r}: {len(hits)} requirements start so")
            continue
        goal, task, req = hits[0]
        if item.get("goal"):
            want = strip_trailing_punct(_norm(item["goal"], simplify))
            if goal.name != want:
                problems.append(f"{start!r}: goal {goal.name!r} != {want!r}")
        if item.get("task"):
            want = strip_trailing_punct(_norm(item["task"], simplify))
            if task.name != want:
                problems.append(f"{start!r}: task {task.name!r} != {want!r}")
        for key, role in ROLE_KEYS.items():
            got = {a.unit for a in plan.assignments_for(req.id) if a.role == role and a.unit}
            allowed = _unit_sets(plan, item.get(key, []), simplify)
            if got not in allowed:
                problems.append(f"{start!r}: {key} {sorted(got)} != {sorted(allowed[0])}")
        if item.get("deadline_text"):
            want = _norm(item["deadline_text"], simplify)
            # A deadline that is one day (2024年9月30日前) is kept as that date, shown as a date.
            same_day = req.deadline.date is not None and \
                parse_deadline_cell(want, plan.info.year).date == req.deadline.date and not req.deadline.text
            if want not in req.deadline.display and not same_day:
                problems.append(f"{start!r}: deadline {req.deadline.display!r} lacks {want!r}")
    return out


def score_document(path: Path, annotated: Path | None = None) -> tuple[int, int, list[str]]:
    """Import ``path`` and compare it with its annotation (that of ``annotated``,
    another rendering of the same document, when given): (exact, annotated, misses);
    a document that does not import scores none, its error the one miss."""
    from xltools.errors import XltoolsError
    from xltools.importing.importer import read_original

    expected = expected_for(annotated or path)
    text = path.read_text(encoding="utf-8")
    try:
        plan = read_original(path)
    except XltoolsError as e:
        return 0, len(expected["items"]), [f"{path.stem}: {e}"]
    items = compare_items(plan, expected, text)
    return (sum(1 for item in items if not item), len(items),
            [f"{path.stem}: {p}" for item in items for p in item])
