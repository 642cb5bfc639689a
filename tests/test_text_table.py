"""The space-separated text-dump reader on inputs other than the example."""

from __future__ import annotations

import datetime as dt
import io

import pytest

from xltools.errors import SourceFormatError
from xltools.importing.importer import read_original

DUMP = """首页 > 通知公告
2021年某县营商环境重点工作任务分工方案
\u00a0
工作目标 序号 工作任务 具体要求 责任单位 完成时限
优化政务服务 1 推进一网通办 实现政务服务事项网上可办率达到95%以上。 县政务服务中心牵头,县直各部门配合。 2021年6月底前
推动高频事项“掌上办”。 县大数据局。 年底前
2 压缩审批时限 工程建设项目审批时间压缩至80个工作日以内。 县住建局、县自然资源局 持续推进
加强监管 3 推行双随机抽查 全面推行“双随机、一公开”监管。 县市场监管局牵头,各相关部门按职能分别落实。 长期坚持
"""


def test_synonym_headers_deadline_column_and_chrome():
    plan = read_original(io.BytesIO(DUMP.encode("gb18030")))
    assert plan.info.title == "2021年某县营商环境重点工作任务分工方案"
    assert plan.info.year == 2021
    assert [(g.name, [t.name for t in g.tasks]) for g in plan.goals] == [
        ("优化政务服务", ["推进一网通办", "压缩审批时限"]), ("加强监管", ["推行双随机抽查"])]
    r11, r12 = plan.requirement("1-1"), plan.requirement("1-2")
    assert r11.deadline.date == dt.date(2021, 6, 30)
    assert r12.deadline.date == dt.date(2021, 12, 31)
    assert plan.requirement("2-1").deadline.text == "持续推进"
    assert [(a.unit, a.role.value) for a in plan.assignments_for("1-1")] == [
        ("县政务服务中心", "牵头"), ("县直各部门", "配合")]
    assert [(a.unit, a.role.value) for a in plan.assignments_for("1-2")] == [("县大数据局", "责任")]
    assert [(a.unit, a.role.value) for a in plan.assignments_for("3-1")] == [
        ("县市场监管局", "牵头"), ("各相关部门", "责任")]


def test_utf8_bom_and_big5(tmp_path):
    p = tmp_path / "t.txt"
    p.write_bytes(b"\xef\xbb\xbf" + DUMP.encode("utf-8"))
    assert len(read_original(p).requirements) == 4


def test_no_table_is_a_clear_error(tmp_path):
    p = tmp_path / "notes.txt"
    p.write_text("这是一份会议纪要，没有表格。\n", encoding="utf-8")
    with pytest.raises(SourceFormatError, match="notes.txt"):
        read_original(p)


NO_NUMBER = """2022年区政务公开工作任务清单
重点领域 工作任务 具体措施 牵头单位 完成时限
财政信息 预决算公开 按规定公开部门预算、决算及“三公”经费。 区财政局牵头，各部门配合。 2022年6月底前
加大专项资金信息公开力度。 区财政局。 持续推进
政策解读 解读回应 重要政策文件与解读材料同步起草、同步审签、同步发布。 区政府办公室牵头，各部门负责。 长期坚持
"""


def test_table_without_number_column():
    plan = read_original(io.BytesIO(NO_NUMBER.encode("utf-8")))
    assert [(g.name, [(t.number, t.name, len(t.requirements)) for t in g.tasks]) for g in plan.goals] == [
        ("财政信息", [(1, "预决算公开", 2)]), ("政策解读", [(2, "解读回应", 1)])]
    assert [(a.unit, a.role.value) for a in plan.assignments_for("1-1")] == [
        ("区财政局", "牵头"), ("各相关部门", "配合")]
    assert plan.requirement("1-2").deadline.text == "持续推进"


def test_units_column_headed_by_a_role():
    plan = read_original(io.BytesIO(NO_NUMBER.encode("utf-8")))
    assert [(a.unit, a.role.value) for a in plan.assignments_for("1-2")] == [("区财政局", "牵头")]
