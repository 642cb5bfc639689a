"""`xltools report`: a ≤ 4-page 通报 naming the late units, from a safe template."""

from __future__ import annotations

import io
from pathlib import Path

import subprocess

import docx
import pytest

from conftest import pdf_text, soffice_convert
from example_rollup import example_rollup
from xltools import labels as L
from xltools.cli import main
from xltools.errors import TemplateError, WorkbookError
from xltools.progress import summary as S
from xltools.progress.documents import build_report_template, render, template_bytes
from xltools.progress.readback import read_rollup
from xltools.progress.report import report, report_context


@pytest.fixture(scope="module")
def rolled(tmp_path_factory):
    return example_rollup(tmp_path_factory.mktemp("example"))


def pdf_pages(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True).stdout
    return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))


def _text(path: Path) -> str:
    d = docx.Document(str(path))
    parts = [p.text for p in d.paragraphs]
    for t in d.tables:
        parts += [c.text for row in t.rows for c in row.cells]
    return "\n".join(parts)


def test_report_of_the_example(rolled, tmp_path):
    out, result = rolled
    made = report(out, tmp_path / "通报.docx")
    assert made.late_units == result.overdue_units and len(made.late_units) == 23
    text = _text(made.path)
    for unit in result.overdue_units:  # every late unit is named
        assert unit in text
    assert "已反馈9个" in text and "逾期未报23个" in text and "序时进度30.1%" in text
    assert "2019年4月20日" in text
    # The title, broken at a word boundary (not inside 任务分工), lines joined again.
    title = L.REPORT_TITLE.format(title="2019年洮南市政务公开重点工作任务分工")
    assert title in text.replace("\n", "") and "任务分\n工" not in text
    d = docx.Document(str(made.path))
    assert len(d.inline_shapes) == 1  # the chart
    # The per-goal table carries the 汇总's figures.
    goals = result.layout["goals"]
    summary_goals = result.sheets[L.SHEET_SUMMARY][goals.first_row - 1:goals.last_row]
    table = next(t for t in d.tables if t.rows[0].cells[1].text == L.REPORT_GOAL_HEADERS[1])
    assert [r.cells[1].text for r in table.rows[1:]] == [g[1] for g in summary_goals]
    assert [r.cells[6].text for r in table.rows[1:]] == [
        L.MARK_WORDS[g[goals.mark_col - 1]] for g in summary_goals]  # 进展滞后, not 红
    # 要求数 counts requirements, 单位任务 the unit rows: 63 and 269 in all (开发区, named
    # only in the 按职能 phrase, answers on its 19 按职能 rows, not on 56 requirement rows).
    assert sum(int(r.cells[2].text) for r in table.rows[1:]) == 63
    assert sum(int(r.cells[3].text) for r in table.rows[1:]) == 269
    assert "63项要求、269项（次）单位任务" in text
    assert "红" not in "".join(r.cells[6].text for r in table.rows[1:])
    # 主送, and the units that did well named.
    assert "各有关单位：" in text
    good = [u for u, (m, _) in result.unit_marks.items() if m == L.MARK_GREEN]
    assert good and good[0] in text and "推进有力" in text
    # 督办 by unit: each unit once, its requirement numbers listed.
    red = next(t for t in d.tables if t.rows[0].cells[0].text == L.REPORT_RED_HEADERS[0])
    units = [r.cells[0].text for r in red.rows[1:]]
    # 开发区 answers on 按职能 rows, once per task: it is no longer the "lead" of the
    # requirements only 各相关部门 carries (those are partly answered: 黄, not 督办).
    assert units and len(units) == len(set(units)) and "开发区" not in units
    assert sum(int(r.cells[2].text) for r in red.rows[1:]) >= made.red_count
    # No internal instruction to the leadership in a document sent to the units.
    assert "请分管领导审定" not in text
    # The extension request of 市发改局 is in it, dated as GB/T 9704 writes dates.
    assert "市发改局" in text and "2019年9月30日" in text
    # What the leader sees: at most 3 pages, the title and the overall figures on page 1.
    pdf = soffice_convert(made.path, "pdf", tmp_path / "pdf")
    assert 1 <= pdf_pages(pdf) <= 3
    first = "".join(pdf_text(pdf).split("\f")[0].split())
    assert "通报" in first and "逾期未报23个" in first and "序时进度30.1%" in first


