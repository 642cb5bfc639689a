"""Two names written side by side for one requirement are two bodies, however
alike their spellings (issue 17, third blind set). Wording here is in none of
the corpora."""

from __future__ import annotations

from xltools.importing.builder import build_plan
from xltools.importing.readers import read_source
from xltools.importing.units import resolve_names
from xltools.model import Role


def test_names_side_by_side_are_not_merged_but_elsewhere_they_still_are() -> None:
    mapping, _, merges = resolve_names(["县林业工作站", "县林业站"], apart=[frozenset(("县林业工作站", "县林业站"))])
    assert mapping == {"县林业工作站": "县林业工作站", "县林业站": "县林业站"} and not merges
    mapping, _, merges = resolve_names(["县林业工作站", "县林业站"])
    assert mapping["县林业站"] == mapping["县林业工作站"] and merges


def test_a_responsible_body_and_a_cooperating_one_of_alike_names_stay_two_in_a_document() -> None:
    text = """\
某乡2026年重点工作
一、生态保护
（1）完成荒山造林800亩。
责任主体：乡林业工作站；参与单位：乡林业站、各村；时间节点：2026年4月。
（2）开展森林防火巡查。
责任主体：乡林业站；时间节点：全年。
"""
    plan = build_plan(*read_source(text.encode("utf-8"), "p.txt"))
    first = {(a.unit, a.role) for a in plan.assignments_for("1-1")}
    assert first == {("乡林业工作站", Role.RESPONSIBLE), ("乡林业站", Role.ASSIST), ("各村", Role.ASSIST)}
