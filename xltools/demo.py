"""`xltools demo`: the whole job on the bundled example, into one folder."""

from __future__ import annotations

import datetime as dt
import json
import os
from collections.abc import Iterator
from pathlib import Path

from xltools import labels as L
from xltools.workbook.check import check, format_report
from xltools.importing.importer import ImportResult, read_original
from xltools.model import Plan
from xltools.workbook.writer import write_workbook

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
EXAMPLE = EXAMPLES / "taonan-2019.txt"
SETTINGS = EXAMPLES / "taonan-2019.settings.json"


def apply_settings(plan: Plan, settings: dict[str, str]) -> Plan:
    """Fill 说明 settings as staff would after importing."""
    changes: dict[str, object] = {}
    keys = {L.SET_ISSUER: "issuer", L.SET_DOC_NUMBER: "doc_number", L.SET_CONTACT: "contact",
            L.SET_PHONE: "phone", L.SET_TITLE: "title"}
    for key, field in keys.items():
        if settings.get(key):
            changes[field] = settings[key]
    if settings.get(L.SET_FEEDBACK_DEADLINE):
        changes["feedback_deadline"] = dt.date.fromisoformat(settings[L.SET_FEEDBACK_DEADLINE])
    if settings.get(L.SET_ISSUE_DATE):
        changes["issue_date"] = dt.date.fromisoformat(settings[L.SET_ISSUE_DATE])
    extra = dict(plan.info.extra)
    for key in (L.SET_ROUND, L.SET_DELIVERY):  # settings kept on 说明 as they are
        if settings.get(key):
            extra[key] = settings[key]
    if extra != dict(plan.info.extra):
        changes["extra"] = tuple(extra.items())
    return plan.with_info(**changes)


def demo(out_dir: str | os.PathLike[str], *, force: bool = False) -> Iterator[str]:
    """Run every step on the bundled example; yield one line per step for the user."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    plan = read_original(EXAMPLE)
    settings = json.loads(SETTINGS.read_text(encoding="utf-8"))
    plan = apply_settings(plan, settings)
    workbook = out / L.DEMO_WORKBOOK
    write_workbook(plan, workbook, force=force)
    yield ImportResult(plan, workbook).summary()
    result = check(workbook)
    yield format_report(workbook, result)
    from xltools.documents.letters import letters

    sent = letters(workbook, out / L.LETTERS_DEMO_DIR, force=force, combined=True)
    yield sent.summary()
    from xltools.documents.export import export

    for name in (L.DEMO_EXPORT_DOCX, L.DEMO_EXPORT_XLSX):
        yield L.MSG_EXPORTED_PATH.format(path=export(workbook, out / name, force=force))
    from xltools.progress.rollup import demo_cycle

    yield from demo_cycle(workbook, out, EXAMPLES / "returned", force=force)
    yield L.MSG_DEMO_DONE.format(path=out)
