"""Rows read from an original table → the model. Every judgement call made
here (goal boundaries, inherited units, merged unit names, deadlines found
in the text) is written as a ReviewNote for the 待核对 sheet."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from xltools import labels as L
from xltools.deadlines import find_deadline, parse_deadline_cell
from xltools.model import (Assignment, Deadline, Goal, Plan, PlanInfo, Requirement,
                           ReviewNote, Role, Task, make_requirement_id)
from xltools.importing.readers.rows import Event, RawRow, SourceMeta, StrayLabel
from xltools.text import bigrams, clean_text, strip_trailing_punct
from xltools.importing.units import (ParsedUnit, UnitRegistry, joined_name, parse_units, resolve_names,
                                     routine_merge, states_first_lead)

# A stray label (or, without one, the label row itself) marks where a goal
# starts unless the task names say otherwise by at least this many shared
# character pairs.
_DEFAULT_BONUS = 1.5


@dataclass
class _Task:
    number: str | None
    name: str
    rows: list[RawRow] = field(default_factory=list)
    labels: list[str] = field(default_factory=list)  # goal labels written on its rows
    hints: list[StrayLabel] = field(default_factory=list)  # stray labels just before it


_CN_DIGITS = {"零": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


def parse_number(text: str | None) -> int | None:
    """'3', '（三）', '十二、', '3.' → 3, 3, 12, 3; None when not a number."""
    if not text:
        return None
    s = re.sub(r"[()（）、.．\s第条项]", "", text)
    if s.isdigit():
        return int(s)
    if s and all(c in _CN_DIGITS or c == "十" for c in s):
        if "十" in s:
            tens, _, ones = s.partition("十")
            return (_CN_DIGITS.get(tens, 1) if tens else 1) * 10 + (_CN_DIGITS[ones] if ones else 0)
        value = 0
        for c in s:
            value = value * 10 + _CN_DIGITS[c]
        return value
    return None


def _group_tasks(events: list[Event]) -> list[_Task]:
    tasks: list[_Task] = []
    pending: list[StrayLabel] = []
    for ev in events:
        if isinstance(ev, StrayLabel):
            pending.append(ev)
            continue
        starts = ev.number is not None or ev.new_task or not tasks
        if not starts and ev.task and tasks and clean_text(ev.task) != tasks[-1].name:
            starts = True  # a new task name without a number
        if not starts and ev.goal and tasks and tasks[-1].labels and clean_text(ev.goal) != tasks[-1].labels[-1]:
            starts = True  # a new goal: no task goes on over a goal's boundary
        if starts:
            tasks.append(_Task(ev.number, clean_text(ev.task or "")))
        t = tasks[-1]
        if not t.name and ev.task:
            t.name = clean_text(ev.task)
        t.hints.extend(pending)
        pending = []
        t.rows.append(ev)
        if ev.goal:
            t.labels.append(clean_text(ev.goal))
    return tasks


def _goal_order(tasks: list[_Task]) -> list[str]:
    order: dict[str, None] = {}
    for t in tasks:
        for h in t.hints:
            order.setdefault(clean_text(h.label), None)
        for label in t.labels:
            order.setdefault(label, None)
    return list(order)


def _similarity(task: _Task, goal: str) -> int:
    return len(bigrams(task.name) & bigrams(goal))


def _detail_deadline(notes: tuple[str, ...], year: int | None) -> Deadline | None:
    """A deadline written in the requirement's detail: a 整改清单's measure kept beside its
    problem (``整改措施：…在本月底以前…``, a remark whose label is of the requirement's kind)."""
    from xltools.importing.readers.columns import DETAIL_KINDS, header_role

    for note in notes:
        label, sep, value = clean_text(note).partition("：")
        if sep and (r := header_role(label)) is not None and r.kind in DETAIL_KINDS:
            found = find_deadline(value, year)
            if found is not None:
                return found
    return None


def _assign_goals(tasks: list[_Task], notes: list[ReviewNote]) -> list[str]:
    """The goal of each task (see docs/workbook.md, "Goal boundaries")."""
    goals = _goal_order(tasks)
    if not goals:
        return [""] * len(tasks)
    gi = {g: i for i, g in enumerate(goals)}
    n = len(tasks)
    anchor: list[int | None] = [gi[t.labels[0]] if t.labels else None for t in tasks]
    row_labelled = {g for t in tasks for g in t.labels}
    occurrences: dict[str, int] = {}
    for t in tasks:
        for g in t.labels + [clean_text(h.label) for h in t.hints]:
            occurrences[g] = occurrences.get(g, 0) + 1
    repeated = any(c > 1 for c in occurrences.values())
    hint: list[int | None] = [None] * n
    for i, t in enumerate(tasks):
        for h in t.hints:
            g = gi[clean_text(h.label)]
            if goals[g] not in row_labelled:
                # Known only from stray labels: the label is the only signal.
                if anchor[i] is None:
                    anchor[i] = g
            else:
                hint[i] = g
    # Tasks before any anchor belong to the first goal that appears.
    first = next((i for i in range(n) if anchor[i] is not None), None)
    if first is None:
        # Only hints: treat them as anchors.
        for i in range(n):
            if hint[i] is not None:
                anchor[i] = hint[i]
        first = next((i for i in range(n) if anchor[i] is not None), 0)
        if anchor[first] is None:
            anchor[first] = 0
    result: list[int] = [0] * n
    for i in range(first):
        result[i] = anchor[first]  # type: ignore[assignment]
    i = first
    while i < n:
        g = anchor[i]
        assert g is not None
        result[i] = g
        j = i + 1
        while j < n and anchor[j] is None:
            j += 1
        if j >= n:
            for k in range(i + 1, n):
                result[k] = g
            break
        g2 = anchor[j]
        assert g2 is not None
        if g2 == g or g2 < g:
            for k in range(i + 1, j):
                result[k] = g
            if g2 < g:
                anchor[j] = g  # a label out of order: keep the current goal
                notes.append(ReviewNote(L.REVIEW_GOAL, L.NOTE_GOAL_LABEL_STRAY.format(
                    goal=goals[g2], task_no=tasks[j].number or j + 1, chosen=goals[g]),
                    line=tasks[j].rows[0].line, source=tasks[j].rows[0].source))
            i = j
            continue
        # Goal g2 starts somewhere in (i, j]; tasks between may belong to g or g2.
        hinted = next((k for k in range(i + 1, j + 1) if hint[k] == g2), None)
        default = hinted if hinted is not None else j
        start = default
        if repeated and j - i > 1:
            best = None
            for s in range(i + 1, j + 1):
                score = sum(_similarity(tasks[k], goals[g] if k < s else goals[g2])
                            for k in range(i + 1, j))
                score += _DEFAULT_BONUS if s == default else 0
                if best is None or score > best[0]:
                    best = (score, s)
            start = best[1]  # type: ignore[index]
        for k in range(i + 1, j):
            result[k] = g if k < start else g2
        if hinted is not None and start != hinted:
            t = tasks[hinted]
            notes.append(ReviewNote(L.REVIEW_GOAL, L.NOTE_GOAL_LABEL_STRAY.format(
                goal=goals[g2], task_no=t.number or hinted + 1, chosen=goals[result[hinted]]),
                line=t.hints[0].line, source=t.hints[0].source))
        if start != default:
            # The boundary was moved from where the labels put it: a real judgement call.
            for k in range(min(start, default), max(start, default)):
                if i < k < j:
                    t = tasks[k]
                    notes.append(ReviewNote(L.REVIEW_GOAL, L.NOTE_GOAL_INFERRED.format(
                        task_no=t.number or k + 1, task=t.name, goal=goals[result[k]]),
                        line=t.rows[0].line, source=t.rows[0].source))
        i = j
    return [goals[g] for g in result]


def _number_tasks(tasks: list[_Task]) -> list[int]:
    """Task numbers as written when they count up; otherwise 1, 2, 3…"""
    written = [parse_number(t.number) for t in tasks]
    if all(w is not None for w in written) and all(b > a for a, b in zip(written, written[1:])):
        return written  # type: ignore[return-value]
    return list(range(1, len(tasks) + 1))


# A unit of a requirement with the place it was written in: 0 for the 责任单位
# wording, 1, 2… for each role-labelled wording (a 牵头单位 column, a 配合单位 line).
Placed = tuple[ParsedUnit, int]


def merge_roles(placed: list[Placed], key: Callable[[ParsedUnit], str]
                ) -> tuple[list[Placed], list[tuple[str, Role, Role]]]:
    """A requirement's units with each unit once per role: the same unit twice in
    one role counts once; twice in one place (one list, one cell) once, in the
    stronger role; named in two different places with two different roles (a
    牵头单位 and a 业主单位 column both 区城管局) both roles, as the original says.
    Returns the units and the (unit, first role, second role) of each kept both."""
    out: list[Placed] = []
    at: dict[str, list[int]] = {}
    both: list[tuple[str, Role, Role]] = []
    for u, place in placed:
        k = key(u)
        same = at.setdefault(k, [])
        if any(out[i][0].role == u.role for i in same):
            continue
        here = next((i for i in same if out[i][1] == place), None)
        if here is not None:
            prev = out[here][0]
            out[here] = (u if u.role.order < prev.role.order else prev, place)
            continue
        if same:
            both.append((k, out[same[0]][0].role, u.role))
        same.append(len(out))
        out.append((u, place))
    return out, both


def _role_units(row: RawRow, first_lead: bool = False) -> tuple[list[Placed], list[tuple[str, str]], str]:
    """Units of a row: its 责任单位 wording plus any role-labelled wordings, each
    with the place it was written in."""
    placed: list[Placed] = []
    notes: list[tuple[str, str]] = []
    wording_parts: list[str] = []
    if row.units:
        parsed = parse_units(row.units, first_lead=first_lead)
        placed.extend((u, 0) for u in parsed.units)
        notes.extend(parsed.notes)
        wording_parts.append(clean_text(row.units))
    for place, (role_word, text) in enumerate(row.role_units, start=1):
        role = Role.parse(role_word) or Role.RESPONSIBLE
        # The label names the role of a bare list; a role word in the text wins.
        parsed = parse_units(text, default_role=role, first_lead=first_lead and len(row.role_units) == 1)
        placed.extend((u, place) for u in parsed.units)
        notes.extend(parsed.notes)
        wording_parts.append(f"{role_word}：{clean_text(text)}" if row.units or len(row.role_units) > 1
                             else clean_text(text))
    # One unit once per role; two roles only when two places of the original say so
    # (parse_units already names a unit once within one list).
    units, both = merge_roles(placed, lambda u: u.name)
    for name, first, second in both:
        kept = first if first.order < second.order else second
        note = (L.REVIEW_UNITS, L.NOTE_UNIT_TWO_ROLES.format(unit=name, first=first.value,
                                                              second=second.value, kept=kept.value))
        if note not in notes:
            notes.append(note)
    return units, notes, "；".join(wording_parts)


def _joined_names(row_units: list[tuple[str, list[Placed]]],
                  where: dict[str, tuple[int | None, str]]) -> list[ReviewNote]:
    """Names joined by 和/及/与 from two names by form whose left one is not complete on
    its own (实验室与设备管理处, ``units.joined_name``): two units where the document
    names the left one as a unit elsewhere, else one unit, noted on 待核对."""
    names = {u.name for _, units in row_units for u, _ in units}
    notes: list[ReviewNote] = []
    for k, (req_id, units) in enumerate(row_units):
        out: list[Placed] = []
        for u, place in units:
            parts = joined_name(u.name)
            if parts is not None and parts[0] in names:
                out.extend((ParsedUnit(part, u.role, u.written), place) for part in parts)
                continue
            if parts is not None:
                line, source = where.get(u.name, (None, ""))
                notes.append(ReviewNote(L.REVIEW_UNITS, L.NOTE_JOINED_NAME_KEPT.format(
                    unit=u.name, left=parts[0], right=parts[1]), req_id, line, source))
            out.append((u, place))
        if len(out) != len(units):
            row_units[k] = (req_id, out)
    return notes


def first_lead_convention(events: list[Event], meta: SourceMeta) -> str | None:
    """The sentence by which the document says, once, that the first-listed
    unit leads (列第一位者为牵头单位，下同); None when it does not."""
    texts = [t for e in events if isinstance(e, RawRow)
             for t in (e.units or "", *(w for _, w in e.role_units))]
    texts += [t for _, t in meta.skipped] + list(meta.headers)
    for t in texts:
        if (found := states_first_lead(t)):
            return found
    return None


_STATUS = re.compile(r"^(?:已|未|正在|尚未)?(?:完工|完成|竣工|开工|推进中?|实施中?|启动|滞后|达到时序进度)$")


def _not_a_requirement(text: str, task: str) -> bool:
    """Whether a requirement's text reads as something else — its task's name
    again, a unit, a number or year, a deadline, a person, a progress word
    (已完工): the reading took the wrong cell, so the row goes on 待核对.
    Only short texts are typed (the import's hot path stays cheap)."""
    if text == task:
        return True
    if len(text) > 14:
        return False
    from xltools.importing.readers.columns import cell_type

    return bool(_STATUS.match(text)) or cell_type(text) in ("units", "number", "year", "deadline", "person")


def build_plan(events: list[Event], meta: SourceMeta | None = None, *, year: int | None = None,
               registry: UnitRegistry | None = None) -> Plan:
    """Build the plan from a reader's rows; ``year`` overrides the document's."""
    meta = meta or SourceMeta()
    year = year or meta.year
    notes: list[ReviewNote] = []
    for kind, message, line, source in meta.review:
        notes.append(ReviewNote(kind, message, line=line, source=source))
    tasks = _group_tasks([e for e in events if not (isinstance(e, RawRow) and not e.requirement.strip()
                                                    and not e.units and not e.role_units)])
    goal_of = _assign_goals(tasks, notes)
    numbers = _number_tasks(tasks)
    convention = first_lead_convention(events, meta)
    if convention:
        notes.append(ReviewNote(L.REVIEW_UNITS, L.NOTE_FIRST_LEAD.format(text=convention)))

    requirements: dict[str, tuple[str, int, str, Requirement]] = {}
    row_units: list[tuple[str, list[Placed]]] = []
    first_written: dict[str, tuple[int | None, str]] = {}
    for t, goal, task_no in zip(tasks, goal_of, numbers):
        name = strip_trailing_punct(t.name)
        prev_units: list[Placed] | None = None
        prev_wording = ""
        prev_deadline: str | None = None  # the last deadline cell written in this task
        seq = 0
        for row in t.rows:
            text = clean_text(row.requirement)
            if not text:
                if row.units or row.role_units:  # a row of units alone: a cell the reading lost
                    notes.append(ReviewNote(L.REVIEW_STRUCTURE, L.NOTE_UNITS_WITHOUT_REQUIREMENT.format(
                        units="；".join(filter(None, [row.units or "", *(w for _, w in row.role_units)]))),
                        None, row.line, row.source))
                continue
            seq += 1
            req_id = make_requirement_id(task_no, seq)
            for kind, message in row.review:
                notes.append(ReviewNote(kind, message, req_id, row.line, row.source))
            if _not_a_requirement(text, name):
                notes.append(ReviewNote(L.REVIEW_STRUCTURE, L.NOTE_NOT_REQUIREMENT.format(text=text),
                                        req_id, row.line, row.source))
            units, unit_notes, wording = _role_units(row, convention is not None)
            for kind, message in unit_notes:
                notes.append(ReviewNote(kind, message, req_id, row.line, row.source))
            merged = not units and row.units is None and not row.role_units and prev_units is not None
            if merged:
                units, wording = prev_units, prev_wording  # a merged cell carried down: routine
                if row.units_guessed:
                    notes.append(ReviewNote(L.REVIEW_UNITS, L.NOTE_UNITS_INHERITED.format(
                        units=wording), req_id, row.line, row.source))
            elif not units:
                notes.append(ReviewNote(L.REVIEW_NO_UNIT, L.NOTE_NO_UNITS, req_id, row.line,
                                        row.source))
            else:
                prev_units, prev_wording = units, wording
            deadline = Deadline()
            written = row.deadline if row.deadline and clean_text(row.deadline) else None
            if written is None and row.deadline is None and merged and prev_deadline \
                    and find_deadline(text, year) is None:
                written = prev_deadline  # the deadline cell merged over this row too (csv export)
            if row.deadline is not None or written is None:
                prev_deadline = written  # an empty cell written on the row ends the carry
            if written is not None:
                deadline = parse_deadline_cell(clean_text(written), year)
            else:
                found = find_deadline(text, year)
                if found is None:
                    found = _detail_deadline(row.notes, year)
                if found is not None:
                    deadline = found
                    notes.append(ReviewNote(L.REVIEW_DEADLINE, L.NOTE_DEADLINE_IN_TEXT.format(
                        text=found.text), req_id, row.line, row.source))
            remark = "；".join(clean_text(n) for n in row.notes if clean_text(n))
            requirements[req_id] = (goal, task_no, name, Requirement(
                id=req_id, text=text, deadline=deadline, units_text=wording, remark=remark))
            row_units.append((req_id, units))
            for u, _ in units:
                first_written.setdefault(u.name, (row.line, row.source))

    notes.extend(_joined_names(row_units, first_written))
    # Unit names: merge spellings of one body, record aliases.
    written = [u.name for _, units in row_units for u, _ in units]
    generic_aliases = [u.written for _, units in row_units for u, _ in units if u.written]
    apart = {frozenset((a.name, b.name)) for _, units in row_units for a, _ in units for b, _ in units
             if a.name != b.name}  # named side by side for one requirement: two bodies
    mapping, unit_list, merges = resolve_names(written, registry, generic_aliases, apart)
    for m in merges:
        if routine_merge(m.alias, m.name):
            continue  # 司法局 = 市司法局, 政府办 = 市政府办公室: the name's usual short form
        line, source = first_written.get(m.alias, (None, ""))
        notes.append(ReviewNote(L.REVIEW_UNIT_MERGE, L.NOTE_UNIT_MERGED.format(alias=m.alias, name=m.name),
                                line=line, source=source))
    for alias in dict.fromkeys(generic_aliases):
        notes.append(ReviewNote(L.REVIEW_UNITS, L.NOTE_GENERIC_UNIT.format(
            phrase=alias, generic=L.GENERIC_UNIT)))
    assignments: list[Assignment] = []
    for req_id, units in row_units:
        if not units:
            assignments.append(Assignment(req_id, "", None))
            continue
        # Two spellings of one body are one unit: once per role, as above.
        kept, _ = merge_roles(units, lambda u: mapping[u.name])
        assignments.extend(Assignment(req_id, mapping[u.name], u.role) for u, _ in kept)

    goals: dict[str, dict[int, tuple[str, list[Requirement]]]] = {}
    for goal, task_no, name, req in requirements.values():
        goals.setdefault(goal, {}).setdefault(task_no, (name, []))[1].append(req)
    plan_goals = tuple(Goal(g, tuple(Task(no, name, tuple(reqs)) for no, (name, reqs) in ts.items()))
                       for g, ts in goals.items())
    for line, text in meta.skipped:
        notes.append(ReviewNote(L.REVIEW_SKIPPED, L.NOTE_SKIPPED_LINE, line=line, source=text))
    if year is None and any(r.deadline.text and not r.deadline.date
                            for *_, r in requirements.values()):
        notes.append(ReviewNote(L.REVIEW_DEADLINE, L.NOTE_NO_YEAR))
    # 待核对 in source order; notes about the whole document first.
    notes.sort(key=lambda n: (n.line is not None, n.line or 0))
    extra: tuple[tuple[str, str], ...] = ()
    if meta.lines is not None:
        total, read, skipped = meta.lines
        extra = ((L.SET_SOURCE_LINES, L.SOURCE_LINES_VALUE.format(total=total, read=read, skipped=skipped)),)
    # 原表列: the reader records the original's column headers in its order.
    info = PlanInfo(title=meta.title, year=year, issuer=meta.issuer, doc_number=meta.doc_number,
                    source_columns=meta.columns, extra=extra)
    return Plan(info=info, goals=plan_goals, assignments=tuple(assignments),
                units=tuple(unit_list), notes=tuple(notes))
