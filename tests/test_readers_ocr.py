"""Scans and photos (readers/ocr.py, readers/raster.py) with real pixels:
the example's Word table printed to PDF by LibreOffice, rendered to images
(tests/scans.py) and spoiled as scanners and phones do, read by OCR and
compared with the plan. The default run reads a few pages; the whole
example at 150/200/300 dpi with every kind of damage runs with
``pytest -m ocr_matrix``.

Texts are compared by similarity (OCR reads ﹝ as （, a variant form): the
structure (goals, tasks, rows) and every unit must be exact."""

from __future__ import annotations

import difflib
import sys
from pathlib import Path

import pytest

import layouts as lay
import scans
from xltools import labels as L
from xltools.importing.builder import build_plan
from xltools.errors import DependencyError, InputError
from xltools.importing.readers import read_source

pytest.importorskip("rapidocr", reason="the OCR extra (pip install .[ocr]) is not installed")


def _plan(data: bytes, name: str):  # type: ignore[no-untyped-def]
    return build_plan(*read_source(data, name))


def _ocr_differences(plan, rows: int | None = None, min_ratio: float = 0.97) -> list[str]:  # type: ignore[no-untyped-def]
    """Differences from the example: goals, tasks and units exact, texts by
    similarity; ``rows``: only the first rows (a page or a few)."""
    want = lay.spec_rows(lay.example_spec())
    got = lay.spec_rows(lay.spec_from_plan(plan))
    aliases = {a: u.name for u in plan.units for a in (u.name, *u.aliases)}
    if rows is not None:
        want = want[:rows]
    out = []
    for i, (w, g) in enumerate(zip(want, got)):
        where = f"req {i + 1} {w[2][:14]!r}"
        if w[:2] != g[:2]:
            out.append(f"{where}: goal/task imported {g[:2]} expected {w[:2]}")
        ratio = difflib.SequenceMatcher(None, w[2], g[2]).ratio()
        if ratio < min_ratio:
            out.append(f"{where}: text {ratio:.2f} similar: imported {g[2][:40]!r}")
        for k, role in ((3, "lead"), (4, "responsible"), (5, "assist")):
            if frozenset(aliases.get(n, n) for n in g[k]) != frozenset(aliases.get(n, n) for n in w[k]):
                out.append(f"{where}: {role} imported {sorted(g[k])} expected {sorted(w[k])}")
    if len(got) < len(want):
        out.append(f"{len(got)} requirements imported, {len(want)} expected")
    return out


def _doubts(plan) -> list[str]:  # type: ignore[no-untyped-def]
    return [n.message for n in plan.notes if n.kind == L.REVIEW_OCR]


# ------------------------------------------------------------ default run: a few pages


def test_scanned_pdf_first_pages_at_150_dpi(example_pdf: Path) -> None:
    """Two pages of the table scanned at 150 dpi: the rows of both pages,
    the table continued over the page break."""
    data = scans.image_pdf(scans.render(example_pdf, 150, [0, 1]), 150)
    plan = _plan(data, "scan.pdf")
    rows = len(plan.requirements) - 1  # the last row runs on to page 3
    assert rows >= 9
    assert _ocr_differences(plan, rows) == []
    assert [g.name for g in plan.goals] == ["加强解读回应稳定社会预期"]


def test_300_dpi_page_with_a_red_seal_and_skew(example_pdf: Path) -> None:
    page = scans.skew(scans.seal(scans.render(example_pdf, 300, [0])[0], (0.62, 0.45), 300), 1.0)
    plan = _plan(scans.image_pdf([page], 300), "sealed.pdf")
    assert _ocr_differences(plan, len(plan.requirements) - 1) == []
    assert len(plan.requirements) >= 6
    assert any("歪斜" in m for m in _doubts(plan))


def test_phone_photo_of_a_page_with_doubtful_cells_on_review(example_pdf: Path) -> None:
    """A JPEG photo taken at an angle (perspective, uneven light, noise,
    blur): its rows are read, every requirement whose text is not read
    surely is on 待核对 with its page and position."""
    import cv2

    img = scans.photo(scans.render(example_pdf, 200, [0])[0])
    ok, buf = cv2.imencode(".jpg", img, [cv2.IMWRITE_JPEG_QUALITY, 80])
    plan = _plan(buf.tobytes(), "photo.jpg")
    rows = len(plan.requirements) - 1
    assert rows >= 5
    assert [d for d in _ocr_differences(plan, rows, min_ratio=0.9) if "text" not in d] == []
    want = lay.spec_rows(lay.example_spec())
    got = lay.spec_rows(lay.spec_from_plan(plan))
    doubts = [lay._norm(m.replace("〔", "").replace("〕", "")) for m in _doubts(plan)]
    for w, g in zip(want[:rows], got):
        if g[2] != w[2]:  # a text not read exactly is on 待核对
            assert any(g[2][:8] in m for m in doubts), g[2][:20]
    doubts = _doubts(plan)
    assert all("第 1 页" in m for m in doubts if "识别不确定" in m)