def test_report_reads_what_the_sheet_says(rolled):
    """The figures are the rules applied to 进度 as read back: equal to the roll-up's own."""
    out, result = rolled
    back, requirements, info = read_rollup(out)
    assert back.unit_marks == result.unit_marks and back.returned == result.returned
    assert back.sheets[L.SHEET_SUMMARY] == result.sheets[L.SHEET_SUMMARY]
    context = report_context(back, requirements, info)
    rules = S.rules_for(back, info.year)
    reds = [e for e in S.requirement_entries(back, requirements, rules) if e.mark == L.MARK_RED]
    assert context["red_count"] == len(reds) and context["red_shown"] == min(len(reds), 8)


def test_template_cannot_run_code(rolled, tmp_path):
    out, _ = rolled
    target = tmp_path / "pwned.txt"
    evil = build_report_template()
    evil.add_paragraph("{{ cycler.__init__.__globals__.os.popen('echo x > %s').read() }}" % target)
    path = tmp_path / "evil.docx"
    evil.save(str(path))
    with pytest.raises(TemplateError) as err:
        report(out, tmp_path / "r.docx", template=path)
    assert "evil.docx" in str(err.value) and not target.exists()
    assert not (tmp_path / "r.docx").exists()
    # And values are text, never markup: a unit name with XML characters stays as typed.
    rendered = render(template_bytes("remind.docx"), "remind.docx", {
        "title": "t", "title_lines": ["t"], "doc_number": "", "unit": "<b>&</b>", "plan_title": "p", "round": "r",
        "old_deadline": "", "as_of": "", "situation": "", "deadline": "", "count": 0,
        "issuer": "", "issuer_short": "", "rows": [], "progress_file": "", "contact_line": "",
        "date": "", "compact": False, "first_id": "", "last_id": "", "groups": [],
        "sign_issuer": "", "sign_date": ""})
    path = tmp_path / "x.docx"
    path.write_bytes(rendered)
    assert "<b>&</b>：" in _text(path)


def test_cli_report(rolled, tmp_path, capsys):
    out, _ = rolled
    target = tmp_path / "通报.docx"
    assert main(["report", str(out), "-o", str(target), "--date", "2019-04-22",
                 "--number", "洮政办督〔2019〕3号"]) == 0
    assert "23" in capsys.readouterr().out
    text = _text(target)
    assert "2019年4月22日" in text and "洮政办督〔2019〕3号" in text
    assert main(["report", str(out), "-o", str(target)]) == 1  # exists: --force needed
    assert "--force" in capsys.readouterr().err


def test_report_of_a_workbook_that_is_no_rollup(tmp_path):
    plain = tmp_path / "wb.xlsx"
    import openpyxl

    openpyxl.Workbook().save(plain)
    with pytest.raises(WorkbookError) as err:
        report(plain, tmp_path / "r.docx")
    assert L.SHEET_PROGRESS in str(err.value)


def test_committed_templates_are_what_the_code_builds():
    from xltools.progress.documents import TEMPLATES

    for name in ("report.docx", "remind.docx"):
        committed = docx.Document(str(TEMPLATES / name))
        built = docx.Document(io.BytesIO(template_bytes(name)))
        assert [p.text for p in committed.paragraphs] == [p.text for p in built.paragraphs], (
            "regenerate: python -m xltools.progress.documents --force")


def test_chart_finds_a_cjk_font_installed_after_matplotlibs_font_cache(monkeypatch):
    """matplotlib never rebuilds its font cache: a CJK font installed after the
    first use is unknown to it. The chart registers the system's font files it
    has not seen, so unit names are drawn, not empty boxes (and no warning per glyph)."""
    import warnings

    from matplotlib import font_manager

    from xltools.progress import chart

    manager = font_manager.fontManager
    cjk = [f for f in manager.ttflist if f.name in L.CHART_FONTS]
    cjk_files = {f.fname for f in cjk}
    stale = [f for f in manager.ttflist if f.fname not in cjk_files]
    if not cjk and not any("CJK" in p or "wqy" in p.lower() for p in font_manager.findSystemFonts()):
        pytest.skip("no CJK font installed")
    monkeypatch.setattr(manager, "ttflist", stale)  # the cache as it was before the font came
    chart._font_family.cache_clear()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error")  # "Glyph … missing from font(s)" would raise
            png = chart.rate_chart_png([("市教育局", 0.5, L.MARK_GREEN), ("市住建局", 0.1, L.MARK_RED)], 0.3)
        assert chart._font_family()[0] in L.CHART_FONTS
        assert png.startswith(b"\x89PNG")
    finally:
        chart._font_family.cache_clear()
