"""Seven more corpora: each 24 task documents written in the styles of real ones
(prose 工作要点 and 整改清单, 01–12 or 01–08; tables flattened into text, the rest) by an
engineer who had not read the importer, with hand annotations in the shared
schema; the later sets were written after the readers had learnt from the ones before. Scored like the
real corpus (tests/test_real_examples.py): requirement by its opening words,
goal and task where annotated, units by role, deadline where given."""

from __future__ import annotations

from pathlib import Path

import pytest

from real_examples import AUTHORED_SETS, real_files, score_document

# Requirements read exactly (strict: goal, task and deadline too), of all annotated
# ones, per set and class; a ratchet. First set: at its first scoring (before any
# change made for it) the shared scorer's measure gave 71 of 153; now 146 of 153, and
# strictly prose 67 of 80, tables 67 of 73. Second set: at its first scoring 95 of 145
# by the shared scorer; now 134 of 145, strictly prose 72 of 78, tables 56 of 67. Third
# set (documents flattened by real tools: LibreOffice PDF → pdftotext/pdfplumber, HTML →
# text, sheets → CSV/TSV): at its first scoring 100 of 147 (prose 69/73, tables 31/74);
# now 135 of 147, strictly prose 61 of 73, tables 43 of 74. Fourth set (written with the
# third, scored before any change made for it): 103 of 154 at its first scoring (prose 61/79,
# tables 42/75), 107 on the readers of the third set's round, 113 after one fix made for it;
# strictly prose 65 of 79, tables 21 of 75. Fifth and sixth sets (held out, each scored once
# as the measure of a round, then given to the readers): by the shared scorer's measure 116 of
# 161 (prose 75/81, tables 41/80) and 86 of 160 (prose 47/59, tables 39/101) when they joined;
# strictly prose 61/81, tables 27/80 and prose 42/59, tables 19/101. The sixth set has eight
# prose documents (01–08). Seventh set (eight prose documents too), the held-out measure of the
# round that learnt from the fifth and sixth, scored once by the shared scorer's measure: prose
# 49/62, tables 72/105 (the readers before that round: 48/62 and 57/105); strictly prose 47/62,
# tables 61/105 when it joined, 56/62 and 90/105 after a short round that learnt from it.
# Raise the floors when the readers improve.
AUTHORED_FLOOR = {("authored", "prose"): 0.85, ("authored", "table"): 0.91,
                  ("authored2", "prose"): 0.92, ("authored2", "table"): 0.91,
                  ("authored3", "prose"): 0.93, ("authored3", "table"): 0.66,
                  ("authored4", "prose"): 0.91, ("authored4", "table"): 0.36,
                  ("authored5", "prose"): 0.88, ("authored5", "table"): 0.65,
                  ("authored6", "prose"): 0.77, ("authored6", "table"): 0.76,
                  ("authored7", "prose"): 0.9, ("authored7", "table"): 0.85}


# The last prose document of each set (the rest are tables); 12 unless named here.
PROSE_LAST = {"authored6": 8, "authored7": 8}


def _class(path: Path) -> str:
    return "prose" if int(path.name[:2]) <= PROSE_LAST.get(path.parent.name, 12) else "table"


def test_authored_corpus_is_complete() -> None:
    for folder in AUTHORED_SETS:
        files = real_files(folder)
        assert len(files) == 24
        assert all(p.with_suffix(".expected.json").exists() for p in files)
        assert (folder / "index.json").exists()


@pytest.mark.parametrize("corpus,kind", sorted(AUTHORED_FLOOR))
def test_authored_documents(corpus: str, kind: str, capsys: pytest.CaptureFixture[str]) -> None:
    folder = next(f for f in AUTHORED_SETS if f.name == corpus)
    exact = total = 0
    misses: list[str] = []
    for path in real_files(folder):
        if _class(path) != kind:
            continue
        e, t, m = score_document(path)
        exact, total, misses = exact + e, total + t, misses + m
    with capsys.disabled():
        print(f"\n{corpus} {kind}: {exact}/{total} requirements exact")
    assert exact / total >= AUTHORED_FLOOR[corpus, kind], "\n".join(misses)
