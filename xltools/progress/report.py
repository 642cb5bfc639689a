"""`xltools report`: the Word 进展情况通报 for the leadership, from a roll-up.

At most four pages in the GB/T 9704 layout of the letters: the overall
figures with the 序时进度, the chart (each unit's 完成率 against the 序时进度),
the per-goal table, the units 逾期未报, the requirements marked 红 (the
earliest deadlines first, at most ``RED_LIMIT``; the rest are counted), the
extension requests, and the next steps. The figures are the 汇总 rules run on
the roll-up's 进度 sheet (``progress.readback``). The template is editable
(templates/report.docx; rendered in a sandbox, see ``progress.documents``).
"""

from __future__ import annotations

import datetime as dt
import os
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from xltools import labels as L
from xltools.documents.letters import format_doc_number, signature, title_lines
from xltools.io.fileio import check_writable, write_bytes
from xltools.model import PlanInfo
from xltools.progress import summary as S
from xltools.progress.chart import rate_chart_png
from xltools.progress.documents import REPORT_TEMPLATE, read_clean_template, render, sandbox
from xltools.progress.readback import read_rollup
from xltools.progress.results import RollupResult

RED_LIMIT = 8  # requirements listed in the 通报 (all of them are on 进度)
EXTENSION_LIMIT = 8
SHORT_TEXT = 36
GOOD_NAMED = 6  # units that did well, named in the 通报 (more: "A、B…等N个单位")


def format_date(day: dt.date) -> str:
    """2019年4月20日 (GB/T 9704: Arabic numerals, no leading zeros)."""
    return L.LETTER_DATE.format(y=day.year, m=day.month, d=day.day)


_PAIRS = {"《": "》", "〔": "〕", "（": "）", "(": ")", "“": "”", "[": "]", "【": "】"}


def _short(text: str, limit: int = SHORT_TEXT) -> str:
    """``text`` cut to about ``limit`` characters with "…", never inside 《…》, 〔…〕 or
    brackets (a document number such as 《…》（吉政办发〔2019〕12号） stays whole or goes)."""
    text = " ".join(str(text or "").split())
    if len(text) <= limit:
        return text
    cut = limit
    stack: list[tuple[int, str]] = []
    for i, ch in enumerate(text[:cut]):
        if ch in _PAIRS:
            stack.append((i, _PAIRS[ch]))
        elif stack and ch == stack[-1][1]:
            stack.pop()
    if stack:
        start, closer = stack[0]
        end = text.find(closer, cut)
        if 0 <= end < limit + 16:  # the document number is short: keep it whole
            cut = end + 1
            while cut < len(text) and text[cut] in "）)〕】》”":
                cut += 1
        else:
            cut = start
    cut = max(cut, 1)
    return text if cut >= len(text) else text[:cut].rstrip("，、；：") + "…"


def mark_word(mark: str) -> str:
    """红/黄/绿 as a 通报 says it: 进展滞后 / 需关注 / 正常推进."""
    return L.MARK_WORDS.get(mark, mark)


def _table(result: RollupResult, key: str) -> list[list[object]]:
    t = result.layout[key]
    return result.sheets[L.SHEET_SUMMARY][t.first_row - 1:t.last_row]


def _rate(value: object) -> str:
    """A 完成率 cell as the 通报 writes it: 12.5%, or 未报."""
    return f"{value:.1%}" if isinstance(value, int | float) else str(value or "")


def _deadline_text(deadline) -> str:
    if deadline.text:
        return deadline.text
    return deadline.date.isoformat() if deadline.date else ""


