"""Property test of the importer: every known plan (the example, each real
table's annotation, seeded random plans) rendered into every real-world
layout of tests/layouts.py imports back to the same plan — goals, tasks,
requirement texts, units per role, deadlines.

Renderings the current importer does not read back are listed with their
first difference in tests/layout_failures.py and marked xfail(strict=True):
when the importer learns one, the case XPASSes, fails, and its entry is
deleted there."""

from __future__ import annotations

import functools
import io
import re
import zipfile

import pytest

import layouts as lay
from layout_failures import KNOWN_FAILURES
from real_examples import FIRST_BATCH

PLANS = lay.plan_specs()


@functools.cache
def spec(pid: str) -> lay.Spec:
    return PLANS[pid]()


def _later_batch(pid: str) -> bool:
    """A real document of the later batches (20–43): its renderings run with -m layout_matrix."""
    return pid.startswith("real-") and int(pid[5:]) >= FIRST_BATCH


def _cases() -> list:
    cases = []
    for layout in lay.LAYOUTS:
        for pid in PLANS:
            key = f"{layout.name}/{pid}"
            marks = ([pytest.mark.xfail(strict=True, reason=KNOWN_FAILURES[key])]
                     if key in KNOWN_FAILURES else [])
            if _later_batch(pid):
                marks.append(pytest.mark.layout_matrix)
            cases.append(pytest.param(layout.name, pid, id=key, marks=marks))
    return cases


@pytest.mark.parametrize(("layout", "pid"), _cases())
def test_rendering_imports_to_the_same_plan(layout: str, pid: str) -> None:
    shape = lay.LAYOUT_BY_NAME[layout]
    if shape.applies and not shape.applies(spec(pid)):
        pytest.skip(f"{layout} cannot state this plan")
    assert lay.check(spec(pid), shape) == ""


def test_known_failures_name_real_cases() -> None:
    cases = {f"{layout.name}/{pid}" for layout in lay.LAYOUTS for pid in PLANS}
    assert set(KNOWN_FAILURES) <= cases


# ---------------------------------------------------------------- the generator itself
def test_at_least_twelve_layouts_and_every_plan_source() -> None:
    assert len(lay.LAYOUTS) >= 12
    assert "example" in PLANS and sum(p.startswith("real-") for p in PLANS) == len(lay.real_files())
    assert sum(p.startswith("random-") for p in PLANS) >= 3


def test_example_spec_is_the_example() -> None:
    s = spec("example")
    assert (len(s.goals), len(s.tasks), len(s.reqs)) == (5, 19, 63)
    assert s.reqs[0].responsible == ("市政府办公室", "开发区", "各相关部门")


def test_expected_spec_follows_the_annotation() -> None:
    s = spec("real-18")
    assert len(s.reqs) == 17 and len(s.goals) == 3
    first = s.reqs[0]
    assert s.goals[0].name == "产业提升人才行动计划"
    assert s.goals[0].tasks[0].name == "战略性主导产业紧缺人才开发项目"
    assert first.lead == ("市发展改革委",) and first.assist == ("市委组织部", "市人力资源和社会保障局", "各区、县级市")
    assert first.text.startswith("5年内市、区（县级市）两")


def test_random_specs_are_seeded_and_realistic() -> None:
    a, b = lay.random_spec(5), lay.random_spec(5)
    assert a == b and a != lay.random_spec(6)
    units = {u for r in a.reqs for u in (*r.lead, *r.responsible, *r.assist)}
    assert units <= set(lay.UNITS_PLAIN)
    assert all(r.text.endswith("。") for r in a.reqs)
    assert len({r.text for r in a.reqs}) == len(a.reqs)
    hard = lay.random_spec(7, hard_units=True)
    assert {u for r in hard.reqs for u in (*r.lead, *r.responsible, *r.assist)} & set(lay.UNITS_HARD)


def test_compare_finds_a_changed_role_and_a_lost_requirement() -> None:
    s = spec("example")
    plan = lay.imported(*lay.LAYOUT_BY_NAME["xlsx"].render(s))
    assert lay.compare(s, plan) == ""
    g0 = s.goals[0]
    t0 = g0.tasks[0]
    r0 = t0.reqs[0]
    moved = lay.Req(r0.text, lead=r0.lead + r0.responsible, assist=r0.assist, deadline=r0.deadline)
    changed = lay.Spec(s.title, (lay.Goal(g0.name, (lay.Task(t0.name, (moved,) + t0.reqs[1:]),)
                                          + g0.tasks[1:]),) + s.goals[1:])
    assert "req 1" in lay.compare(changed, plan)
    more = lay.Spec(s.title, s.goals + (lay.Goal("新增目标", (lay.Task("新增任务", (r0,)),)),))
    assert "requirements imported, " in lay.compare(more, plan)


