"""Prose documents as a PDF or a web page gives their text: every annotated
prose document typed as a 公文 in Word, printed to PDF and extracted by
pdftotext (raw and -layout) and pdfplumber, and written as a web page
flattened by LibreOffice and a get_text() scraper (tests/prosewrap.py makes
the fixtures). Each rendering is scored against the document's annotation
and must read as well as the original text: hard-wrapped lines, page
numbers, a title on two lines and glued <br> parts are the tools', not the
office's."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pytest

from prosewrap import OUT, TOOLS, prose_documents
from real_examples import score_document

# Requirements read exactly, of all annotated ones, per rendering (the
# originals' own figure is the target: a rendering may not read worse).
FLOORS = {
    "pdftotext": 375,
    "pdftotext-layout": 376,
    "pdfplumber": 375,
    "html-soffice": 379,
    "html-scraper": 378,
}


def rendering(set_name: str, original: Path, tool: str) -> Path:
    return OUT / set_name / f"{original.stem}.{tool}.txt"


@lru_cache(maxsize=None)
def scores() -> dict[str, dict[str, tuple[int, int, list[str]]]]:
    """{document: {"original" | tool: (exact, annotated, misses)}}."""
    out: dict[str, dict[str, tuple[int, int, list[str]]]] = {}
    for set_name, path in prose_documents():
        row = {"original": score_document(path)}
        for tool in TOOLS:
            row[tool] = score_document(rendering(set_name, path, tool), annotated=path)
        out[f"{set_name}/{path.stem[:40]}"] = row
    return out


def test_every_prose_document_has_its_renderings():
    docs = prose_documents()
    assert len(docs) >= 40
    missing = [str(rendering(s, p, t)) for s, p in docs for t in TOOLS if not rendering(s, p, t).exists()]
    assert not missing, f"run tests/prosewrap.py: {missing[:3]}"


def test_wrapped_renderings_read_as_well_as_the_original():
    table = scores()
    columns = ("original", *TOOLS)
    print()
    print(f"{'document':44}" + "".join(f"{c[:12]:>13}" for c in columns))
    totals = {c: [0, 0] for c in columns}
    worse: list[str] = []
    for doc, row in table.items():
        print(f"{doc:44}" + "".join(f"{row[c][0]:>9}/{row[c][1]:<3}" for c in columns))
        for c in columns:
            totals[c][0] += row[c][0]
            totals[c][1] += row[c][1]
        for tool in TOOLS:
            if row[tool][0] < row["original"][0]:
                worse.append(f"{doc} [{tool}] {row[tool][0]} < {row['original'][0]}: "
                             + "; ".join(m.split(": ", 1)[-1] for m in row[tool][2][:3]))
    print(f"{'total':44}" + "".join(f"{totals[c][0]:>9}/{totals[c][1]:<3}" for c in columns))
    for line in worse:
        print("  worse than the original:", line)
    low = {tool: (totals[tool][0], FLOORS[tool]) for tool in TOOLS if totals[tool][0] < FLOORS[tool]}
    assert not low, f"renderings below their floor: {low}"
