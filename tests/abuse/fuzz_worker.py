"""The fuzzing suite's worker (issue 18, item 8), run by test_fuzz.py in a child
process with its memory bounded (RLIMIT_AS) and each example time-boxed
(SIGALRM): mutated returned files and mutated templates, generated with
hypothesis. Every example must end in a result or a Chinese message — any
other exception, a hang or running out of memory fails the run — and every
returned row must be used or listed (compute_rollup checks the accounting).

Usage: python fuzz_worker.py TARGET EXAMPLES SEED (TARGET: returns, tags, packages)."""

from __future__ import annotations

import io
import re
import resource
import signal
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parents[1]))

from hypothesis import HealthCheck, given, seed, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

import hostile  # noqa: E402

MEMORY = 3 << 30  # bytes of address space for the whole run
EXAMPLE_SECONDS = 20
CJK = re.compile(r"[\u4e00-\u9fff]")


class Hang(Exception):
    pass


def _alarm(signum, frame):  # type: ignore[no-untyped-def]
    raise Hang(f"an example ran over {EXAMPLE_SECONDS} s")


# --------------------------------------------------------------- returns
# Mostly where a unit would type (inside or just beside the table), sometimes far away.
COLS = st.one_of(st.sampled_from(["A", "D", "I", "J", "N", "O", "Z", "AA"]),
                 st.sampled_from(["A", "D", "I", "J", "N", "O", "Z", "AA", "XFD", "ZZZ", "a"]),
                 st.text("ABCDEFGHIJKLMNOPQRSTUVWXYZ", min_size=1, max_size=3))
ROWS = st.one_of(st.integers(1, 40), st.integers(1, 40), st.integers(1, 40),
                 st.integers(1, 1_048_577), st.sampled_from([0, 10**9, 1_048_576]))
NUMBERS = st.one_of(st.sampled_from([b"NaN", b"nan", b"inf", b"-inf", b"-Infinity", b"-1E12",
                                     b"1E308", b"-1E300", b"1e999", b"", b" ", b"0x10", b"--1",
                                     b"2958466", b"-1", b"45000.5"]),
                    st.floats(allow_nan=True, allow_infinity=True).map(lambda f: repr(f).encode()))
TEXTS = st.text(max_size=60).map(lambda t: t.encode("utf-8", "surrogatepass"))


def _esc(b: bytes) -> bytes:
    return b.replace(b"&", b"&amp;").replace(b"<", b"&lt;").replace(b">", b"&gt;")


@st.composite
def cells(draw) -> bytes:  # type: ignore[no-untyped-def]
    ref = draw(COLS).encode() + str(draw(ROWS)).encode()
    kind = draw(st.sampled_from(["n", "date", "s", "str", "inline", "b", "e", "d", "bare"]))
    if kind == "n":
        return b'<c r="' + ref + b'"><v>' + _esc(draw(NUMBERS)) + b"</v></c>"
    if kind == "date":
        return b'<c r="' + ref + b'" s="4"><v>' + _esc(draw(NUMBERS)) + b"</v></c>"
    if kind == "s":
        return b'<c r="' + ref + b'" t="s"><v>' + str(draw(st.integers(-5, 10**6))).encode() + b"</v></c>"
    if kind == "str":
        return b'<c r="' + ref + b'" t="str"><f>1/0</f><v>' + _esc(draw(TEXTS)) + b"</v></c>"
    if kind == "inline":
        return b'<c r="' + ref + b'" t="inlineStr"><is><t>' + _esc(draw(TEXTS)) + b"</t></is></c>"
    if kind in ("b", "e", "d"):
        return b'<c r="' + ref + b'" t="' + kind.encode() + b'"><v>' + _esc(draw(TEXTS)) + b"</v></c>"
    return b"<c><v>" + _esc(draw(NUMBERS)) + b"</v></c>"


