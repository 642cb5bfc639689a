"""Flattened grids whose cells keep their positions only by evidence: a 目标
column of per-row sentences, a role word under a header spanning empty cells,
a merged first column of a TSV export, short rows, units one per line under two
units columns, and the page's notes and signature after the table. Wording
here is none of the corpora's."""

from __future__ import annotations

from xltools import labels as L
from xltools.importing.builder import build_plan
from xltools.importing.readers import read_source
from xltools.importing.readers.columns import cell_type, is_bracketed_note
from xltools.model import Role
from textplans import units_by_role


def _plan(text: str, name: str = "t.txt"):
    return build_plan(*read_source(text.encode("utf-8"), name))


def _req(plan, opening: str):
    return next(r for r in plan.requirements if r.text.startswith(opening))


def test_goal_column_of_row_sentences_is_the_requirement() -> None:
    text = "\n".join([
        "某市档案馆2026年重点工作安排",
        "编号 | 重点项目 | 具体目标 | 主办处室 | 协办处室 | 办结时限 |",
        "1 | 馆藏数字化 | 完成民国档案数字化扫描12万页，建立全文检索库。 | 技术保护处 | 信息化处 | 2026年9月 |",
        "2 |  | 开通线上查档预约，群众到馆等候时间压缩到15分钟以内。 | 利用服务处 | 办公室、信息化处 | 长期 |",
        "3 | 档案安全 | 开展库房温湿度全天候监测，更换老化消防设施40处。 | 保管处 | 后勤中心 | 2026年6月 |",
        "4 |  | 组织档案安全应急演练两次，修订应急预案。 | 保管处 | 各处室 | 2026年11月 |",
        "",
        "分享到： 微信 微博",
    ]) + "\n"
    plan = _plan(text)
    assert [r.text[:8] for r in plan.requirements] == ["完成民国档案数字", "开通线上查档预约", "开展库房温湿度全", "组织档案安全应急"]
    # The title column is the task, carried down over its empty (merged) cells.
    assert [t.name for t in plan.tasks][:1] == ["馆藏数字化"]
    assert units_by_role(plan, _req(plan, "开通线上").id) == {Role.LEAD: {"利用服务处"}, Role.ASSIST: {"办公室", "信息化处"}}
    assert not any("分享到" in r.text for r in plan.requirements)


def test_role_word_under_a_header_spanning_empty_cells() -> None:
    text = "\n".join([
        "编号,重点事项,工作举措,承办单位,,办结时间",
        ",,,主办,协办,",
        "1,河湖清四乱,全面排查河道乱占乱建问题并建立销号台账。,市水务局,\"市自然资源局,各县区政府\",2026年5月",
        "2,饮用水源保护,完成水源地规范化建设评估，设立界标和警示牌。,市生态环境局,市水务局,2026年8月",
        "3,节水型社会建设,创建节水型机关和节水型小区各十个。,市水务局,\"市机关事务中心,市住建局\",2026年12月",
    ]) + "\n"
    plan = _plan(text, "t.csv")
    assert units_by_role(plan, "1-1") == {Role.LEAD: {"市水务局"}, Role.ASSIST: {"市自然资源局", "各县区政府"}}
    assert units_by_role(plan, "2-1") == {Role.LEAD: {"市生态环境局"}, Role.ASSIST: {"市水务局"}}


def test_merged_first_units_column_of_a_tsv_export_carries_down() -> None:
    rows = [("区审计局", "1", "专项资金拨付滞后。", "建立资金拨付周报制度，逾期未拨付的约谈责任人。", "2026年3月底前"),
            ("", "2", "部分项目未按期验收。", "对未验收项目列出清单，逐一明确验收时间。", "2026年6月底前"),
            ("", "3", "内控制度更新不及时。", "修订内部控制手册并组织全员培训。", "2026年9月底前"),
            ("区统计局", "4", "基层统计台账不规范。", "统一台账模板，每季度抽查一次。", "长期坚持"),
            ("", "5", "统计数据报送迟缓。", "推行联网直报，报送时限提前两天。", "2026年5月底前")]
    text = "\n".join(["整改任务清单\t\t\t\t", "负责部门\t编号\t存在问题\t整改举措\t整改期限",
                      *("\t".join(r) for r in rows), "", "（信息来源：区委督查室）"]) + "\n"
    events, meta = read_source(text.encode("utf-8"), "t.tsv")
    plan = build_plan(events, meta)
    assert len(plan.requirements) == 5  # the bracketed source note is no requirement
    # A 整改清单: the problem (存在问题) is the requirement, the measure (整改举措) its remark.
    assert _req(plan, "部分项目").remark.startswith("整改举措：对未验收项目")
    assert {a.unit for a in plan.assignments_for(_req(plan, "部分项目").id)} == {"区审计局"}
    assert {a.unit for a in plan.assignments_for(_req(plan, "统计数据").id)} == {"区统计局"}
    # The carried cells are guesses: named on 待核对.
    carried = [e for e in events if getattr(e, "review", ()) and any(
        kind == L.REVIEW_UNITS and "区审计局" in note for kind, note in e.review)]
    assert [e.requirement[:4] for e in carried] == ["部分项目", "内控制度"]
    # The note is kept on 待核对 as a skipped line, not dropped silently.
    assert any("信息来源" in text for _, text in meta.skipped)


