"""Reader for text dumps of a table whose cells are separated by spaces, as
scraped from a web page (the example's form).

A header line names the columns (目标 序号 任务 有关要求 责任单位 …). Each
later line is one table row: a numbered row starts a task (``[goal] N task
requirement [units]``); other lines continue the current task
(``[goal] requirement [units]``). Cells may themselves contain a stray
space, so the row is split by meaning: the units cell is the last segment
when it reads as a units wording; the task name is the short segment(s)
after the number. Goal labels stand in front of a row, or alone on one or
more lines (a merged cell split by a page break).
"""

from __future__ import annotations

import re

from xltools import labels as L
from xltools.deadlines import deadline_words, is_deadline_phrase, parse_deadline_cell
from xltools.errors import SourceFormatError
from xltools.importing.readers.layout import current_layout
from xltools.importing.readers.columns import header_role
from xltools.importing.readers.rows import Event, RawRow, SourceMeta, StrayLabel
from xltools.text import clean_text, normalise_punct, normalise_spaces
from xltools.importing.units import looks_like_units_cell

_SENTENCE_PUNCT = re.compile(r"[。，,；;：:！？!?“”\"《》()（）、]")
_NUMBER = re.compile(r"^(?P<num>\d{1,3})(?:[.、．]?)\s+(?P<rest>\S.*)$")
_LABEL_NUMBER = re.compile(r"^(?P<label>[^\d\s][^\d]*?)\s+(?P<num>\d{1,3})\s+(?P<rest>\S.*)$")
_TITLE_WORDS = ("任务分工", "分工方案", "工作要点", "实施方案", "责任分解", "任务清单", "分解表",
                "责任清单", "台账", "工作方案", "行动计划", "重点工作")
_MAX_LABEL = 40
_MAX_TASK_SEGMENT = 16


def _header_fields(line: str) -> list[str] | None:
    """The column kinds named by a header line, or None if it is not one."""
    tokens = [clean_text(t) for t in normalise_spaces(line).replace("|", " ").split()]
    if len(tokens) < 3:
        return None
    kinds = []
    for tok in tokens:
        kind = next((k for k, words in L.HEADER_ALIASES.items() if tok in words), None)
        if kind is None:
            return None
        kinds.append(kind)
    has_req = "requirement" in kinds or "task" in kinds
    return kinds if has_req and ("units" in kinds or "people" in kinds or len(kinds) >= 4) else None


def _is_label_text(text: str) -> bool:
    text = text.strip()
    return (0 < len(text) <= _MAX_LABEL and not _SENTENCE_PUNCT.search(text)
            and not re.search(r"\d", text))


def _segments(text: str) -> list[str]:
    return [s for s in re.split(r" +", text.strip()) if s]


def _is_chrome(line: str) -> bool:
    s = clean_text(line)
    return not s or any(s.startswith(w) or s == w for w in L.PAGE_CHROME) or bool(
        re.fullmatch(r"[|│\s]*(?:登录|注册)[|│\s]*(?:登录|注册)?[|│\s]*", s))


def _split_deadline(segments: list[str]) -> tuple[list[str], str | None]:
    """Split off the last segment when it is a 完成时限 cell."""
    if len(segments) >= 2:
        last = clean_text(segments[-1])
        if len(last) <= 20 and (deadline_words(last) or parse_deadline_cell(last, 2000).date
                                or is_deadline_phrase(last)):
            return segments[:-1], last
    return segments, None


def _split_units(segments: list[str]) -> tuple[list[str], str | None]:
    """Split off the last segment when it is a units cell."""
    if len(segments) >= 2 and looks_like_units_cell(segments[-1]):
        return segments[:-1], segments[-1]
    return segments, None


def _join(segments: list[str]) -> str:
    return clean_text(" ".join(segments))


def _find_title(lines: list[str], header_index: int) -> tuple[str, int | None]:
    candidates = [clean_text(s) for s in lines[:header_index] if not _is_chrome(s)]
    titled = [c for c in candidates if any(w in c for w in _TITLE_WORDS)]
    title = titled[-1] if titled else (candidates[-1] if candidates else "")
    m = re.search(r"(20\d{2})\s*年", title)
    return title, int(m.group(1)) if m else None


