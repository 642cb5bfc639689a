"""A ruled table as pdfplumber's extract_text gives it (readers/plumberrows.py): each
line of the page one line of text, the pieces of the cells that have text at that
height side by side; cells going on where their line ran to their column's width.
Wording and units of no corpus document."""

from __future__ import annotations

from xltools.importing.readers import read_source
from xltools.importing.readers.plumberrows import find_header, first_word, propose, read_plumber_rows
from xltools.model import Role
from textplans import plan_of, unit_roles


# A township's flood-season table: the 办结时限 header wrapped (办结时 / 限), a lead unit
# that ends on a full line (镇应急办: a whole name), helpers and deadlines going on.
FLOOD = """\
某镇2025年防汛重点工作分工
序 工作事项 主办科室 协办科室 办结时
号 限
1 完善乡镇应急广播终端布点，新 镇应急办 镇宣传办、 2025年
增终端一百二十套。 镇财政所 8月底
前
2 开展汛前河道清障专项行动，清 镇水务站 各村委会 2025年
理阻水障碍物。 5月底
前
3 组织镇村两级防汛抢险演练。 镇应急办 镇派出所、 长期
镇卫生院
"""


def test_cells_going_on_by_width() -> None:
    plan = plan_of(FLOOD)
    reqs = plan.requirements
    assert [r.text for r in reqs] == ["完善乡镇应急广播终端布点，新增终端一百二十套。", "开展汛前河道清障专项行动，清理阻水障碍物。",
                                      "组织镇村两级防汛抢险演练。"]
    assert unit_roles(plan, reqs[0].id) == {("镇应急办", Role.LEAD), ("镇宣传办", Role.ASSIST), ("镇财政所", Role.ASSIST)}
    assert unit_roles(plan, reqs[2].id) == {("镇应急办", Role.LEAD), ("镇派出所", Role.ASSIST), ("镇卫生院", Role.ASSIST)}
    assert [r.deadline.display for r in reqs] == ["2025年8月底前", "2025年5月底前", "长期"]


def test_header_wrapped_cells_put_back() -> None:
    header = find_header(FLOOD.split("\n"))
    assert header is not None
    assert header.words == ["序号", "工作事项", "主办科室", "协办科室", "办结时限"]
    # 办结时 wrapped before 限: the column is narrower than the two.
    assert header.limits()[4] == 7.0 and header.limits()[2] is None


def test_confident_reading_competes_as_wrapped_rows() -> None:
    found = propose(FLOOD, "t.txt")
    assert found is not None and found[0] == "wrapped_rows"


# A table without a number column under a goal row, a second measure of one task under
# its merged title cell, and a units cell closing a bracket on its last line.
MERGED = """\
序号 事项名称 推进措施 责任股室 时间节点
一、优化审批服务
1 企业开办提速 推行开办事项一窗通办，压 行政审批股 2025年
缩办理时限至一个工作日。 3月底前
推广电子营业执照跨部门调 政务服务中 2025年
用。 心（大厅） 6月底前
2 工程建设审批 实行联合验收。 行政审批股 长期
"""


def test_rows_under_merged_cells_and_goal_row() -> None:
    plan = plan_of(MERGED)
    reqs = plan.requirements
    assert [r.text for r in reqs] == ["推行开办事项一窗通办，压缩办理时限至一个工作日。", "推广电子营业执照跨部门调用。",
                                      "实行联合验收。"]
    assert [[t.name for t in g.tasks] for g in plan.goals] == [["企业开办提速", "工程建设审批"]]
    assert plan.goals[0].name == "优化审批服务"
    assert [r.task_no for r in reqs] == [1, 1, 2]
    assert {a.unit for a in plan.assignments_for(reqs[1].id)} == {"政务服务中心（大厅）"}


def test_first_word_binds_marks() -> None:
    assert first_word("里。其他") == "里。"
    assert first_word("（街道）") == "（街"
    assert first_word("150米处") == "150"
    assert first_word("在“三农”") == "在“"


