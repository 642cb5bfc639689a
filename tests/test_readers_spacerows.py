"""Rows of space-separated cells, with spaces inside cells too (a page or a
PDF copied as text): readers/spacerows.py."""

from __future__ import annotations

from xltools.importing.builder import build_plan
from xltools.model import Role
from xltools.importing.readers import read_source
from xltools.importing.readers.spacerows import align_row
from textplans import plan_of, unit_roles


TABLE = """\
某区2024年环境整治任务分解表
序号 类别 重点任务 具体措施 牵头单位 配合单位
1 大气污染 治 理 加强扬尘管控 对建筑工地实行围挡、覆盖、冲洗全覆盖，严查渣土车抛洒。 区住建局 区城管局、区交通局
2  强化机动 车尾气 监管 开展路检路查和入户抽测，淘汰老旧车辆。 区公安分局 区生态环境分局
3   推进餐饮油烟治理，年底前安装净化设施全覆盖。 区市场监管局 各街道办事处
"""


def test_rows_with_spaces_inside_and_between_cells() -> None:
    plan = plan_of(TABLE)
    assert [r.text for r in plan.requirements] == [
        "对建筑工地实行围挡、覆盖、冲洗全覆盖，严查渣土车抛洒。", "开展路检路查和入户抽测，淘汰老旧车辆。",
        "推进餐饮油烟治理，年底前安装净化设施全覆盖。"]
    assert [g.name for g in plan.goals] == ["大气污染治理"]  # 治 理: one cell wrapped, kept for rows 2–3
    assert [t.name for t in plan.tasks][:2] == ["加强扬尘管控", "强化机动车尾气监管"]
    assert unit_roles(plan, "1-1") == {("区住建局", Role.LEAD), ("区城管局", Role.ASSIST), ("区交通局", Role.ASSIST)}
    assert unit_roles(plan, "3-1") == {("区市场监管局", Role.LEAD), ("各街道办事处", Role.ASSIST)}


SPLIT_HEADER = """\
2023年重点工作进展表
序号 重点工作任务 牵头  领导 牵头   责任单位 配合   责任单位 进展情况
5 新建城区公园2个。 张  强 县住建局 县城管局
县自然资源局 已完成主体工程
6 改造农贸市场3个。 王明 县商务局 各乡镇 已完工
"""


def test_header_words_split_by_spaces_and_cells_over_lines() -> None:
    plan = plan_of(SPLIT_HEADER)
    assert [r.text for r in plan.requirements] == ["新建城区公园2个。", "改造农贸市场3个。"]
    assert unit_roles(plan, "5-1") == {("县住建局", Role.LEAD), ("县城管局", Role.ASSIST),
                                   ("县自然资源局", Role.ASSIST)}
    assert unit_roles(plan, "6-1") == {("县商务局", Role.LEAD), ("各乡镇", Role.ASSIST)}
    assert "张强" in plan.requirement("5-1").remark.replace(" ", "")


def test_align_row_prefers_wrapped_shapes_and_spaces_for_empty_cells() -> None:
    kinds = ["number", "goal", "task", "requirement", "units"]
    words = [("2", 0, False), ("严守用水", 2, False), ("效率控制", 1, False), ("红线", 1, False),
             ("落实用水效率评估体系，纳入考核。", 1, False), ("市水利局", 1, False)]
    _, cells = align_row(kinds, words)
    assert cells == ["2", "", "严守用水效率控制红线", "落实用水效率评估体系，纳入考核。", "市水利局"]


UNKNOWN_HEADER = """\
某镇重点事项清单
No. 事项 怎么做 谁来办
1 道路硬化 完成村组道路硬化10公里。 镇交通站
2 饮水安全 新建集中供水点3处。 镇水利站、各村
"""


