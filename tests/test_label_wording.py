"""Labels are read by their grammar, not from a list: every shared real document
must read the same when its labels are worded as another office would word them
(责任单位 → 承办单位, 牵头单位 → 主责部门, 配合单位 → 协同单位, 完成时限 → 时间节点),
when its bracketed units use 〔〕 or 【】, and when its colons are ASCII or
full-width. Each variant keeps every requirement the original reads exactly."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Callable

import pytest

from real_examples import compare_items, expected_for, real_files
from xltools.errors import XltoolsError
from xltools.importing.importer import read_original
from xltools.importing.readers.cleanup import to_simplified

# The same role, worded by other offices: head noun and modifier by grammar.
LABEL_WORDINGS: dict[str, tuple[str, ...]] = {
    "责任单位": ("责任部门", "承办单位", "责任科室", "落实单位", "实施单位", "责任主体", "主体单位"),
    "牵头单位": ("牵头部门", "主办单位", "牵头处室", "牵头责任单位", "主责部门", "牵头科室"),
    "配合单位": ("配合部门", "协办单位", "参与单位", "协同单位", "协助单位"),
    "完成时限": ("完成时间", "办结时限", "时间节点", "完成期限"),
}
_BRACKETED = re.compile(r"[（(]((?:责任|牵头|配合)单位[：:][^（）()]*)[)）]")
FORMS: dict[str, Callable[[str], str]] = {
    "〔〕": lambda t: _BRACKETED.sub(r"〔\1〕", t),
    "【】": lambda t: _BRACKETED.sub(r"【\1】", t),
    "ascii-colon": lambda t: re.sub(r"(单位|部门)：", r"\1:", t),
    "full-colon": lambda t: re.sub(r"(单位|部门):", r"\1：", t),
    "space-after-colon": lambda t: re.sub(r"(单位|部门)[:：]", r"\1： ", t),
}


def _exact(path: Path, text: str, tmp: Path) -> list[bool] | None:
    src = tmp / path.name
    src.write_text(text, encoding="utf-8")
    try:
        plan = read_original(src)
    except XltoolsError:
        return None
    return [not problems for problems in compare_items(plan, expected_for(path), text)]


def _traditional(word: str) -> str:
    """The Traditional spelling of a label, for the mirrored documents."""
    from opencc import OpenCC

    return OpenCC("s2t").convert(word)


def _variants(text: str) -> list[tuple[str, str]]:
    out = []
    for old, news in LABEL_WORDINGS.items():
        for new in news:
            for o, n in ((old, new), (_traditional(old), _traditional(new))):
                if o in text:
                    out.append((f"{o}→{n}", text.replace(o, n)))
    for name, form in FORMS.items():
        if (t := form(text)) != text:
            out.append((name, t))
    return out


@pytest.mark.parametrize("path", real_files(), ids=lambda p: p.name.split("_")[0])
def test_another_offices_label_wording_reads_the_same(path: Path, tmp_path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    base = _exact(path, text, tmp_path)
    assert base is not None
    lost = []
    for name, variant in _variants(text):
        got = _exact(path, variant, tmp_path)
        if got is None:
            lost.append(f"{name}: not read")
        elif missing := [i for i, (b, g) in enumerate(zip(base, got)) if b and not g]:
            lost.append(f"{name}: items {missing} no longer exact")
    assert not lost, "\n".join(lost)


def test_the_variants_change_the_documents() -> None:
    """The test above is not vacuous: most documents have labels to reword."""
    changed = sum(bool(_variants(p.read_text(encoding="utf-8"))) for p in real_files())
    assert changed >= len(real_files()) // 2
    assert to_simplified("責任單位") == "责任单位"
