"""The bundle as a Windows program: its icon holds every size Windows asks for, and its version
resource comes from the one version number."""

from __future__ import annotations

import sys
import tomllib
from pathlib import Path

from PIL import Image

import cellsec

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))

import windows_resources  # noqa: E402


def test_the_icon_holds_every_size_windows_asks_for():
    with Image.open(windows_resources.ICO) as icon:
        assert icon.format == "ICO"
        assert {(s, s) for s in windows_resources.ICO_SIZES} <= set(icon.info["sizes"])


def test_one_version_number_everywhere():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["version"] == cellsec.__version__ == windows_resources.app_version()
    assert windows_resources.version_tuple("0.1.0") == (0, 1, 0, 0)
    assert windows_resources.version_tuple("2.10.3.7") == (2, 10, 3, 7)


def test_the_version_resource_names_the_program_and_its_version(tmp_path):
    # GIVEN the version file build.spec hands to PyInstaller
    path = windows_resources.write_version_file(tmp_path / "version_info.txt", "1.2.3")
    text = path.read_text(encoding="utf-8")
    # WHEN it is read as PyInstaller reads it (a Python expression of its classes)
    seen: dict[str, object] = {}

    def record(kind: str):
        def make(*args, **kwargs):
            seen.setdefault(kind, []).append((args, kwargs))  # type: ignore[union-attr]
            return (kind, args, kwargs)

        return make

    names = ("VSVersionInfo", "FixedFileInfo", "StringFileInfo", "StringTable", "StringStruct")
    namespace = {n: record(n) for n in (*names, "VarFileInfo", "VarStruct")}
    eval(compile(text, str(path), "eval"), namespace)  # noqa: S307 - our own generated file
    # THEN the numbers and the names are there
    fixed = seen["FixedFileInfo"][0][1]  # type: ignore[index]
    assert fixed["filevers"] == fixed["prodvers"] == (1, 2, 3, 0)
    strings = dict(args for args, _ in seen["StringStruct"])  # type: ignore[union-attr]
    assert strings["FileVersion"] == "1.2.3.0" and strings["ProductVersion"] == "1.2.3"
    assert strings["OriginalFilename"] == "CellSec.exe"
    assert strings["ProductName"] == "CellSec — Sổ tay Bí thư chi bộ"
