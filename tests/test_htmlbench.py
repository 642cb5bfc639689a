"""HTML tables flattened by real tools (tests/htmlbench.py: a web page's table with rowspan and
colspan merges, its text taken by ``soffice --convert-to txt:Text``, a scraper's
``get_text('\\n')`` and a browser's copy), scored against the source document's annotation like
the real corpus. Prints per-tool figures; fails below each tool's floor."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from test_pdfbench import score_text

HERE = Path(__file__).parent
BENCH = HERE / "fixtures" / "htmltext"
TOOLS = ("soffice", "scraper", "browser")

# Exact requirements per tool (of those annotated in the bench's documents), set from what the
# readers reach (first sight: 219, 230, 239 of 357; the page itself read with its cells: 275).
FLOORS = {"soffice": 250, "scraper": 249, "browser": 271}


def bench() -> dict[str, str]:
    return {name: entry["source"] for name, entry in
            json.loads((BENCH / "index.json").read_text(encoding="utf-8")).items()}


@pytest.mark.parametrize("tool", TOOLS)
def test_html_flattened_by_real_tools(tool: str) -> None:
    exact = total = 0
    misses: list[str] = []
    per_doc = []
    for name, source in bench().items():
        e, n, m = score_text(BENCH / f"{name}.{tool}.txt", HERE / source)
        exact, total = exact + e, total + n
        per_doc.append(f"{name} {e}/{n}")
        misses += m
    print(f"\n{tool}: {exact}/{total} exact ({100 * exact / total:.0f}%)  " + "  ".join(per_doc))
    for m in misses:
        print("  ", m)
    assert exact >= FLOORS[tool], f"{tool}: {exact}/{total} below the floor {FLOORS[tool]}"
