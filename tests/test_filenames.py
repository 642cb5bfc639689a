from __future__ import annotations

import pytest

from xltools.io.filenames import MAX_LENGTH, progress_filename, safe_filename, unique_filenames

FORBIDDEN = '\\/:*?"<>|'


@pytest.mark.parametrize("name", ["发改局/统计局", 'a\\b:c*d?e"f<g>h|i', "市\t财政\n局", "x\x00y"])
def test_forbidden_characters_replaced(name: str) -> None:
    result = safe_filename(name, ".docx")
    assert not any(c in result for c in FORBIDDEN)
    assert all(ord(c) >= 32 for c in result)
    assert result.endswith(".docx")


def test_plain_chinese_name_unchanged() -> None:
    assert safe_filename("市政府办公室", ".docx") == "市政府办公室.docx"
    assert safe_filename("发改局/统计局", ".docx") == "发改局_统计局.docx"


@pytest.mark.parametrize("name,expected", [
    ("CON", "CON_.docx"), ("con", "con_.docx"), ("LPT1", "LPT1_.docx"), ("nul.txt", "nul_.txt.docx"),
    ("Console", "Console.docx"), ("COM10", "COM10.docx"),
])
def test_reserved_device_names(name: str, expected: str) -> None:
    assert safe_filename(name, ".docx") == expected


def test_length_limits_keep_suffix() -> None:
    long = "甲" * 300
    result = safe_filename(long, ".docx")
    assert len(result) <= MAX_LENGTH
    assert result.endswith(".docx")
    assert len(result.encode("utf-8")) <= 240
    assert len(safe_filename("a" * 300, ".docx")) == MAX_LENGTH


def test_empty_and_dots() -> None:
    assert safe_filename("", ".docx") == "unnamed.docx"
    assert safe_filename(" .. ", ".docx") == "unnamed.docx"
    assert safe_filename("单位.", ".docx") == "单位.docx"  # Windows drops trailing dots


def test_unique_filenames_case_insensitive() -> None:
    names = unique_filenames(["A/B", "A:B", "a_b", "C"], ".docx")
    assert names == {"A/B": "A_B.docx", "A:B": "A_B-2.docx", "a_b": "a_b-3.docx", "C": "C.docx"}


def test_progress_filename_pattern() -> None:
    assert progress_filename("市财政局") == "进度反馈表-市财政局.xlsx"
    assert progress_filename("发改局/统计局") == "进度反馈表-发改局_统计局.xlsx"
    assert progress_filename("甲" * 200).endswith(".xlsx")
