"""The corpus of real task documents from other offices
(tests/fixtures/real, copied from ../shared/examples/real): each is imported
and compared with its hand annotation (*.expected.json) as an office would
judge it — every annotated requirement found by its opening words, with its
goal and task where annotated, its units by role and its deadline where the
document gives one. No file has rules of its own: the figure is what the
mechanisms read."""

from __future__ import annotations

from pathlib import Path

import pytest

from real_examples import REAL, compare, compare_items, expected_for, real_files, score_document
from xltools.errors import XltoolsError
from xltools.importing.importer import import_original, read_original
from xltools.workbook.reader import read_plan

SHARED = Path(__file__).resolve().parent.parent.parent / "shared" / "examples" / "real"

# Requirements read exactly (text, goal and task where annotated, units by role,
# deadline where given), of all annotated ones: 185 of 187 at this writing; the
# shared scorer (../shared/tools/score_real.py: text and units by role) gives
# 186 of 187. A ratchet: raise it when the readers improve; the goal is every one.
CORPUS_FLOOR = 0.985


def test_fixtures_present_and_match_shared() -> None:
    files = real_files()
    assert len(files) >= 30
    if SHARED.is_dir():
        for p in SHARED.glob("*"):
            assert (REAL / p.name).read_bytes() == p.read_bytes(), p.name


def test_corpus_of_real_documents(capsys: pytest.CaptureFixture[str]) -> None:
    exact = total = failed = 0
    misses: list[str] = []
    for path in real_files():
        e, t, m = score_document(path)
        exact, total, misses = exact + e, total + t, misses + m
        failed += any("Error" in x or "没有找到" in x for x in m)
    with capsys.disabled():
        print(f"\nreal documents: {exact}/{total} requirements exact, {failed} documents not read")
    assert exact / total >= CORPUS_FLOOR, "\n".join(misses)


# Misses with no note on 待核对 whose source line holds the requirement: 1 at this
# writing (of 2 misses; an annotation question, docs/readers.md). A ratchet down to none: a miss that is silent is a defect.
SILENT_CEILING = 1


def test_misses_are_visible_on_the_review_sheet() -> None:
    from xltools.text import clean_text

    silent: list[str] = []
    for path in real_files():
        expected = expected_for(path)
        text = path.read_text(encoding="utf-8")
        try:
            plan = read_original(path)
        except XltoolsError:
            continue  # not read at all: loud, counted by the corpus test
        sources = [clean_text(n.source) for n in plan.notes if n.source]
        for item, problems in zip(expected["items"], compare_items(plan, expected, text)):
            if not problems:
                continue
            words = _opening_words(item["requirement_starts_with"], text)
            if not any(words in s for s in sources):
                silent.append(f"{path.stem}: {problems[0]}")
    assert len(silent) <= SILENT_CEILING, "\n".join(silent)


def _opening_words(start: str, source_text: str) -> str:
    """The first words of an annotated requirement as the importer writes them
    (numbering marker off, Traditional converted): what 待核对 quotes."""
    import re

    from real_examples import _norm
    from xltools.importing.readers.cleanup import is_traditional

    words = _norm(start, is_traditional(source_text))
    return re.sub(r"^[（(]?[一二三四五六七八九十\d]+[)）、.．]?", "", words)[:6]


def test_every_real_document_yields_a_workbook() -> None:
    """No real document ends in "no table found": each gives requirements with units."""
    for path in real_files():
        plan = read_original(path)
        assert any(a.unit for a in plan.assignments), path.name


@pytest.mark.parametrize("path", real_files(), ids=lambda p: p.stem)
def test_real_example_workbook_reads_back(path: Path, tmp_path: Path) -> None:
    """What the import found survives the workbook: the same comparison from
    the written workbook as from the plan."""
    out = tmp_path / "wb.xlsx"
    try:
        plan = import_original(path, out).plan
    except XltoolsError:
        pytest.skip("not read (counted by the corpus test)")
    text = path.read_text(encoding="utf-8")
    expected = expected_for(path)
    assert compare(read_plan(out), expected, text) == compare(plan, expected, text)


def test_compare_detects_a_wrong_role() -> None:
    path = REAL / "13_shandong-yingshang-paren-lead-only.txt"
    expected = expected_for(path)
    expected["items"][0] = {**expected["items"][0], "lead": [], "cooperate": ["省市场监管局"]}
    problems = compare(read_original(path), expected, path.read_text(encoding="utf-8"))
    assert any("lead" in p for p in problems) and any("cooperate" in p for p in problems)


@pytest.mark.parametrize("variant", ["gb18030", "bom-crlf", "traditional"])
@pytest.mark.parametrize("path", real_files(), ids=lambda p: p.stem)
def test_real_example_in_other_encodings(path: Path, variant: str) -> None:
    """The same document saved by another office — GBK, Windows line ends with
    a BOM, or written in Traditional characters — reads as the UTF-8 one does."""
    from xltools.importing.builder import build_plan
    from xltools.importing.readers import read_source

    text = path.read_text(encoding="utf-8")
    expected = expected_for(path)
    try:
        reference = compare(build_plan(*read_source(text.encode("utf-8"), path.name)), expected, text)
    except XltoolsError:
        pytest.skip("not read (counted by the corpus test)")
    if variant == "gb18030":
        try:
            data = text.encode("gb18030")
        except UnicodeEncodeError:
            pytest.skip("text outside GB18030")
    elif variant == "bom-crlf":
        data = ("\ufeff" + text.replace("\n", "\r\n")).encode("utf-8")
    else:
        import opencc

        text = opencc.OpenCC("s2t").convert(text)
        data = text.encode("utf-8")
    plan = build_plan(*read_source(data, path.name))
    assert compare(plan, expected, text) == reference
