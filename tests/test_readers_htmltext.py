"""Tables of web pages flattened by real tools (soffice txt:Text, a scraper's get_text, a
browser's copy): the reading rules they showed (tests/htmlbench.py), each on wording of its own."""

from __future__ import annotations

from xltools.importing.builder import build_plan
from xltools.importing.readers import read_source
from xltools.model import Role


def _plan(text: str):  # type: ignore[no-untyped-def]
    return build_plan(*read_source(text.encode("utf-8"), "t.txt"))


def _units(plan, start: str) -> dict[str, set[str]]:  # type: ignore[no-untyped-def]
    req = next(r for _, _, r in plan.iter_requirements() if r.text.startswith(start))
    out: dict[str, set[str]] = {}
    for a in plan.assignments_for(req.id):
        out.setdefault({Role.LEAD: "lead", Role.ASSIST: "assist"}.get(a.role, "resp"), set()).add(a.unit)
    return out


def test_two_row_header_flattened_by_a_scraper() -> None:
    # 承办处室 over 主办处室 / 协办处室: the sub-headers come after the first row's last word.
    lines = ["区发改局督办事项分解表", "序号", "督办事项", "承办处室", "办结时间", "说明", "主办处室", "协办处室",
             "1", "编制园区循环化改造实施方案", "规划科", "投资科", "法规科", "9月底前",
             "2", "开展重点用能单位节能监察", "能源科", "环资科", "11月底前",
             "3", "推进社会信用体系示范创建", "信用办", "办公室", "政策法规科", "年底前"]
    plan = _plan("\n".join(lines) + "\n")
    assert _units(plan, "编制园区") == {"lead": {"规划科"}, "assist": {"投资科", "法规科"}}
    assert _units(plan, "开展重点") == {"lead": {"能源科"}, "assist": {"环资科"}}
    assert _units(plan, "推进社会") == {"lead": {"信用办"}, "assist": {"办公室", "政策法规科"}}
