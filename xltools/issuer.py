"""The issuing office (发文单位) among the plan's units.

A letter or a progress sheet to the office that sends them is never wanted.
``issuer_units(plan)`` finds the units on 任务分工 that *are* the issuer named
on 说明 → 发文单位, by full name, short form or the level prefix (市):

    洮南市人民政府办公室 → 洮南市人民政府办公室, 市人民政府办公室, 人民政府办公室,
                          洮南市政府办公室, 市政府办公室, 政府办公室, 市政府办, 政府办 …

A unit matches when its name or one of its aliases (单位 sheet), or their short
forms, is one of those. Only the issuer loses its place name: a unit 县政府办公室
is not the issuer 洮南市人民政府办公室. Several issuers (a joint document) are
separated by 、，; or spaces.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from xltools import labels as L
from xltools.model import Plan

_SEPARATORS = re.compile(r"[、，,；;／/\s]+")
_MIN_LENGTH = 3  # 政府, 办公室 alone name no body


def _short_forms(names: Iterable[str]) -> set[str]:
    """``names`` plus every spelling with the usual abbreviations (人民政府 → 政府,
    办公室 → 办), alone and combined."""
    forms = set(names)
    for long, short in L.ISSUER_SHORT_FORMS:
        for form in list(forms):
            if long in form:
                forms.add(form.replace(long, short))
    return forms


def _without_place(name: str) -> set[str]:
    """洮南市人民政府办公室 → {市人民政府办公室, 人民政府办公室}: the place name (two to
    six characters before the first level word 市/县/区/州/盟/旗) dropped, with and
    without the level word."""
    for pos, ch in enumerate(name):
        if ch in L.ISSUER_LEVEL_WORDS and 2 <= pos <= 6 and len(name) - pos - 1 >= 2:
            rest = name[pos + 1:]
            return {ch + rest, rest}
    if name[:1] in L.ISSUER_LEVEL_WORDS and len(name) > _MIN_LENGTH:
        return {name[1:]}  # 市政府办公室 → 政府办公室
    return set()


def name_forms(name: str) -> frozenset[str]:
    """Every way the issuer ``name`` may be written as a unit."""
    name = re.sub(r"\s+", "", name or "")
    if not name:
        return frozenset()
    forms = _short_forms({name, *_without_place(name)})
    return frozenset(f for f in forms if len(f) >= _MIN_LENGTH)


def issuer_names(text: str) -> list[str]:
    """The issuing offices written in 发文单位 (one or several)."""
    return [part for part in _SEPARATORS.split(text or "") if part]


def issuer_units(plan: Plan) -> frozenset[str]:
    """Names of the units (as on 任务分工 / 单位) that are the plan's 发文单位."""
    forms: set[str] = set()
    for name in issuer_names(plan.info.issuer):
        forms |= name_forms(name)
    if not forms:
        return frozenset()
    aliases = {u.name: u.aliases for u in plan.units}
    names = dict.fromkeys([*aliases, *plan.assigned_units()])
    found = set()
    for name in names:
        if name == L.GENERIC_UNIT:
            continue
        spellings = _short_forms({name, *aliases.get(name, ())})
        if spellings & forms:
            found.add(name)
    return frozenset(found)


__all__ = ["issuer_units", "issuer_names", "name_forms"]
