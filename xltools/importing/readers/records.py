"""A table flattened into records of labelled lines, one field per line
(a page that lists each row as ``序号：1`` / ``工作任务：…`` / ``责任单位：…``,
or a label on one line and its value on the next).

The labels are header words read by the one label grammar
(``columns.header_role``); a record ends where a label of the current record
comes again. The records then go through ``GridReader`` like every other
grid, one column per label in order of first appearance.
"""

from __future__ import annotations

import re
from collections import Counter

from xltools import labels as L
from xltools.importing.readers.cleanup import Fixer
from xltools.importing.readers.columns import OTHER_KINDS, header_role, resolve_text_columns
from xltools.importing.readers.grid import Cell, Column, GridReader
from xltools.importing.readers.rows import Event, SourceMeta
from xltools.importing.readers.unwrap import join_wrapped, running_heads
from xltools.text import clean_text

_PAIR = re.compile(r"^\s*([\u4e00-\u9fff]{2,10}(?:[（(][\u4e00-\u9fff]{1,4}[)）])?)\s*[：:]\s*(.*?)\s*$")
_LABEL = re.compile(r"^\s*([\u4e00-\u9fff]{2,10}(?:[（(][\u4e00-\u9fff]{1,4}[)）])?)\s*$")
_MIN_RECORDS = 1  # one record with units and a requirement is a table of one row


# 问题一：, 事项三：, 问题2： — a noun numbered opens an item of its own, it labels no field.
_NUMBERED_NOUN = re.compile(rf"[\u4e00-\u9fff]{{2,}}[{L.CN_NUMERALS}]+")
_ITEM_OPENER = re.compile(rf"^\s*([\u4e00-\u9fff]{{2,6}})\s*(?:[{L.CN_NUMERALS}]{{1,3}}|\d{{1,3}}|[（(](?:[{L.CN_NUMERALS}]{{1,3}}|\d{{1,3}})[)）])\s*[：:]")
# 1.落实…, 2、加强…, （3）推进… — a numbered item line (not a field: it has no label).
_NUMBERED_LINE = re.compile(r"^\s*(?:\d{1,3}\s*[.．、]|[（(]\d{1,3}[)）])\s*[\u4e00-\u9fff]")


def _field(line: str) -> tuple[str, str] | None:
    m = _PAIR.match(line)
    if not m:
        return None
    role = header_role(m.group(1))
    if role is None or role.kind == "text" or "各" in m.group(1) or _NUMBERED_NOUN.fullmatch(m.group(1)):
        return None
    return m.group(1), m.group(2)


def _label(line: str) -> str | None:
    """A label alone on its line (``牵头部门``): a header word of a known kind."""
    m = _LABEL.match(line)
    if not m:
        return None
    role = header_role(m.group(1))
    if role is None or role.kind == "text" or "各" in m.group(1):
        return None
    return m.group(1)


def _fields(lines: list[str]) -> list[tuple[str, str] | None]:
    """The field each line opens: ``label：value`` on one line, or a label alone whose
    value is the line below it. A label alone is a field when a value follows it, or an
    empty value (a blank line before the next label); labels on consecutive lines are a
    header row, not fields. A line right below a label still without its value is that
    value unless it is a ``label：value`` line of its own; where labels recur record after
    record, a label-like line that recurs less than half as often is a value."""
    # Where labels recur record after record, a label-like line that does not is a value.
    counts = Counter(lb for line in lines if (lb := _label(line)) is not None)
    top = max(counts.values(), default=0)

    def label(line: str) -> str | None:
        lb = _label(line)
        return lb if lb is not None and (top < 2 or 2 * counts[lb] >= top) else None

    # Two labels that stand with one value line between them (配合单位 / X / 完成时限): where
    # they stand one right under the other elsewhere, the value between was empty and vanished.
    around = {(a, c) for k in range(len(lines) - 2)
              if (a := label(lines[k])) is not None and lines[k + 1] and label(lines[k + 1]) is None
              and (c := label(lines[k + 2])) is not None}
    out: list[tuple[str, str] | None] = []
    for k, line in enumerate(lines):
        field = _field(line) if ("：" in line or ":" in line) else None
        if field is None and k and out[-1] is not None and not out[-1][1] and line \
                and (out[-1][0], label(line)) not in around:
            out.append(None)  # right below a label without its value: the value (县直有关单位)
            continue
        lb = label(line)
        if lb is None and k and not lines[k - 1]:
            lb = _label(line)  # after a blank line (a value ended, or was empty): a label, however rare
        if field is None and lb is not None:
            nxt = next((j for j in range(k + 1, len(lines)) if lines[j]), None)
            if nxt is not None and (nxt > k + 1 or label(lines[nxt]) is None and _field(lines[nxt]) is None
                                    or (lb, label(lines[nxt])) in around):
                field = (lb, "")
        out.append(field)
    return out


def has_fields(text: str, at_least: int = 4) -> bool:
    """Whether the text has a few labelled-field lines (a cheap test)."""
    lines = text.split("\n")
    if sum(1 for ln in lines if "：" in ln or ":" in ln or _LABEL.match(ln)) < at_least:
        return False
    return sum(1 for f in _fields([clean_text(ln) for ln in lines]) if f is not None) >= at_least


