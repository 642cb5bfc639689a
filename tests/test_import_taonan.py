"""Golden test on the reference table (examples/taonan-2019.txt).

The expectations below were written by hand from reading the original table
(not copied from the program's output): goals, task names, and for every
requirement its units by role. See docs/workbook.md for the reading rules.
"""

from __future__ import annotations

from xltools import labels as L

import datetime as dt

from xltools.model import Role

G1 = "加强解读回应稳定社会预期"
G2 = "强化权力监督推进决策和执行公开"
G3 = "聚焦政策落实深化重点领域信息公开"
G4 = "优化公开服务加强平台建设"
G5 = "注重工作质量完善基础保障"

TASKS = {
    1: (G1, "做好重要政策措施解读工作", 4),
    2: (G1, "积极回应社会关切", 4),
    3: (G1, "确保解读回应效果", 3),  # the G2 label before it is a page-break artefact
    4: (G2, "推进重大决策公开", 3),
    5: (G2, "推进重大部署执行公开", 3),
    6: (G2, "推进行政执法信息公开", 2),
    7: (G3, "加强三大攻坚战信息的公开", 3),
    8: (G3, "深化放管服改革信息公开", 3),
    9: (G3, "强化重点民生领域信息公开", 7),
    10: (G3, "细化财政信息公开", 3),
    11: (G3, "加强基层政务公开", 2),
    12: (G4, "推进政府网站优质规范发展", 6),
    13: (G4, "推进政务新媒体健康有序发展", 3),
    14: (G4, "推进政府公报创新发展", 2),
    15: (G4, "加快办事大厅线上线下融合发展", 3),
    16: (G5, "强化组织领导", 3),
    17: (G5, "抓好政府信息公开条例贯彻落实", 4),
    18: (G5, "加强基础保障工作", 3),
    19: (G5, "加强工作衔接及时总结经验", 2),
}

# "政府办、开发区、各相关部门按职能分别落实" — the clause most rows carry.
DEFAULT = {"responsible": ["市政府办公室", "开发区", "各相关部门"]}
GOV = "市政务服务局"


def lead(*units: str, default: bool = True) -> dict[str, list[str]]:
    d = {"lead": list(units)}
    if default:
        d.update(DEFAULT)
    return d


EXPECTED: dict[str, dict[str, list[str]]] = {
    "1-1": DEFAULT, "1-2": DEFAULT, "1-3": DEFAULT,
    "1-4": lead("市政府办公室", "市司法局", default=False),
    "2-1": DEFAULT, "2-2": DEFAULT,
    "2-3": lead("市财政局", "市生态环境局", "市扶贫办", "市卫健局", "市市场监督管理局", "市人社局",
                "市社保局", "市民政局", "市退役军人事务局", "市公安局", "市住建局", GOV,
                "市教育局", "市税务局", default=False),
    "2-4": {**DEFAULT, "assist": ["市委宣传部", "市网信办"]},
    "3-1": DEFAULT, "3-2": DEFAULT, "3-3": DEFAULT,
    "4-1": DEFAULT, "4-2": DEFAULT, "4-3": DEFAULT,
    "5-1": DEFAULT, "5-2": lead("市督查指挥中心", "市审计局", default=False), "5-3": DEFAULT,
    "6-1": lead(GOV, "市司法局"),
    "6-2": {"lead": ["市司法局"], "responsible": ["各相关部门"]},
    **{f"7-{i}": lead("中国人民银行洮南支行", "市发改局", "市民政局", "市财政局", "市生态环境局",
                      "市农业农村局", "市卫健局", "市林草局", "市住建局", "市扶贫办")
       for i in (1, 2, 3)},
    **{f"8-{i}": lead("市发改局", "市公安局", "市司法局", "市自然资源局", "市住建局", "市财政局",
                      "市市场监督管理局", GOV, "市税务局") for i in (1, 2, 3)},
    **{f"9-{i}": lead("市发改局", "市教育局", "市公安局", "市民政局", "市财政局", "市人社局",
                      "市自然资源局", "市生态环境局", "市住建局", "市交通局", "市水利局", "市文广旅局",
                      "市卫健局", "市退役军人事务局", "市应急管理局", "市审计局", "市医保局", GOV,
                      "市林草局", "市能源办") for i in range(1, 8)},
    **{f"10-{i}": lead("市财政局") for i in (1, 2, 3)},
    **{f"11-{i}": {"responsible": ["市民政局", "市财政局", "市自然资源局", "市住建局", "市农业农村局",
                                   "市审计局", "市扶贫办", "市林草局", "市政府办公室", "开发区",
                                   "各相关部门"]} for i in (1, 2)},
    **{f"12-{i}": lead(GOV) for i in range(1, 7)},
    **{f"13-{i}": lead("市委宣传部", GOV) for i in (1, 2, 3)},
    **{f"14-{i}": lead(GOV) for i in (1, 2)},
    **{f"15-{i}": lead(GOV) for i in (1, 2, 3)},
    "16-1": lead(GOV), "16-2": {"responsible": ["市人社局"]}, "16-3": lead(GOV),
    **{f"17-{i}": lead(GOV) for i in range(1, 5)},
    "18-1": lead(GOV, default=False), "18-2": lead(GOV), "18-3": lead(GOV),
    "19-1": lead(GOV, "市政务公开领导小组办公室"),
    "19-2": lead(GOV, "市政务公开领导小组办公室", default=False),
}