@st.composite
def mutated_return(draw) -> bytes:  # type: ignore[no-untyped-def]
    data = hostile.A_RETURN.read_bytes()
    extra = draw(st.lists(cells(), min_size=1, max_size=6))
    rows = b"".join(b'<row r="' + str(draw(st.integers(15, 60))).encode() + b'">' + c + b"</row>"
                    for c in extra)
    dimension = draw(st.sampled_from([None, b"A1:XFD1048576", b"A1", b"ZZ9", b"garbage"]))
    cut = draw(st.integers(100, 30_000)) if draw(st.integers(0, 5)) == 0 else None

    def edit(xml: bytes) -> bytes:
        xml = xml.replace(b"</sheetData>", rows + b"</sheetData>")
        if dimension is not None:
            xml = re.sub(rb'<dimension ref="[^"]*"', b'<dimension ref="' + dimension + b'"', xml)
        if cut is not None:
            xml = xml[:cut]  # a cut-off part (well-formed no more)
        return xml

    made = hostile.with_sheet(data, edit)
    if draw(st.integers(0, 5)) == 0:  # a byte or two flipped somewhere in the package
        buf = bytearray(made)
        for _ in range(draw(st.integers(1, 3))):
            at = draw(st.integers(0, len(buf) - 1))
            buf[at] ^= draw(st.integers(1, 255))
        made = bytes(buf)
    return made


def fuzz_returns(examples: int, seed_value: int) -> None:
    from xltools.progress.compute import compute_rollup
    from xltools.progress.returns import read_returned
    from xltools.workbook.reader import read_plan

    work = Path(tempfile.mkdtemp(prefix="xltools-fuzz-"))
    from xltools.cli import main

    assert main(["import", str(hostile.ROOT / "examples" / "taonan-2019.txt"), "-o",
                 str(work / "wb.xlsx")]) == 0
    plan = read_plan(work / "wb.xlsx")
    good = read_returned(hostile.A_RETURN)
    folder = work / "returned"
    folder.mkdir()
    outcomes: dict[str, int] = {}

    @seed(seed_value)
    @settings(max_examples=examples, deadline=None, database=None,
              suppress_health_check=list(HealthCheck))
    @given(mutated_return())
    def one(data: bytes) -> None:
        path = folder / "x.xlsx"
        path.write_bytes(data)
        signal.alarm(EXAMPLE_SECONDS)
        try:
            rf = read_returned(path)  # never raises
            what = rf.error[1][:12] if rf.error else ("notes" if rf.notes else "read")
            outcomes[what] = outcomes.get(what, 0) + 1
            if rf.error is not None:
                assert CJK.search(rf.error[1]), rf.error
            result = compute_rollup(plan, folder, files=[rf, good], as_of="2019-04-20")
            assert result.rows_read == result.rows_used + result.rows_reported
        finally:
            signal.alarm(0)

    one()
    print("outcomes:", sorted(outcomes.items(), key=lambda kv: -kv[1])[:8])


# ------------------------------------------------------------- templates
ATOMS = st.sampled_from(["7", "10", "(10**9)", "999999999", "'x'", "\"{:>99999999}\"", "[1]",
                         "range(100000)", "unit", "total", "g", "general", "None", "'%099999999d'",
                         "(2**64)", "1e308", "-1"])
OPS = st.sampled_from(["**", "*", "+", "%", "~", "//", "-"])


@st.composite
def expressions(draw, depth: int = 0) -> str:  # type: ignore[no-untyped-def]
    if depth > 2 or draw(st.booleans()):
        return draw(ATOMS)
    kind = draw(st.sampled_from(["op", "method", "filter"]))
    left = draw(expressions(depth + 1))
    if kind == "op":
        return f"({left} {draw(OPS)} {draw(expressions(depth + 1))})"
    if kind == "method":
        name = draw(st.sampled_from(["ljust", "center", "zfill", "format", "join", "extend",
                                     "append", "replace", "expandtabs", "split", "upper"]))
        args = ", ".join(draw(st.lists(expressions(depth + 1), max_size=2)))
        return f"{left}.{name}({args})"
    name = draw(st.sampled_from(["center", "indent", "batch", "join", "replace('x', 'xx')",
                                 "list", "length", "wordwrap", "truncate", "format", "int", "e"]))
    return f"({left} | {name})"


