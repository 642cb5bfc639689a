"""Spaces a PDF text extraction puts around numbers (readers/digitspace.py)."""

from __future__ import annotations

from xltools.importing.readers.digitspace import spaced_numbers, unspace_numbers

SPACED = """\
序号 建设内容 责任单位 完成时限
1 新建污水管网 14 公里，改造泵站 3 座 县水利局 2026 年 8 月底前
2 完成农村改厕 2600 户 县农业农村局 11 月底前
"""


def test_numbers_spaced_by_the_extraction() -> None:
    assert spaced_numbers(SPACED)
    out = unspace_numbers(SPACED).split("\n")
    # A row's number keeps its space; a date keeps the space before it (a deadline cell may open there).
    assert out[1] == "1 新建污水管网14公里，改造泵站3座 县水利局 2026年8月底前"
    assert out[2] == "2 完成农村改厕2600户 县农业农村局 11月底前"


def test_columns_aligned_by_spaces_stay_aligned() -> None:
    text = ("序号   建设内容                    完成时限\n"
            "1      新建污水管网 14 公里，改    2026 年 8\n"
            "       造泵站 3 座                 月底前\n"
            "2      完成农村改厕 2600 户        2026 年\n")
    out = unspace_numbers(text).split("\n")
    assert out[1] == "1      新建污水管网14公里，改      2026年8"
    assert out[1].index("2026") == text.split("\n")[1].index("2026")
    assert out[2].index("月底前") == text.split("\n")[2].index("月底前")


def test_a_writer_who_spaces_some_numbers_is_left_alone() -> None:
    text = "1 新建污水管网 14 公里\n2 完成改厕2600户，新建站点12个，培训3次\n"
    assert not spaced_numbers(text)
    assert unspace_numbers(text) == text


def test_a_row_number_between_cells_is_no_spaced_number() -> None:
    # A space dump: the task's number stands between two cells, before no measure word.
    text = ("目标 任务 序号 具体要求 责任单位\n"
            "稳定预期 做好解读 1 围绕 2 项重点开展解读 市政府办\n"
            "稳定预期 回应关切 2 完善 3 项机制 市网信办\n"
            "稳定预期 回应关切 3 开展 4 次培训 市委宣传部\n")
    out = unspace_numbers(text).split("\n")
    assert out[1] == "稳定预期 做好解读 1 围绕2项重点开展解读 市政府办"
    assert out[3] == "稳定预期 回应关切 3 开展4次培训 市委宣传部"
