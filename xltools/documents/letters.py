"""Task letters (交办通知): one Word document per unit, from a docxtpl template.

``letters(workbook, out_dir)`` reads the normalised workbook and writes
``<单位>.docx`` for every unit named on 任务分工 (not the pseudo-unit
各相关部门), listing the unit's requirements by role, the requirements for
every department, and how to report progress. The layout lives in
``templates/letter.docx`` (see docs/letters.md for its variables).

Speed: the template is read, checked and compiled **once**
(:class:`xltools.documents.engine.LetterTemplate`, the engine the 通报 and 催办
use too); each letter is then one Jinja render plus a zip
write that reuses the template's unchanged parts. docxtpl's own
``DocxTemplate.render`` reloads the .docx, re-runs its XML clean-up and
re-compiles the Jinja template for every document (benchmarks/letters.py).
"""

from __future__ import annotations

import datetime as dt
import functools
import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from xltools import labels as L
from xltools.text import keep_together
from xltools.errors import DependencyError, InputError, OutputError
from xltools.io.fileio import atomic_folder, check_writable
from xltools.io.filenames import safe_filename, unique_filenames
from xltools.issuer import issuer_units
from xltools.documents.letter_template import CONTEXT_KEYS, TITLE_LINE_WIDTH
from xltools.model import Assignment, Plan, Requirement, Role, requirement_sort_key
from xltools.workbook.reader import read_plan
from xltools.documents import GENERAL_STYLES
from xltools.documents.engine import LetterTemplate
from xltools.documents.pdf import convert_to_pdf, find_soffice, page_counts, pdf_page_count

PathOrFile = str | os.PathLike[str] | IO[bytes]

# 其他单位: up to this many non-lead units are named, more are "X等 N 个单位".
OTHERS_NAMED = 2
LEADS_NAMED = 3  # lead units are named up to this many

# How the requirements that fall to every department (各相关部门) are shown.

# XML 1.0 forbids most control characters; Excel cells can hold them.
_XML_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


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
    req_id: str = ""  # the 要求编号 in the workbook (``id`` is as shown: 4 for an item "4.")


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


def _choice_setting(plan: Plan, key: str, choices: Sequence[str], message: str) -> str:
    """A 说明 setting that is one of ``choices`` (the first when empty)."""
    value = dict(plan.info.extra).get(key, "").strip() or choices[0]
    if value not in choices:
        raise InputError(message.format(value=value, allowed=L.ALIAS_SEPARATOR.join(choices)),
                         sheet=L.SHEET_README)
    return value


def masthead_setting(plan: Plan) -> str:
    """说明 → 版头: 无 (default), 文件 or 信函."""
    return _choice_setting(plan, L.SET_MASTHEAD, L.MASTHEADS, L.MSG_LETTERS_BAD_MASTHEAD)


def doc_numbers(pattern: str, units: Sequence[str], first: int = 1) -> dict[str, str]:
    """Each unit's 发文字号: ``pattern`` with ``{n}`` numbered from ``first`` in letter
    order (洮政办函〔2019〕{n}号 → …8号, …9号); the same number for all without ``{n}``."""
    if pattern.count("{n}") > 1 or re.sub(r"\{n\}", "", pattern).count("{") \
            or "}" in re.sub(r"\{n\}", "", pattern):
        raise InputError(L.MSG_LETTERS_BAD_NUMBER.format(value=pattern))
    return {u: format_doc_number(pattern.replace("{n}", str(first + i)))
            for i, u in enumerate(units)}