def test_numbered_rows_without_a_header_are_read_by_their_cells() -> None:
    from xltools import labels as L
    from xltools.importing.readers.layout import Layout

    plan = plan_of(UNKNOWN_HEADER)  # the header words are none the grammar reads: the cells decide
    assert [r.text for r in plan.requirements] == ["完成村组道路硬化10公里。", "新建集中供水点3处。"]
    assert unit_roles(plan, "2-1") == {("镇水利站", Role.RESPONSIBLE), ("各村", Role.RESPONSIBLE)}
    assert any(n.message == L.NOTE_NO_HEADER_GUESSED for n in plan.notes)
    # Told the layout, the reader takes it: the 事项 column is the goal this time.
    layout = Layout(header_line=2, columns=("序号", "目标", "具体要求", "责任单位"))
    told = build_plan(*read_source(UNKNOWN_HEADER.encode("utf-8"), "t.txt", layout=layout))
    assert [g.name for g in told.goals] == ["道路硬化", "饮水安全"]
    assert [r.text for r in told.requirements] == [r.text for r in plan.requirements]


GOAL_ROWS = """\
某县2024年重点工作任务分工方案
序号 重点任务 具体要求 责任单位 完成时限
一、全面推进乡村振兴
1 优化农村人居 环境 开展村庄清洁行动，建立长效管护 机制。 县农业农村局 年底前
推进农村厕所改造，完善粪污 处理设施。 县农业农村局牵头，各乡镇配合 9月底前
二、加快数字政府建设
2 推进一网通办 梳理办事指南和服务清单，实现全 程网办。 县数据局、县政务服务中心 6月底前
"""


def test_goal_rows_and_rows_under_a_merged_task() -> None:
    # A numbered heading alone on its line spans the table (a goal row); a line that opens with
    # text and ends with the units (and deadline) closing a row is a row under the merged
    # 序号/任务 cells, though it opens without a full stop.
    plan = plan_of(GOAL_ROWS)
    assert [(g.name, [t.name for t in g.tasks]) for g in plan.goals] == [
        ("全面推进乡村振兴", ["优化农村人居环境"]), ("加快数字政府建设", ["推进一网通办"])]
    assert [r.text for r in plan.requirements] == [
        "开展村庄清洁行动，建立长效管护机制。", "推进农村厕所改造，完善粪污处理设施。", "梳理办事指南和服务清单，实现全程网办。"]
    assert unit_roles(plan, "1-2") == {("县农业农村局", Role.LEAD), ("各乡镇", Role.ASSIST)}
    assert plan.requirement("1-2").deadline.text == "9月底前"


def test_a_long_cell_wrapped_into_many_pieces() -> None:
    # A requirement wrapped by a narrow column into more than eight pieces stays one cell
    # (its first piece is not the end of the task); a row under the merged cells opens with a
    # piece that ends like a unit name (…集成式办) and is still text.
    long = "推行市场主体和个人全生命周期的办事服务事项集成式办理，编制一件事清单，优化流程再造，压减办理环节、申请材料和办理时限，推动更多事项网上办、掌上办、就近办，接受社会监督。"
    pieces = " ".join(long[i:i + 10] for i in range(0, len(long), 10))
    second = "推行市场主体全生命周期集成式办 理改革，推动一件事一次办。"
    text = (f"某县重点工作任务分工\n序号 重点任务 具体要求 责任单位\n1 深化放管服改革 {pieces} 县政务服务中心\n"
            f"{second} 县数据局、县政务服务中心\n2 优化营商环境 开展营商环境评价，补齐短板。 县发改局\n")
    assert len(pieces.split()) > 8
    plan = plan_of(text)
    assert [(t.name, len(t.requirements)) for t in plan.tasks] == [("深化放管服改革", 2), ("优化营商环境", 1)]
    assert plan.requirement("1-1").text == long
    assert plan.requirement("1-2").text == second.replace(" ", "")
    assert unit_roles(plan, "1-2") == {("县数据局", Role.RESPONSIBLE), ("县政务服务中心", Role.RESPONSIBLE)}


