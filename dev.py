"""One-step set-up: make a private environment, install CellSec into it, then run the app or tests.

Only the Python standard library is used here, so this runs on a fresh machine with nothing but
Python >= 3.11.  Usage:

    python dev.py run   [app options]      install what is needed and start CellSec
    python dev.py test  [pytest options]   install what is needed and run the whole test suite
    python dev.py check                    the checks that keep the house as built (see below)
    python dev.py cli   [cli options]      the headless commands (cellsec --help)
    python dev.py bench [bench options]    the benchmarks in bench/

`check` runs all of these and fails if any fails: ruff (lint), ruff format --check, the import
contracts (lint-imports) and mypy on the core (configuration of all four in pyproject.toml).
"""

from __future__ import annotations

import hashlib
import os
import struct
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
STAMP = VENV / "cellsec-installed.txt"
EXTRAS = {
    "run": "",
    "cli": "",
    "test": "[test]",
    "bench": "[test]",
    "check": "[dev]",
    "build": "[test,build]",
}
SOURCES = ["cellsec", "ui", "tests", "bench", "scripts", "dev.py"]
CHECKS = (  # (name, arguments to the environment's python)
    ("ruff (lint)", ["-m", "ruff", "check", *SOURCES]),
    ("ruff format --check", ["-m", "ruff", "format", "--check", *SOURCES]),
    # import-linter has no __main__: its console script's function, called the same way.
    (
        "import contracts (lint-imports)",
        [
            "-c",
            "import sys; from importlinter.cli import lint_imports_command as c; "
            "sys.argv = ['lint-imports', '--no-cache', '--no-logo']; c()",
        ],
    ),
    ("mypy on the core", ["-m", "mypy"]),
)


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
    if struct.calcsize("P") != 8:
        sys.exit(
            "CellSec cần Python 64-bit: Qt (PySide6) không có bản 32-bit. Hãy cài Python 64-bit "
            "từ python.org (CellSec needs a 64-bit Python)."
        )
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
            [
                str(python),
                "-m",
                "pip",
                "install",
                "--disable-pip-version-check",
                "-q",
                "-c",
                str(ROOT / "constraints.txt"),
                "-e",
                f"{ROOT}{extras}",
            ],
            cwd=ROOT,
        )
        STAMP.write_text("\n".join([*installed, _wanted(extras)]) + "\n", encoding="utf-8")
    return python


def _echo(data: bytes) -> None:
    """A tool's output, shown on any console: what the console cannot show is escaped."""
    text = data.decode("utf-8", errors="replace")
    encoding = sys.stdout.encoding or "ascii"
    sys.stdout.write(text.encode(encoding, errors="backslashreplace").decode(encoding))
    sys.stdout.flush()


def check(python: Path) -> int:
    """Run every check; ASCII-only lines of our own, each tool's output passed through."""
    env = dict(os.environ, PYTHONIOENCODING="utf-8", NO_COLOR="1", TERM="dumb")
    failed = []
    for name, command in CHECKS:
        print(f"== {name}", flush=True)
        result = subprocess.run(
            [str(python), *command], cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT
        )
        _echo(result.stdout)
        if result.returncode != 0:
            failed.append(name)
    if failed:
        print(f"FAILED: {', '.join(failed)}")
        return 1
    print(f"OK: {len(CHECKS)} checks passed")
    return 0


USAGE_VI = "Cách dùng: python dev.py run | test | check | cli | bench | build  (chi tiết ở trên)"


def safe_console() -> None:
    """Our own lines are Vietnamese; a console or a pipe in cp1252/cp1258 (Windows, CI logs)
    cannot encode every letter and would stop dev.py with UnicodeEncodeError before anything
    is installed. What it cannot show becomes '?' instead."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="replace")


def main(argv: list[str]) -> int:
    safe_console()
    if not argv or argv[0] not in EXTRAS:
        print(__doc__)
        print(USAGE_VI)
        return 2
    command, rest = argv[0], argv[1:]
    python = _ensure_env(EXTRAS[command])
    if command == "check":
        return check(python)
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
