"""The crash log of a windowed app (the Windows bundle has no console: sys.stdout and
sys.stderr are None): unexpected errors, a worker's bug and a hard crash land in
logs/cellsec.log, and the crash box says where it is and copies the details."""

from __future__ import annotations

import faulthandler
import io
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton

from ui.common import tasks
from ui.shell import crash_log
from ui.shell.crash import CrashReporter

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def windowed(monkeypatch, tmp_path):
    """Call it in the test's body (pytest's capture sets the streams between set-up and call):
    as in a windowed bundle, no console streams, then the crash log's start. faulthandler's
    target is recorded, not set (pytest keeps its own handler for this process)."""
    targets: list[object] = []
    logs: list[crash_log.CrashLog] = []
    monkeypatch.setattr(faulthandler, "enable", lambda file=None, **_: targets.append(file))

    def start() -> tuple[crash_log.CrashLog, list[object]]:
        monkeypatch.setattr(sys, "stdout", None)
        monkeypatch.setattr(sys, "stderr", None)
        log = crash_log.start(tmp_path / "logs")
        assert log is not None
        logs.append(log)
        return log, targets

    yield start
    if logs:
        sys.stdout, sys.stderr = None, None  # not a closed file, until monkeypatch restores them
    for log in logs:
        log.close()


def _fail() -> None:
    raise ValueError("hỏng ở đâu đó")


def test_an_unexpected_error_without_a_console_is_written_to_the_log(windowed, qapp):
    log, targets = windowed()
    # GIVEN the app started without a console: the streams and faulthandler go to the log
    assert log.path.parent.name == "logs" and sys.stderr is log.stream
    assert targets == [log.stream]
    reporter = CrashReporter(interactive=False, log_path=log.path)
    # WHEN an unexpected error reaches the crash handler
    try:
        _fail()
    except ValueError:
        reporter(*sys.exc_info())
    # THEN its traceback is in the log, in Vietnamese words and UTF-8
    text = log.path.read_text(encoding="utf-8")
    assert "CellSec: lỗi không mong muốn" in text and "ValueError: hỏng ở đâu đó" in text
    assert "_fail" in text


def test_a_workers_bug_without_a_console_is_written_to_the_log(windowed, qtbot):
    log, _ = windowed()
    # GIVEN the crash handler installed, as at start-up
    reporter = CrashReporter(interactive=False, log_path=log.path)
    reporter.install()
    try:
        failed: list[str] = []
        # WHEN a background job hits a bug
        job = tasks.run_in_background(lambda _h: _fail(), on_failed=failed.append)
        qtbot.waitUntil(lambda: bool(failed) and reporter.count == 1)
        assert job.finished.is_set()
    finally:
        reporter.uninstall()
    # THEN the user got a Vietnamese sentence, and the log the details
    assert failed[0].endswith(tasks.BUG_TEXT)
    assert "ValueError: hỏng ở đâu đó" in log.path.read_text(encoding="utf-8")


def test_the_crash_box_says_where_the_log_is_and_copies_the_details(qapp, tmp_path):
    # GIVEN a crash box for an error, with a log
    reporter = CrashReporter(interactive=False, log_path=tmp_path / "logs" / "cellsec.log")
    box = reporter.crash_box("Traceback …\nValueError: x")
    # THEN it names the log's place
    assert f"Nhật ký lỗi được ghi ở: {tmp_path / 'logs' / 'cellsec.log'}" in box.text()
    # WHEN "Chép nội dung lỗi" is pressed
    closed: list[object] = []
    box.buttonClicked.connect(closed.append)
    copy = next(b for b in box.findChildren(QPushButton) if b.text() == "Chép nội dung lỗi")
    copy.click()
    # THEN the details and the log's place are on the clipboard, and the box stays open
    assert "ValueError: x" in QApplication.clipboard().text()
    assert "cellsec.log" in QApplication.clipboard().text()
    assert closed == []
    assert box.button(QMessageBox.StandardButton.Close).text() == "Đóng"
    box.deleteLater()


def test_with_a_cp1252_console_vietnamese_lines_do_not_fail(monkeypatch):
    # GIVEN the app started from a console piped in cp1252 (Windows)
    raw = io.BytesIO()
    monkeypatch.setattr(sys, "stderr", io.TextIOWrapper(raw, encoding="cp1252", write_through=True))
    assert crash_log.start() is None  # a console: no log file
    # WHEN the crash handler's Vietnamese line is printed
    print("CellSec: lỗi không mong muốn", file=sys.stderr, flush=True)
    # THEN it is written, what cp1252 lacks escaped
    assert raw.getvalue().decode("cp1252") == "CellSec: l\\u1ed7i kh\xf4ng mong mu\\u1ed1n\n"


def test_the_log_is_kept_small(tmp_path):
    # GIVEN a log grown past its limit, and older ones
    log = tmp_path / "cellsec.log"
    log.write_bytes(b"x" * (crash_log.MAX_BYTES + 1))
    (tmp_path / "cellsec.log.1").write_text("cũ", encoding="utf-8")
    # WHEN the app starts
    crash_log.rotate(log)
    # THEN it is set aside and the older shift along
    assert not log.exists()
    assert (tmp_path / "cellsec.log.1").stat().st_size == crash_log.MAX_BYTES + 1
    assert (tmp_path / "cellsec.log.2").read_text(encoding="utf-8") == "cũ"


@pytest.mark.slow
def test_a_hard_crash_without_a_console_leaves_its_stack_in_the_log(tmp_path):
    # GIVEN a process without console streams that starts the crash log
    script = textwrap.dedent(
        f"""
        import faulthandler, pathlib, sys
        sys.stdout = sys.stderr = None
        from ui.shell import crash_log
        crash_log.start(pathlib.Path({str(tmp_path / "logs")!r}))
        faulthandler._sigsegv()
        """
    )
    # WHEN it crashes hard (a fault inside a C library)
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, timeout=60, check=False
    )
    # THEN it died, and the log holds the Python stack of the crash
    assert done.returncode != 0
    text = (tmp_path / "logs" / "cellsec.log").read_text(encoding="utf-8", errors="replace")
    assert "Fatal Python error" in text and "<string>" in text
