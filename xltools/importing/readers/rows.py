"""What every reader of an original table produces: a stream of logical rows
(one per requirement) and stray goal labels, in document order.

Readers only recognise layout (cells, merges, numbering, labelled lines);
`xltools.importing.builder.build_plan` turns rows into the model and makes every
judgement call (goal boundaries, inherited units, unit names, deadlines).
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class RawRow:
    """One requirement as laid out in the original.

    ``None`` means "not given on this row" (e.g. under a merged cell): the
    builder carries the previous value down (goal, task) or, for ``units``,
    inherits the previous requirement's units within the same task.
    """

    requirement: str
    goal: str | None = None  # goal label written on this row
    number: str | None = None  # task number as written ("3", "三", "(一)") → starts a new task
    task: str | None = None  # task name when given on this row
    units: str | None = None  # 责任单位 wording as written (may hold roles)
    deadline: str | None = None  # 完成时限 cell as written
    line: int | None = None  # source line / row number (1-based) for 待核对
    source: str = ""  # the source line or row text
    # Units given under separate role headers/labels (牵头单位 / 配合单位 columns or lines):
    # a tuple of (role word from labels.ROLES, wording).
    role_units: tuple[tuple[str, str], ...] = ()
    notes: tuple[str, ...] = ()  # extra text kept as a remark (e.g. 责任领导 column)
    # Review notes the reader already wants on 待核对: (kind, message).
    review: tuple[tuple[str, str], ...] = ()
    new_task: bool = False  # force a task boundary even without a number
    units_guessed: bool = False  # an empty (not merged) units cell: inheriting is a guess


@dataclass(frozen=True)
class StrayLabel:
    """A goal label standing alone (not in front of a row): a hint that a goal
    starts at the next row. Page-break repeats make such hints unreliable, so
    the builder weighs them against other signals."""

    label: str
    line: int | None = None
    source: str = ""


@dataclass(frozen=True)
class SourceMeta:
    """What a reader learned about the document besides its rows."""

    title: str = ""
    year: int | None = None
    issuer: str = ""
    doc_number: str = ""
    skipped: tuple[tuple[int, str], ...] = field(default=())  # (line, text) not used
    review: tuple[tuple[str, str, int | None, str], ...] = ()  # (kind, message, line, source)
    headers: tuple[str, ...] = ()  # header cells as written (they may state conventions)
    columns: tuple[str, ...] = ()  # the original's column headers in order (export rebuilds the layout)
    lines: tuple[int, int, int] | None = None  # source lines (non-blank, read, skipped), text sources


Event = RawRow | StrayLabel
