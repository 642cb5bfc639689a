"""Plain pdftotext's column blocks (readers/columnblocks.py), on wording none of the corpora has."""

from __future__ import annotations

from xltools.importing.readers.columnblocks import column_block_shape, read_column_blocks
from xltools.importing.readers.rows import RawRow

# Column blocks as poppler writes a ruled table: the number column, then the requirement
# column and the lead column side by side (a space between two Chinese characters parts
# them), then the cooperating units and the deadlines, each opened by its label.
BLOCKS = """山阳镇2026年农村人居环境整治任务清单
序号
1

2

3

整治事项
主办单位
开展村庄清洁行动，清理房前屋后 镇农业服务中心
杂物堆放，做到日产日清。
推进农村改厕，完成户厕新建改造 镇社会事务办
三百二十户。
建设垃圾分类收集点四十个，配齐 镇综合执法队
分类运输车辆。

- 1 -

协同单位
各行政村、镇
财政所
镇卫生院

镇城建办、各
行政村
办结时限
2026年5月底
前
2026年10月
底前

年底前
"""


def _rows(text: str) -> list[RawRow]:
    result = read_column_blocks(text, "t.txt")
    assert result is not None
    return [e for e in result[0] if isinstance(e, RawRow)]


def test_rows_rebuilt_from_column_blocks() -> None:
    rows = _rows(BLOCKS)
    assert [r.requirement[:6] for r in rows] == ["开展村庄清洁", "推进农村改厕", "建设垃圾分类"]
    assert [r.number for r in rows] == ["1", "2", "3"]
    assert [dict(r.role_units) for r in rows] == [
        {"牵头": "镇农业服务中心", "配合": "各行政村、镇财政所"},
        {"牵头": "镇社会事务办", "配合": "镇卫生院"},
        {"牵头": "镇综合执法队", "配合": "镇城建办、各行政村"}]
    assert [r.deadline for r in rows] == ["2026年5月底前", "2026年10月底前", "年底前"]
    assert rows[0].requirement == "开展村庄清洁行动，清理房前屋后杂物堆放，做到日产日清。"


def test_reading_is_on_review() -> None:
    result = read_column_blocks(BLOCKS, "t.txt")
    assert result is not None
    assert any("按列分块" in r[1] for r in result[1].review)


def test_steps_aside_on_rows() -> None:
    # One cell per line, row after row (a web table saved as text): every label comes first.
    stream = "序号\n整治事项\n协同单位\n办结时限\n1\n开展村庄清洁行动，做到日产日清。\n各行政村\n年底前\n"
    assert not column_block_shape(stream.split("\n"))
    assert read_column_blocks(stream, "t.txt") is None
    # Space-separated rows under one header line.
    rows = "序号 整治事项 协同单位 办结时限\n1 开展村庄清洁行动，做到日产日清。 各行政村 年底前\n"
    assert read_column_blocks(rows, "t.txt") is None


# A task cell merged over two rows comes out once, beside the first of its rows.
MERGED = """序号
1
2

3
4

工作任务
具体举措
整修灌溉渠道
疏浚支渠十二公里，清理淤泥杂草。
维修节制闸六座，更换启闭设备。
推广节水技术
建设喷灌示范片两千亩。
开展节水培训八场，覆盖种植大户。

责任单位
县水利局

县水利局

县农技中心

县农技中心
"""


def test_merged_task_carried_down_and_noted() -> None:
    result = read_column_blocks(MERGED, "t.txt")
    assert result is not None
    rows = [e for e in result[0] if isinstance(e, RawRow)]
    assert [r.requirement[:4] for r in rows] == ["疏浚支渠", "维修节制", "建设喷灌", "开展节水"]
    assert [r.units for r in rows] == ["县水利局", "县水利局", "县农技中心", "县农技中心"]
    tasks = [r.task for r in rows]
    assert tasks[0] == "整修灌溉渠道" and tasks[2] == "推广节水技术"
    assert any("工作任务" in r[1] and "沿用" in r[1] for r in result[1].review)


def test_a_group_of_bodies_wrapped_in_its_cell_is_no_column_label() -> None:
    """各签约养老机构 wrapped over two lines reads as a head noun (…机构) joined, but a
    word opening with 各 names a group of bodies: a units cell, not a new column."""
    text = BLOCKS.replace("镇城建办、各\n行政村", "镇城建办、\n各签约养老机\n构")
    rows = _rows(text)
    assert [r.requirement[:6] for r in rows] == ["开展村庄清洁", "推进农村改厕", "建设垃圾分类"]
    assert dict(rows[2].role_units) == {"牵头": "镇综合执法队", "配合": "镇城建办、各签约养老机构"}


# The number and requirement labels on one line (序号 整治事项): the two columns' cells
# come in one block, each row's number on its own line before its measure.
SIDE_LABELS = """山阳镇2026年农村人居环境整治任务清单
序号 整治事项
一、村容村貌
1
开展村庄清洁行动，清理房前屋后
杂物堆放，做到日产日清。
2
推进农村改厕，完成户厕新建改造
三百二十户。
3
建设垃圾分类收集点四十个，配齐
分类运输车辆。

- 1 -

主办单位
镇农业服务中心
镇社会事务办
镇综合执法队

办结时限
2026年5月底前
2026年10月底前
年底前
"""


def test_two_labels_on_one_line_are_columns_side_by_side() -> None:
    rows = _rows(SIDE_LABELS)
    assert [r.number for r in rows] == ["1", "2", "3"]
    assert [r.requirement[:6] for r in rows] == ["开展村庄清洁", "推进农村改厕", "建设垃圾分类"]
    assert [r.goal for r in rows] == ["村容村貌"] * 3
    assert [r.deadline for r in rows] == ["2026年5月底前", "2026年10月底前", "年底前"]
