"""Build the one-folder PyInstaller bundle and smoke-check it. Run with `python3 dev.py build`
(`python3 dev.py build --smoke-only` checks an existing dist/CellSec).

The smoke check copies the bundle into a folder whose name has Vietnamese letters and spaces
(as "C:\\Users\\Bí thư\\Tài liệu" would), then runs it on the platform's real plugin where
there is one (windows; xcb when a display is set; offscreen otherwise) with a data file in
such a folder: it must open the file, show its window, build every area, render a document
with ReportLab and PDFium, read the Excel template and encrypt a copy (ui/shell/smoke.py).
On Windows a forced hard crash must then leave its stack in logs/cellsec.log (the bundle is
windowed: no console)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXE_NAME = "CellSec.exe" if os.name == "nt" else "CellSec"
ODD_FOLDER = "Bí thư chi bộ & thử nghiệm"


def build() -> Path:
    subprocess.check_call(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "build.spec"], cwd=ROOT
    )
    return bundle_exe(ROOT / "dist" / "CellSec")


def bundle_exe(folder: Path) -> Path:
    exe = folder / EXE_NAME
    if not exe.exists():
        raise SystemExit(f"bundle not found: {exe}")
    return exe


def real_platform(environ: dict[str, str]) -> str:
    """The Qt platform plugin the smoke run uses: the real one wherever there is a screen."""
    if os.name == "nt":
        return "windows"
    if environ.get("DISPLAY"):
        return "xcb"
    return "offscreen"


def private_env(home: Path) -> dict[str, str]:
    """The app's settings, data folder and logs inside `home`, never the builder's own."""
    env = dict(os.environ, HOME=str(home), XDG_CONFIG_HOME=str(home / "config"))
    env.update(
        XDG_DATA_HOME=str(home / "data"), LOCALAPPDATA=str(home / "local"), APPDATA=str(home / "roaming")
    )
    env.pop("QT_QPA_PLATFORM", None)
    env["CELLSEC_SETTINGS"] = str(home / "settings.ini")  # not the registry
    return env


def run_app(exe: Path, data: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(exe), "--data", str(data)],
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        timeout=180,
        check=False,
    )


def smoke(exe: Path) -> None:
    from ui.shell.navigation import PAGES  # every area the navigation lists must build

    with tempfile.TemporaryDirectory() as tmp:
        place = Path(tmp) / ODD_FOLDER
        bundle = place / "CellSec"
        shutil.copytree(exe.parent, bundle, symlinks=True)
        exe = bundle / exe.name
        data = place / "Dữ liệu chi bộ.cellsec"
        # A profile first, through the headless core, so the first-run dialog does not wait.
        subprocess.check_call([sys.executable, "-m", "cellsec.cli", "--data", str(data), "demo"], cwd=ROOT)
        env = private_env(Path(tmp) / "home")
        platform = real_platform(env)
        env.update(
            QT_QPA_PLATFORM=platform,
            CELLSEC_SMOKE_EXIT_MS="500",
            CELLSEC_SMOKE_ALL_PAGES="1",
            CELLSEC_SMOKE_WORK="1",
            PYTHONIOENCODING="utf-8",
        )
        result = run_app(exe, data, env)
        expected = ("CELLSEC_WINDOW_SHOWN", f"CELLSEC_PAGES_OK {len(PAGES)}", f"platform={platform} ")
        if result.returncode != 0 or not all(line in result.stdout for line in expected):
            raise SystemExit(
                f"smoke check failed (exit {result.returncode}):\n{result.stdout}\n{result.stderr}"
            )
        if os.name == "nt":
            crash_leaves_a_log(exe, data, env)
    print(
        f"OK: {exe.name} ran from “{ODD_FOLDER}” on the {platform} platform: opened its data file, "
        "showed its window, built every area, rendered a PDF, read the Excel template and encrypted a copy."
    )


def crash_leaves_a_log(exe: Path, data: Path, env: dict[str, str]) -> None:
    """Windows: the windowed bundle, forced to crash hard, leaves the stack in its log."""
    result = run_app(exe, data, dict(env, CELLSEC_SMOKE_CRASH="1"))
    log = Path(env["LOCALAPPDATA"]) / "CellSec" / "logs" / "cellsec.log"
    text = log.read_text(encoding="utf-8", errors="replace") if log.exists() else ""
    if result.returncode == 0 or "Fatal Python error" not in text:
        raise SystemExit(f"forced crash left no log at {log} (exit {result.returncode}):\n{text}")


if __name__ == "__main__":
    if "--smoke-only" in sys.argv[1:]:
        smoke(bundle_exe(ROOT / "dist" / "CellSec"))
    else:
        smoke(build())