def read_text_table(text: str, name: str = "<text>") -> tuple[list[Event], SourceMeta]:
    """Read a space-separated text dump of a task table."""
    lines = [normalise_punct(normalise_spaces(s)).rstrip() for s in text.splitlines()]
    layout = current_layout()
    if layout.header_line is not None and 0 < layout.header_line <= len(lines):
        header_index: int | None = layout.header_line - 1
    else:
        header_index = next((i for i, s in enumerate(lines) if _header_fields(s)), None)
    if header_index is None:
        raise SourceFormatError(L.MSG_NO_TABLE.format(path=name), path=name)
    kinds = _header_fields(lines[header_index]) or []
    if layout.columns:
        kinds = [r.kind if (r := header_role(c)) else "other" for c in layout.columns]
    if not kinds:
        raise SourceFormatError(L.MSG_NO_TABLE.format(path=name), path=name)
    header_words = [clean_text(t) for t in normalise_spaces(lines[header_index]).replace("|", " ").split()]
    # A units column headed 牵头单位 / 配合单位 names the role of a bare list.
    # (by the label grammar: 主办部门, 协同配合单位 name their role as well as 牵头单位)
    units_role = next((r.role for w in header_words
                       if (r := header_role(w)) is not None and r.kind == "units" and r.role), None)
    has_goal = "goal" in kinds
    title, year = _find_title(lines, header_index)

    # Labels written in front of a numbered row are goal labels for sure.
    known: list[str] = []
    for s in lines[header_index + 1:]:
        m = _LABEL_NUMBER.match(s.strip())
        if m and _is_label_text(m["label"]) and clean_text(m["label"]) not in known:
            known.append(clean_text(m["label"]))
    known_by_length = sorted(known, key=len, reverse=True)

    events: list[Event] = []
    skipped: list[tuple[int, str]] = []
    review: list[tuple[str, str, int | None, str]] = []
    pending_label: list[tuple[int, str]] = []

    def flush_label() -> None:
        if pending_label:
            label = "".join(clean_text(s) for _, s in pending_label)
            line_no = pending_label[0][0]
            source = " / ".join(s.strip() for _, s in pending_label)
            events.append(StrayLabel(label, line_no, source))
            pending_label.clear()

    started = False
    for idx in range(header_index + 1, len(lines)):
        raw = lines[idx]
        line_no = idx + 1
        s = raw.strip()
        if not s:
            continue
        if _is_chrome(s) and not started:
            skipped.append((line_no, s))
            continue
        goal: str | None = None
        number: str | None = None
        body = s
        m = _LABEL_NUMBER.match(s) if has_goal else None
        if m and _is_label_text(m["label"]):
            goal, number, body = clean_text(m["label"]), m["num"], m["rest"]
        else:
            m = _NUMBER.match(s)
            if m:
                number, body = m["num"], m["rest"]
            else:
                for label in known_by_length:
                    if s.startswith(label) and re.match(r"\s{2,}|\s+\S", s[len(label):]) and \
                            len(s) > len(label) + 1:
                        goal, body = label, s[len(label):].strip()
                        break
        if number is None and goal is None and has_goal and _is_label_text(s):
            pending_label.append((line_no, s))
            continue
        flush_label()
        segments = _segments(body)
        deadline = None
        if "deadline" in kinds:
            segments, deadline = _split_deadline(segments)
        segments, units = _split_units(segments)
        task: str | None = None
        row_review: list[tuple[str, str]] = []
        if number is not None and "task" in kinds:
            take = 1
            while (take < len(segments) - 1 and len(segments[take]) <= _MAX_TASK_SEGMENT
                   and _is_label_text(segments[take]) and len(segments[take - 1]) <= _MAX_TASK_SEGMENT):
                take += 1
            task = "".join(clean_text(x) for x in segments[:take])
            segments = segments[take:]
        elif number is None and goal is None and "number" not in kinds and "task" in kinds:
            # No 序号 column: a row that starts with short label-like cells starts a task
            # (and, when the table has a goal column, a goal).
            labels_ahead = 0
            while (labels_ahead < len(segments) - 1 and _is_label_text(segments[labels_ahead])
                   and len(segments[labels_ahead]) <= _MAX_LABEL):
                labels_ahead += 1
            if labels_ahead >= 2 and has_goal:
                goal, task = clean_text(segments[0]), clean_text(segments[1])
                segments = segments[2:]
            elif labels_ahead >= 1:
                task = clean_text(segments[0])
                segments = segments[1:]
        requirement = _join(segments)
        if not requirement and task:
            requirement, task = task, task
        started = True
        role_units: tuple[tuple[str, str], ...] = ()
        if units is not None and units_role is not None:
            role_units, units = ((units_role, units),), None
        events.append(RawRow(requirement=requirement, goal=goal, number=number, task=task,
                             units=units, role_units=role_units, deadline=deadline, line=line_no, source=s,
                             review=tuple(row_review), new_task=task is not None))
    flush_label()
    # Stray labels after the last row are not goals of anything.
    while events and isinstance(events[-1], StrayLabel):
        ev = events.pop()
        skipped.append((ev.line or 0, ev.source))
    meta = SourceMeta(title=title, year=year, skipped=tuple(skipped), review=tuple(review),
                      headers=tuple(header_words), columns=tuple(header_words))
    return events, meta
