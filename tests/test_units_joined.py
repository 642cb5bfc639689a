"""和/及/与 inside one unit's name versus joining two units (wording no corpus has)."""

from __future__ import annotations

from xltools import labels as L
from xltools.importing.builder import build_plan
from xltools.importing.readers.rows import RawRow
from xltools.importing.units import complete_name, joined_name, parse_units


def names(text: str) -> list[str]:
    return [u.name for u in parse_units(text).units]


def test_two_units_when_the_left_name_is_complete_on_its_own():
    assert names("市水务局与市园林局") == ["市水务局", "市园林局"]
    assert names("滨江县档案馆和县方志办") == ["滨江县档案馆", "县方志办"]
    assert names("审计局及统计局") == ["审计局", "统计局"]  # standard bodies
    assert names("各街道与区城管执法局") == ["各街道", "区城管执法局"]


def test_one_name_when_the_left_part_is_no_complete_name():
    assert names("档案室与资料管理科") == ["档案室与资料管理科"]
    assert names("图书和信息服务中心") == ["图书和信息服务中心"]  # 图书 is no body at all
    assert names("社区矫正与安置帮教科") == ["社区矫正与安置帮教科"]
    assert joined_name("档案室与资料管理科") == ("档案室", "资料管理科")
    assert joined_name("图书和信息服务中心") is None
    assert joined_name("市水务局与市园林局") is None  # already two
    assert not complete_name("档案室") and complete_name("市档案馆") and not complete_name("城市管理中心")


def _plan(*units: str):
    return build_plan([RawRow(f"落实第{i}项整改要求。", number=str(i), units=u) for i, u in enumerate(units, 1)])


def test_the_document_naming_the_left_part_elsewhere_makes_two_units():
    plan = _plan("档案室、保密办", "档案室与资料管理科")
    by_req = {}
    for a in plan.assignments:
        by_req.setdefault(a.requirement_id, []).append(a.unit)
    assert sorted(by_req["2-1"]) == ["档案室", "资料管理科"]
    assert not [n for n in plan.notes if "资料管理科" in n.message]


def test_one_unit_kept_is_noted_for_a_person():
    plan = _plan("保密办", "档案室与资料管理科")
    assert [a.unit for a in plan.assignments if a.requirement_id == "2-1"] == ["档案室与资料管理科"]
    note = [n for n in plan.notes if n.kind == L.REVIEW_UNITS and "档案室与资料管理科" in n.message]
    assert len(note) == 1 and note[0].requirement_id == "2-1"
