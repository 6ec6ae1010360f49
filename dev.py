"""One-step set-up: make a private environment, install CellSec into it, then run the app or tests.

Only the Python standard library is used here, so this runs on a fresh machine with nothing but
Python >= 3.11.  Usage:

    python dev.py run   [app options]      install what is needed and start CellSec
    python dev.py test  [pytest options]   install what is needed and run the whole test suite
    python dev.py cli   [cli options]      the headless commands (cellsec --help)
    python dev.py bench [bench options]    the benchmarks in bench/
"""
from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
STAMP = VENV / "cellsec-installed.txt"
EXTRAS = {"run": "", "cli": "", "test": "[test]", "bench": "[test]", "build": "[test,build]"}


def _python() -> Path:
    if os.name == "nt":
        return VENV / "Scripts" / "python.exe"
    return VENV / "bin" / "python"


def _wanted(extras: str) -> str:
    """What the current environment must hold: the pinned requirements and the extras asked for."""
    pins = (ROOT / "pyproject.toml").read_bytes() + (ROOT / "constraints.txt").read_bytes()
    return f"{hashlib.sha256(pins).hexdigest()} {extras}"


def _ensure_env(extras: str) -> Path:
    if sys.version_info < (3, 11):
        sys.exit("CellSec cần Python 3.11 trở lên (CellSec needs Python >= 3.11).")
    python = _python()
    if not python.exists():
        print("Đang tạo môi trường .venv ...", flush=True)
        venv.EnvBuilder(with_pip=True, clear=True).create(VENV)
    installed = STAMP.read_text(encoding="utf-8").splitlines() if STAMP.exists() else []
    # An environment installed with the test extras also serves a plain run.
    satisfied = {_wanted(extras)} | ({_wanted("[test]")} if extras == "" else set())
    if not satisfied & set(installed):
        print("Đang cài đặt các gói cần thiết ...", flush=True)
        subprocess.check_call(
            [str(python), "-m", "pip", "install", "--disable-pip-version-check", "-q",
             "-c", str(ROOT / "constraints.txt"), "-e", f"{ROOT}{extras}"],
            cwd=ROOT,
        )
        STAMP.write_text("\n".join([*installed, _wanted(extras)]) + "\n", encoding="utf-8")
    return python


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in EXTRAS:
        print(__doc__)
        return 2
    command, rest = argv[0], argv[1:]
    python = _ensure_env(EXTRAS[command])
    if command == "run":
        args = ["-m", "ui.app", *rest]
    elif command == "cli":
        args = ["-m", "cellsec.cli", *rest]
    elif command == "test":
        args = ["-m", "pytest", *rest]
    elif command == "bench":
        args = ["-m", "bench", *rest]
    else:
        args = [str(ROOT / "scripts" / "build_bundle.py"), *rest]
    return subprocess.call([str(python), *args], cwd=ROOT)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
