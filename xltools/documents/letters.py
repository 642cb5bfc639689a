"""Task letters (交办通知): one Word document per unit, from a docxtpl template.

``letters(workbook, out_dir)`` reads the normalised workbook and writes
``<单位>.docx`` for every unit named on 任务分工 (not the pseudo-unit
各相关部门), listing the unit's requirements by role, the requirements for
every department, and how to report progress. The layout lives in
``templates/letter.docx`` (see docs/letters.md for its variables).

Speed: the template is read, checked and compiled **once**
(:class:`LetterTemplate`); each letter is then one Jinja render plus a zip
write that reuses the template's unchanged parts. docxtpl's own
``DocxTemplate.render`` reloads the .docx, re-runs its XML clean-up and
re-compiles the Jinja template for every document (benchmarks/letters.py).
"""

from __future__ import annotations

import copy
import datetime as dt
import functools
import io
import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import zipfile
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

import jinja2
from docxtpl import DocxTemplate
from jinja2 import meta
from jinja2.exceptions import SecurityError
from lxml import etree
from markupsafe import Markup

from xltools import labels as L
from xltools.errors import DependencyError, InputError, OutputError, TemplateError
from xltools.io.fileio import (atomic_folder, atomic_path, check_writable, is_file_like,
                            read_input)
from xltools.io.filenames import safe_filename, unique_filenames
from xltools.issuer import issuer_units
from xltools.documents.letter_template import TITLE_LINE_WIDTH, default_template_path, template_bytes
from xltools.model import Assignment, Plan, Requirement, Role, requirement_sort_key
from xltools.workbook.reader import read_plan
from xltools.documents.docx_clean import clean_template_parts
from xltools.documents.sandbox import (TEMPLATE_FAILURES, BoundedSandbox, bounded_sandbox, budget_message, failure_line,
                             render_counted, tag_at)

PathOrFile = str | os.PathLike[str] | IO[bytes]

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
_W = "{%s}" % W_NS

DOCUMENT_PART = "word/document.xml"
# Parts whose text may carry template tags.
_RENDERABLE = re.compile(r"^word/(document|header\d*|footer\d*|footnotes|endnotes)\.xml$")

# Every variable the template may use (docs/letters.md documents each one).
CONTEXT_KEYS = frozenset({
    "unit", "unit_kind", "unit_contact", "unit_phone", "title", "letter_title", "year",
    "issuer", "doc_number", "feedback_deadline", "contact", "phone", "contact_line", "date",
    "progress_file", "groups", "rows", "general", "total", "no",
    "title_lines", "general_tasks", "general_style", "attachments", "attachment_lines",
    "attachment_files", "table_ref", "functional", "show_deadline", "sealed", "sign_issuer",
    "sign_date", "masthead", "masthead_title", "delivery",
})

# 其他单位: up to this many non-lead units are named, more are "X等 N 个单位".
OTHERS_NAMED = 2
LEADS_NAMED = 3  # lead units are named up to this many

# How the requirements that fall to every department (各相关部门) are shown.
GENERAL_STYLES = ("list", "table", "annex")  # list: task titles + numbers (default)

# XML 1.0 forbids most control characters; Excel cells can hold them.
_XML_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_TAG = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.DOTALL)
_FULLWIDTH_TAG = re.compile(r"[｛{][｛{%％#]|[%％#][｝}]|[｝}][｝}]")
_SINGLE_BRACE_VAR = re.compile(r"(?<![{])\{\s*[A-Za-z_][\w.]*\s*\}(?![}])")
_CURLY = "“”‘’"


# ======================================================================
# Context: what one letter says
# ======================================================================
@dataclass(frozen=True)
class LetterRow:
    """One requirement as a table row of a letter."""

    id: str
    goal: str
    task_no: int
    task: str
    text: str
    deadline: str
    others: str  # the other units on this requirement, by role
    role: str  # this unit's role (牵头/责任/配合); empty in the general section
    units_text: str  # the original 责任单位 wording


@dataclass(frozen=True)
class RoleGroup:
    """The unit's requirements in one role."""

    role: str
    title: str
    number: str  # （一）（二）…
    rows: tuple[LetterRow, ...]

    @property
    def count(self) -> int:
        return len(self.rows)


@dataclass(frozen=True)
class GeneralTask:
    """A task with requirements for every department, as one line of the compact list."""

    task_no: int
    task: str
    ids: str  # 1-1、1-2、1-4
    count: int


