"""`xltools remind`: one 催办通知 (Word) for each unit that owes something.

A unit owes when, on the roll-up's 进度 sheet, some of its rows have no
answer (it did not report, returned a blank sheet or left rows out) or are
marked 红 because their 完成时限 has passed unfinished. A notice lists exactly
those rows, with what is owed, and the new deadline (``--deadline``). Units
that reported in full with nothing red get none; the issuing office
(发文单位) never gets one. The template is editable (templates/remind.docx,
rendered in a sandbox). Files are ``催办通知-<单位>.docx``, written only when
none of them exists yet (or with ``force``).
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from xltools import labels as L
from xltools.text import keep_together
from xltools.errors import InputError, OutputError
from xltools.documents.letters import format_doc_number, signature, title_lines
from xltools.io.fileio import atomic_folder, check_writable
from xltools.io.filenames import unique_filenames
from xltools.issuer import issuer_units
from xltools.model import Assignment, Plan, PlanInfo
from xltools.progress.documents import REMIND_TEMPLATE, read_clean_template, render, sandbox
from xltools.progress.identity import parse_date_arg, progress_file_name
from xltools.progress.readback import read_rollup
from xltools.progress.report import _short, format_date
from xltools.progress.results import _REPORTED, RollupResult, Slot

SHORT_TEXT = 40


def owed(slot: Slot) -> str | None:
    """What a unit owes on one row, or None."""
    if slot.feedback not in _REPORTED:
        if slot.feedback == L.FEEDBACK_ROW_MISSING:
            return L.OWE_ROW_MISSING
        if slot.feedback == L.FEEDBACK_EMPTY:
            return L.OWE_BLANK
        return L.OWE_REPORT
    if slot.overdue and slot.mark == L.MARK_RED:
        return L.OWE_OVERDUE
    return None


def owing_units(result: RollupResult, info: PlanInfo) -> dict[str, list[tuple[Slot, str]]]:
    """Unit → its owed rows (plan order), for the units that owe; not the 发文单位."""
    # The roll-up has no 单位 sheet: the units are the ones on 进度.
    issuer = issuer_units(Plan(info=info, goals=(), units=(), assignments=tuple(
        Assignment("", unit, None) for unit in result.units)))
    out: dict[str, list[tuple[Slot, str]]] = {}
    for slot in result.slots:
        if slot.unit in issuer:
            continue
        why = owed(slot)
        if why:
            out.setdefault(slot.unit, []).append((slot, why))
    return {u: out[u] for u in result.units if u in out}


def _situation(result: RollupResult, unit: str, rows: list[tuple[Slot, str]]) -> str:
    feedback = result.unit_feedback.get(unit, "")
    if feedback in (L.FEEDBACK_OVERDUE, L.FEEDBACK_MISSING):
        return L.REMIND_SITUATION_SILENT
    if feedback in (L.FEEDBACK_BLANK, L.FEEDBACK_BLANK_OVERDUE):
        return L.REMIND_SITUATION_BLANK
    parts = []
    missing = sum(1 for _, why in rows if why != L.OWE_OVERDUE)
    overdue = sum(1 for _, why in rows if why == L.OWE_OVERDUE)
    if missing:
        parts.append(L.REMIND_SITUATION_PARTIAL.format(count=missing))
    if overdue:
        parts.append(L.REMIND_SITUATION_OVERDUE.format(count=overdue))
    return L.REMIND_SITUATION_JOIN.join(parts)


def remind_context(result: RollupResult, info: PlanInfo, unit: str, rows: list[tuple[Slot, str]],
                   deadline: dt.date, *, date: dt.date | None = None,
                   doc_number: str = "") -> dict[str, Any]:
    def deadline_text(slot: Slot) -> str:
        d = slot.deadline
        return d.text or (format_date(d.date) if d.date else "")

    def short(text: str) -> str:
        return _short(text, SHORT_TEXT)

    # Many rows owed: no table (one page). All of them unreported: one sentence;
    # else the requirement numbers grouped by what is owed.
    total = sum(1 for s in result.slots if s.unit == unit)
    many = len(rows) > L.REMIND_TABLE_LIMIT
    unanswered = all(why in (L.OWE_REPORT, L.OWE_BLANK) for _, why in rows)
    compact = many and unanswered and len(rows) == total
    groups: dict[str, list[str]] = {}
    for slot, why in rows:
        groups.setdefault(why, []).append(result.shown(slot.req_id))
    issuer_line, date_line = signature(info.issuer, format_date(date or result.as_of))

    contact = ""
    if info.contact:
        contact = L.CONTACT_LINE.format(contact=info.contact, phone=L.CONTACT_PHONE.format(
            phone=keep_together(info.phone)) if info.phone else "")
    return {
        "title": L.REMIND_TITLE, "title_lines": title_lines(L.REMIND_TITLE),
        "doc_number": format_doc_number(doc_number), "unit": unit,
        "plan_title": info.title or L.PROGRESS_TITLE_DEFAULT, "round": result.round_label,
        "old_deadline": format_date(result.feedback_deadline) if result.feedback_deadline else "",
        "as_of": format_date(result.as_of), "situation": _situation(result, unit, rows),
        "deadline": format_date(deadline), "count": len(rows),
        "issuer": info.issuer, "issuer_short": info.issuer or L.REMIND_ISSUER_DEFAULT,
        "rows": [{"id": result.shown(s.req_id), "text": short(s.requirement), "deadline": deadline_text(s),
                  "owe": why} for s, why in rows],
        "progress_file": progress_file_name(unit), "contact_line": contact,
        "date": format_date(date or result.as_of),
        "compact": compact, "first_id": result.shown(rows[0][0].req_id) if rows else "",
        "last_id": result.shown(rows[-1][0].req_id) if rows else "",
        "groups": [{"owe": why, "count": len(ids), "ids": L.ALIAS_SEPARATOR.join(ids)}
                   for why, ids in groups.items()] if many and not compact else [],
        "sign_issuer": issuer_line, "sign_date": date_line,
    }


@dataclass
class RemindResult:
    folder: Path
    deadline: dt.date
    files: dict[str, Path] = field(default_factory=dict)  # unit → notice
    warnings: list[str] = field(default_factory=list)

    def summary(self) -> str:
        if not self.files:
            return "\n".join([L.MSG_REMIND_NONE, *self.warnings])
        return "\n".join([L.MSG_REMIND_DONE.format(count=len(self.files),
                                                   deadline=self.deadline.isoformat(),
                                                   path=self.folder), *self.warnings])


def remind(rollup_workbook: str | os.PathLike[str] | IO[bytes], out_dir: str | os.PathLike[str], *,
           deadline: str | dt.date, template: str | os.PathLike[str] | IO[bytes] | None = None,
           date: dt.date | None = None, doc_number: str = "", force: bool = False) -> RemindResult:
    """Write a 催办通知 into ``out_dir`` for each unit that owes (see the module doc).
    ``date`` is the 成文日期 (default: the roll-up's as-of day), ``doc_number`` the
    notice's own 发文字号 (none by default: the plan's number is another document's)."""
    due = parse_date_arg(deadline)
    if due is None:
        raise InputError(L.MSG_REMIND_DEADLINE)
    folder = Path(out_dir)
    if folder.exists() and not folder.is_dir():
        raise OutputError(L.MSG_NOT_A_FOLDER.format(path=folder), path=str(folder))
    data, name, warnings = read_clean_template(template, REMIND_TEMPLATE)
    result, _, info = read_rollup(rollup_workbook)
    units = owing_units(result, info)
    stems = {u: L.REMIND_FILE_PATTERN.format(unit=u).removesuffix(".docx") for u in units}
    names = unique_filenames(list(stems.values()), ".docx")
    targets = {u: folder / names[stems[u]] for u in units}
    inputs = (rollup_workbook, template)  # never written over, force or not
    for target in targets.values():
        check_writable(target, force, inputs)
    # Render every notice first: a template error leaves no partial batch behind.
    env = sandbox()
    env.start_batch()  # one budget for every notice of the batch
    documents = {u: render(data, name, remind_context(result, info, u, rows, due, date=date,
                                                      doc_number=doc_number), env=env, unit=u)
                 for u, rows in units.items()}
    out = RemindResult(folder=folder, deadline=due, warnings=warnings)
    if documents:
        with atomic_folder(folder, force, inputs) as batch:  # every notice or none
            for unit, document in documents.items():
                batch.write_bytes(targets[unit], document)
                out.files[unit] = targets[unit]
    return out


__all__ = ["remind", "RemindResult", "owing_units", "owed", "remind_context"]
