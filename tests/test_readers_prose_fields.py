"""Prose items whose fields hold numbered parts, and units that close a group of
sub-items: wording none of the corpora has."""

from __future__ import annotations

from xltools.importing.readers.prose import split_run_together
from xltools.model import Role
from textplans import plan_of


def test_a_labelled_measure_keeps_its_numbered_parts() -> None:
    line = ("纠正措施：1.对全部在用电梯逐台开展安全隐患排查并建立台账；2.对超期未检的电梯依法责令停用；"
            "3.建立维保单位信用评价制度。")
    assert len(line) >= 60
    assert split_run_together(line) == [line]
    # an item's run-together line is still cut
    run = ("一、重点工作 1.对全部在用电梯逐台开展安全隐患排查并建立台账，逐台复核；"
           "2.对超期未检的电梯依法责令停用，逐台复核，限期整改到位。")
    assert len(split_run_together(run)) == 3


def test_problems_with_long_measures_stay_the_requirements() -> None:
    text = """某区市场监管领域巡查反馈问题整改清单
问题1：部分住宅小区电梯维保记录造假，维保单位未按规定频次保养。
纠正措施：1.对全部在用电梯逐台开展安全隐患排查并建立台账；2.对超期未检的电梯依法责令停用；3.建立维保单位信用评价制度。
承办科室：特种设备科
配合科室：执法大队、各街道市场监管所
办结期限：2026年3月底前
问题2：校园周边食品摊贩无证经营。
纠正措施：1.联合城管部门集中清理；2.落实网格员日常巡查。
承办科室：食品经营科
办结期限：2026年1月底前
"""
    plan = plan_of(text)
    reqs = plan.requirements
    assert [r.text[:10] for r in reqs] == ["部分住宅小区电梯维保", "校园周边食品摊贩无证"]
    assert reqs[0].remark.startswith("纠正措施：1.对全部在用电梯")
    assert "3.建立维保单位信用评价制度" in reqs[0].remark
    roles = [(a.unit, a.role) for a in plan.assignments_for(reqs[0].id)]
    assert ("执法大队", Role.ASSIST) in roles


def test_units_ending_the_last_sub_item_close_the_group() -> None:
    text = """某县文旅局2026年工作要点
一、提升公共服务
1.推进图书馆总分馆建设，新建城市书房3个。【分管领导：李明 责任科室：公共服务股】
2.深化文旅融合。
（1）编制全域旅游规划；
（2）创建省级旅游度假区1个；
（3）举办乡村旅游节2场。【分管领导：赵强 责任科室：产业发展股、文化馆】
3.加强文物保护，完成不可移动文物普查复核。【分管领导：李明 责任科室：文物股】
"""
    plan = plan_of(text)
    by_text = {r.text[:6]: r for r in plan.requirements}
    for start in ("编制全域旅游", "创建省级旅游", "举办乡村旅游"):
        req = by_text[start]
        assert sorted(a.unit for a in plan.assignments_for(req.id)) == sorted(["产业发展股", "文化馆"])
        assert req.remark.startswith("分管领导：赵强")
    assert sorted(a.unit for a in plan.assignments_for(by_text["推进图书馆总"].id)) == ["公共服务股"]


def test_units_of_the_last_sub_item_alone_when_the_items_beside_name_none() -> None:
    text = """某县文旅局2026年工作要点
一、提升公共服务
1.推进图书馆总分馆建设，新建城市书房3个。
2.深化文旅融合。
（1）编制全域旅游规划；
（2）创建省级旅游度假区1个；
（3）举办乡村旅游节2场。【责任科室：产业发展股】
3.加强文物保护，完成不可移动文物普查复核。
"""
    plan = plan_of(text)
    owned = [r.text[:6] for r in plan.requirements if any(a.unit for a in plan.assignments_for(r.id))]
    assert owned == ["举办乡村旅游"]


def test_a_longer_title_line_over_a_labelled_text() -> None:
    text = """某县2026年第一批重点督办事项
督办事项一：县城北片区老旧小区雨污管网改造及道路提质工程
督办内容：完成北片区12个老旧小区雨污分流改造，同步完成道路提质3.2公里。
承办单位：县住建局
办结时限：2026年9月30日
督办事项二：城区停车难问题治理
督办内容：新建公共停车位800个，推行错时共享停车。
承办单位：县城管局
办结时限：2026年10月31日
"""
    plan = plan_of(text)
    reqs = plan.requirements
    assert [r.text[:8] for r in reqs] == ["完成北片区12个", "新建公共停车位8"]
    assert [t.name for t in plan.tasks][:1] == ["县城北片区老旧小区雨污管网改造及道路提质工程"]


def test_a_timed_clause_after_the_role_clauses_is_the_deadline_whole() -> None:
    text = """某镇2026年重点工作安排
一、人居环境
1.实施集镇污水管网延伸工程，新增管网4.5公里，由镇村建办牵头，镇财政所、各村配合，9月底前完工。
2.开展河道清淤疏浚，整治沟渠30条，镇农业服务中心负责落实，每月底报送进度。
3.推进垃圾分类示范村创建，镇综治办负责，长期坚持。
"""
    plan = plan_of(text)
    reqs = plan.requirements
    assert [r.deadline.display for r in reqs] == ["9月底前完工", "每月底报送进度", "长期坚持"]
    roles = [(a.unit, a.role) for a in plan.assignments_for(reqs[0].id)]
    assert ("镇村建办", Role.LEAD) in roles and ("镇财政所", Role.ASSIST) in roles
