"""Screenshots of the real app for the user guide: every page and the main dialogs, on the demo
cell, at 1366×768, at 100 % and 150 % text size. Re-run before a release:

    python scripts/screens.py                 # starts its own Xvfb (display :62) if none is given
    DISPLAY=:57 python scripts/screens.py     # on a display that is already there

Writes docs/screens/<name>-<size>.png (the guide, docs/guide/, shows them).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "docs" / "screens"
SIZE = "1366x768"
SCALES = (100, 150)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--display", default=":62", help="Xvfb display to start when DISPLAY is not set")
    parser.add_argument("--scale", type=int, help="(internal) take one text size in this process")
    parser.add_argument("--only", default="", help="take only the shots whose name holds this")
    args = parser.parse_args(argv)
    if args.scale is not None:
        return take_all(args.out, args.scale, args.only)
    xvfb = None
    env = dict(os.environ)
    if not env.get("DISPLAY") or env.get("QT_QPA_PLATFORM") == "offscreen":
        xvfb = subprocess.Popen(["Xvfb", args.display, "-screen", "0", f"{SIZE}x24"])
        time.sleep(1.5)
        env["DISPLAY"] = args.display
    env.pop("QT_QPA_PLATFORM", None)
    args.out.mkdir(parents=True, exist_ok=True)
    try:
        for scale in SCALES:
            with tempfile.TemporaryDirectory() as home:
                # Private settings and data folder: the screenshots never touch the user's own.
                run_env = {**env, "HOME": home, "XDG_CONFIG_HOME": home, "XDG_DATA_HOME": home}
                cmd = [
                    sys.executable,
                    __file__,
                    "--out",
                    str(args.out),
                    "--scale",
                    str(scale),
                    *(["--only", args.only] if args.only else []),
                ]
                subprocess.run(cmd, env=run_env, check=True, cwd=ROOT)
    finally:
        if xvfb is not None:
            xvfb.terminate()
            xvfb.wait()
    print(f"screenshots in {args.out}")
    return 0


def take_all(out: Path, scale: int, only: str = "") -> int:
    sys.path.insert(0, str(ROOT))
    from datetime import date

    from PySide6.QtWidgets import QApplication

    from cellsec.demo.cell import create_demo
    from cellsec.store import Store

    from ui.shell.settings import APPLICATION, ORGANISATION, AppSettings
    from ui.shell.store_opener import StoreOpener
    from ui.shell.text_size import TextSize
    from ui.shell.theme import apply_look

    app = QApplication([sys.argv[0]])
    app.setOrganizationName(ORGANISATION)
    app.setApplicationName(APPLICATION)
    translator = apply_look(app)  # noqa: F841 - kept alive
    settings = AppSettings()
    settings.set_text_scale(scale)
    settings.set_operator("Đặng Văn Khải")
    TextSize(app, settings)
    path = Path(tempfile.mkdtemp()) / "chi-bo-mau.cellsec"
    store = Store.open(path)
    create_demo(store, today=date(2026, 11, 22))

    from ui.shell.main_window import MainWindow

    window = MainWindow(store, settings, StoreOpener())
    window.setGeometry(app.primaryScreen().availableGeometry())
    window.show()
    shots = Shots(app, out, scale, only)
    shots.settle(1.0)
    for index, spec in enumerate(window.navigation.specs):
        window.nav.setCurrentRow(index)
        page = window.navigation.page(index)
        if hasattr(page, "reload"):
            page.reload()
        shots.take(f"page-{spec.key}", 0.6)
    window.nav.setCurrentRow(window.navigation.index_of("members"))
    take_dialogs(window, shots)
    window.close()
    return 0


class Shots:
    def __init__(self, app, out: Path, scale: int, only: str = "") -> None:  # noqa: ANN001 - QApplication
        self.app = app
        self.out = out
        self.scale = scale
        self.only = only

    def settle(self, seconds: float) -> None:
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            self.app.processEvents()
            time.sleep(0.02)

    def take(self, name: str, wait: float = 0.5) -> None:
        self.settle(wait)
        if self.only not in name:
            return
        target = self.out / f"{name}-{self.scale}.png"
        if shutil.which("import"):  # ImageMagick: what the X screen really shows
            subprocess.run(["import", "-window", "root", str(target)], check=True)
            # 256 colours: a third smaller in the repository, no visible loss for a screen.
            subprocess.run(["convert", str(target), "-colors", "256", f"PNG8:{target}"], check=True)
        else:
            self.app.primaryScreen().grabWindow(0).save(str(target))
        print(target.name)


def take_dialogs(window, shots: Shots) -> None:  # noqa: ANN001 - MainWindow
    """The main dialogs, each opened as the user opens it, shot, then closed."""
    from PySide6.QtWidgets import QApplication, QDialog

    members = window.navigation.page(window.navigation.index_of("members"))
    members.table.selectRow(2)
    meetings = window.navigation.page(window.navigation.index_of("meetings"))

    def open_meeting() -> None:
        window.nav.setCurrentRow(window.navigation.index_of("meetings"))
        shots.settle(0.3)
        meetings.tree.setCurrentItem(meetings.tree.topLevelItem(9).child(0))
        meetings.open_selected()

    steps: list[tuple[str, Callable[[], object], float]] = [
        ("dialog-member", members.edit_member, 0.5),
        ("dialog-print-preview", members.print_register, 4.0),
        ("dialog-meeting-editor", open_meeting, 0.8),
        ("dialog-backups", window.data_safety.open_backups, 0.8),
        ("dialog-import", window.data_safety.open_import, 0.5),
        ("dialog-profile", window.edit_profile, 0.5),
        ("dialog-rules", window.edit_rules, 0.5),
        ("dialog-committee", window.edit_committee, 0.5),
        ("dialog-operator", window.choose_operator, 0.5),
        ("dialog-guide", window.show_guide, 0.8),
    ]
    for name, opener, wait in steps:
        opener()
        shots.take(name, wait)
        for widget in QApplication.topLevelWidgets():
            if widget is not window and widget.isVisible():
                if isinstance(widget, QDialog):
                    widget.reject()
                else:
                    widget.close()
        shots.settle(0.3)
        window.nav.setCurrentRow(window.navigation.index_of("members"))
    from ui.shell.first_run import FirstRunDialog

    window.hide()  # on a first run, the welcome is all there is on the screen
    first = FirstRunDialog()
    first.show()
    shots.take("dialog-first-run", 0.5)
    first.reject()


if __name__ == "__main__":
    sys.exit(main())
