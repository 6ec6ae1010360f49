"""Build the one-folder PyInstaller bundle and smoke-check it: it starts, opens a data file,
shows its window and quits. Run with `python3 dev.py build`."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def build() -> Path:
    subprocess.check_call(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "build.spec"], cwd=ROOT
    )
    exe = ROOT / "dist" / "CellSec" / ("CellSec.exe" if os.name == "nt" else "CellSec")
    if not exe.exists():
        raise SystemExit(f"bundle not found: {exe}")
    return exe


def smoke(exe: Path) -> None:
    from ui.shell.navigation import PAGES  # every area the navigation lists must build

    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "smoke.cellsec"
        # A profile first, through the headless core, so the first-run dialog does not wait.
        subprocess.check_call([sys.executable, "-m", "cellsec.cli", "--data", str(data), "demo"], cwd=ROOT)
        env = dict(os.environ, CELLSEC_SMOKE_EXIT_MS="500", CELLSEC_SMOKE_ALL_PAGES="1")
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
        result = subprocess.run(
            [str(exe), "--data", str(data)], env=env, capture_output=True, text=True, timeout=120
        )
        if (
            result.returncode != 0
            or "CELLSEC_WINDOW_SHOWN" not in result.stdout
            or f"CELLSEC_PAGES_OK {len(PAGES)}" not in result.stdout
        ):
            raise SystemExit(
                f"smoke check failed (exit {result.returncode}):\n{result.stdout}\n{result.stderr}"
            )
    print(f"OK: {exe} started, opened its data file, showed its window and built every area.")


if __name__ == "__main__":
    smoke(build())