def test_page_on_its_side_is_turned_upright(example_pdf: Path) -> None:
    img = scans.turn(scans.render(example_pdf, 150, [0])[0], 1)
    plan = _plan(scans.png(img), "turned.png")
    assert _ocr_differences(plan, len(plan.requirements) - 1) == []
    assert any("旋转" in m for m in _doubts(plan))


def test_mixed_pdf_reads_its_scanned_page(example_pdf: Path, tmp_path: Path) -> None:
    """A PDF with text pages and one scanned page (a page re-scanned into
    the digital file): the scanned page's rows are read among the others."""
    import pypdfium2 as pdfium

    scan = pdfium.PdfDocument(scans.image_pdf(scans.render(example_pdf, 150, [1]), 150))
    digital = pdfium.PdfDocument(str(example_pdf))
    mixed = pdfium.PdfDocument.new()
    mixed.import_pages(digital, [0])
    mixed.import_pages(scan, [0])
    mixed.import_pages(digital, [2])
    mixed.save(str(tmp_path / "mixed.pdf"))
    plan = _plan((tmp_path / "mixed.pdf").read_bytes(), "mixed.pdf")
    rows = len(plan.requirements) - 1
    assert rows >= 12
    assert _ocr_differences(plan, rows) == []


def test_without_the_ocr_extra_a_scan_says_how_to_install_it(example_pdf: Path, monkeypatch,
                                                              tmp_path: Path, capsys) -> None:
    """rapidocr not importable (the extra not installed): a scan and a photo
    are refused with how to install it; a mixed PDF is read without its
    scanned pages, which a note names."""
    from xltools.cli import main
    from xltools.importing.readers import ocr

    monkeypatch.setitem(sys.modules, "rapidocr", None)  # import rapidocr → ImportError
    ocr._engine.cache_clear()
    try:
        scan = scans.image_pdf(scans.render(example_pdf, 100, [0]), 100)
        for data, name in ((scan, "scan.pdf"), (scans.png(scans.render(example_pdf, 100, [0])[0]), "photo.png")):
            with pytest.raises(DependencyError) as err:
                read_source(data, name)
            assert 'pip install "xltools[ocr]"' in str(err.value) and name in str(err.value)
        (tmp_path / "scan.pdf").write_bytes(scan)
        assert main(["import", str(tmp_path / "scan.pdf"), "-o", str(tmp_path / "out.xlsx")]) == 1
        err = capsys.readouterr().err
        assert "xltools[ocr]" in err and "Traceback" not in err and not (tmp_path / "out.xlsx").exists()

        import pypdfium2 as pdfium

        digital = pdfium.PdfDocument(str(example_pdf))
        mixed = pdfium.PdfDocument.new()
        mixed.import_pages(digital, [0])
        mixed.import_pages(pdfium.PdfDocument(scan), [0])
        mixed.save(str(tmp_path / "mixed.pdf"))
        plan = _plan((tmp_path / "mixed.pdf").read_bytes(), "mixed.pdf")
        assert len(plan.requirements) >= 5
        assert any("第 2 页" in n.message and "xltools[ocr]" in n.message for n in plan.notes)
    finally:
        ocr._engine.cache_clear()


# ------------------------------------------------------------ unit names (no pixels)


def _row(text: str, top: float = 0.0) -> list[dict]:
    from xltools.importing.readers.drawn import char

    return [char(ch, 10.0 * k, top, 10.0 * k + 10, top + 12) for k, ch in enumerate(text)]


def test_near_miss_unit_name_is_corrected_with_a_note() -> None:
    from xltools.importing.readers.drawn import DrawnPage
    from xltools.importing.readers.ocr import fix_unit_names

    rows = [_row("市发改局、市民政局", 0), _row("市发政局、市财政局", 60), _row("市审计局、市发改局", 120)]
    page = DrawnPage(600, 800, chars=[c for r in rows for c in r])
    fix_unit_names([(3, page, rows)])
    assert "".join(c["text"] for c in rows[1]) == "市发改局、市财政局"
    assert "".join(c["text"] for c in rows[0]) == "市发改局、市民政局"  # a real body is never changed
    assert [n[1] for n in page.review] == [L.NOTE_OCR_UNIT_FIXED.format(page=3, read="市发政局", name="市发改局")]