def test_steps_aside_on_other_shapes() -> None:
    # Columns aligned by runs of spaces (pdftotext -layout): another reader's shape.
    layout = "序号  工作事项        主办科室    办结时限\n1     完善终端布点    镇应急办    8月底前\n"
    assert read_plumber_rows(layout, "t.txt") is None
    # pdftotext's blocks: a cell's lines, then the next cell's, lines going on cells that ended.
    blocks = """\
序号 主办科室 工作事项 办结时限
1 镇应急办 完善乡镇应急广播终端布点，新增终端
一百二十套。
2025年8月
底前
2 镇水务站 开展汛前河道清障专项行动，清理阻水
障碍物。
2025年5月
底前
3 镇应急办 组织镇村两级防汛抢险演练。
长期
"""
    found = propose(blocks, "t.txt")
    assert found is None or found[0] != "wrapped_rows"


# A task cell merged over two requirement rows, its second line standing beside the second
# row's first line (no number column).
ARCHIVES = """\
某局2025年档案工作任务表
工作事项 具体措施 责任科室
推进档案数字化建 完成馆藏档案扫描十万页。 档案科
设 建立数字档案室管理制度。 办公室
加强档案安全管理 开展档案库房安全检查，每季 保管科
度一次。
"""


def test_merged_cell_going_on_beside_the_next_row() -> None:
    assert propose(ARCHIVES, "t.txt")[0] == "wrapped_rows"
    plan = plan_of(ARCHIVES)
    assert [[t.name for t in g.tasks] for g in plan.goals] == [["推进档案数字化建设", "加强档案安全管理"]]
    reqs = plan.requirements
    assert [r.text for r in reqs] == ["完成馆藏档案扫描十万页。", "建立数字档案室管理制度。", "开展档案库房安全检查，每季度一次。"]
    assert [r.task_no for r in reqs] == [1, 1, 2]
    assert [{a.unit for a in plan.assignments_for(r.id)} for r in reqs] == [{"档案科"}, {"办公室"}, {"保管科"}]


# Units before the requirement, and a leader column whose cells hold a title and a name parted
# by spaces (``副院长 孙海`` / ``峰``, ``院长 韩 立``): a cell's line may hold several pieces.
TITLED = """\
某医院2025年质量安全重点工作分解表
序号 责任科室 工作事项 分管院领导 完成时限
1 医务管理科 完善危急值报告闭环 副院长 孙海 2025年7月底前
管理，报告及时率达 峰
到98%以上。
2 护理部、感染 开展手卫生依从性专 党委书记 钱 长期坚持
管理科 项督查，每月通报一 明
次。
3 设备保障科 推进大型医用设备预 院长 韩 立 2025年10月底前
防性维护，完成率百
分之百。
【打印本页】【关闭窗口】
"""


def test_cells_with_spaces_inside() -> None:
    found = propose(TITLED, "t.txt")
    assert found is not None and found[0] == "wrapped_rows"
    plan = plan_of(TITLED)
    reqs = plan.requirements
    assert [r.text for r in reqs] == ["完善危急值报告闭环管理，报告及时率达到98%以上。", "开展手卫生依从性专项督查，每月通报一次。",
                                      "推进大型医用设备预防性维护，完成率百分之百。"]
    assert unit_roles(plan, reqs[0].id) == {("医务管理科", Role.RESPONSIBLE)}
    assert unit_roles(plan, reqs[1].id) == {("护理部", Role.RESPONSIBLE), ("感染管理科", Role.RESPONSIBLE)}
    assert [r.deadline.display for r in reqs] == ["2025年7月底前", "长期坚持", "2025年10月底前"]


# A two-row header (牵头单位 / 协同单位 under 责任单位), the list title wrapped by the page
# (…任务分工 / 表), titles merged over numbered rows (专项行动), and a deadline merged with them.
TWO_ROW = """\
某区2025年城市管理提升行动任务分工
表
序 专项行动 工作举措 责任单位 完成时限
号 牵头单位 协同单位
1 市容环境整 开展背街小巷立面整 区城管局 各街道办事 2025年6月
治 治，拆除违规招牌。 处 底前
2 推进沿街店铺门前三 区城管局 区市场监管
包责任制全覆盖。 局
3 园林绿化提 新增口袋公园六处， 区园林中心 区住建局 2025年11月
升 补植行道树。 底前
4 修复破损绿地护栏。 区园林中心 各街道办事
处
"""


