"""Prose role clauses and the end of an item (issue 17, third blind set): every role
clause of a sentence names its units, also one whose role verb goes on with the
work (``X牵头，Y配合，Z负责入户动员``); a labelled line below an item that has
closed with its units — a page footer ``主办：… 联系电话：…`` — is not the item's.
Wording here is in none of the corpora."""

from __future__ import annotations

from xltools import labels as L
from xltools.importing.readers.prose import bare_verb_units, verb_units
from xltools.model import Role
from textplans import plan_of, unit_roles


def test_a_role_clause_that_goes_on_with_the_work_names_its_units_inside_a_run() -> None:
    assert bare_verb_units("改造雨污管网3公里。镇建设办牵头，县水务局配合，各村负责组织群众。") == \
        ["镇建设办牵头", "县水务局配合", "各村负责"]
    # the run opens with such a clause too when a bare role clause follows it
    assert bare_verb_units("开展汛前检查，县应急局负责统筹调度，各乡镇配合。") == ["县应急局负责", "各乡镇配合"]
    # after 由X负责 the clauses that go on naming units count the same way
    assert verb_units("由镇文化站负责，县图书馆协助，各村负责场地保障。") == \
        ["镇文化站负责", "县图书馆协助", "各村负责"]


def test_a_body_that_does_work_alone_in_its_sentence_assigns_nothing() -> None:
    assert bare_verb_units("县档案馆负责整理历史资料，形成目录。") == []
    assert bare_verb_units("开展培训两期，县人社局召开推进会。") == []


def test_the_third_role_clause_of_a_sentence_is_read_in_a_document() -> None:
    plan = plan_of("""\
某镇2026年工作安排
一、改善人居环境
（一）完成农村户厕改造300户。镇农业办牵头，县卫健局配合，各村负责摸底登记。
（二）新建污水处理站2座，由镇建设办负责。
""")
    assert unit_roles(plan, "1-1") == {("镇农业办", Role.LEAD), ("县卫健局", Role.ASSIST), ("各村", Role.RESPONSIBLE)}


FOOTER_AFTER_SKIPPED = """\
某区审计局2026年工作要点
一、强化审计监督
1.开展财政预算执行审计，覆盖全部一级预算单位。（牵头科室：财政审计科；配合科室：法规科）
2.配合完成经济责任审计项目12个。（牵头科室：经责审计科；配合科室：办公室、各审计组）
相关链接：审计法全文
承办：某区审计局办公室  电话：020-8888xxxx
"""

FOOTER_RIGHT_BELOW = """\
某区审计局2026年工作要点
一、强化审计监督
1.开展财政预算执行审计，覆盖全部一级预算单位。（牵头科室：财政审计科；配合科室：法规科）
2.配合完成经济责任审计项目12个。（牵头科室：经责审计科；配合科室：办公室、各审计组）
主办单位：某区审计局  联系电话：020-8888xxxx
"""


def test_a_labelled_footer_below_an_item_closed_with_its_units_is_not_its_units() -> None:
    for text in (FOOTER_AFTER_SKIPPED, FOOTER_RIGHT_BELOW):
        plan = plan_of(text)
        assert unit_roles(plan, "2-1") == {("经责审计科", Role.LEAD), ("办公室", Role.ASSIST), ("各审计组", Role.ASSIST)}
        assert any(n.kind == L.REVIEW_SKIPPED and "020-8888" in (n.source or "") for n in plan.notes)


def test_a_labelled_units_line_right_below_an_item_without_units_still_counts() -> None:
    plan = plan_of("""\
某区审计局2026年工作要点
一、强化审计监督
1.开展财政预算执行审计，覆盖全部一级预算单位。
责任科室：财政审计科  联系电话：020-8888xxxx
2.完成经济责任审计项目12个。
责任科室：经责审计科
""")
    assert ("经责审计科", Role.RESPONSIBLE) in unit_roles(plan, "2-1")
    assert any(u == "财政审计科" for u, _ in unit_roles(plan, "1-1"))


def test_a_body_acting_together_with_another_leads_and_the_other_cooperates() -> None:
    from xltools.importing.units import jointly, parse_units
    got = parse_units("县档案馆会同县融媒体中心、县图书馆负责")
    assert [(u.name, u.role) for u in got.units] == [
        ("县档案馆", Role.LEAD), ("县融媒体中心", Role.ASSIST), ("县图书馆", Role.ASSIST)]
    assert jointly("会同有关方面研究制定") is None and jointly("县档案馆会同专家论证方案") is None
    plan = plan_of("""\
某县2026年文化工作要点
一、保护文化遗产
1.完成县志续修初稿。县档案馆会同县地方志办负责。
2.建成非遗展示馆1处。由县文旅局会同县住建局负责，各乡镇配合。
""")
    assert unit_roles(plan, "1-1") == {("县档案馆", Role.LEAD), ("县地方志办", Role.ASSIST)}
    assert unit_roles(plan, "2-1") == {("县文旅局", Role.LEAD), ("县住建局", Role.ASSIST), ("各乡镇", Role.ASSIST)}


def test_a_first_sentence_followed_only_by_role_clauses_is_no_title() -> None:
    plan = plan_of("""\
某县2026年营商环境工作要点
一、优化政务服务
1.开展涉企收费专项检查。县市场监管局牵头，县发改委配合，各乡镇负责本辖区自查。
2.建立企业诉求快速响应机制。由县工商联负责，县司法局协助。
3.清理拖欠企业账款。县财政局、县工信局按职责分工负责。
""")
    texts = [r.text for _, _, r in plan.iter_requirements()]
    assert [t[:8] for t in texts] == ["开展涉企收费专项", "建立企业诉求快速", "清理拖欠企业账款"]
    assert unit_roles(plan, "1-1") == {("县市场监管局", Role.LEAD), ("县发改委", Role.ASSIST), ("各乡镇", Role.RESPONSIBLE)}


def test_a_site_footer_of_units_labels_below_the_last_item_adds_nothing_to_it() -> None:
    plan = plan_of("""\
某区司法局2026年工作要点
一、公共法律服务
1.推进公共法律服务实体平台建设。（牵头：公共法律服务科；配合：各司法所）
2.配合区人大做好地方立法调研。（责任科室：法制审核科；协助科室：普法科）
主办单位：某区司法局　承办单位：某区大数据中心　网站标识码：1234560001
""")
    assert unit_roles(plan, "2-1") == {("法制审核科", Role.RESPONSIBLE), ("普法科", Role.ASSIST)}
    reqs = {r.id: r for _, _, r in plan.iter_requirements()}
    assert "网站标识码" not in reqs["2-1"].remark
    assert any(n.kind == L.REVIEW_SKIPPED and "承办单位" in (n.source or "") for n in plan.notes)