ROLE_KEYS = {"lead": Role.LEAD, "responsible": Role.RESPONSIBLE, "assist": Role.ASSIST}


def test_structure(taonan_plan):
    plan = taonan_plan
    assert plan.info.title == "2019年洮南市政务公开重点工作任务分工"
    assert plan.info.year == 2019
    assert [g.name for g in plan.goals] == [G1, G2, G3, G4, G5]
    assert len(plan.tasks) == 19
    assert len(plan.requirements) == 63


def test_every_task_goal_name_and_size(taonan_plan):
    got = {t.number: (g.name, t.name, len(t.requirements))
           for g in taonan_plan.goals for t in g.tasks}
    assert got == TASKS


def test_units_and_roles_of_every_requirement(taonan_plan):
    assert set(EXPECTED) == {r.id for r in taonan_plan.requirements}
    for req_id, expected in EXPECTED.items():
        got: dict[str, list[str]] = {}
        for a in taonan_plan.assignments_for(req_id):
            key = next(k for k, r in ROLE_KEYS.items() if r == a.role)
            got.setdefault(key, []).append(a.unit)
        assert got == {k: v for k, v in expected.items() if v}, req_id


def test_unit_registry_lists_each_body_once(taonan_plan):
    names = [u.name for u in taonan_plan.units]
    assert len(names) == len(set(names)) == 34
    assert "各相关部门" in names
    real = [u for u in taonan_plan.units if not u.is_generic]
    assert len(real) == 33
    aliases = {u.name: set(u.aliases) for u in taonan_plan.units}
    assert aliases["市政府办公室"] == {"政府办"}
    assert aliases["市司法局"] == {"司法局"}
    assert aliases["市政务服务局"] == {"市政务服局"}
    assert aliases["市退役军人事务局"] == {"市退役军人事务管理局"}
    kinds = {u.name: u.kind for u in taonan_plan.units}
    assert kinds["各相关部门"] == "泛指"
    assert kinds["开发区"] == "开发区/乡镇"
    assert kinds["中国人民银行洮南支行"] == "中省直单位"
    assert kinds["市政务公开领导小组办公室"] == "议事协调机构"
    assert kinds["市教育局"] == "市直部门"


def test_requirement_text_is_clean(taonan_plan):
    first = taonan_plan.requirement("1-1")
    assert first.text.startswith("认真落实上级工作部署，围绕全市中心工作")
    assert first.units_text == "政府办、开发区、各相关部门按职能分别落实。"
    for req in taonan_plan.requirements:
        assert "\xa0" not in req.text and "  " not in req.text
        assert not req.text.startswith(G3) and not req.text.startswith(G4)
    # The row that repeats a goal label in front of it keeps only its text.
    assert taonan_plan.requirement("9-7").text.startswith("健全完善网上专项资金公开专栏")
    assert taonan_plan.requirement("12-5").text.startswith("全面提升网站建设质量")


def test_deadlines_written_in_requirements(taonan_plan):
    assert taonan_plan.requirement("12-2").deadline.date == dt.date(2019, 12, 31)
    assert taonan_plan.requirement("18-1").deadline.date == dt.date(2019, 9, 30)
    # "历年内容" is not a deadline.
    assert not taonan_plan.requirement("12-6").deadline


def test_review_sheet_records_judgement_calls(taonan_plan):
    """Only the real judgement calls, in source order, each with its line."""
    notes = taonan_plan.notes
    messages = [n.message for n in notes]
    assert any("任务 3" in m and G2 in m for m in messages)  # stray goal label
    assert any("市政务服局" in m for m in messages)  # merges of two spellings
    assert any("市退役军人事务管理局" in m for m in messages)
    assert sum(n.kind == L.REVIEW_DEADLINE for n in notes) == 2  # deadlines read from the text
    # Routine work is not a note: a merged cell carried down, a prefix or short form (司法局).
    assert not any("司法局”与" in m or "沿用" in m for m in messages)
    assert 4 <= len(notes) <= 12
    # The questions about many lead units (issue 19) concern requirements, not a line.
    asked = [n for n in notes if n.kind == L.REVIEW_MANY_LEADS]
    assert [n.requirement_id for n in asked] == ["7-1", "8-1", "9-1"]
    notes = [n for n in notes if n.kind != L.REVIEW_MANY_LEADS]
    assert all(n.line for n in notes)
    assert [n.line for n in notes] == sorted(n.line for n in notes)
