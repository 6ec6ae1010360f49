"""Automatic backups: the "last backup" label, the timer's job, visible failures, the close."""

from __future__ import annotations

from datetime import datetime, timedelta

from gui_helpers import Notices, add

from cellsec.backup import list_backups, make_backup
from cellsec.errors import StorageError

import ui.safety.backup_keeper as keeper_module
from ui.safety.backup_keeper import COLOURS

NOW = datetime(2026, 11, 22, 10, 0)


def _colour(keeper) -> str:
    return keeper.label.styleSheet().split("color:")[1].split(";")[0].strip()


def test_label_is_red_without_backup_green_when_recent_amber_when_old(window, store):
    keeper = window.backups
    keeper.now = lambda: NOW
    # GIVEN no backup at all
    keeper.refresh_label()
    assert keeper.label.text() == "Chưa có bản sao lưu nào"
    assert keeper.state == "none" and _colour(keeper) == COLOURS["none"] == "#b00020"
    # WHEN one is made this morning THEN green, with its time
    make_backup(store.path, now=datetime(2026, 11, 22, 9, 15))
    keeper.refresh_label()
    assert keeper.label.text() == "Sao lưu gần nhất: 22/11/2026 09:15"
    assert keeper.state == "ok" and _colour(keeper) == COLOURS["ok"]
    assert "t-backups" in keeper.label.toolTip()
    # WHEN eight days pass without a new one THEN amber
    keeper.now = lambda: NOW + timedelta(days=8)
    keeper.refresh_label()
    assert keeper.label.text() == "Sao lưu gần nhất: 22/11/2026 09:15"
    assert keeper.state == "old" and _colour(keeper) == COLOURS["old"]


def test_the_label_is_in_the_status_bar(window):
    assert window.backups.label in window.statusBar().findChildren(type(window.backups.label))


def test_timer_checks_every_half_hour_and_backs_up_on_a_worker(qtbot, window, store):
    keeper = window.backups
    assert keeper.timer.isActive() and keeper.timer.interval() == 30 * 60 * 1000
    # and once a minute after opening, so a file never backed up gets one soon
    assert keeper.first_timer.isActive() and keeper.first_timer.interval() == 60 * 1000
    add(store, "Nguyễn Văn Đức", "15/08/1958", "03/02/1985", "03/02/1986")
    made = []
    keeper.sig_backup_made.connect(made.append)
    # WHEN the timer fires (no backup yet, so one is due)
    handle = keeper.check_now()
    assert handle is not None
    qtbot.waitUntil(lambda: bool(made), timeout=20_000)
    # THEN an automatic, verified backup exists and the label shows it
    backups = list_backups(store.path)
    assert len(backups) == 1 and backups[0].kind == "auto" and backups[0].good
    assert backups[0].members == 1
    assert keeper.label.text().startswith("Sao lưu gần nhất: ") and keeper.state == "ok"


def test_a_failed_backup_is_shown_not_silent(qtbot, window, monkeypatch):
    keeper = window.backups
    keeper.notify = Notices()

    def broken(*_a, **_k):
        raise StorageError("Không sao lưu được “t.cellsec”: ổ đĩa đầy.")

    monkeypatch.setattr(keeper_module, "backup_if_due", broken)
    keeper.check_now()
    qtbot.waitUntil(lambda: keeper.state == "failed", timeout=10_000)
    # THEN a Vietnamese notice, and the label turns red and says it
    assert keeper.notify.shown == [
        (
            "Sao lưu không thành công",
            "Sao lưu không thành công: Không sao lưu được “t.cellsec”: ổ đĩa đầy.",
            True,
        )
    ]
    assert "lần sao lưu vừa rồi bị lỗi" in keeper.label.text()
    assert _colour(keeper) == COLOURS["failed"]
    assert "ổ đĩa đầy" in keeper.label.toolTip()
    # WHEN it fails again the same way THEN the label keeps saying it, without a second box
    keeper.check_now()
    qtbot.waitUntil(lambda: keeper._running.finished.is_set(), timeout=10_000)
    qtbot.wait(50)
    assert len(keeper.notify.shown) == 1


def test_closing_the_window_backs_up_what_changed(qtbot, window, store):
    add(store, "Nguyễn Văn Đức", "15/08/1958", "03/02/1985", "03/02/1986")
    path = store.path
    window.close()
    backups = list_backups(path)
    assert len(backups) == 1 and backups[0].good and backups[0].members == 1


def test_a_failing_backup_at_close_never_stops_the_close(qtbot, window, store, monkeypatch):
    notices = Notices()
    window.backups.notify_at_close = notices

    def broken(*_a, **_k):
        raise StorageError("ổ đĩa đầy")

    monkeypatch.setattr(keeper_module, "backup_if_due", broken)
    window.close()
    assert not window.isVisible()
    assert notices.shown and "Sao lưu không thành công khi đóng" in notices.shown[0][1]
    from cellsec.store import Store

    Store.open(store.path).close()  # the file was released all the same