def cn_number(n: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 23 → 二十三 (numbers up to 99)."""
    digits = L.LETTER_CN_DIGITS
    if n <= 10:
        return digits[n]
    tens, ones = divmod(n, 10)
    return (digits[tens] if tens > 1 else "") + digits[10] + (digits[ones] if ones else "")


def format_date(day: dt.date) -> str:
    """2019年3月5日 (GB/T 9704: Arabic numerals, no leading zeros)."""
    return L.LETTER_DATE.format(y=day.year, m=day.month, d=day.day)


def format_doc_number(text: str) -> str:
    """发文字号 with the year in 六角括号: 洮政办发[2019]5号, ﹝2019﹞ → 洮政办发〔2019〕5号."""
    return re.sub(r"[\[［【(（〔﹝❲]\s*(\d{4})\s*[\]］】)）〕﹞❳]", r"〔\1〕", text)


def _deadline_text(req: Requirement) -> str:
    if req.deadline.text:
        return req.deadline.text
    return format_date(req.deadline.date) if req.deadline.date else ""


def letter_title(title: str) -> str:
    """关于落实《标题》任务分工的通知; 关于落实《标题》的通知 when the title already names
    the division (…分工, …责任分解（2023年）, …工作要点, …实施方案, …清单); a general
    title when there is none."""
    title = title.strip()
    if not title:
        return L.LETTER_TITLE_NO_PLAN
    core = re.sub(L.LETTER_TITLE_TRAILER, "", title).strip() or title
    if core.endswith(L.LETTER_DIVISION_ENDINGS + L.LETTER_DIVISION_ENDINGS_MORE):
        return L.LETTER_TITLE_PLAN_IS_DIVISION.format(title=title)
    return L.LETTER_TITLE_WITH_PLAN.format(title=title)


LINE_HALF_CHARS = 56  # a body line: 28 characters, counted in half characters


def _pad(half_chars: int) -> str:
    """Leading blank of ``half_chars`` half characters: ideographic spaces and an en space."""
    half_chars = max(0, half_chars)
    return "\u3000" * (half_chars // 2) + ("\u2002" if half_chars % 2 else "")


def signature(issuer: str, date: str, *, sealed: bool = True) -> tuple[str, str]:
    """The 落款 lines (发文机关署名, 成文日期) as the templates write them.

    ``sealed`` (GB/T 9704 7.3.5.1): the date is right-aligned four characters in by
    the template (exact whatever the fonts), so it is returned as it is; the
    issuer gets the leading blank that centres it over the date on a
    28-character line (digits counted as half characters, as in Times New Roman).
    Not sealed (7.3.5.2): the issuer 右空二字 and the date's first character two
    characters right of the issuer's, both by their leading blank; a date longer
    than that is 右空二字 and the issuer moves left with it.
    """
    wi, wd = _width(issuer), _width(date)
    if sealed:
        date_at = LINE_HALF_CHARS - 8 - wd
        issuer_at = min(date_at + (wd - wi) // 2, LINE_HALF_CHARS - wi)
        return (_pad(issuer_at) + issuer if issuer else ""), date
    issuer_at = LINE_HALF_CHARS - 4 - wi
    date_at = issuer_at + 4
    if date_at + wd > LINE_HALF_CHARS - 4:
        date_at = LINE_HALF_CHARS - 4 - wd
        issuer_at = date_at - 4
    return (_pad(issuer_at) + issuer if issuer else ""), _pad(date_at) + date


def masthead_setting(plan: Plan) -> str:
    """说明 → 版头: 无 (default), 文件 or 信函."""
    value = dict(plan.info.extra).get(L.SET_MASTHEAD, "").strip() or L.MASTHEAD_NONE
    if value not in L.MASTHEADS:
        raise InputError(L.MSG_LETTERS_BAD_MASTHEAD.format(
            value=value, allowed=L.ALIAS_SEPARATOR.join(L.MASTHEADS)), sheet=L.SHEET_README)
    return value


def doc_numbers(pattern: str, units: Sequence[str], first: int = 1) -> dict[str, str]:
    """Each unit's 发文字号: ``pattern`` with ``{n}`` numbered from ``first`` in letter
    order (洮政办函〔2019〕{n}号 → …8号, …9号); the same number for all without ``{n}``."""
    if pattern.count("{n}") > 1 or re.sub(r"\{n\}", "", pattern).count("{") \
            or "}" in re.sub(r"\{n\}", "", pattern):
        raise InputError(L.MSG_LETTERS_BAD_NUMBER.format(value=pattern))
    return {u: format_doc_number(pattern.replace("{n}", str(first + i)))
            for i, u in enumerate(units)}


def sealed_setting(plan: Plan) -> bool:
    """说明 → 印章: 加盖 (default) or 不加盖."""
    value = dict(plan.info.extra).get(L.SET_SEAL, "").strip()
    if value in ("", L.SEAL_YES):
        return True
    if value == L.SEAL_NO:
        return False
    raise InputError(L.MSG_LETTERS_BAD_SEAL.format(value=value), sheet=L.SHEET_README)


def table_title(plan: Plan) -> str:
    """The whole table's title as 附件说明 names it."""
    return plan.info.title.strip() or L.LETTER_TABLE_TITLE_DEFAULT


def _width(text: str) -> int:
    """Display width: a CJK character 2, ASCII 1."""
    return sum(1 if ord(ch) < 0x2E80 else 2 for ch in text)


def _break_cost(text: str, i: int) -> float:
    """How bad a line break between text[i-1] and text[i] is (0 good … 1000 forbidden)."""
    before, after = text[i - 1], text[i]
    if before.isascii() and before.isalnum() and after.isascii() and after.isalnum():
        return 1000  # inside a number or a Latin word
    if before in L.TITLE_NO_BREAK_AFTER or after in L.TITLE_NO_BREAK_BEFORE:
        return 1000  # 《| or |》 or before punctuation
    for word in L.TITLE_BREAK_WORDS:  # a break inside a word
        start = text.find(word, max(0, i - len(word) + 1))
        while 0 <= start < i:
            if start + len(word) > i:
                return 60
            start = text.find(word, start + 1)
    if before in L.TITLE_BREAK_AFTER or after in L.TITLE_BREAK_BEFORE:
        return 0
    if any(text.startswith(w, i) for w in L.TITLE_BREAK_BEFORE_WORDS):
        return 0
    if any(text[:i].endswith(w) for w in L.TITLE_BREAK_WORDS):
        return 5  # between two words
    return 30


def title_lines(title: str, width: int = TITLE_LINE_WIDTH) -> list[str]:
    """The title broken into lines of at most ``width`` (CJK 2, ASCII 1) at word
    boundaries, balanced, each line no longer than the one above (GB/T 9704 梯形)."""
    return list(_title_lines(title.strip(), width))


@functools.lru_cache(maxsize=64)
def _title_lines(title: str, width: int) -> tuple[str, ...]:
    n = len(title)
    total = _width(title)
    if total <= width or n < 4:
        return (title,)
    pw = [0]
    for ch in title:
        pw.append(pw[-1] + _width(ch))
    cost_at = [0.0] + [_break_cost(title, i) for i in range(1, n)] + [0.0]
    count = -(-total // width)
    best: tuple[float, tuple[str, ...]] | None = None
    for lines in range(count, count + 2):
        target = total / lines
        # layer[end] = (cost, breaks) of the best split of title[:end] into k lines
        layer: dict[int, tuple[float, tuple[int, ...]]] = {0: (0.0, ())}
        for _ in range(lines):
            nxt: dict[int, tuple[float, tuple[int, ...]]] = {}
            for start, (cost, breaks) in layer.items():
                prev = pw[breaks[-1]] - pw[breaks[-2] if len(breaks) > 1 else 0] if breaks else None
                for end in range(start + 1, n + 1):
                    w = pw[end] - pw[start]
                    if w > width:
                        break
                    c = cost + abs(w - target) + cost_at[end]
                    if prev is not None and w > prev:  # lines get no longer downwards
                        c += 2 * (w - prev)
                    if end not in nxt or c < nxt[end][0]:
                        nxt[end] = (c, (*breaks, end))
            layer = nxt
        if n in layer:
            cost, breaks = layer[n]
            cost += 20 * (lines - count)
            if best is None or cost < best[0]:
                starts = (0, *breaks[:-1])
                best = (cost, tuple(title[x:y] for x, y in zip(starts, breaks)))
    return best[1] if best else (title,)


def _clean(value: Any) -> Any:
    """Context values made safe for XML (control characters removed)."""
    if isinstance(value, str):
        return _XML_ILLEGAL.sub("", value)
    return value


def _role_of(a: Assignment) -> Role:
    return a.role or Role.RESPONSIBLE


class PlanIndex:
    """Look-ups over a plan, built once for all letters."""

    def __init__(self, plan: Plan) -> None:
        self.plan = plan
        self.context: dict[str, tuple[str, int, str, Requirement]] = {}
        for goal, task, req in plan.iter_requirements():
            self.context[req.id] = (goal.name, task.number, task.name, req)
        self.by_requirement: dict[str, list[Assignment]] = {}
        self.by_unit: dict[str, list[Assignment]] = {}
        for a in plan.assignments:
            if not a.unit or a.requirement_id not in self.context:
                continue
            self.by_requirement.setdefault(a.requirement_id, []).append(a)
            self.by_unit.setdefault(a.unit, []).append(a)
        self._rows: dict[tuple[str, str, str], LetterRow] = {}
        self.general_ids = sorted({a.requirement_id for a in self.by_unit.get(L.GENERIC_UNIT, [])},
                                  key=requirement_sort_key)
        self.issuers = issuer_units(plan)
        generic_role = {a.requirement_id: _role_of(a) for a in self.by_unit.get(L.GENERIC_UNIT, [])}
        # A unit named only inside a 按职能 phrase (政府办、开发区、各相关部门按职能分别落实):
        # every requirement of its own also binds 各相关部门 in the same role.
        self.functional_units = frozenset(
            unit for unit, assignments in self.by_unit.items()
            if unit != L.GENERIC_UNIT and assignments
            and all(generic_role.get(a.requirement_id) is _role_of(a) for a in assignments))

    def units(self) -> list[str]:
        """Units that get a letter: named on 任务分工, not the pseudo-unit, in sheet order."""
        return [u for u in self.by_unit if u != L.GENERIC_UNIT]

    def others(self, req_id: str, exclude: str) -> str:
        """The other units on a requirement, by role, compactly: every role named
        (牵头/责任/配合), lead units up to three, the others up to two, more as
        "X等N个单位". The issuing office and 各相关部门 are never counted as units;
        各相关部门 is said in words."""
        by_role: dict[Role, list[str]] = {}
        generic = False
        for a in self.by_requirement.get(req_id, []):
            if a.unit == L.GENERIC_UNIT:
                generic = True
            elif a.unit != exclude and a.unit not in self.issuers:
                names = by_role.setdefault(_role_of(a), [])
                if a.unit not in names:
                    names.append(a.unit)
        parts = []
        for role in sorted(by_role, key=lambda r: r.order):
            names = by_role[role]
            limit = LEADS_NAMED if role is Role.LEAD else OTHERS_NAMED
            units = (L.ALIAS_SEPARATOR.join(names) if len(names) <= limit
                     else L.LETTER_OTHERS_MORE.format(first=names[0], count=len(names)))
            parts.append(L.LETTER_OTHERS_PART.format(role=role.value, units=units))
        if generic and exclude != L.GENERIC_UNIT:
            parts.append(L.LETTER_OTHERS_GENERIC)
        return L.LETTER_OTHERS_SEPARATOR.join(parts)

    def general_tasks(self, ids: Sequence[str]) -> list[GeneralTask]:
        """The requirements ``ids`` grouped by task, in order."""
        by_task: dict[int, list[str]] = {}
        names: dict[int, str] = {}
        for i in ids:
            _, task_no, task, _ = self.context[i]
            by_task.setdefault(task_no, []).append(i)
            names[task_no] = task
        return [GeneralTask(task_no=no, task=_clean(names[no]),
                            ids=L.ALIAS_SEPARATOR.join(req_ids), count=len(req_ids))
                for no, req_ids in by_task.items()]

    def row(self, req_id: str, unit: str, role: str) -> LetterRow:
        key = (req_id, unit, role)
        cached = self._rows.get(key)
        if cached is None:
            cached = self._rows[key] = self._make_row(req_id, unit, role)
        return cached

    def _make_row(self, req_id: str, unit: str, role: str) -> LetterRow:
        goal, task_no, task, req = self.context[req_id]
        return LetterRow(id=req.id, goal=_clean(goal), task_no=task_no, task=_clean(task),
                         text=_clean(req.text), deadline=_clean(_deadline_text(req)),
                         others=_clean(self.others(req_id, unit)), role=role,
                         units_text=_clean(req.units_text))


def letter_context(index: PlanIndex, unit: str, *, date: dt.date,
                   progress_file: str, general_style: str = "list",
                   annex_file: str = "", sealed: bool = True, masthead: str = L.MASTHEAD_NONE,
                   doc_number: str | None = None) -> dict[str, Any]:
    """The template variables for ``unit``'s letter (see docs/letters.md).

    ``annex_file``: the whole table's file name when it goes with the letter as
    its last 附件 (named by its title); ``sealed``: the 落款 of GB/T 9704 7.3.5.1
    (with the seal) rather than 7.3.5.2.
    """
    plan = index.plan
    info = plan.info
    functional = unit in index.functional_units
    own: dict[str, Role] = {}
    if not functional:
        for a in sorted(index.by_unit.get(unit, []), key=lambda a: _role_of(a).order):
            own.setdefault(a.requirement_id, _role_of(a))
    groups: list[RoleGroup] = []
    all_rows: list[LetterRow] = []
    for role in sorted(Role, key=lambda r: r.order):
        ids = sorted((i for i, r in own.items() if r is role), key=requirement_sort_key)
        if not ids:
            continue
        rows = tuple(index.row(i, unit, role.value) for i in ids)
        all_rows.extend(rows)
        groups.append(RoleGroup(role=role.value, title=L.LETTER_GROUP_TITLES[role.value],
                                number=L.LETTER_SUB_NUMBER.format(n=cn_number(len(groups) + 1)),
                                rows=rows))
    general = [index.row(i, L.GENERIC_UNIT, "") for i in index.general_ids if i not in own]
    all_rows.sort(key=lambda r: requirement_sort_key(r.id))
    numbers: dict[str, str] = {}
    n = 0
    if groups:
        n += 1
        numbers["own"] = cn_number(n)
    if general:
        n += 1
        numbers["general"] = cn_number(n)
    numbers["feedback"] = cn_number(n + 1)
    deadline = info.feedback_deadline
    if isinstance(deadline, dt.date):
        feedback = format_date(deadline)
    else:
        feedback = deadline or ""
    contact_parts = []
    if info.contact:
        contact_parts.append(L.LETTER_CONTACT.format(contact=info.contact))
    if info.phone:
        contact_parts.append(L.LETTER_PHONE.format(phone=info.phone))
    registry = plan.unit(unit)
    files = [progress_file] if progress_file else []
    titles = [L.LETTER_PROGRESS_TITLE.format(unit=unit)] if progress_file else []
    table_ref = L.LETTER_TABLE_REF_NONE
    if annex_file:
        files.append(annex_file)
        titles.append(table_title(plan))
        table_ref = L.LETTER_TABLE_REF_ANNEX.format(n=len(files) if len(files) > 1 else "")
    issuer_line, date_line = signature(info.issuer, format_date(date), sealed=sealed)
    context = {
        "unit": unit,
        "unit_kind": registry.kind if registry else "",
        "unit_contact": registry.contact if registry else "",
        "unit_phone": registry.phone if registry else "",
        "title": info.title,
        "letter_title": letter_title(info.title),
        "year": info.year or "",
        "issuer": info.issuer,
        "doc_number": format_doc_number(info.doc_number if doc_number is None else doc_number),
        "feedback_deadline": feedback,
        "contact": info.contact,
        "phone": info.phone,
        "contact_line": L.LETTER_CONTACT_SEPARATOR.join(contact_parts),
        "date": format_date(date),
        "progress_file": progress_file,
        "groups": groups,
        "rows": all_rows,
        "general": general,
        "total": len(all_rows),
        "no": numbers,
        "title_lines": title_lines(letter_title(info.title)),
        "general_tasks": index.general_tasks([r.id for r in general]),
        "general_style": general_style,
        "attachments": titles,
        "attachment_files": files,
        "attachment_lines": attachment_lines(titles),
        "table_ref": table_ref,
        "functional": functional,
        "show_deadline": any(r.deadline for r in all_rows),
        "sealed": sealed,
        "sign_issuer": issuer_line,
        "sign_date": date_line,
        "masthead": masthead,
        "delivery": dict(info.extra).get(L.SET_DELIVERY, "").strip(),
        "masthead_title": info.issuer + (L.MASTHEAD_FILE_SUFFIX if masthead == L.MASTHEAD_FILE
                                         else ""),
    }
    assert set(context) == CONTEXT_KEYS
    return {k: _clean(v) for k, v in context.items()}


def attachment_lines(names: Sequence[str]) -> list[str]:
    """附件说明 lines (GB/T 9704 7.3.4): 附件：name, or 附件：1．… with the later names
    aligned under the first."""
    if len(names) == 1:
        return [L.LETTER_ATTACHMENT_ONE.format(name=names[0])]
    return [(L.LETTER_ATTACHMENT_FIRST if i == 1 else L.LETTER_ATTACHMENT_NEXT).format(
        n=i, name=name) for i, name in enumerate(names, start=1)]


# ======================================================================
# The compiled template
# ======================================================================
_DOCXTPL = DocxTemplate(io.BytesIO())  # only its XML clean-up helpers are used


def _paragraph_texts(xml: bytes) -> list[str]:
    """Visible text of each paragraph of a part (runs joined)."""
    root = etree.fromstring(xml)
    texts = []
    for p in root.iter(_W + "p"):
        texts.append("".join(t.text or "" for t in p.iter(_W + "t")
                             if _nearest_paragraph(t) is p))
    return texts


def _paragraph_places(xml: bytes) -> list[tuple[str, str]]:
    """For each paragraph (same order as _paragraph_texts): (cell, table) it sits in, as
    XPaths ('' when outside any table)."""
    root = etree.fromstring(xml)
    tree = root.getroottree()
    places = []
    for p in root.iter(_W + "p"):
        cell = next(p.iterancestors(_W + "tc"), None)
        table = next(p.iterancestors(_W + "tbl"), None)
        places.append((tree.getpath(cell) if cell is not None else "",
                       tree.getpath(table) if table is not None else ""))
    return places


def _nearest_paragraph(el: etree._Element) -> etree._Element | None:
    parent = el.getparent()
    while parent is not None and parent.tag != _W + "p":
        parent = parent.getparent()
    return parent


def _strip_xml(text: str) -> str:
    return re.sub(r"<[^>]+>", "", text)


def _short(text: str, limit: int = 80) -> str:
    text = text.strip()
    return text if len(text) <= limit else text[:limit - 1] + "…"


@dataclass
class _Part:
    name: str
    source: str  # patched XML given to Jinja (with "\n" before each <w:p>)
    template: jinja2.Template
    texts: list[str]


class LetterTemplate:
    """The docx template engine of every document (交办通知, 通报, 催办): a template
    read, cleaned (docx_clean), checked and compiled once into the bounded sandbox;
    ``render`` per document. docxtpl's tag syntax ({%tr%}, {%p%}, …) is understood.

    ``known``: the variables a template may use (default: the letters' CONTEXT_KEYS);
    ``env``: the sandbox to render in (default: a new one; a batch shares one budget).
    Raises TemplateError (with the tag and the paragraph around it) when the
    template cannot be used.
    """

    def __init__(self, source: PathOrFile | None = None, *, known: Iterable[str] | None = None,
                 env: BoundedSandbox | None = None) -> None:
        if source is None:
            source = default_template_path()
            if not source.is_file():  # installed without the repository: build it in memory
                source = io.BytesIO(template_bytes())
                source.name = str(default_template_path())
        self.name = getattr(source, "name", "<stream>") if is_file_like(source) else str(source)
        data = self._read(source)
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as zf:
                self.entries = {info.filename: zf.read(info) for info in zf.infolist()}
        except (zipfile.BadZipFile, OSError, ValueError) as exc:
            raise TemplateError(L.MSG_TEMPLATE_NOT_DOCX.format(path=self.name, reason=exc),
                                path=self.name) from exc
        if DOCUMENT_PART not in self.entries:
            raise TemplateError(L.MSG_TEMPLATE_NOT_DOCX.format(
                path=self.name, reason=DOCUMENT_PART + " missing"), path=self.name)
        # Active content (remote template, DDE/INCLUDE fields, altChunk, macros) never
        # reaches a recipient: removed here, and said (docx_clean).
        self.entries, self.warnings = clean_template_parts(self.entries, self.name)
        # Templates come from anyone: no attribute access to internals, no code execution,
        # a budget on work and size (sandbox.BoundedSandbox).
        self.env = env if env is not None else bounded_sandbox()
        self.known = CONTEXT_KEYS if known is None else frozenset(known)
        self.parts: dict[str, _Part] = {}
        self.texts: list[str] = []
        for name, raw in self.entries.items():
            if not _RENDERABLE.match(name):
                continue
            try:
                texts = _paragraph_texts(raw)
            except etree.XMLSyntaxError as exc:
                raise TemplateError(L.MSG_TEMPLATE_NOT_DOCX.format(path=self.name, reason=exc),
                                    path=self.name) from exc
            self.texts.extend(texts)
            self._check_text(texts)
            xml = raw.decode("utf-8")
            if "{" not in xml:
                continue  # nothing to render: copied as it is
            self.parts[name] = self._compile(name, xml, texts)
            self._check_nesting(texts, _paragraph_places(raw))
        self._check_variables()
        self.uses_cell_tags = any(re.search(r"\{%\s*(tc|colspan|cellbg|hm)\b", p.source)
                                  for p in self.parts.values())
        # The package without the rendered parts, zipped once; each letter appends to a copy.
        self.base = self._zip_base()

    # ---------------------------------------------------------- loading
    def _read(self, source: PathOrFile) -> bytes:
        if not is_file_like(source) and not Path(source).is_file():
            raise TemplateError(L.MSG_TEMPLATE_NOT_FOUND.format(path=source), path=str(source))
        return read_input(source)[0]  # the input guard: no bomb, damaged or encrypted file

    def _error(self, message: str) -> TemplateError:
        return TemplateError(message, path=self.name)

    def _check_text(self, texts: list[str]) -> None:
        """Tags a person can see are wrong: full-width, incomplete, split across paragraphs."""
        for i, text in enumerate(texts):
            m = _FULLWIDTH_TAG.search(text)
            if m and any(ord(c) > 0xFF00 for c in m.group()):
                raise self._error(L.MSG_TEMPLATE_FULLWIDTH.format(
                    path=self.name, tag=_tag_around(text, m.start()), text=_short(text)))
            rest = _TAG.sub(" ", text)
            for opener, closer in (("{{", "}}"), ("{%", "%}"), ("{#", "#}")):
                pos = rest.find(opener)
                if pos >= 0:
                    following = "".join(texts[i + 1:i + 4])
                    if closer in following:
                        raise self._error(L.MSG_TEMPLATE_SPLIT_TAG.format(
                            path=self.name, tag=_short(rest[pos:], 40) + "…" + closer,
                            text=_short(text)))
                    raise self._error(L.MSG_TEMPLATE_BROKEN_TAG.format(
                        path=self.name, tag=_short(rest[pos:], 40), text=_short(text)))
                pos = rest.find(closer)
                if pos >= 0:
                    raise self._error(L.MSG_TEMPLATE_BROKEN_TAG.format(
                        path=self.name, tag=_short(rest[max(0, pos - 30):pos + 2], 40),
                        text=_short(text)))
            m = _SINGLE_BRACE_VAR.search(rest)
            if m:
                raise self._error(L.MSG_TEMPLATE_BROKEN_TAG.format(
                    path=self.name, tag=m.group(), text=_short(text)))

    def _compile(self, name: str, xml: str, texts: list[str]) -> _Part:
        source = _DOCXTPL.patch_xml(xml)
        source = re.sub(r"<w:p([ >])", r"\n<w:p\1", source)
        try:
            template = self.env.from_string(source)
        except jinja2.TemplateSyntaxError as exc:
            line = source.splitlines()[exc.lineno - 1] if exc.lineno else ""
            tag, text = self._locate_syntax_error(texts, _strip_xml(line))
            message = L.MSG_TEMPLATE_SYNTAX.format(path=self.name, tag=tag,
                                                   reason=exc.message or str(exc),
                                                   text=_short(text))
            if any(c in t for t in _TAG.findall(text) for c in _CURLY):
                message += L.MSG_TEMPLATE_CURLY_QUOTES
            raise self._error(message) from exc
        return _Part(name=name, source=source, template=template, texts=texts)

    def _check_nesting(self, texts: list[str], places: list[tuple[str, str]]) -> None:
        """An if/for must start and end in the same table cell (a {%tr%} loop: the same
        table); otherwise the letter would not be a valid Word document."""
        stack: list[tuple[str, str, str, str]] = []
        for text, (cell, table) in zip(texts, places):
            for tag in _TAG.findall(text):
                m = re.match(r"\{%-?\s*(tr\s+|tc\s+|p\s+|r\s+)?(\w+)", tag)
                if not m:
                    continue
                level, word = (m.group(1) or "").strip(), m.group(2)
                where = table if level == "tr" else cell
                if word in _BLOCK_WORDS:
                    stack.append((word, tag, text, where))
                elif word.startswith("end") and word[3:] in _BLOCK_WORDS and stack:
                    _, open_tag, open_text, open_where = stack.pop()
                    if open_where != where:
                        raise self._error(L.MSG_TEMPLATE_CROSSES_TABLE.format(
                            path=self.name, tag=open_tag, text=_short(open_text), end=tag,
                            end_text=_short(text)))

    def _locate_syntax_error(self, texts: list[str], line_text: str) -> tuple[str, str]:
        """(tag, paragraph text) most likely at fault for a Jinja syntax error."""
        # 1. An if/for without its end (or an end without its start).
        stack: list[tuple[str, str, str]] = []
        for text in texts:
            for tag in _TAG.findall(_unify_tags(text)):
                m = re.match(r"\{%-?\s*(\w+)", tag)
                if not m:
                    continue
                word = m.group(1)
                if word in _BLOCK_WORDS:
                    stack.append((word, tag, text))
                elif word.startswith("end") and word[3:] in _BLOCK_WORDS:
                    if not stack or stack[-1][0] != word[3:]:
                        return tag, text
                    stack.pop()
        if stack:
            return stack[-1][1], stack[-1][2]
        # 2. A tag that does not parse on its own, in the paragraph Jinja named.
        target = next((t for t in texts if _unify_tags(t) == line_text), line_text)
        for tag in _TAG.findall(_unify_tags(target)):
            try:
                self.env.parse(re.sub(r"^\{%(tr|tc|p|r)\s", "{% ", tag))
            except jinja2.TemplateSyntaxError as exc:
                msg = exc.message or ""
                if "end of template" in msg or re.search(r"unknown tag '(end|else|elif)", msg):
                    continue
                return tag, target
        tags = _TAG.findall(target)
        return (tags[-1] if tags else _short(target, 40)), target

    def _check_variables(self) -> None:
        for part in self.parts.values():
            names = meta.find_undeclared_variables(self.env.parse(part.source))
            unknown = sorted(n for n in names if n not in self.known
                             and n not in self.env.globals)
            if unknown:
                raise self._error(self._undefined_message(unknown[0]))

    def _undefined_message(self, name: str) -> str:
        tag, text = self.find_tag(name)
        if tag:
            return L.MSG_TEMPLATE_UNDEFINED.format(path=self.name, name=name, tag=tag,
                                                   text=_short(text))
        return L.MSG_TEMPLATE_UNDEFINED_NOWHERE.format(path=self.name, name=name)

    def find_tag(self, name: str) -> tuple[str, str]:
        """The first tag using the word ``name`` and its paragraph text ('' when none)."""
        word = re.compile(rf"(?<![\w]){re.escape(name)}(?![\w])")
        for text in self.texts:
            for tag in _TAG.findall(text):
                if word.search(tag):
                    return tag, text
        return "", ""

    def _zip_base(self) -> bytes:
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
            for name, data in self.entries.items():
                if name not in self.parts:
                    zf.writestr(name, data)
        return buf.getvalue()

    # -------------------------------------------------------- rendering
    def render_parts(self, context: Mapping[str, Any], unit: str = "") -> dict[str, bytes]:
        """Rendered XML of every tagged part, checked to be well-formed."""
        out: dict[str, bytes] = {}
        for name, part in self.parts.items():
            try:
                xml = render_counted(self.env, part.template, context)
            except TEMPLATE_FAILURES as exc:
                tag, text = tag_at(part.source, failure_line(exc))
                raise self._error(budget_message(self.name, unit, exc, tag, _short(text))) from exc
            except SecurityError as exc:
                m = re.search(r"attribute '([^']+)'", str(exc))
                tag, text = self.find_tag(m.group(1)) if m else ("", "")
                raise self._error(L.MSG_TEMPLATE_UNSAFE.format(
                    path=self.name, during=_during(unit), tag=tag or "?", text=_short(text))) from exc
            except jinja2.TemplateError as exc:
                raise self._error(self._render_message(exc, unit)) from exc
            except (TypeError, ValueError, AttributeError, KeyError) as exc:
                raise self._error(L.MSG_TEMPLATE_RENDER.format(
                    path=self.name, during=_during(unit), reason=exc, where="")) from exc
            xml = (xml.replace("\n<w:p", "<w:p").replace("{_{", "{{").replace("}_}", "}}")
                   .replace("{_%", "{%").replace("%_}", "%}"))
            data = xml.encode("utf-8")
            if self.uses_cell_tags:
                tree = _DOCXTPL.fix_tables(data)
                data = etree.tostring(tree, xml_declaration=True, encoding="UTF-8",
                                      standalone=True)
            else:
                try:
                    etree.fromstring(data)
                except etree.XMLSyntaxError as exc:
                    raise self._error(self._xml_message(exc, data)) from exc
            out[name] = data
        return out

    def _render_message(self, exc: jinja2.TemplateError, unit: str) -> str:
        reason = str(exc)
        m = (re.search(r"has no attribute '([^']+)'", reason)
             or re.search(r"'([^']+)' is undefined", reason))
        where = ""
        if m:
            tag, text = self.find_tag(m.group(1))
            if tag:
                where = L.MSG_TEMPLATE_WHERE.format(tag=tag, text=_short(text))
        return L.MSG_TEMPLATE_RENDER.format(path=self.name, during=_during(unit), reason=reason,
                                            where=where)

    def _xml_message(self, exc: etree.XMLSyntaxError, data: bytes) -> str:
        column = exc.position[1] if exc.position else 0
        window = data.decode("utf-8", "replace")[max(0, column - 2000):column]
        around = "".join(re.findall(r"<w:t(?:\s[^>]*)?>([^<]*)</w:t>", window))
        where = L.MSG_TEMPLATE_NEAR.format(text=_short(around[-60:])) if around else ""
        return L.MSG_TEMPLATE_BAD_XML.format(path=self.name, reason=exc.msg, where=where)

    def package(self, rendered: Mapping[str, bytes]) -> bytes:
        """A .docx: the template's other parts (zipped once) plus the rendered parts."""
        buf = io.BytesIO(self.base)
        buf.seek(0, io.SEEK_END)
        with zipfile.ZipFile(buf, "a", zipfile.ZIP_DEFLATED) as zf:
            for name, data in rendered.items():
                zf.writestr(name, data)
        return buf.getvalue()

    def render(self, context: Mapping[str, Any], unit: str = "",
               images: Mapping[str, tuple[bytes, float]] | None = None) -> bytes:
        """One document as .docx bytes. ``images``: variable → (PNG bytes, width in mm),
        each shown as a picture where the template says ``{{ variable }}``."""
        if not images:
            return self.package(self.render_parts(context, unit))
        values = dict(context)
        rels = etree.fromstring(self.entries.get(_DOCUMENT_RELS, _EMPTY_RELS))
        types = etree.fromstring(self.entries[_CONTENT_TYPES])
        extra: dict[str, bytes] = {}
        for number, (key, (png, width_mm)) in enumerate(images.items(), start=1):
            rid, target = f"rIdXltoolsImage{number}", f"media/xltools-{number}.png"
            etree.SubElement(rels, f"{{{_RELS_NS}}}Relationship", Id=rid, Type=_IMAGE_REL,
                             Target=target)
            extra["word/" + target] = png
            values[key] = Markup(_picture_run(png, width_mm, rid, number))
        if not any(d.get("Extension", "").lower() == "png" for d in types):
            etree.SubElement(types, f"{{{_TYPES_NS}}}Default", Extension="png",
                             ContentType="image/png")
        rendered = self.render_parts(values, unit)
        rendered[_DOCUMENT_RELS] = etree.tostring(rels, xml_declaration=True, encoding="UTF-8",
                                                  standalone=True)
        rendered[_CONTENT_TYPES] = etree.tostring(types, xml_declaration=True, encoding="UTF-8",
                                                  standalone=True)
        rendered.update(extra)
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
            for name in [*self.entries, *(n for n in rendered if n not in self.entries)]:
                zf.writestr(name, rendered.get(name, self.entries.get(name, b"")))
        return buf.getvalue()

    # --------------------------------------------------------- combined
    def combine(self, letters: Sequence[Mapping[str, bytes]],
                pages: Sequence[int] | None = None) -> bytes:
        """One document with every letter, each in its own section (page numbers from 1),
        starting on an odd page. ``pages``: each letter's page count; a letter with an odd
        count is followed by a blank page without a page number (GB/T 9704 7.5). Without
        counts the sections are odd-page breaks, which Word and LibreOffice judge by the
        restarted page number (so they add no blank page)."""
        return _combine(self, letters, pages)


def _during(unit: str) -> str:
    return L.TEMPLATE_DURING_UNIT.format(unit=unit) if unit else L.TEMPLATE_DURING


_CONTENT_TYPES = "[Content_Types].xml"
_DOCUMENT_RELS = "word/_rels/document.xml.rels"
_RELS_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
_TYPES_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
_IMAGE_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image"
_EMPTY_RELS = f'<Relationships xmlns="{_RELS_NS}"/>'.encode()


def _picture_run(png: bytes, width_mm: float, rid: str, number: int) -> str:
    """A picture ``width_mm`` wide (height from the PNG's own size) in a run of its own,
    to stand for a ``{{ tag }}`` inside a run's text (as docxtpl's InlineImage does)."""
    from docx.oxml.shape import CT_Inline
    from docx.shared import Mm

    width_px, height_px = struct.unpack(">II", png[16:24])  # the IHDR chunk
    cx = int(Mm(width_mm))
    cy = int(cx * height_px / max(width_px, 1))
    inline = CT_Inline.new_pic_inline(number + 1000, rid, f"xltools-{number}.png", cx, cy)
    xml = etree.tostring(inline, encoding="unicode")
    return ('</w:t></w:r><w:r><w:drawing>' + xml + '</w:drawing></w:r>'
            '<w:r><w:t xml:space="preserve">')


_BLOCK_WORDS = {"if", "for", "macro", "call", "filter", "with", "block", "raw", "autoescape",
                "set_block"}


def _unify_tags(text: str) -> str:
    """Paragraph text as Jinja sees it: {%p …%} → {% …%}, curly quotes → straight."""
    text = re.sub(r"\{%-?\s*(?:tr|tc|p|r)\s", "{% ", text)
    return text.translate(str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'"}))


def _tag_around(text: str, pos: int) -> str:
    start = max(0, pos - 2)
    return _short(text[start:pos + 30], 40)


# ======================================================================
# Combined document
# ======================================================================
_SECT_ORDER = ("headerReference", "footerReference", "footnotePr", "endnotePr", "type", "pgSz",
               "pgMar", "paperSrc", "pgBorders", "lnNumType", "pgNumType", "cols", "formProt",
               "vAlign", "noEndnote", "titlePg", "textDirection", "bidi", "rtlGutter",
               "docGrid", "printerSettings", "sectPrChange")


def _set_sect_child(sect: etree._Element, local: str, **attrs: str) -> None:
    el = sect.find(_W + local)
    if el is None:
        el = etree.Element(_W + local)
        rank = _SECT_ORDER.index(local)
        for child in sect:
            name = etree.QName(child).localname
            if name in _SECT_ORDER and _SECT_ORDER.index(name) > rank:
                child.addprevious(el)
                break
        else:
            sect.append(el)
    for key, value in attrs.items():
        el.set(_W + key, value)


BLANK_FOOTER = "word/footerXlBlank.xml"
_FOOTER_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer"
_FOOTER_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"


def _blank_page_section(sect: etree._Element, rid: str) -> etree._Element:
    """A paragraph that is a section of its own: one blank page, no page number."""
    blank = copy.deepcopy(sect)
    for ref in blank.findall(_W + "headerReference") + blank.findall(_W + "footerReference"):
        blank.remove(ref)
    for kind in ("even", "default", "first"):
        ref = etree.Element(_W + "footerReference")
        ref.set(_W + "type", kind)
        ref.set("{%s}id" % R_NS, rid)
        blank.insert(0, ref)
    _set_sect_child(blank, "type", val="nextPage")
    num = blank.find(_W + "pgNumType")
    if num is not None:
        blank.remove(num)
    p = etree.Element(_W + "p")
    etree.SubElement(p, _W + "pPr").append(blank)
    return p


def _combine(tpl: LetterTemplate, letters: Sequence[Mapping[str, bytes]],
             pages: Sequence[int] | None = None) -> bytes:
    entries = dict(tpl.entries)
    doc_root = etree.fromstring(letters[0][DOCUMENT_PART]) if DOCUMENT_PART in letters[0] \
        else etree.fromstring(entries[DOCUMENT_PART])
    body = doc_root.find(_W + "body")
    for child in list(body):
        body.remove(child)
    rels_name = "word/_rels/document.xml.rels"
    rels = etree.fromstring(entries[rels_name])
    types = etree.fromstring(entries["[Content_Types].xml"])
    # Header/footer parts with tags are rendered per letter and need their own copies.
    rid_target = {r.get("Id"): r.get("Target") for r in rels}
    extra: dict[str, bytes] = {}
    for i, rendered in enumerate(letters, start=1):
        xml = rendered.get(DOCUMENT_PART, entries[DOCUMENT_PART])
        root = etree.fromstring(xml)
        children = list(root.find(_W + "body"))
        sect = children.pop() if children and children[-1].tag == _W + "sectPr" else None
        sect = copy.deepcopy(sect) if sect is not None else etree.Element(_W + "sectPr")
        for ref in sect:
            if ref.tag not in (_W + "headerReference", _W + "footerReference"):
                continue
            rid = ref.get("{%s}id" % R_NS)
            part = "word/" + rid_target.get(rid, "")
            if part in rendered and part != DOCUMENT_PART:
                new_name = re.sub(r"\.xml$", f"-{i}.xml", part)
                new_rid = f"rIdXl{i}{rid}"
                extra[new_name] = rendered[part]
                part_rels = part.replace("word/", "word/_rels/") + ".rels"
                if part_rels in entries:
                    extra[new_name.replace("word/", "word/_rels/") + ".rels"] = entries[part_rels]
                rel = etree.SubElement(rels, "{%s}Relationship" % PKG_REL_NS)
                rel.set("Id", new_rid)
                rel.set("Type", next(r.get("Type") for r in rels if r.get("Id") == rid))
                rel.set("Target", new_name[len("word/"):])
                override = etree.SubElement(types, "{%s}Override" % CT_NS)
                override.set("PartName", "/" + new_name)
                override.set("ContentType", next(
                    (o.get("ContentType") for o in types if o.get("PartName") == "/" + part),
                    "application/xml"))
                ref.set("{%s}id" % R_NS, new_rid)
        # Every letter starts on an odd page: printed double-sided, no unit's first
        # page is on the back of another's letter.
        _set_sect_child(sect, "type", val="oddPage" if pages is None else "nextPage")
        _set_sect_child(sect, "pgNumType", start="1")
        pad = pages is not None and i < len(letters) and pages[i - 1] % 2 == 1
        if i < len(letters):
            # A section break: the sectPr goes into the last paragraph of the letter.
            if not children or children[-1].tag != _W + "p":
                children.append(etree.Element(_W + "p"))
            last = children[-1]
            ppr = last.find(_W + "pPr")
            if ppr is None:
                ppr = etree.Element(_W + "pPr")
                last.insert(0, ppr)
            old = ppr.find(_W + "sectPr")
            if old is not None:
                ppr.remove(old)
            rpr = ppr.find(_W + "rPr")
            if rpr is not None:
                rpr.addnext(sect)
            else:
                ppr.append(sect)
            if pad:
                if not any(r.get("Id") == "rIdXlBlank" for r in rels):
                    rel = etree.SubElement(rels, "{%s}Relationship" % PKG_REL_NS)
                    rel.set("Id", "rIdXlBlank")
                    rel.set("Type", _FOOTER_TYPE)
                    rel.set("Target", BLANK_FOOTER[len("word/"):])
                    override = etree.SubElement(types, "{%s}Override" % CT_NS)
                    override.set("PartName", "/" + BLANK_FOOTER)
                    override.set("ContentType", _FOOTER_CT)
                    extra[BLANK_FOOTER] = (
                        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                        b'<w:ftr xmlns:w="%s"><w:p/></w:ftr>' % W_NS.encode())
                children.append(_blank_page_section(sect, "rIdXlBlank"))
        else:
            children.append(sect)
        body.extend(children)
    out = {name: data for name, data in entries.items()}
    for name in tpl.parts:
        if name != DOCUMENT_PART:
            out[name] = letters[0].get(name, entries[name])
    out[DOCUMENT_PART] = etree.tostring(doc_root, xml_declaration=True, encoding="UTF-8",
                                        standalone=True)
    out[rels_name] = etree.tostring(rels, xml_declaration=True, encoding="UTF-8",
                                    standalone=True)
    out["[Content_Types].xml"] = etree.tostring(types, xml_declaration=True, encoding="UTF-8",
                                                standalone=True)
    out.update(extra)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in out.items():
            zf.writestr(name, data)
    return buf.getvalue()


# ======================================================================
# PDF via LibreOffice
# ======================================================================
def find_soffice() -> str | None:
    """The LibreOffice binary: $XLTOOLS_SOFFICE, soffice/libreoffice on PATH, usual install dirs."""
    env = os.environ.get("XLTOOLS_SOFFICE")
    if env and Path(env).is_file():
        return env
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    candidates = []
    if sys.platform == "win32":
        for base in (os.environ.get("ProgramFiles", r"C:\Program Files"),
                     os.environ.get("ProgramFiles(x86)", r"C:\Program Files (x86)")):
            candidates.append(Path(base) / "LibreOffice" / "program" / "soffice.exe")
    elif sys.platform == "darwin":
        candidates.append(Path("/Applications/LibreOffice.app/Contents/MacOS/soffice"))
    return next((str(c) for c in candidates if c.is_file()), None)


def convert_to_pdf(docs: Sequence[Path], out_dir: Path, *, force: bool = False,
                   soffice: str | None = None) -> list[Path]:
    """Convert ``docs`` to PDF in ONE LibreOffice run (private profile); write into ``out_dir``.

    Raises DependencyError when LibreOffice is not installed.
    """
    binary = soffice or find_soffice()
    if binary is None:
        raise DependencyError(L.MSG_PDF_NO_LIBREOFFICE)
    targets = [out_dir / (d.stem + ".pdf") for d in docs]
    for target in targets:
        check_writable(target, force)
    with tempfile.TemporaryDirectory(prefix="xltools-pdf-") as tmp:
        profile = Path(tmp) / "profile"
        converted = Path(tmp) / "out"
        converted.mkdir()
        cmd = [binary, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
               "--nolockcheck", "--convert-to", "pdf:writer_pdf_Export", "--outdir",
               str(converted), *map(str, docs)]
        try:
            proc = subprocess.run(cmd, capture_output=True, text=True,
                                  timeout=120 + 10 * len(docs))
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise DependencyError(L.MSG_PDF_FAILED.format(reason=exc)) from exc
        written = []
        for doc, target in zip(docs, targets):
            made = converted / (doc.stem + ".pdf")
            if not made.is_file():
                reason = (proc.stderr or proc.stdout or f"exit {proc.returncode}").strip()
                raise DependencyError(L.MSG_PDF_FAILED.format(reason=f"{doc.name}: {reason}"))
            with atomic_path(target, force) as tmp_target:
                shutil.copyfile(made, tmp_target)
            written.append(target)
    return written


def pdf_page_count(data: bytes) -> int:
    """Pages of a PDF written by LibreOffice (its page objects are not compressed)."""
    return len(re.findall(rb"/Type\s*/Page\b(?!s)", data))


def page_counts(docs: Sequence[Path], *, soffice: str | None = None) -> list[int]:
    """How many pages each document has, as LibreOffice lays it out (one run)."""
    with tempfile.TemporaryDirectory(prefix="xltools-pages-") as tmp:
        pdfs = convert_to_pdf(docs, Path(tmp), force=True, soffice=soffice)
        return [pdf_page_count(p.read_bytes()) for p in pdfs]


# ======================================================================
# The library function
# ======================================================================
@dataclass(frozen=True)
class Letter:
    unit: str
    path: Path
    requirements: int  # the unit's own requirements
    general: int  # requirements for every department listed too


@dataclass(frozen=True)
class LettersResult:
    folder: Path
    letters: tuple[Letter, ...]
    combined: Path | None = None
    pdfs: tuple[Path, ...] = field(default=())
    annex: Path | None = None  # the whole table, sent as 附件 (general="annex")
    warnings: tuple[str, ...] = field(default=())

    @property
    def paths(self) -> tuple[Path, ...]:
        """Every file written."""
        out = [letter.path for letter in self.letters]
        if self.combined:
            out.append(self.combined)
        if self.annex:
            out.append(self.annex)
        return (*out, *self.pdfs)

    def summary(self) -> str:
        lines = [L.MSG_LETTERS_WRITTEN.format(count=len(self.letters), path=self.folder)]
        if self.combined:
            lines.append(L.MSG_LETTERS_COMBINED.format(path=self.combined))
        if self.annex:
            lines.append(L.MSG_LETTERS_ANNEX.format(path=self.annex))
        if self.pdfs:
            lines.append(L.MSG_LETTERS_PDF.format(count=len(self.pdfs), path=self.folder))
        lines.extend(L.MSG_WARNING_PREFIX + w for w in self.warnings)
        return "\n".join(lines)


def _select_units(index: PlanIndex, wanted: Iterable[str] | None) -> list[str]:
    """The units to write to: every unit but the issuing office, or those asked for."""
    available = index.units()
    if not available:
        raise InputError(L.MSG_LETTERS_NO_UNITS)
    if wanted is None:
        issuers = issuer_units(index.plan)
        chosen = [u for u in available if u not in issuers]
        if not chosen:
            raise InputError(L.MSG_LETTERS_ONLY_ISSUER.format(issuer=index.plan.info.issuer))
        return chosen
    canonical = {name: name for name in available}
    for unit in index.plan.units:
        for alias in unit.aliases:
            if unit.name in canonical:
                canonical.setdefault(alias, unit.name)
    chosen: list[str] = []
    for name in wanted:
        name = name.strip()
        if name == L.GENERIC_UNIT:
            raise InputError(L.MSG_LETTERS_GENERIC_UNIT.format(unit=name))
        if name not in canonical:
            raise InputError(L.MSG_LETTERS_UNKNOWN_UNIT.format(
                unit=name, known=L.ALIAS_SEPARATOR.join(available)))
        if canonical[name] not in chosen:
            chosen.append(canonical[name])
    return chosen


def combined_name() -> str:
    return safe_filename(L.LETTERS_COMBINED_FILE, ".docx")


def issue_date(plan: Plan, date: dt.date | None = None) -> tuple[dt.date, list[str]]:
    """The 成文日期 of the letters and the warnings about it: ``date`` if given, else
    说明 → 成文日期, else today (warned); later than 反馈截止日期 is warned."""
    warnings: list[str] = []
    day = date
    if day is None:
        value = plan.info.issue_date
        if isinstance(value, dt.date):
            day = value
        elif value:
            raise InputError(L.MSG_LETTERS_BAD_ISSUE_DATE.format(value=value),
                             sheet=L.SHEET_README)
        else:
            day = dt.date.today()
            warnings.append(L.MSG_LETTERS_NO_ISSUE_DATE.format(date=format_date(day)))
    deadline = plan.info.feedback_deadline
    if isinstance(deadline, dt.date) and day > deadline:
        warnings.append(L.MSG_LETTERS_DATE_AFTER_DEADLINE.format(
            date=format_date(day), deadline=format_date(deadline)))
    return day, warnings


def plan_warnings(plan: Plan, index: PlanIndex | None = None) -> list[str]:
    """What a letter needs but the workbook lacks, said before any letter is written:
    标题, 发文单位, 反馈截止日期 empty; requirements without any unit."""
    index = index or PlanIndex(plan)
    out = []
    if not plan.info.title.strip():
        out.append(L.MSG_LETTERS_NO_TITLE.format(fallback=L.LETTER_TITLE_NO_PLAN))
    if not plan.info.issuer.strip():
        out.append(L.MSG_LETTERS_NO_ISSUER)
    if plan.info.feedback_deadline in (None, ""):
        out.append(L.MSG_LETTERS_NO_DEADLINE)
    orphans = [r.id for r in plan.requirements if r.id not in index.by_requirement]
    if orphans:
        out.append(L.MSG_LETTERS_NO_UNIT_ROWS.format(ids=L.ALIAS_SEPARATOR.join(orphans)))
    return out


def letters(workbook: PathOrFile, out_dir: str | os.PathLike[str], *,
            template: PathOrFile | None = None, units: Iterable[str] | None = None,
            combined: bool = False, pdf: bool = False, force: bool = False,
            date: dt.date | None = None, general: str = "list",
            table: bool = True, number: str | None = None,
            first_number: int = 1) -> LettersResult:
    """Write one 交办通知 (.docx) per unit of the normalised ``workbook`` into ``out_dir``.

    ``template``: a docxtpl .docx (default templates/letter.docx); ``units``: only
    these units (names or aliases; default every unit but the issuing office
    发文单位); ``combined``: also one document with every letter for printing,
    each letter starting on an odd page; ``pdf``: also convert to PDF with
    LibreOffice; ``force``: replace existing files; ``date``: 成文日期 (default
    说明 → 成文日期, else today with a warning); ``general``: how the requirements
    for every department are shown — "list" (task titles with the requirement
    numbers), "table" (in full) or "annex" (a reference to the whole table);
    ``table``: the whole table, in the original layout, goes with every letter
    as its last 附件 (written once next to the letters, named by its title;
    always with "annex"). The 落款 follows 说明 → 印章 (GB/T 9704 7.3.5.1 or 7.3.5.2),
    the 版头 说明 → 版头 (无, 文件, 信函). ``number``: each letter's 发文字号, ``{n}``
    numbered from ``first_number`` in letter order (default 说明 → 发文字号, which
    may hold ``{n}`` too).
    Settings the letters need but lack (标题, 发文单位, 反馈截止日期) and requirements
    without a unit are warned before anything is written.
    Nothing is written when the template or a unit name is wrong.
    """
    if general not in GENERAL_STYLES:
        raise InputError(L.MSG_LETTERS_BAD_GENERAL.format(
            value=general, allowed=L.ALIAS_SEPARATOR.join(GENERAL_STYLES)))
    folder = Path(out_dir)
    if folder.exists() and not folder.is_dir():
        raise OutputError(L.MSG_LETTERS_NOT_FOLDER.format(path=folder), path=str(folder))
    tpl = template if isinstance(template, LetterTemplate) else LetterTemplate(template)
    plan = read_plan(workbook)
    index = PlanIndex(plan)
    chosen = _select_units(index, units)
    day, warnings = issue_date(plan, date)
    sealed = sealed_setting(plan)
    masthead = masthead_setting(plan)
    numbers = doc_numbers(plan.info.doc_number if number is None else number, chosen,
                          first_number)
    warnings[:0] = plan_warnings(plan, index)
    for unit in sorted(issuer_units(plan)):
        if unit not in chosen and unit in index.by_unit:
            warnings.append(L.NOTE_ISSUER_UNIT.format(unit=unit, issuer=plan.info.issuer))
    soffice = None
    if pdf:
        soffice = find_soffice()
        if soffice is None:
            raise DependencyError(L.MSG_PDF_NO_LIBREOFFICE)
    names = unique_filenames(chosen, ".docx")
    progress = unique_filenames(
        [L.PROGRESS_FILE_PATTERN.format(unit=u).removesuffix(".xlsx") for u in index.units()],
        ".xlsx")
    targets = {u: folder / names[u] for u in chosen}
    combined_path = folder / combined_name() if combined else None
    annex_path = folder / safe_filename(table_title(plan), ".docx") \
        if table or general == "annex" else None
    inputs = (workbook, template)  # never written over, force or not
    for target in [*targets.values(), *(p for p in (combined_path, annex_path) if p)]:
        check_writable(target, force, inputs)

    warnings.extend(tpl.warnings)
    tpl.env.start_batch()  # one budget for every letter of this batch
    rendered: dict[str, dict[str, bytes]] = {}
    counts: dict[str, tuple[int, int]] = {}
    for unit in chosen:  # render everything first: a template error writes nothing
        ctx = letter_context(index, unit, date=day, progress_file=progress[
            L.PROGRESS_FILE_PATTERN.format(unit=unit).removesuffix(".xlsx")],
            general_style=general, annex_file=annex_path.name if annex_path else "",
            sealed=sealed, masthead=masthead, doc_number=numbers[unit])
        rendered[unit] = tpl.render_parts(ctx, unit)
        counts[unit] = (ctx["total"], len(ctx["general"]))

    written: list[Letter] = []
    pdfs: list[Path] = []
    with atomic_folder(folder, force, inputs) as batch:  # every file or none
        for unit in chosen:
            batch.write_bytes(targets[unit], tpl.package(rendered[unit]))
            written.append(Letter(unit, targets[unit], *counts[unit]))
        staged = [batch.path(letter.path) for letter in written]
        if pdf:
            pdfs = convert_to_pdf(staged, batch.staging, force=force, soffice=soffice)
        if combined_path is not None:
            # Each letter's page count, as LibreOffice lays it out, decides the blank pages.
            pages = None
            if pdf:
                pages = [pdf_page_count(p.read_bytes()) for p in pdfs]
            elif (counter := find_soffice()) is not None:
                pages = page_counts(staged, soffice=counter)
            else:
                warnings.append(L.MSG_LETTERS_ODD_UNCHECKED)
            batch.write_bytes(combined_path, tpl.combine([rendered[u] for u in chosen], pages))
            if pdf:
                pdfs += convert_to_pdf([batch.path(combined_path)], batch.staging, force=force,
                                       soffice=soffice)
        if annex_path is not None:
            from xltools.documents.export import export_plan

            export_plan(plan, batch.path(annex_path), force=force)
    pdfs = [folder / p.relative_to(batch.staging) for p in pdfs]
    return LettersResult(folder=folder, letters=tuple(written), combined=combined_path,
                         pdfs=tuple(pdfs), annex=annex_path, warnings=tuple(warnings))


__all__ = ["letters", "LettersResult", "Letter", "LetterTemplate", "letter_context",
           "PlanIndex", "convert_to_pdf", "find_soffice", "format_date", "cn_number",
           "CONTEXT_KEYS", "GENERAL_STYLES", "title_lines", "issue_date", "attachment_lines"]