def test_a_table_of_one_row_under_a_goal_row() -> None:
    # A space dump that reads the goal row 一、… as a requirement without units finds one
    # requirement more; that heading counts as none, so the row reading wins.
    text = ("某县2025年水利工作分工\n序号 重点任务 具体要求 责任单位 完成时限\n"
            "一、筑牢防汛抗旱底线\n"
            "1 加固病险水库 完成三座小型水库除险 加固，汛前蓄水验收。 县水务局牵头，县应急局负责 2025年5月底前\n")
    plan = plan_of(text)
    assert [r.text for r in plan.requirements] == ["完成三座小型水库除险加固，汛前蓄水验收。"]
    assert [g.name for g in plan.goals] == ["筑牢防汛抗旱底线"]
    assert unit_roles(plan, plan.requirements[0].id) == {("县水务局", Role.LEAD), ("县应急局", Role.RESPONSIBLE)}


def test_a_body_subdivision_named_by_place_is_a_unit() -> None:
    # …镇人民政府青石村 / …街道办事处河西社区: a body's subdivision, not a place name.
    from xltools.importing.readers.columns import cell_type

    assert cell_type("临江区东湖街道办事处河西社区") == "units"
    assert cell_type("柳河镇人民政府青石湾居委会") == "units"
    assert cell_type("滨江生态新城镇") == "title"  # a place
    text = ("某街道创文问题整改表\n序号 具体要求 责任单位\n"
            "1 垃圾分类亭破损未维修 临江区东湖街道办事处河西社区\n"
            "2 宣传栏内容未更新 临江区东湖街道办事处河西社区\n")
    plan = plan_of(text)
    assert [r.text for r in plan.requirements] == ["垃圾分类亭破损未维修", "宣传栏内容未更新"]
    assert unit_roles(plan, plan.requirements[1].id) == {("临江区东湖街道办事处河西社区", Role.RESPONSIBLE)}


def test_a_header_line_given_for_a_tab_table_is_not_read_as_space_rows() -> None:
    # --header-line on a tab table whose header wraps over two rows: the tab reader joins
    # the rows; the space-row reader steps aside (tabs state the cells) instead of taking
    # the header's second row for a requirement.
    from xltools.importing.readers.layout import Layout

    text = ("某镇2025年民生实事表\n\n重点\t序\t工作\t责任\n领域\t号\t内容\t单位\n"
            "养老服务\t1\t新建村级居家养老服务站三处。\t镇民政办、镇卫生院\n")
    plan = build_plan(*read_source(text.encode("utf-8"), "t.txt", layout=Layout(header_line=3)))
    assert [r.text for r in plan.requirements] == ["新建村级居家养老服务站三处。"]
    assert {a.unit for a in plan.assignments_for(plan.requirements[0].id)} == {"镇民政办", "镇卫生院"}


SPACED_NAMES = """\
某街道2025年防汛备汛任务表
序号 工作事项 工作内容 分管领导 责任单位 时间节点
1 物资储备 补齐沙袋、救生衣等防汛物资并建立台账。 周  敏 街道城建科 街道武装部 4月底前
2 隐患巡查 对辖区低洼地段和地下车库逐一排查，建立问题清单。 孙 志 远 街道城建科 各社区居委会 5月15日前
3 值班值守 汛期实行24小时值班和领导带班制度。 马 林 街道党政办 汛期
"""


def test_letter_spaced_person_names_and_units_separated_by_spaces() -> None:
    plan = plan_of(SPACED_NAMES)
    assert [r.text for r in plan.requirements] == [
        "补齐沙袋、救生衣等防汛物资并建立台账。", "对辖区低洼地段和地下车库逐一排查，建立问题清单。",
        "汛期实行24小时值班和领导带班制度。"]
    assert {u for u, _ in unit_roles(plan, "1-1")} == {"街道城建科", "街道武装部"}
    assert {u for u, _ in unit_roles(plan, "2-1")} == {"街道城建科", "各社区居委会"}
    assert {u for u, _ in unit_roles(plan, "3-1")} == {"街道党政办"}  # 马 林: the leader, not text
    assert "孙志远" in plan.requirement("2-1").remark.replace(" ", "")