def _text_of(layout: str, s: lay.Spec) -> str:
    return lay.LAYOUT_BY_NAME[layout].render(s)[0].decode("utf-8")


def test_text_layouts_hold_every_requirement() -> None:
    for layout in lay.LAYOUTS:
        s = layout.plan(spec("random-2"))
        if layout.render(s)[1].endswith((".docx", ".xlsx")):
            continue
        text = _text_of(layout.name, s)
        for r in s.reqs:
            if layout.name == "box":  # hard-wrapped at the requirement column's width
                assert all(f"│{piece}" in text for piece in lay.wrap(r.text, 40)), r.text
            elif layout.name == "space-rows":  # wrapped cells: a space at each break
                assert r.text in text.replace(" ", ""), r.text
            else:
                assert r.text in text or r.text.replace('"', '""') in text, (layout.name, r.text)


def test_box_rows_are_rectangular_and_merged_cells_have_no_rule() -> None:
    s = spec("random-1")
    lines = [ln for ln in _text_of("box", s).splitlines() if ln and ln[0] in "┌│├└"]
    assert len({lay.width(ln) for ln in lines}) == 1
    assert any(ln.startswith("│    │                ├") for ln in lines)  # number and task merged
    assert lines[0].startswith("┌") and lines[-1].startswith("└")


def test_shifted_rows_start_with_the_requirement() -> None:
    s = lay.random_spec(1)
    second = s.goals[0].tasks[0].reqs[1]
    lines = _text_of("pipe-shifted", s).splitlines()
    assert any(ln.startswith(second.text + " | ") and ln.endswith("|  |  |") for ln in lines)


def test_cell_lines_put_one_unit_per_line() -> None:
    s = spec("real-15")
    text = _text_of("cell-lines-blank", s)
    assert "\n县水务局\n县住建局\n县护城河指挥部\n" in text


def test_office_layouts_have_real_merges() -> None:
    import openpyxl

    s = spec("random-1")
    data, _ = lay.LAYOUT_BY_NAME["xlsx"].render(s)
    ws = openpyxl.load_workbook(io.BytesIO(data)).active
    spans = [(r.min_col, r.max_row - r.min_row + 1) for r in ws.merged_cells.ranges]
    goal_rows = sum(len(t.reqs) for t in s.goals[0].tasks)
    assert (1, goal_rows) in spans  # the first goal's cell
    assert (2, len(s.goals[0].tasks[0].reqs)) in spans and (3, len(s.goals[0].tasks[0].reqs)) in spans
    data, _ = lay.LAYOUT_BY_NAME["docx"].render(s)
    xml = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode("utf-8")
    assert 'w:vMerge w:val="restart"' in xml and "<w:vMerge/>" in xml and "w:gridSpan" in xml
    assert 'rowspan="' in _text_of("html", s)


def test_prose_conventions() -> None:
    s = lay.random_spec(1)
    labelled, inline, lines = (_text_of(f"prose-{c}", s) for c in ("labelled", "inline", "lines"))
    assert "（牵头单位：" in labelled and "；配合单位：" in labelled
    assert re.search(r"牵头，[^（）]+配合", inline)
    assert re.search(r"\n牵头单位：[^\n]+\n配合单位：", lines)
    assert labelled.count("\n一、") == 1 and "\n2." in labelled


def test_new_shapes() -> None:
    s = lay.random_spec(1)
    records = _text_of("records", s)
    assert re.search(r"\n序号：1\n重点任务：[^\n]+\n具体要求：", records) and "\n\n目标：" in records
    split = _text_of("records-split", s)
    assert re.search(r"\n具体要求：\n[^\n：]+。\n", split)
    grouped = lay.LAYOUT_BY_NAME["group-headings"].plan(s)
    assert all(len(t.reqs) == 1 for t in grouped.tasks) and len(grouped.reqs) == len(s.reqs)
    assert [g.name for g in grouped.goals] == [t.name for t in s.tasks]
    heading = _text_of("group-headings", grouped)
    assert re.search(r"\n[^\n（]+（(牵头|责任)单位：[^\n]+）\n\n1、", heading)
    sub = lay.LAYOUT_BY_NAME["sub-items"].plan(s)
    assert all({(r.lead, r.responsible, r.assist, r.deadline) for r in t.reqs} ==
               {(t.reqs[0].lead, t.reqs[0].responsible, t.reqs[0].assist, t.reqs[0].deadline)} for t in sub.tasks)
    assert re.search(r"\n1\.[^\n]+。\n（1）[^\n]+\n（2）", _text_of("sub-items", sub))
    rows = _text_of("space-rows", s).splitlines()
    assert any(re.match(r"^1 \S+ \S+", ln) for ln in rows) and "\t" not in "".join(rows)
    assert [h for h in lay.LAYOUT_BY_NAME["units-first-lines"].columns(s)][:4] == ["序号", "重点任务", "责任单位", "完成时限"]