def read_records(text: str, name: str, fixer: Fixer | None = None) -> tuple[list[Event], SourceMeta] | None:
    """Read labelled-line records; None when the text holds no
    records with units and a requirement or task."""
    from xltools.importing.readers.prose import opens_item

    # A PDF's hard-wrapped lines back into their paragraphs (readers/unwrap.py); k indexes lines.
    raw_lines = text.split("\n")
    heads = running_heads(raw_lines, opens_item)  # page furniture, no field's value
    joined = [(i, raw) for i, raw in join_wrapped(raw_lines, opens_item, heads) if i not in heads]
    nums = [i for i, _ in joined]
    lines = [clean_text(raw) for _, raw in joined]
    if sum(1 for ln in lines if (m := _ITEM_OPENER.match(ln))
           and not any(w in m.group(1) for w in L.LIST_HEADING_STOP_WORDS)) >= 2:
        return None  # items opened by a numbered noun (问题1：…) with fields below: prose
    records: list[tuple[int, dict[str, str]]] = []
    order: list[str] = []
    preamble: list[tuple[int, str]] = []
    last: str | None = None  # the label of the field being read
    openers: set[str] = set()  # the labels that opened a record
    fields = _fields(lines)
    # Where labels recur record after record, the records open at the first label that recurs:
    # a field above it, a blank line between, is the page's (发布时间：…, 来源：…), preamble.
    seen = Counter(f[0] for f in fields if f is not None)
    first = next((k for k, f in enumerate(fields) if f is not None and seen[f[0]] >= 2), None)
    if first is not None and any(not lines[j] for j in range(first)):
        cut = max(j for j in range(first) if not lines[j])
        fields = [None if k < cut else f for k, f in enumerate(fields)]
    # Where values stand right under their labels, a blank line under a label is its empty
    # value: the line after it is no field's (a page's 附件：… under the last 完成时限).
    tight = sum(1 for k, f in enumerate(fields[:-1]) if f is not None and not f[1] and lines[k + 1]
                and fields[k + 1] is None)
    loose = sum(1 for k, f in enumerate(fields[:-1]) if f is not None and not f[1] and not lines[k + 1]
                and (nxt := next((j for j in range(k + 1, len(lines)) if lines[j]), None)) is not None
                and fields[nxt] is None)
    blank_empties = tight >= 3 and 2 * loose < tight
    for i, (line, field) in enumerate(zip(lines, fields), start=1):  # i: index + 1
        if not line:
            if records and last is not None and (records[-1][1][last] or blank_empties):
                last = None  # a blank line ends a value (records apart, or a page's tail)
            continue
        if field is None:
            if records and last is not None:
                value = records[-1][1][last]
                units = (r := header_role(last)) is not None and r.kind == "units"
                # The value below its label, or wrapped on; units one per line are a list.
                records[-1][1][last] = value + ("\n" if units and value else "") + line
            elif not records:
                preamble.append((i, line))
            continue  # a line after a finished value: no field's (the line accounting lists it)
        last, value = field
        # A record ends where one of its labels comes again, or where the label that opened
        # an earlier record comes (类别 over a group's records: it opens the next group).
        if not records or last in records[-1][1] or last in openers:
            records.append((i, {}))
            openers.add(last)
        records[-1][1][last] = value
        if last not in order:
            order.append(last)
    # Records each opened right below a numbered item line (1.落实… then 整改措施：…) leave
    # the items themselves unread: those are prose items with fields below, not records.
    opened = sum(1 for start, _ in records
                 if (prev := next((lines[j] for j in range(start - 2, -1, -1) if lines[j]), None)) is not None
                 and _NUMBERED_LINE.match(prev) and _field(prev) is None)
    if opened >= 2 and 2 * opened >= len(records):
        return None
    kinds = [r.kind if (r := header_role(lb)) else "text" for lb in order]
    if len(records) < _MIN_RECORDS or "units" not in kinds or not {"requirement", "task"} & set(kinds):
        return None
    rows = [[rec.get(lb, "") for lb in order] for _, rec in records]
    kinds, _ = resolve_text_columns(kinds, [[r[c] for r in rows] for c in range(len(order))], order)
    if "requirement" not in kinds and "task" in kinds:
        kinds[kinds.index("task")] = "requirement"  # only task names: each is a requirement
    roles = [header_role(lb) for lb in order]
    columns = [Column("other", lb) if k in OTHER_KINDS else Column(k, lb, r.role if r else "")
               for lb, k, r in zip(order, kinds, roles)]
    reader = GridReader(name, fixer)
    for k, line in preamble:
        reader.titles.append(line)
        reader.skipped.append((nums[k - 1], line))
    grid = [[Cell(v) for v in r] for r in rows]
    reader.add_rows(columns, grid, [nums[k - 1] for k, _ in records], header=order, header_line=nums[records[0][0] - 1])
    return reader.result()