def test_short_rows_between_blank_lines_keep_one_cell_per_line() -> None:
    rows = [["1", "智慧社区", "建成社区智慧服务平台，接入养老、托育服务。", "区民政局", "区大数据中心、各街道", "2026年10月"],
            ["2", "打造十五分钟便民生活圈，新增便民网点30个。", "区商务局", "各街道"],
            ["3", "基层减负", "清理社区挂牌和台账，精简考核事项。", "区委社会工作部", "区民政局"],
            ["4", "推行社区工作者职业体系建设，落实薪酬动态调整。", "区人社局", "区财政局", "2026年12月"]]
    lines = ["序号", "重点任务", "工作措施", "牵头单位", "配合单位", "时间节点", "", ""]
    for r in rows:
        lines += r + ["", ""]
    plan = _plan("\n".join(lines) + "\n")
    assert units_by_role(plan, _req(plan, "打造十五").id) == {Role.LEAD: {"区商务局"}, Role.ASSIST: {"各街道"}}
    assert units_by_role(plan, _req(plan, "清理社区").id) == {Role.LEAD: {"区委社会工作部"}, Role.ASSIST: {"区民政局"}}
    assert units_by_role(plan, _req(plan, "推行社区").id) == {Role.LEAD: {"区人社局"}, Role.ASSIST: {"区财政局"}}


def test_pipe_closed_cells_and_a_contact_note_after_the_table() -> None:
    rows = [["1", "完成农村饮水安全巡检，建立问题清单。", "乡水利站", "各村委会", "6月底前"],
            ["2", "开展防汛物资清点补充，落实储备台账。", "乡应急办", "", "5月底前"],
            ["3", "组织山洪灾害避险转移演练。", "乡应急办", "乡派出所", "7月底前"],
            ["4", "推进小型水库除险加固。", "乡水利站", "", ""]]
    lines = ["序号 |", "重点工作 |", "责任单位 |", "协作单位 |", "完成时限 |"]
    for r in rows:
        lines += [f"{c} |" if c else "|" for c in r]
    lines += ["", "（乡防汛办公室　联系人：周海　电话：0571-5551234）"]
    plan = _plan("\n".join(lines) + "\n")
    assert len(plan.requirements) == 4
    assert units_by_role(plan, _req(plan, "组织山洪").id) == {Role.RESPONSIBLE: {"乡应急办"}, Role.ASSIST: {"乡派出所"}}
    assert units_by_role(plan, _req(plan, "推进小型").id) == {Role.RESPONSIBLE: {"乡水利站"}}
    assert not any("联系人" in a.unit for a in plan.assignments)


def test_units_one_per_line_under_two_units_columns_and_a_signature() -> None:
    text = "\n".join([
        "某县2026年校园安全整治分工", "序号", "整治项目", "主要内容", "主责单位", "协同单位",
        "1", "校车安全", "逐车检查校车安全设施，建立驾驶人档案。", "县教育局", "县交警大队", "各学校",
        "2", "食堂卫生", "推行食堂后厨可视化，每学期抽检两次。", "县市场监管局", "县教育局",
        "3", "周边治安", "在学校周边设置警务室，上下学时段巡逻。", "县公安局", "县城管局、各乡镇",
        "4", "消防安全", "排查宿舍电气线路，配齐灭火器材。", "县消防救援大队", "县教育局", "各学校",
        "县校园安全工作领导小组办公室　2026年3月2日",
    ]) + "\n"
    events, meta = read_source(text.encode("utf-8"), "t.txt")
    plan = build_plan(events, meta)
    assert units_by_role(plan, "1-1") == {Role.LEAD: {"县教育局"}, Role.ASSIST: {"县交警大队", "各学校"}}
    # Nothing in the text marks where the 主责 cell ends: noted on the rows of lone unit
    # lines, not on the row whose second cell is a list written on one line.
    guessed = [e.requirement[:4] for e in events if any(k == L.REVIEW_UNITS for k, _ in getattr(e, "review", ()))]
    assert guessed == ["逐车检查", "推行食堂", "排查宿舍"]
    assert units_by_role(plan, "2-1") == {Role.LEAD: {"县市场监管局"}, Role.ASSIST: {"县教育局"}}
    assert units_by_role(plan, "4-1") == {Role.LEAD: {"县消防救援大队"}, Role.ASSIST: {"县教育局", "各学校"}}
    assert not any("领导小组办公室" in a.unit for a in plan.assignments)
    assert all(r.deadline is None or "2026年3月2日" not in r.deadline.text for r in plan.requirements)


def test_bracketed_notes_by_their_labels() -> None:
    assert is_bracketed_note("（信息来源：区委督查室）")
    assert is_bracketed_note("（乡防汛办公室　联系人：周海　电话：0571-5551234）")
    assert cell_type("（撰稿：李四）") == "chrome"
    # A bracket that names units or a deadline is the table's.
    assert not is_bracketed_note("（主办部门：区水务局）")
    assert not is_bracketed_note("（办结时间：9月底）")
    assert not is_bracketed_note("（区水务局牵头）")
