"""The core is headless: importing all of it loads no Qt; the CLI works end to end."""

from __future__ import annotations

import json
import pkgutil
import subprocess
import sys

import pytest

import cellsec

pytestmark = pytest.mark.slow  # starts processes / runs many examples: not in the fast loop


def _run(*args, timeout=60):
    return subprocess.run(
        [sys.executable, *args], capture_output=True, text=True, encoding="utf-8", timeout=timeout
    )


def test_importing_the_whole_core_loads_no_qt():
    modules = [m.name for m in pkgutil.walk_packages(cellsec.__path__, "cellsec.")]
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n    importlib.import_module(name)\n"
        "bad = [m for m in sys.modules if m.startswith(('PySide6', 'shiboken6', 'ui'))]\n"
        "print(bad); sys.exit(1 if bad else 0)\n"
    )
    result = _run("-c", code)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "cellsec.cli" in modules and "cellsec.store.members" in modules


def test_cli_demo_search_export_import(tmp_path):
    data = tmp_path / "demo.cellsec"
    created = _run("-m", "cellsec.cli", "--data", str(data), "demo")
    assert created.returncode == 0, created.stderr
    found = _run("-m", "cellsec.cli", "--data", str(data), "members", "--search", "nguyen van duc")
    result = json.loads(found.stdout)
    assert [m["full_name"] for m in result["members"]] == ["Nguyễn Văn Đức"]
    assert result["members"][0]["citizen_id"].isdigit()
    export = tmp_path / "chibo.json"
    assert _run("-m", "cellsec.cli", "--data", str(data), "export", str(export)).returncode == 0
    copy = tmp_path / "copy.cellsec"
    assert _run("-m", "cellsec.cli", "--data", str(copy), "import", str(export)).returncode == 0
    info = json.loads(_run("-m", "cellsec.cli", "--data", str(copy), "info").stdout)
    assert (
        info["members"]
        == json.loads(_run("-m", "cellsec.cli", "--data", str(data), "info").stdout)["members"]
    )
    assert info["profile"]["cell_name"] == "Chi bộ thôn Tân Hồng"


def test_cli_reports_errors_in_vietnamese_without_a_traceback(tmp_path):
    bad = tmp_path / "notes.cellsec"
    bad.write_text("không phải cơ sở dữ liệu", encoding="utf-8")
    result = _run("-m", "cellsec.cli", "--data", str(bad), "info")
    assert result.returncode == 1
    assert "không phải tệp dữ liệu CellSec" in result.stderr
    assert "Traceback" not in result.stderr
    bad_date = _run(
        "-m", "cellsec.cli", "--data", str(tmp_path / "x.cellsec"), "members", "--as-of", "31/02/2026"
    )
    assert bad_date.returncode == 1 and "--as-of" in bad_date.stderr


def test_cli_lists_meetings_and_renders_documents(tmp_path):
    data = tmp_path / "demo.cellsec"
    assert _run("-m", "cellsec.cli", "--data", str(data), "demo").returncode == 0
    listed = json.loads(_run("-m", "cellsec.cli", "--data", str(data), "meetings", "--year", "2026").stdout)
    assert listed["meetings"] and all(m["digest_ok"] for m in listed["meetings"])
    first = listed["meetings"][0]["id"]
    for args in (
        ["minutes", "--meeting", str(first)],
        ["resolution", "--meeting", str(first)],
        ["attendance", "--meeting", str(first)],
        ["book", "--year", "2026"],
        ["register", "--as-of", "01/06/2026"],
    ):
        out = tmp_path / f"{args[0]}.pdf"
        result = _run("-m", "cellsec.cli", "--data", str(data), "render", *args, "-o", str(out))
        assert result.returncode == 0, result.stderr
        assert out.read_bytes().startswith(b"%PDF")
    missing = _run(
        "-m", "cellsec.cli", "--data", str(data), "render", "minutes", "-o", str(tmp_path / "x.pdf")
    )
    assert missing.returncode == 1 and "--meeting" in missing.stderr