def test_two_row_header_and_merged_titles() -> None:
    header = find_header(TWO_ROW.split("\n"))
    assert header is not None and header.words == ["序号", "专项行动", "工作举措", "牵头单位", "协同单位", "完成时限"]
    plan = plan_of(TWO_ROW)
    reqs = plan.requirements
    assert [r.text for r in reqs] == ["开展背街小巷立面整治，拆除违规招牌。", "推进沿街店铺门前三包责任制全覆盖。",
                                      "新增口袋公园六处，补植行道树。", "修复破损绿地护栏。"]
    tasks = {r.id: t.name for g in plan.goals for t in g.tasks for r in t.requirements}
    assert [tasks[r.id] for r in reqs] == ["市容环境整治", "市容环境整治", "园林绿化提升", "园林绿化提升"]
    assert unit_roles(plan, reqs[1].id) == {("区城管局", Role.LEAD), ("区市场监管局", Role.ASSIST)}
    assert unit_roles(plan, reqs[3].id) == {("区园林中心", Role.LEAD), ("各街道办事处", Role.ASSIST)}
    # The deadline cell merged over a group is carried, and said so on 待核对.
    assert [r.deadline.display for r in reqs] == ["2025年6月底前", "2025年6月底前", "2025年11月底前", "2025年11月底前"]
    carried = [n for n in plan.notes if "2025年6月底前" in n.message or "2025年11月底前" in n.message]
    assert {n.requirement_id for n in carried} >= {reqs[1].id, reqs[3].id}


def test_header_pieces_go_on_the_words_they_end() -> None:
    # 投资 / 金额 / (万元) end 年度, not the whole words 建设地点 or 2025年建设内容 (a word of
    # another kind each would become).
    header = find_header("""\
序 项目名称 建设 建设时 2025年建设内容 年度 承办单
号 地点 间 投资 位
金额
(万元)
1 东湖绿道 滨湖镇 2025 新建绿道八公里。 县文旅局
""".split("\n"))
    assert header is not None
    assert header.words == ["序号", "项目名称", "建设地点", "建设时间", "2025年建设内容", "年度投资金额(万元)", "承办单位"]
    # A lone mark of the ruling is no header word; 科室 ends 协办, not 主办科室 (a head noun twice).
    header = find_header("""\
序 工作事项 工作目标 主办科室 协办 < 完成时
号 科室 间
1 规范档案管理 完成档案数字化。 办公室 财务科 6月底前
""".split("\n"))
    assert header is not None
    assert header.words == ["序号", "工作事项", "工作目标", "主办科室", "协办科室", "完成时间"]


# A place column whose cells are lists of names like units (东关街道、西 / 关街道; a whole name
# on a full line ends the cell: 运行 goes on the requirement), and a note under the table wider
# than any column.
PLACES = """\
某县2025年为民办实事项目分解表
序号 实事名称 建设任务 实施地点 牵头单位 完成时限
1 农贸市场提 改造农贸市场两处，新 东关街道、西 县商务局 2025年9月
升 增摊位一百个。 关街道 底前
2 医养结合提 县中医院康复、护理中 县中医医院、 县卫健局 2025年11月
升 心通过省级评审并挂牌 各社区卫生站 底前
运行
3 公厕改造 新建改造城乡公厕二十 南山镇、北湖 县城管局 2025年10月
座，实现乡镇全覆盖。 镇、东关街道 底前
（注：项目资金由县财政统筹安排，具体以年度预算为准）
"""


