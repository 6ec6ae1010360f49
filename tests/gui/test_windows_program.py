"""The bundle as a Windows program: one CellSec per user (a second launch hands its file to the
running window, which comes forward and opens it), the taskbar identity, the leave to come
forward, and the smoke work the built bundle runs."""

from __future__ import annotations

import io
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from gui_helpers import PROFILE
from PySide6.QtNetwork import QLocalServer

from cellsec.services.profile import save_profile
from cellsec.store import Store

from ui.shell import smoke, windows
from ui.shell.single_instance import InstanceServer, come_forward, hand_over, server_name

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def name(tmp_path) -> str:
    """An address of this test's own (a home of its own), never a running CellSec's."""
    return server_name({"USER": "thu-nghiem", "HOME": str(tmp_path)})


@pytest.fixture
def server(qapp, name):
    server = InstanceServer(name)
    assert server.listen()
    yield server
    server.close()


def test_the_address_is_per_user_and_home(tmp_path):
    one = server_name({"USER": "a", "HOME": str(tmp_path)})
    assert one == server_name({"USER": "a", "HOME": str(tmp_path)})
    assert one != server_name({"USER": "b", "HOME": str(tmp_path)})
    assert one != server_name({"USER": "a", "HOME": str(tmp_path / "khac")})
    assert one.startswith("CellSec-") and one.isascii()


def test_the_first_launch_finds_nobody_and_starts_listening(qapp, name):
    # GIVEN no CellSec running; WHEN one starts THEN nobody takes its file, and it listens
    assert hand_over(name, None, timeout_ms=500) is False
    server = InstanceServer(name)
    assert server.listen()
    server.close()


@pytest.mark.skipif(os.name == "nt", reason="a named pipe leaves no file behind when a process dies")
def test_a_socket_file_left_by_a_crashed_run_does_not_stop_the_next(qapp, name):
    # GIVEN the socket file of a CellSec that was killed (nobody answers on it)
    stale = Path(tempfile.gettempdir()) / name
    stale.write_bytes(b"")
    try:
        # WHEN the next CellSec starts THEN it takes the address over
        server = InstanceServer(name)
        assert server.listen()
        server.close()
    finally:
        QLocalServer.removeServer(name)


@pytest.mark.slow
def test_a_second_launch_hands_its_file_to_the_running_window(qtbot, server, name, tmp_path):
    # GIVEN a running CellSec listening; WHEN a second one starts with a file
    wanted = tmp_path / "Chi bộ tổ 5.cellsec"
    requests: list[object] = []
    server.sig_request.connect(requests.append)
    script = (
        "import sys\nfrom pathlib import Path\nfrom PySide6.QtCore import QCoreApplication\n"
        "from ui.shell.single_instance import hand_over\napp = QCoreApplication([])\n"
        "print(hand_over(sys.argv[1], Path(sys.argv[2])))\n"
    )
    child = subprocess.Popen(
        [sys.executable, "-c", script, name, str(wanted)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
    )
    try:
        qtbot.waitUntil(lambda: bool(requests), timeout=20_000)
        out, err = child.communicate(timeout=20)
    finally:
        if child.poll() is None:
            child.kill()
            child.communicate()
    # THEN the running one is asked to open that file, and the second one learns it was taken
    assert requests == [wanted.resolve()]
    assert out.decode("utf-8").strip() == "True", err.decode("utf-8", errors="replace")


def test_the_running_window_comes_forward_and_opens_the_file(qtbot, window, tmp_path, data_path):
    # GIVEN the window minimised, and another data file
    other = tmp_path / "chibo2.cellsec"
    with Store.open(other) as s:
        save_profile(s, {**PROFILE, "cell_name": "Chi bộ tổ dân phố 5"})
    window.showMinimized()
    # WHEN a second launch hands that file over
    come_forward(window, other)
    # THEN the window is back and shows the other file
    assert not window.isMinimized()
    assert window.cell_label.text() == "Chi bộ tổ dân phố 5"
    # AND handing over the file already open only brings the window forward
    come_forward(window, other)
    assert window.cell_label.text() == "Chi bộ tổ dân phố 5"
    Store.open(data_path).close()  # the first file was let go


class FakeWindll:
    """ctypes.windll as far as CellSec uses it, recording the calls."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, object]] = []
        outer = self

        class Shell32:
            def SetCurrentProcessExplicitAppUserModelID(self, app_id: str) -> int:  # noqa: N802
                outer.calls.append(("app_id", app_id))
                return 0

        class User32:
            def AllowSetForegroundWindow(self, pid: int) -> int:  # noqa: N802
                outer.calls.append(("allow_foreground", pid))
                return 1

        self.shell32, self.user32 = Shell32(), User32()


def test_windows_gets_the_taskbar_identity_and_the_leave_to_come_forward():
    fake = FakeWindll()
    assert windows.set_app_user_model_id(windll=fake)
    assert windows.allow_foreground(windll=fake)
    assert fake.calls == [("app_id", windows.APP_USER_MODEL_ID), ("allow_foreground", windows.ASFW_ANY)]


@pytest.mark.skipif(sys.platform == "win32", reason="elsewhere only")
def test_elsewhere_nothing_is_asked_of_windows():
    assert windows.set_app_user_model_id() is False and windows.allow_foreground() is False


def test_the_bundles_smoke_work_runs_inside_the_app(demo_store, qapp):
    # GIVEN the app's data file; WHEN the bundle's smoke work runs
    out = io.StringIO()
    assert smoke.run_smoke_work(demo_store, out)
    # THEN it rendered a PDF, read the template and encrypted a copy, and says on which platform
    line = out.getvalue()
    assert line.startswith("CELLSEC_SMOKE_WORK_OK platform=offscreen pdf_pages=")
    assert "template_rows=" in line and "encrypted=" in line


@pytest.mark.skipif(os.name == "nt", reason="a pipe is not connected before the server accepts")
def test_a_running_cellsec_too_busy_to_answer_is_left_alone(qapp, name):
    # GIVEN a CellSec that listens but is busy (never reads its messages)
    busy = QLocalServer()
    assert busy.listen(name)
    try:
        # WHEN another starts THEN it learns one is running but has not taken the file
        assert hand_over(name, None, timeout_ms=300) is None
        # AND the running one's address is untouched
        assert busy.isListening() and Path(busy.fullServerName()).exists()
    finally:
        busy.close()
