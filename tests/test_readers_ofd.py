"""OFD (readers/ofd.py): five real OFD files from real producers open
without an error (the non-tables refused with a clear message, the ruled
table read into cells); the example's Word table printed to PDF and re-drawn
as OFD (tests/ofd_writer.py) imports to the plan; broken and hostile
packages are refused."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

import layouts as lay
from conftest import FIXTURES
from ofd_writer import pdf_to_ofd
from xltools.importing.builder import build_plan
from xltools.errors import InputError, SourceFormatError
from xltools.importing.readers import detect_format, read_source
from xltools.importing.readers.ofd import ofd_pages
from xltools.importing.readers.pdf import _Table, page_items

OFD = FIXTURES / "ofd"
REAL = sorted(OFD.glob("*.ofd"))


def test_the_five_real_files_are_there() -> None:
    assert len(REAL) == 5


@pytest.mark.parametrize("path", REAL, ids=lambda p: p.name)
def test_real_ofd_opens_and_a_non_table_is_refused_clearly(path: Path) -> None:
    data = path.read_bytes()
    assert detect_format(data, path.name) == "ofd"
    pages = ofd_pages(data, path.name)
    assert pages and all(p.width > 390 and p.height > 390 for p in pages)  # A4 or an invoice, in points
    assert sum(len(p.chars) for p in pages) > 10
    with pytest.raises(SourceFormatError) as err:
        read_source(data, path.name)
    assert "OFD" in str(err.value) and path.name in str(err.value) and "任务分工表" in str(err.value)


def test_real_gongwen_text_in_reading_order() -> None:
    pages = ofd_pages((OFD / "gongwen-pifu.ofd").read_bytes(), "gongwen-pifu.ofd")
    _items, plain = page_items(pages)
    text = "\n".join(i.text for i in plain if not isinstance(i, _Table))
    assert "关于同意张阿三同志辞职的批复" in text
    assert text.index("路桥区卫生局") < text.index("批复") < text.index("区中医院")


def test_real_ruled_table_is_read_into_cells() -> None:
    """spec-table.ofd draws its table with thin filled path rectangles."""
    pages = ofd_pages((OFD / "spec-table.ofd").read_bytes(), "spec-table.ofd")
    items, _plain = page_items(pages[:1])
    table = next(i for i in items if isinstance(i, _Table))
    assert [c.text for c in table.grid[0]] == ["名称", "类型", "说明", "可选/必选"]
    assert [c.text for c in table.grid[1]][:2] == ["CodePosition", "xs:int"]
    assert len(table.grid) == 5


def test_real_invoice_boxes_and_template_lines() -> None:
    """The invoices' ruling lines are in a page template (Tpls/): read too."""
    pages = ofd_pages((OFD / "invoice-zhejiang.ofd").read_bytes(), "invoice-zhejiang.ofd")
    assert pages[0].find_tables()
    text = "".join(c["text"] for c in pages[0].chars)
    assert "浙江增值税电子普通发票" in text and "兰溪市悦济舫餐厅" in text


def test_rotated_text_is_placed_on_the_page() -> None:
    pages = ofd_pages((OFD / "text-rotated-suwell.ofd").read_bytes(), "text-rotated-suwell.ofd")
    assert all(0 <= c["x0"] <= c["x1"] <= pages[0].width and 0 <= c["top"] <= c["bottom"] <= pages[0].height
               for c in pages[0].chars)


def test_example_as_ofd_imports_to_the_plan(example_pdf: Path) -> None:
    """The example's Word table over 14 pages (merged cells, goal rows, rows
    split by page breaks) as OFD: 63 requirements with their 33 units."""
    data = pdf_to_ofd(example_pdf)
    plan = build_plan(*read_source(data, "example.ofd"))
    assert lay.differences(lay.example_spec(), plan) == []
    assert (len(plan.goals), len(plan.tasks), len(plan.requirements)) == (5, 19, 63)
    assert len([u for u in plan.units if not u.is_generic]) == 33


def _zip(parts: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for name, data in parts.items():
            z.writestr(name, data)
    return buf.getvalue()


def test_broken_ofd_is_a_clear_error() -> None:
    data = _zip({"OFD.xml": b'<ofd:OFD xmlns:ofd="http://www.ofdspec.org/2016"><ofd:DocBody>'
                            b'<ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>'})
    with pytest.raises(InputError) as err:
        read_source(data, "broken.ofd")
    assert "broken.ofd" in str(err.value) and "Doc_0/Document.xml" in str(err.value)


def test_ofd_with_a_dtd_is_refused_unparsed() -> None:
    bomb = (b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>'
            b'<ofd:OFD xmlns:ofd="http://www.ofdspec.org/2016">&b;</ofd:OFD>')
    with pytest.raises(InputError) as err:
        read_source(_zip({"OFD.xml": bomb}), "bomb.ofd")
    assert "bomb.ofd" in str(err.value)