def report_context(result: RollupResult, requirements, info: PlanInfo, *,
                   date: dt.date | None = None, doc_number: str = "",
                   leaders: bool = False) -> dict[str, Any]:
    """The template variables (docs/progress.md lists them); ``leaders``: a 专报 to the
    leadership instead of the 通报 to the units."""
    rules = S.rules_for(result, info.year, info)
    marks = Counter(m for m, _ in result.unit_marks.values())
    own = [s for s in result.slots if not s.functional]  # 按职能 rows are not unit tasks
    done = sum(1 for s in own if s.status_key is not None and s.status_key == rules.done)
    lines = len(own)
    goals = []
    goal_head = result.sheets[L.SHEET_SUMMARY][result.layout["goals"].header_row - 1]
    for row in _table(result, "goals"):
        g = dict(zip(goal_head, row, strict=False))
        goals.append({"no": g[L.SCOL_NO], "goal": g[L.SCOL_GOAL], "count": g[L.SCOL_COUNT],
                      "due": g[L.SCOL_DUE], "done": g[rules.done or L.STATUS_DONE],
                      "rate": _rate(g[L.SCOL_RATE]), "mark": mark_word(g[L.SCOL_MARK])})
    entries = [e for e in S.requirement_entries(result, requirements, rules) if e.mark == L.MARK_RED]
    # Overdue work first, then what nobody reported; the earliest 完成时限 first.
    entries.sort(key=lambda e: (e.why != L.WHY_OVERDUE, e.deadline.date or dt.date.max))
    red_rows = [{"id": result.shown(e.req_id), "text": _short(e.text), "leads": L.ALIAS_SEPARATOR.join(e.leads[:3])
                 + ("…" if len(e.leads) > 3 else ""), "deadline": _deadline_text(e.deadline),
                 "why": e.why} for e in entries[:RED_LIMIT]]
    extensions = [{"unit": s.unit, "id": result.shown(s.req_id),
                   "to": format_date(s.extend_to) if isinstance(s.extend_to, dt.date) else
                   str(s.extend_to or ""), "reason": _short(str(s.extend_reason or ""), 40)}
                  for s in result.extensions[:EXTENSION_LIMIT]]
    # 督办: the 红 requirements grouped by their lead units, the units with most first.
    by_unit: dict[str, list[S.RequirementEntry]] = {}
    for e in entries:
        for unit in e.leads or [""]:
            by_unit.setdefault(unit, []).append(e)
    red_units = [{"unit": unit, "ids": L.ALIAS_SEPARATOR.join(result.shown(e.req_id) for e in group),
                  "count": len(group),
                  "why": L.ALIAS_SEPARATOR.join(w for w, _ in Counter(
                      e.why for e in group if e.why).most_common(2))}
                 for unit, group in sorted(by_unit.items(), key=lambda kv: -len(kv[1]))]
    good = [u for u in result.units if result.unit_marks.get(u, ("", ""))[0] == L.MARK_GREEN]
    good_units = ""
    if good:
        good_units = (L.ALIAS_SEPARATOR.join(good) if len(good) <= GOOD_NAMED else
                      L.REPORT_GOOD_UNITS.format(units=L.ALIAS_SEPARATOR.join(good[:GOOD_NAMED]),
                                                 count=len(good)))
    issuer_line, date_line = signature(info.issuer, format_date(date or result.as_of))
    title = info.title or L.PROGRESS_TITLE_DEFAULT
    heading = L.REPORT_TITLE.format(title=info.title) if info.title else L.REPORT_TITLE_DEFAULT
    if leaders:
        heading = (L.REPORT_TITLE_LEADERS.format(title=info.title) if info.title
                   else L.REPORT_TITLE_LEADERS_DEFAULT)
    return {
        "title": heading, "title_lines": title_lines(heading),
        "plan_title": title, "doc_number": format_doc_number(doc_number), "issuer": info.issuer,
        "recipients": "" if leaders else L.REPORT_RECIPIENTS, "leaders": leaders,
        "requirements": len(requirements),
        "good_units": good_units, "red_units": red_units,
        "sign_issuer": issuer_line, "sign_date": date_line,
        "date": format_date(date or result.as_of), "round": result.round_label,
        "as_of": format_date(result.as_of),
        "deadline": format_date(result.feedback_deadline) if result.feedback_deadline else "",
        "units": len(result.units), "returned": len(result.returned),
        "overdue": len(result.overdue_units), "blank": len(result.blank_units),
        "overdue_units": L.ALIAS_SEPARATOR.join(result.overdue_units),
        "blank_units": L.ALIAS_SEPARATOR.join(result.blank_units),
        "lines": lines, "done": done, "rate": f"{(done / lines if lines else 0):.1%}",
        "schedule": f"{result.schedule:.1%}",
        "red": marks[L.MARK_RED], "yellow": marks[L.MARK_YELLOW], "green": marks[L.MARK_GREEN],
        "goals": goals, "red_count": len(entries), "red_shown": len(red_rows), "red_rows": red_rows,
        "extension_count": len(result.extensions), "extensions": extensions,
    }


def chart_units(result: RollupResult) -> list[tuple[str, float, str]]:
    """(unit, 完成率, 标识) of the units with work, highest 完成率 first (the 汇总 chart data)."""
    return [(str(r[0]), float(r[1] or 0), result.unit_marks.get(str(r[0]), ("", ""))[0])
            for r in _table(result, "chart")]


@dataclass
class ReportResult:
    path: Path
    late_units: list[str]
    red_count: int
    warnings: list[str] = field(default_factory=list)

    def summary(self) -> str:
        return "\n".join([L.MSG_REPORT_DONE.format(late=len(self.late_units), red=self.red_count,
                                                   path=self.path), *self.warnings])


def report(rollup_workbook: str | os.PathLike[str] | IO[bytes], out: str | os.PathLike[str], *,
           template: str | os.PathLike[str] | IO[bytes] | None = None,
           date: dt.date | None = None, doc_number: str = "", force: bool = False,
           leaders: bool = False) -> ReportResult:
    """Write the 通报 for ``rollup_workbook`` (an OUT of ``rollup``) to ``out`` (.docx).
    ``date`` is the 成文日期 (default: the roll-up's as-of day), ``doc_number`` the
    通报's own 发文字号 (none by default); ``leaders``: a 专报 to the leadership (no
    主送; the extension requests put to the leaders) instead of the 通报."""
    inputs = (rollup_workbook, template)  # never written over, force or not
    check_writable(out, force, inputs)
    data, name, warnings = read_clean_template(template, REPORT_TEMPLATE)
    result, requirements, info = read_rollup(rollup_workbook)
    context = report_context(result, requirements, info, date=date, doc_number=doc_number,
                             leaders=leaders)
    chart = rate_chart_png(chart_units(result), result.schedule)
    document = render(data, name, context, {"chart": chart})
    path = write_bytes(out, document, force=force, inputs=inputs)
    return ReportResult(path=path, late_units=result.overdue_units, red_count=context["red_count"],
                        warnings=warnings)


__all__ = ["report", "report_context", "ReportResult", "format_date"]
