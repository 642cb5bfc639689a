"""Each real table from another office imports to what its hand annotation
says (tests/fixtures/real/*.expected.json, copied from ../shared/examples/real)."""

from __future__ import annotations

from pathlib import Path

import pytest

from real_examples import REAL, compare, expected_for, real_files
from xltools.importer import import_original, read_original
from xltools.workbook_reader import read_plan

SHARED = Path(__file__).resolve().parent.parent.parent / "shared" / "examples" / "real"


def test_fixtures_present_and_match_shared() -> None:
    files = real_files()
    assert len(files) >= 5
    if SHARED.is_dir():
        for p in SHARED.glob("*"):
            assert (REAL / p.name).read_bytes() == p.read_bytes(), p.name


@pytest.mark.parametrize("path", real_files(), ids=lambda p: p.stem)
def test_real_example_imports_as_annotated(path: Path) -> None:
    plan = read_original(path)
    expected = expected_for(path)
    assert len(plan.requirements) >= len(expected["items"])
    assert compare(plan, expected, path.read_text(encoding="utf-8")) == []


@pytest.mark.parametrize("path", real_files(), ids=lambda p: p.stem)
def test_real_example_workbook_reads_back(path: Path, tmp_path: Path) -> None:
    out = tmp_path / "wb.xlsx"
    import_original(path, out)
    plan = read_plan(out)
    assert compare(plan, expected_for(path), path.read_text(encoding="utf-8")) == []


def test_compare_detects_a_wrong_role() -> None:
    path = REAL / "13_shandong-yingshang-paren-lead-only.txt"
    expected = expected_for(path)
    expected["items"][0] = {**expected["items"][0], "lead": [], "cooperate": ["省市场监管局"]}
    problems = compare(read_original(path), expected, path.read_text(encoding="utf-8"))
    assert any("lead" in p for p in problems) and any("cooperate" in p for p in problems)


@pytest.mark.parametrize("variant", ["gb18030", "bom-crlf", "traditional"])
@pytest.mark.parametrize("path", real_files(), ids=lambda p: p.stem)
def test_real_example_in_other_encodings(path: Path, variant: str) -> None:
    """The same table saved by another office: GBK, Windows line ends with a
    BOM, or written in Traditional characters."""
    from xltools.builder import build_plan
    from xltools.readers import read_source

    text = path.read_text(encoding="utf-8")
    if variant == "gb18030":
        data = text.encode("gb18030")
    elif variant == "bom-crlf":
        data = ("\ufeff" + text.replace("\n", "\r\n")).encode("utf-8")
    else:
        import opencc

        text = opencc.OpenCC("s2t").convert(text)
        data = text.encode("utf-8")
    plan = build_plan(*read_source(data, path.name))
    assert compare(plan, expected_for(path), text) == []
