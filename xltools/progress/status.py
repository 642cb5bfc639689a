"""The 状态 values: the allowed options, which one means done, and free text
mapped to an allowed option (labels.STATUS_SYNONYMS)."""

from __future__ import annotations

from collections.abc import Sequence

from xltools import labels as L
from xltools.model import Plan


def status_options(plan: Plan) -> tuple[str, ...]:
    """The allowed 状态 values: 说明 → 状态选项, else the defaults."""
    return plan.info.statuses or L.DEFAULT_STATUSES


def done_status(options: Sequence[str]) -> str | None:
    """The option that means "done" (已完成, or the one option containing 完成 without 未)."""
    if L.STATUS_DONE in options:
        return L.STATUS_DONE
    cands = [o for o in options if "完成" in o and "未" not in o]
    return cands[0] if len(cands) == 1 else None


def map_status(value: str, options: Sequence[str]) -> tuple[str | None, bool]:
    """A typed 状态 → (allowed status or None when ambiguous, whether it was free text).

    Exact allowed values pass. Otherwise the synonym table (labels.STATUS_SYNONYMS)
    is tried on the whole text, then on the longest phrases found inside it; the
    result is used only when every phrase points to one allowed status.
    """
    text = "".join(value.split())
    if not text:
        return None, False
    if text in options:
        return text, text != value.strip()
    table = {k: v for k, v in L.STATUS_SYNONYMS.items()}
    for o in options:
        table.setdefault(o, o)
    if text in table:
        target = table[text]
        return (target if target in options else None), True
    # Longest phrases inside the text, not overlapping.
    found: list[str] = []
    taken = [False] * len(text)
    for key in sorted(table, key=len, reverse=True):
        start = text.find(key)
        while start >= 0:
            span = range(start, start + len(key))
            if not any(taken[i] for i in span):
                for i in span:
                    taken[i] = True
                found.append(table[key])
            start = text.find(key, start + 1)
    targets = set(found)
    if len(targets) == 1:
        target = targets.pop()
        return (target if target in options else None), True
    return None, True