def form_setting(plan: Plan) -> str:
    """说明 → 发文方式: 每单位一份 (default) or 统一通知."""
    return _choice_setting(plan, L.SET_FORM, L.FORMS, L.MSG_LETTERS_BAD_FORM)


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
        self.shown = plan.shown_ids()  # 要求编号 as the original numbered it
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
        # A unit holding two roles here (牵头 and 责任) is named once, in the stronger one.
        for a in sorted(self.by_requirement.get(req_id, []), key=lambda a: _role_of(a).order):
            if a.unit == L.GENERIC_UNIT:
                generic = True
            elif a.unit != exclude and a.unit not in self.issuers \
                    and all(a.unit not in names for names in by_role.values()):
                by_role.setdefault(_role_of(a), []).append(a.unit)
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
                            ids=L.ALIAS_SEPARATOR.join(self.shown.get(i, i) for i in req_ids),
                            count=len(req_ids))
                for no, req_ids in by_task.items()]

    def row(self, req_id: str, unit: str, role: str) -> LetterRow:
        key = (req_id, unit, role)
        cached = self._rows.get(key)
        if cached is None:
            cached = self._rows[key] = self._make_row(req_id, unit, role)
        return cached

    def _make_row(self, req_id: str, unit: str, role: str) -> LetterRow:
        goal, task_no, task, req = self.context[req_id]
        return LetterRow(id=self.shown.get(req.id, req.id), req_id=req.id, goal=_clean(goal),
                         task_no=task_no, task=_clean(task),
                         text=_clean(req.text), deadline=_clean(_deadline_text(req)),
                         others=_clean(self.others(req_id, unit)), role=role,
                         units_text=_clean(req.units_text))