def test_two_unit_names_without_their_comma_are_split_with_a_note() -> None:
    from xltools.importing.readers.drawn import DrawnPage
    from xltools.importing.readers.ocr import fix_unit_names

    rows = [_row("市自然资源局市住建局、市财政局", 0), _row("市住建局、市自然资源局", 40)]
    page = DrawnPage(600, 800, chars=[c for r in rows for c in r])
    fix_unit_names([(1, page, rows)])
    assert "".join(c["text"] for c in rows[0]) == "市自然资源局、市住建局、市财政局"
    assert len(page.review) == 1 and "市自然资源局市住建局" in page.review[0][1]


# ------------------------------------------------------------ the full matrix (pytest -m ocr_matrix)


@pytest.mark.ocr_matrix
@pytest.mark.parametrize("dpi", [150, 200, 300])
def test_matrix_whole_example_scanned(example_pdf: Path, dpi: int) -> None:
    """The whole example (14 pages) scanned: 63/63 requirements with their 33 units."""
    plan = _plan(scans.image_pdf(scans.render(example_pdf, dpi), dpi), f"scan{dpi}.pdf")
    assert _ocr_differences(plan) == []
    assert (len(plan.goals), len(plan.tasks), len(plan.requirements)) == (5, 19, 63)
    assert len([u for u in plan.units if not u.is_generic]) == 33


@pytest.mark.ocr_matrix
def test_matrix_whole_example_300_dpi_sealed_and_skewed(example_pdf: Path) -> None:
    pages = scans.render(example_pdf, 300)
    pages = [scans.skew(scans.seal(p, (0.55 + 0.05 * (k % 3), 0.4), 300) if k % 2 == 0 else p, 1.0)
             for k, p in enumerate(pages)]
    plan = _plan(scans.image_pdf(pages, 300), "sealed.pdf")
    assert _ocr_differences(plan) == []
    assert len(plan.requirements) == 63 and len([u for u in plan.units if not u.is_generic]) == 33


@pytest.mark.ocr_matrix
@pytest.mark.parametrize("damage", ["noise", "blur", "jpeg"])
def test_matrix_damaged_scan(example_pdf: Path, damage: str) -> None:
    spoil = {"noise": scans.noise, "blur": scans.blur, "jpeg": lambda im: scans.jpeg(im, 50)}[damage]
    pages = [spoil(p) for p in scans.render(example_pdf, 200, [0, 1, 2, 3])]
    plan = _plan(scans.image_pdf(pages, 200), f"{damage}.pdf")
    assert _ocr_differences(plan, len(plan.requirements) - 1) == []


@pytest.mark.ocr_matrix
@pytest.mark.parametrize("page", [0, 3])
def test_matrix_photos_as_multipage_tiff(example_pdf: Path, page: int) -> None:
    """Photos of the first pages as one multi-page TIFF: the rows of all."""
    import cv2

    pages = [scans.photo(p, seed=k) for k, p in enumerate(scans.render(example_pdf, 200, list(range(page + 1))))]
    ok, buf = cv2.imencodemulti(".tiff", pages)
    assert ok
    plan = _plan(buf.tobytes(), "photos.tiff")
    rows = len(plan.requirements) - 1
    assert [d for d in _ocr_differences(plan, rows, min_ratio=0.9) if "text" not in d] == []


def test_image_bomb_is_refused_before_decoding() -> None:
    """A PNG declaring 100,000 × 100,000 pixels (a few KB compressed) is
    refused from its header, never decoded."""
    import struct
    import zlib

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    png = (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 100_000, 100_000, 8, 0, 0, 0, 0))
           + chunk(b"IDAT", zlib.compress(b"\x00" * 1000)) + chunk(b"IEND", b""))
    with pytest.raises(InputError) as err:
        read_source(png, "bomb.png")
    assert "bomb.png" in str(err.value) and "100000×100000" in str(err.value)


def test_models_load_and_read_with_the_network_blocked(example_pdf: Path, monkeypatch) -> None:
    """Nothing is downloaded at run time: with every socket refused, the
    models load from the installed wheel and read a page's title."""
    import socket

    from xltools.importing.readers import ocr

    def refuse(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise AssertionError(f"network used: {args!r}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    ocr._engine.cache_clear()
    try:
        img = scans.render(example_pdf, 150, [0])[0]
        page, _rows = ocr.ocr_image(img[: img.shape[0] // 4], 1, dpi=150)
        assert "洮南市政务公开重点工作任务分工" in "".join(c["text"] for c in page.chars)
    finally:
        ocr._engine.cache_clear()
