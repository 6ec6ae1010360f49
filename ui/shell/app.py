"""CellSec desktop entry point: arguments, where the data file lives, then the start-up."""

from __future__ import annotations

import time

# Taken before any heavy import, so CELLSEC_WINDOW_SHOWN measures the real start-up.
T0 = time.perf_counter()

import argparse  # noqa: E402
import os  # noqa: E402
import sys  # noqa: E402
from collections.abc import Mapping  # noqa: E402
from pathlib import Path  # noqa: E402

SMOKE_ENV = "CELLSEC_SMOKE_EXIT_MS"
# An .ini file to keep the settings in instead of the registry (Windows) or ~/.config: tests and
# smoke runs never touch the user's own.
SETTINGS_ENV = "CELLSEC_SETTINGS"
# Headless, nobody can answer a dialog: give up if the window is not up by then.
HEADLESS_WATCHDOG_MS = 60_000


def parse_args(argv: list[str]) -> tuple[argparse.Namespace, list[str]]:
    """Our options, and whatever is left for Qt (e.g. -platform offscreen)."""
    parser = argparse.ArgumentParser(prog="cellsec-app", description="CellSec — Sổ tay Bí thư chi bộ")
    parser.add_argument("--data", metavar="TỆP", help="tệp dữ liệu cần mở (tạo mới nếu chưa có)")
    parser.add_argument(
        "--demo", action="store_true", help="nếu tệp chưa có đảng viên nào, điền dữ liệu mẫu (giả lập)"
    )
    return parser.parse_known_args(argv)


def default_data_path(last_used: Path | None) -> Path:
    """The last file used, else the per-user data folder's chibo.cellsec.

    The last file is kept even when it is not there now if that needs saying rather than
    quietly opening another file: its folder is gone (a USB stick not plugged in: the opener
    says so), or it has backups (the opener offers to restore it). A backup that was last
    looked at (opened read-only) is not reopened at start.
    """
    from cellsec.backup import backups_folder, is_backup_file
    from cellsec.paths import default_data_file  # platformdirs' per-user data folder

    if last_used is None:
        return default_data_file()
    try:
        if last_used.is_file():
            return default_data_file() if is_backup_file(last_used) else last_used
        if not last_used.parent.exists() or backups_folder(last_used).is_dir():
            return last_used
    except OSError:
        return last_used
    return default_data_file()


def data_arg(args: argparse.Namespace) -> Path | None:
    return Path(args.data) if args.data else None


def smoke_exit_ms(environ: Mapping[str, str] = os.environ) -> int | None:
    """CELLSEC_SMOKE_EXIT_MS: quit that many ms after the window shows (smoke tests, bench)."""
    value = environ.get(SMOKE_ENV, "").strip()
    try:
        return max(int(value), 0) if value else None
    except ValueError:
        print(f"CellSec: bỏ qua {SMOKE_ENV}={value!r} (không phải số).", file=sys.stderr)
        return None


def main(argv: list[str] | None = None) -> int:
    from ui.shell import crash_log

    log = crash_log.start()  # first: a windowed app has no console to print a failure to
    args, qt_args = parse_args(sys.argv[1:] if argv is None else list(argv))

    from PySide6.QtCore import QSettings, QTimer
    from PySide6.QtWidgets import QApplication

    from ui.common.dialogs import is_headless
    from ui.safety.backup_startup import ask_about_health, report_health_and_give_up
    from ui.shell.crash import CrashReporter
    from ui.shell.launcher import Launcher
    from ui.shell.settings import APPLICATION, ORGANISATION, AppSettings
    from ui.shell.single_instance import claim, come_forward
    from ui.shell.store_opener import StoreOpener, ask_on_error, report_and_give_up
    from ui.shell.text_size import TextSize
    from ui.shell.theme import apply_look
    from ui.shell.windows import set_identity

    smoke = smoke_exit_ms()
    app = QApplication.instance() or QApplication([sys.argv[0], *qt_args])
    assert isinstance(app, QApplication)
    app.setOrganizationName(ORGANISATION)
    app.setApplicationName(APPLICATION)
    translator = apply_look(app)  # noqa: F841 - must outlive the event loop
    set_identity(app)
    headless = is_headless()
    # One CellSec per user: a later launch hands its file over to the running window.
    handed, instance = (False, None) if smoke is not None or headless else claim(data_arg(args), app)
    if handed:
        return 0
    crash = CrashReporter(interactive=smoke is None and not headless, log_path=log.path if log else None)
    crash.install()
    try:
        ini = os.environ.get(SETTINGS_ENV)
        settings = AppSettings(QSettings(ini, QSettings.Format.IniFormat) if ini else None)
        text_size = TextSize(app, settings)  # before any window: every dialog has the size
        path = Path(args.data) if args.data else default_data_path(settings.last_data_file)
        opener = StoreOpener(
            ask=report_and_give_up if headless else ask_on_error,
            ask_health=report_health_and_give_up if headless else ask_about_health,
        )
        launcher = Launcher(
            app,
            settings,
            opener,
            demo=args.demo,
            smoke_exit_ms=smoke,
            t0=T0,
            text_size=text_size,
            ask_operator=smoke is None and not headless,
            welcome=not args.data and not args.demo,
        )
        if not launcher.start(path):
            return 1
        if instance is not None:
            instance.sig_request.connect(lambda wanted: come_forward(launcher.window, wanted))
        if headless:

            def give_up() -> None:
                if launcher.window is None:
                    print(
                        "CellSec: cửa sổ chính chưa hiện (đang chờ một hộp thoại?); dừng.",
                        file=sys.stderr,
                        flush=True,
                    )
                    app.exit(2)

            QTimer.singleShot(HEADLESS_WATCHDOG_MS, give_up)
        code = app.exec()
    finally:
        crash.uninstall()
    if crash.count and (smoke is not None or headless):
        return code or 1  # a smoke run that hit an unexpected error must not pass
    return code


if __name__ == "__main__":
    sys.exit(main())