def test_place_column_and_note_under_table() -> None:
    found = propose(PLACES, "t.txt")
    assert found is not None and found[0] == "wrapped_rows"
    plan = plan_of(PLACES)
    reqs = plan.requirements
    assert [r.text for r in reqs] == ["改造农贸市场两处，新增摊位一百个。", "县中医院康复、护理中心通过省级评审并挂牌运行",
                                      "新建改造城乡公厕二十座，实现乡镇全覆盖。"]
    assert [unit_roles(plan, r.id) for r in reqs] == [{("县商务局", Role.LEAD)}, {("县卫健局", Role.LEAD)},
                                                  {("县城管局", Role.LEAD)}]
    assert [r.deadline.display for r in reqs] == ["2025年9月底前", "2025年11月底前", "2025年10月底前"]
    assert "东关街道、西关街道" in reqs[0].remark and "南山镇、北湖镇、东关街道" in reqs[2].remark


# A district's heating table: the lead cell merged over rows 1–2 (printed once, at its top),
# a helper column filled on every row.
MERGED_LEAD = """\
某区2025年供暖保障工作分工
序 工作事项 主办科室 协办单位 办结时
号 限
1 排查老旧小区供热管网隐患，建 区热力办 各街道办事 2025年
立问题清单。 处 10月底
前
2 开展供热计量改造，完成居民分 区房管中心、 2025年
户计量三千户。 区财政局 11月底
前
3 组织供热企业应急抢修演练。 区应急局 区热力办 长期
"""


def test_an_empty_lead_cell_beside_filled_helpers_is_under_a_merged_cell() -> None:
    plan = plan_of(MERGED_LEAD)
    reqs = plan.requirements
    assert len(reqs) == 3
    assert unit_roles(plan, reqs[1].id) == {("区热力办", Role.LEAD), ("区房管中心", Role.ASSIST), ("区财政局", Role.ASSIST)}
    assert unit_roles(plan, reqs[2].id) == {("区应急局", Role.LEAD), ("区热力办", Role.ASSIST)}
    # A guess the text cannot show: noted on the carried row alone.
    events, _ = read_source(MERGED_LEAD.encode("utf-8"), "t.txt")
    carried = [(e.line, m) for e in events for _, m in getattr(e, "review", ()) if "沿用上一行的牵头单位" in m]
    assert len(carried) == 1 and carried[0][0] == 7 and "区热力办" in carried[0][1]  # row 2 (line 7) alone


# An office's own sections (no place word) beside outside units (区…, 各…), each section's cell
# merged over two rows: a row's one outside unit is a helper, its section the one above.
SECTIONS_FIRST = """\
某局2025年安全生产重点工作分工
序 责任科室 配合单位 工作措施 完成时限
号
1 安全监管 各街道办事 对辖区危险化学品企业开展全覆 2025年
科 处 盖检查，建立隐患整改台账。 6月底前
2 区应急管理局 组织开展有限空间作业专项整治， 2025年
督促企业落实作业审批制度。 9月底前
3 执法监察 区消防救援 对人员密集场所开展消防安全联 长期坚持
大队 大队 合检查，整改火灾隐患。
4 区住建局 督促在建工地落实安全生产主体 2025年
责任。 12月底前
"""


def test_a_unit_of_the_helpers_form_alone_in_a_row_is_a_helper_under_a_merged_section() -> None:
    plan = plan_of(SECTIONS_FIRST)
    reqs = plan.requirements
    assert [unit_roles(plan, r.id) for r in reqs] == [
        {("安全监管科", Role.RESPONSIBLE), ("各街道办事处", Role.ASSIST)},
        {("安全监管科", Role.RESPONSIBLE), ("区应急管理局", Role.ASSIST)},
        {("执法监察大队", Role.RESPONSIBLE), ("区消防救援大队", Role.ASSIST)},
        {("执法监察大队", Role.RESPONSIBLE), ("区住建局", Role.ASSIST)}]
    events, _ = read_source(SECTIONS_FIRST.encode("utf-8"), "t.txt")
    notes = [(e.line, m) for e in events for _, m in getattr(e, "review", ())]
    assert any(line == 10 and "区住建局" in m and "名称形式" in m for line, m in notes)  # the guess is noted