TWO_ROW_HEADER = """\
某交通投资公司2025年质量提升任务分解表（续）
序号 重点任务 责任单位 完成期限
主办单位 协办单位
8 开展在建高速公路桥梁支座专项检查，问题整改率100%。 养护分公司 技术中心、各项目部 6月30日前
9 推行 “平安工地”标准化考核，每季度通报一次。 安全监督部 各项目部 每季度
- 2 -
某交通投资公司2025年质量提升任务分解表（续）
序号 重点任务 责任单位 完成期限
主办单位 协办单位
10 完善工程质量档案电子化管理。 综合档案室 信息中心 2025年12月底前
"""


def test_two_row_header_repeated_after_a_page_number_and_running_title() -> None:
    _, meta = read_source(TWO_ROW_HEADER.encode("utf-8"), "t.txt")
    plan = plan_of(TWO_ROW_HEADER)
    assert [r.text.replace(" ", "") for r in plan.requirements] == [
        "开展在建高速公路桥梁支座专项检查，问题整改率100%。", "推行“平安工地”标准化考核，每季度通报一次。",
        "完善工程质量档案电子化管理。"]
    assert unit_roles(plan, "8-1") == {("养护分公司", Role.LEAD), ("技术中心", Role.ASSIST), ("各项目部", Role.ASSIST)}
    assert unit_roles(plan, "9-1") == {("安全监督部", Role.LEAD), ("各项目部", Role.ASSIST)}
    assert unit_roles(plan, "10-1") == {("综合档案室", Role.LEAD), ("信息中心", Role.ASSIST)}
    units = {a.unit for a in plan.assignments}
    assert not units & {"主办单位", "协办单位", "责任单位", "重点任务责任单位"}
    assert "续" not in plan.requirement("9-1").text and "续" not in plan.requirement("9-1").deadline.text
    # Nothing in the table is reported as a lost line: cells separated by single spaces count as read.
    assert not [r for r in meta.review if "漏读" in str(r)]


MIXED_SUB_HEADER = """\
序号 整治内容 责任主体 整改时限
责任科室 责任人
1 清理占道经营摊点，设置临时疏导点3处。 市容科 刘  洋 7月31日前
2 规范共享单车停放，增设停放区域。 综合执法中队 何 佳 音 8月底前
"""


def test_a_second_header_row_of_units_and_people_splits_the_units_word_above() -> None:
    plan = plan_of(MIXED_SUB_HEADER)
    assert [r.text for r in plan.requirements] == ["清理占道经营摊点，设置临时疏导点3处。", "规范共享单车停放，增设停放区域。"]
    assert {u for u, _ in unit_roles(plan, "1-1")} == {"市容科"}
    assert {u for u, _ in unit_roles(plan, "2-1")} == {"综合执法中队"}
    assert "何佳音" in plan.requirement("2-1").remark.replace(" ", "")


BARE_ROLE_SUB_HEADER = """\
某镇2025年人居环境整治任务分解表
序号 整治任务 责任单位 完成时限
牵头 配合
1 清理河塘沟渠漂浮物和岸边垃圾。 镇农业服务中心 各行政村 每月
— 2 —
2 推进农村户厕问题摸排整改。 镇社会事务办 镇卫生院 各行政村 2025年8月底前
"""


def test_bare_role_words_under_a_units_header_and_a_unit_after_a_sentence() -> None:
    plan = plan_of(BARE_ROLE_SUB_HEADER)
    assert [r.text for r in plan.requirements] == ["清理河塘沟渠漂浮物和岸边垃圾。", "推进农村户厕问题摸排整改。"]
    assert unit_roles(plan, "1-1") == {("镇农业服务中心", Role.LEAD), ("各行政村", Role.ASSIST)}
    # The unit after the sentence's full stop is the next cell, not the end of the text.
    assert unit_roles(plan, "2-1") == {("镇社会事务办", Role.LEAD), ("镇卫生院", Role.ASSIST), ("各行政村", Role.ASSIST)}
