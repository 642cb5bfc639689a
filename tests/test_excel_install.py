"""install / uninstall / doctor against a fake home folder; Linux gets a clear message."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from xltools import __version__
from xltools.cli import main
from xltools.errors import DependencyError, InputError
from xltools.excel import install
from xltools.excel.build import build_addin


@pytest.fixture(scope="module")
def addin(tmp_path_factory) -> Path:
    return build_addin(tmp_path_factory.mktemp("addin") / "xltools.xlam")


def test_linux_says_excel_is_needed(capsys):
    with pytest.raises(DependencyError, match="Excel"):
        install.install("xltools.xlam", system="Linux")
    with pytest.raises(DependencyError):
        install.startup_dir("Linux")
    if sys.platform.startswith("linux"):
        assert main(["excel", "install"]) == 1
        assert "Windows" in capsys.readouterr().err


@pytest.mark.parametrize("system", ["Windows", "Darwin"])
def test_install_uninstall_doctor(addin, tmp_path, system):
    home = tmp_path / "home"
    lines = install.install(addin, system=system, home=home)
    target = install.startup_dir(system, home) / install.ADDIN_NAME
    assert target.read_bytes() == addin.read_bytes()
    cfg = install.config_path(system, home)
    if system == "Windows":
        assert cfg == home / ".xltools" / "xltools.conf"
        assert "XLSTART" in str(target)
    else:
        assert cfg.parent == home / "Library" / "Containers" / "com.microsoft.Excel" / "Data"
    key = "INTERPRETER_WIN" if system == "Windows" else "INTERPRETER_MAC"
    raw = cfg.read_bytes().decode()
    assert raw.startswith(f'"{key}","') and raw.endswith('"\r\n')
    assert Path(install.read_config(cfg)[key]).is_file()
    assert str(cfg) in lines[0]

    report = install.doctor(system=system, home=home)
    assert any(line.startswith("[ok] add-in") and __version__ in line for line in report)
    assert any(line.startswith(f"[ok] {key}") for line in report)

    # Other keys in the config survive a re-install.
    cfg.write_bytes(cfg.read_bytes() + b'"PYTHONPATH","C:\\\\work"\r\n')
    install.install(addin, system=system, home=home)
    assert install.read_config(cfg)["PYTHONPATH"] == "C:\\\\work"

    assert install.uninstall(system=system, home=home)[0].endswith(str(target))
    assert not target.exists()
    assert any(line.startswith("[!!] add-in not installed") for line in install.doctor(system=system, home=home))


def test_missing_addin_is_explained(tmp_path):
    with pytest.raises(InputError, match="xltools excel build"):
        install.install(tmp_path / "none.xlam", system="Windows", home=tmp_path)


def test_config_only_for_the_control_workbook(tmp_path):
    install.install("absent.xlam", copy_addin=False, system="Windows", home=tmp_path)
    assert (tmp_path / ".xltools" / "xltools.conf").is_file()
    assert not install.startup_dir("Windows", tmp_path).exists()


def test_doctor_sees_an_old_addin(addin, tmp_path):
    from pyopenvba import ExcelFile

    old = tmp_path / "old.xlam"
    with ExcelFile(addin) as wb:
        wb.set_module("XlTools", wb.get_module("XlTools").replace(
            f'XLTOOLS_VERSION As String = "{__version__}"', 'XLTOOLS_VERSION As String = "0.0.1"'))
        wb.save(old)
    install.install(old, system="Windows", home=tmp_path / "h")
    assert install.addin_version(install.startup_dir("Windows", tmp_path / "h") / install.ADDIN_NAME) == "0.0.1"
    assert any(line.startswith("[!!] add-in") and "0.0.1" in line
               for line in install.doctor(system="Windows", home=tmp_path / "h"))
