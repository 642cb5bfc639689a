"""Format from content, encodings, and the choice of text reader."""

from __future__ import annotations

import codecs
import io
import zipfile

import pytest

from xltools.errors import InputError
from xltools.importing.readers import detect_format, read_source
from xltools.importing.readers.decode import decode_text, detect_encoding
from xltools.importing.readers.rows import RawRow

TEXT = "一、加强监管\n1.规范执法。推行执法公示制度。（市司法局牵头，各县（市、区）人民政府负责）\n"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030", "gbk", "utf-16"])
def test_encodings_detected(encoding: str) -> None:
    data = TEXT.encode(encoding)
    assert decode_text(data, "x.txt") == TEXT


def test_big5_detected() -> None:
    trad = "一、加強監管\n1.規範執法。推行執法公示制度。（市司法局牽頭）\n"
    assert detect_encoding(trad.encode("big5")) == "big5"
    assert detect_encoding(TEXT.encode("gb18030")) == "gb18030"
    assert decode_text(codecs.BOM_UTF8 + TEXT.encode(), "x") == TEXT


def test_detect_format_from_content_not_extension() -> None:
    assert detect_format(b"<!DOCTYPE html><html><body>x</body></html>", "a.txt") == "html"
    assert detect_format(TEXT.encode(), "a.html") == "html"
    assert detect_format(TEXT.encode(), "a.docx") == "text"
    assert detect_format(b"%PDF-1.4 ...", "a.txt") == "pdf"
    assert detect_format(b"{\\rtf1 ...", "a.doc") == "rtf"
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100
    assert detect_format(ole + "Workbook\0".encode("utf-16-le"), "a.et") == "xls"
    assert detect_format(ole + "WordDocument".encode("utf-16-le"), "a.wps") == "doc"


def test_unknown_zip_and_empty_input_are_clear_errors() -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("readme.txt", "x")
    with pytest.raises(InputError, match="不受支持"):
        read_source(buf.getvalue(), "a.zip")
    with pytest.raises(InputError, match="空文件"):
        read_source(b"  \n", "a.txt")


def test_space_separated_dump_goes_to_the_text_table_reader() -> None:
    data = ("某市任务分工\n目标 序号 任务 有关要求 责任单位\n"
            "加强监管 1 规范执法 推行执法公示制度。 市司法局牵头抓好落实。\n").encode()
    events, meta = read_source(data, "x.txt")
    rows = [e for e in events if isinstance(e, RawRow)]
    assert rows[0].number == "1" and rows[0].units and "市司法局" in rows[0].units