@st.composite
def tags(draw) -> str:  # type: ignore[no-untyped-def]
    expr = draw(expressions())
    loops = draw(st.integers(0, 3))
    body = f"{{{{ {expr} }}}}"
    for i in range(loops):
        body = f"{{% for i{i} in {draw(ATOMS)} %}}{body}{{% endfor %}}"
    if draw(st.booleans()):
        body = "{% set x = [1] %}{% for k in range(64) %}{% set _ = x.extend(x) %}{% endfor %}" + body
    return body


def fuzz_tags(examples: int, seed_value: int) -> None:
    from xltools.errors import XltoolsError
    from xltools.documents.engine import LetterTemplate
    from xltools.documents.letters import PlanIndex, letter_context
    from xltools.workbook.reader import read_plan
    from xltools.cli import main
    import datetime as dt

    work = Path(tempfile.mkdtemp(prefix="xltools-fuzz-"))
    assert main(["import", str(hostile.ROOT / "examples" / "taonan-2019.txt"), "-o",
                 str(work / "wb.xlsx")]) == 0
    index = PlanIndex(read_plan(work / "wb.xlsx"))
    unit = index.units()[0]
    ctx = letter_context(index, unit, date=dt.date(2019, 4, 1), progress_file="p.xlsx")
    letter = (hostile.ROOT / "templates" / "letter.docx").read_bytes()

    @seed(seed_value)
    @settings(max_examples=examples, deadline=None, database=None,
              suppress_health_check=list(HealthCheck))
    @given(tags())
    def one(tag: str) -> None:
        signal.alarm(EXAMPLE_SECONDS)
        try:
            tpl = LetterTemplate(io.BytesIO(hostile.add_paragraph(letter, tag)))
            tpl.env.start_batch()
            tpl.render(ctx, unit)
        except XltoolsError as exc:
            assert CJK.search(str(exc)), (tag, str(exc))
        finally:
            signal.alarm(0)

    one()


def fuzz_packages(examples: int, seed_value: int) -> None:
    """Templates with bytes changed (damaged packages, active content): a result
    without active content, or a Chinese message."""
    from xltools.errors import XltoolsError
    from xltools.documents.engine import LetterTemplate

    base = hostile.active_template((hostile.ROOT / "templates" / "letter.docx").read_bytes())
    members = hostile.parts(base)

    @seed(seed_value)
    @settings(max_examples=examples, deadline=None, database=None,
              suppress_health_check=list(HealthCheck))
    @given(st.sampled_from(sorted(members)), st.integers(0, 10_000), st.integers(1, 255),
           st.booleans())
    def one(part: str, at: int, flip: int, xml_level: bool) -> None:
        if xml_level:  # a change inside one part, rezipped (a malformed or odd XML part)
            content = bytearray(members[part])
            if content:
                content[at % len(content)] ^= flip
            data = hostile.rezip({**members, part: bytes(content)})
        else:  # a change in the zip itself
            buf = bytearray(base)
            buf[at % len(buf)] ^= flip
            data = bytes(buf)
        signal.alarm(EXAMPLE_SECONDS)
        try:
            tpl = LetterTemplate(io.BytesIO(data))
            for name, content in tpl.entries.items():
                for mark in (b"DDEAUTO", b"INCLUDEPICTURE", b"attacker.example", b"vbaProject"):
                    assert mark not in content, (name, mark)
        except XltoolsError as exc:
            assert CJK.search(str(exc)), str(exc)
        finally:
            signal.alarm(0)

    one()


def main(argv: list[str]) -> int:
    target, examples, seed_value = argv[0], int(argv[1]), int(argv[2])
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))
    signal.signal(signal.SIGALRM, _alarm)
    {"returns": fuzz_returns, "tags": fuzz_tags, "packages": fuzz_packages}[target](
        examples, seed_value)
    print("fuzz ok", target, examples)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

