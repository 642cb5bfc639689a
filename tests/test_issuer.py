"""The issuing office (发文单位) recognised among the units."""

from __future__ import annotations

from xltools.issuer import issuer_names, issuer_units, name_forms
from xltools.model import Assignment, Plan, PlanInfo, Unit


def _plan(issuer: str, *units: Unit) -> Plan:
    return Plan(info=PlanInfo(issuer=issuer), goals=(),
                assignments=tuple(Assignment("1-1", u.name, None) for u in units),
                units=tuple(units))


def test_full_name_short_form_and_prefix() -> None:
    units = (Unit("市政府办公室", aliases=("政府办",)), Unit("市财政局"), Unit("市政务服务局"))
    assert issuer_units(_plan("洮南市人民政府办公室", *units)) == {"市政府办公室"}
    assert issuer_units(_plan("市政府办公室", *units)) == {"市政府办公室"}
    assert issuer_units(_plan("洮南市政府办", *units)) == {"市政府办公室"}
    # The unit known only by its alias on the sheet.
    assert issuer_units(_plan("洮南市人民政府办公室", Unit("政府办"))) == {"政府办"}
    # Spelt in full on the sheet.
    assert issuer_units(_plan("洮南市人民政府办公室", Unit("洮南市人民政府办公室"))) == \
        {"洮南市人民政府办公室"}


def test_no_false_matches() -> None:
    units = (Unit("县政府办公室"), Unit("市政务服务局"), Unit("市财政局"), Unit("各相关部门"))
    assert issuer_units(_plan("洮南市人民政府办公室", *units)) == frozenset()
    assert issuer_units(_plan("", *units)) == frozenset()
    assert issuer_units(_plan("洮南市财政局", *units)) == {"市财政局"}


def test_joint_issuers() -> None:
    units = (Unit("市政府办公室"), Unit("市财政局"), Unit("市审计局"))
    assert issuer_units(_plan("洮南市人民政府办公室、洮南市财政局", *units)) == \
        {"市政府办公室", "市财政局"}
    assert issuer_names("甲市财政局 乙市审计局") == ["甲市财政局", "乙市审计局"]


def test_forms_are_not_bare_words() -> None:
    forms = name_forms("洮南市人民政府办公室")
    assert "市政府办公室" in forms and "政府办" in forms
    assert not {"政府", "办公室", "办", "市"} & forms
