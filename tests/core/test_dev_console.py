"""dev.py on a console or pipe that is not UTF-8 (Windows: cp1252/cp1258 when piped to a CI log
or a file): its Vietnamese lines must not stop it with UnicodeEncodeError."""

from __future__ import annotations

import importlib.util
import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _dev_module():
    spec = importlib.util.spec_from_file_location("dev_script", ROOT / "dev.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_vietnamese_lines_survive_a_cp1252_console(monkeypatch):
    # GIVEN stdout is a pipe in cp1252, strict as Python opens it
    raw = io.BytesIO()
    console = io.TextIOWrapper(raw, encoding="cp1252", errors="strict", write_through=True)
    monkeypatch.setattr(sys, "stdout", console)
    dev = _dev_module()
    # WHEN dev.py sets its console up and says it is creating the environment
    dev.safe_console()
    print("Đang tạo môi trường .venv ...", flush=True)
    # THEN the line is written, letters cp1252 lacks shown as '?'
    assert raw.getvalue().decode("cp1252") == "?ang t?o môi tr??ng .venv ...\n"


@pytest.mark.slow
@pytest.mark.parametrize("encoding", ["cp1252", "cp1258"])
def test_dev_py_usage_piped_in_a_windows_code_page(encoding):
    # GIVEN dev.py run with its output piped, the interpreter told to use a Windows code page
    env = {**os.environ, "PYTHONIOENCODING": encoding}
    # WHEN it prints its usage (English and a Vietnamese line)
    done = subprocess.run(
        [sys.executable, str(ROOT / "dev.py")],
        cwd=ROOT,
        env=env,
        capture_output=True,
        timeout=60,
        check=False,
    )
    # THEN it ends as usage does, without a traceback, and the Vietnamese line is there
    assert done.returncode == 2, done.stderr.decode(encoding, errors="replace")
    assert b"Traceback" not in done.stderr
    text = done.stdout.decode(encoding)
    assert "python dev.py run" in text and "Cách dùng: python dev.py" in text