def letter_context(index: PlanIndex, unit: str, *, date: dt.date,
                   progress_file: str, general_style: str = "list",
                   annex_file: str = "", sealed: bool = True, masthead: str = L.MASTHEAD_NONE,
                   doc_number: str | None = None, form: str = "letter") -> dict[str, Any]:
    """The template variables for ``unit``'s letter (see docs/letters.md).

    ``form``: "letter" (the unit's 交办通知), "annex" (the unit's 附件 to the one
    通知: its requirements only) or "notice" (the one 通知 to all units; ``unit``
    is then any unit, its own parts are left out).

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
    all_rows.sort(key=lambda r: requirement_sort_key(r.req_id))
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
        contact_parts.append(L.LETTER_PHONE.format(phone=keep_together(info.phone)))
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
        "general_tasks": index.general_tasks([r.req_id for r in general]),
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
        "round": dict(info.extra).get(L.SET_ROUND, "").strip(),
        "masthead_title": info.issuer + (L.MASTHEAD_FILE_SUFFIX if masthead == L.MASTHEAD_FILE
                                         else ""),
    }
    context.update(notice=form == "notice", annex=form == "annex", annex_no="1")
    if form == "notice":
        titles = [L.NOTICE_ANNEX_TITLE, L.NOTICE_PROGRESS_TITLE]
        if annex_file:
            titles.append(table_title(plan))
        context.update(unit=L.NOTICE_RECIPIENTS, unit_kind="", unit_contact="", unit_phone="",
                       groups=[], rows=[], general=[], general_tasks=[], total=0,
                       functional=False, show_deadline=False, no={"feedback": cn_number(1)},
                       progress_file=L.NOTICE_PROGRESS_FILE, attachments=titles,
                       attachment_files=[annex_file] if annex_file else [],
                       attachment_lines=attachment_lines(titles))
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
    notice: Path | None = None  # 发文方式 统一通知: the one 通知 (``letters`` are the 附件)

    @property
    def paths(self) -> tuple[Path, ...]:
        """Every file written."""
        out = [letter.path for letter in self.letters]
        if self.notice:
            out.append(self.notice)
        if self.combined:
            out.append(self.combined)
        if self.annex:
            out.append(self.annex)
        return (*out, *self.pdfs)

    def summary(self) -> str:
        lines = ([L.MSG_LETTERS_NOTICE.format(path=self.notice, count=len(self.letters))]
                 if self.notice else
                 [L.MSG_LETTERS_WRITTEN.format(count=len(self.letters), path=self.folder)])
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
            first_number: int = 1, form: str | None = None) -> LettersResult:
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
    may hold ``{n}`` too). ``form``: 每单位一份 (one 交办通知 per unit) or 统一通知
    (one 通知 to 各有关单位, named by its title, and per unit its requirements as
    ``附件1-<单位>.docx``); default 说明 → 发文方式.
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
    form = form or form_setting(plan)
    if form not in L.FORMS:
        raise InputError(L.MSG_LETTERS_BAD_FORM.format(
            value=form, allowed=L.ALIAS_SEPARATOR.join(L.FORMS)))
    one_notice = form == L.FORM_NOTICE
    numbers = doc_numbers(plan.info.doc_number if number is None else number,
                          [""] if one_notice else chosen, first_number)
    warnings[:0] = plan_warnings(plan, index)
    for unit in sorted(issuer_units(plan)):
        if unit not in chosen and unit in index.by_unit:
            warnings.append(L.NOTE_ISSUER_UNIT.format(unit=unit, issuer=plan.info.issuer))
    soffice = None
    if pdf:
        soffice = find_soffice()
        if soffice is None:
            raise DependencyError(L.MSG_PDF_NO_LIBREOFFICE)
    stems = {u: L.NOTICE_ANNEX_FILE.format(unit=u) if one_notice else u for u in chosen}
    names = unique_filenames(list(stems.values()), ".docx")
    progress = unique_filenames(
        [L.PROGRESS_FILE_PATTERN.format(unit=u).removesuffix(".xlsx") for u in index.units()],
        ".xlsx")
    targets = {u: folder / names[stems[u]] for u in chosen}
    notice_path = (folder / safe_filename(L.NOTICE_FILE.format(title=letter_title(plan.info.title)),
                                          ".docx") if one_notice else None)
    combined_path = folder / combined_name() if combined else None
    annex_path = folder / safe_filename(table_title(plan), ".docx") \
        if table or general == "annex" else None
    inputs = (workbook, template)  # never written over, force or not
    for target in [*targets.values(), *(p for p in (combined_path, annex_path, notice_path) if p)]:
        check_writable(target, force, inputs)

    warnings.extend(tpl.warnings)
    tpl.env.start_batch()  # one budget for every letter of this batch
    rendered: dict[str, dict[str, bytes]] = {}
    counts: dict[str, tuple[int, int]] = {}
    for unit in chosen:  # render everything first: a template error writes nothing
        ctx = letter_context(index, unit, date=day, progress_file=progress[
            L.PROGRESS_FILE_PATTERN.format(unit=unit).removesuffix(".xlsx")],
            general_style=general, annex_file=annex_path.name if annex_path else "",
            sealed=sealed, masthead=masthead, doc_number=numbers.get(unit, ""),
            form="annex" if one_notice else "letter")
        rendered[unit] = tpl.render_parts(ctx, unit)
        counts[unit] = (ctx["total"], len(ctx["general"]))
    notice_parts = None
    if one_notice:
        ctx = letter_context(index, chosen[0], date=day, progress_file=L.NOTICE_PROGRESS_FILE,
                             general_style=general,
                             annex_file=annex_path.name if annex_path else "", sealed=sealed,
                             masthead=masthead, doc_number=numbers[""], form="notice")
        notice_parts = tpl.render_parts(ctx, L.NOTICE_RECIPIENTS)

    written: list[Letter] = []
    pdfs: list[Path] = []
    with atomic_folder(folder, force, inputs) as batch:  # every file or none
        for unit in chosen:
            batch.write_bytes(targets[unit], tpl.package(rendered[unit]))
            written.append(Letter(unit, targets[unit], *counts[unit]))
        if notice_path is not None and notice_parts is not None:
            batch.write_bytes(notice_path, tpl.package(notice_parts))
        staged = [batch.path(letter.path) for letter in written]
        if notice_path is not None:
            staged.insert(0, batch.path(notice_path))
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
            documents = [rendered[u] for u in chosen]
            if notice_parts is not None:
                documents.insert(0, notice_parts)
            batch.write_bytes(combined_path, tpl.combine(documents, pages))
            if pdf:
                pdfs += convert_to_pdf([batch.path(combined_path)], batch.staging, force=force,
                                       soffice=soffice)
        if annex_path is not None:
            from xltools.documents.export import export_plan

            export_plan(plan, batch.path(annex_path), force=force)
    pdfs = [folder / p.relative_to(batch.staging) for p in pdfs]
    return LettersResult(folder=folder, letters=tuple(written), combined=combined_path,
                         pdfs=tuple(pdfs), annex=annex_path, warnings=tuple(warnings),
                         notice=notice_path)


__all__ = ["letters", "LettersResult", "Letter", "letter_context", "PlanIndex", "format_date",
           "cn_number", "GENERAL_STYLES", "title_lines", "issue_date", "attachment_lines"]
