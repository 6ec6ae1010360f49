"""A copy to a USB stick made through CellSec is recorded by the copy itself, so the to-do
list's "copy to USB" reminder is satisfied without the secretary ticking anything."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from due_helpers import run, states

from cellsec.backup import last_usb_copy, make_backup, usb_copies
from cellsec.backup.copy import copy_backup_to
from cellsec.backup.usb_record import UsbCopy, record_path, record_usb_copy
from cellsec.cli.main import main as cli_main
from cellsec.rules.due import DueFacts
from cellsec.services.due import due_items


def _usb_items(store, day: date) -> list[str]:
    return [i.state.value for i in due_items(store, day) if i.rule == "usb_copy"]


def test_copying_a_backup_to_usb_satisfies_the_reminder(store, tmp_path):
    today = date.today()
    # GIVEN a file whose last copy to USB was 40 days ago: the list asks for one, overdue
    record_usb_copy(store.path, UsbCopy(datetime.now() - timedelta(days=40), "cu.cellsec", "E:/"))
    assert _usb_items(store, today) == ["overdue"]
    # WHEN the secretary copies a backup to the USB stick through CellSec
    backup = make_backup(store.path)
    written = copy_backup_to(backup.path, tmp_path / "usb", data_path=store.path)
    # THEN the copy is recorded with today's date, the backup's name and where it went
    assert last_usb_copy(store.path) == today
    newest = usb_copies(store.path)[0]
    assert (newest.backup, newest.dest, newest.encrypted) == (backup.path.name, str(written), False)
    # AND the reminder is gone, until 30 days after this copy (shown 14 days before)
    assert _usb_items(store, today) == []
    assert _usb_items(store, today + timedelta(days=15)) == []
    assert _usb_items(store, today + timedelta(days=16)) == ["soon"]
    assert _usb_items(store, today + timedelta(days=31)) == ["overdue"]


def test_an_encrypted_copy_counts_too(store, tmp_path):
    backup = make_backup(store.path)
    copy_backup_to(backup.path, tmp_path / "usb", password="mật khẩu USB", data_path=store.path)
    assert usb_copies(store.path)[0].encrypted
    assert last_usb_copy(store.path) == date.today()


def test_only_a_copy_of_the_files_own_backups_is_recorded(store, tmp_path):
    # GIVEN a backup copied without saying for which file, and a stray file from elsewhere
    backup = make_backup(store.path)
    copy_backup_to(backup.path, tmp_path / "usb")
    stray = tmp_path / "khac" / backup.path.name
    stray.parent.mkdir()
    stray.write_bytes(backup.path.read_bytes())
    copy_backup_to(stray, tmp_path / "usb2", data_path=store.path)
    # THEN neither is recorded for this file
    assert usb_copies(store.path) == [] and last_usb_copy(store.path) is None


def test_a_damaged_record_reads_as_none_and_the_next_copy_rewrites_it(store, tmp_path):
    backup = make_backup(store.path)
    record_path(store.path).write_text("{hỏng", encoding="utf-8")
    assert last_usb_copy(store.path) is None
    assert _usb_items(store, date.today() + timedelta(days=31)) == ["overdue"]  # never a failure
    copy_backup_to(backup.path, tmp_path / "usb", data_path=store.path)
    assert last_usb_copy(store.path) == date.today()


def test_the_command_line_copy_is_recorded(store, tmp_path, capsys):
    backup = make_backup(store.path)
    code = cli_main(["--data", str(store.path), "copy-backup", str(backup.path), str(tmp_path / "usb")])
    assert code == 0 and "Đã chép bản sao lưu ra" in capsys.readouterr().out
    assert last_usb_copy(store.path) == date.today()


def test_the_rule_reads_the_newer_of_the_recorded_copy_and_a_done_mark():
    facts = DueFacts(last_usb_copy=date(2026, 11, 1), started=date(2026, 1, 1))
    # THEN 30 days after the recorded copy (01/12), shown from 14 days before
    assert run("usb_copy", facts, date(2026, 11, 16)) == []
    assert [(i.due, i.state.value) for i in run("usb_copy", facts, date(2026, 11, 17))] == [
        (date(2026, 12, 1), "soon")
    ]
    assert "lần cuối: 01/11/2026" in run("usb_copy", facts, date(2026, 11, 17))[0].what
    assert states("usb_copy", facts, date(2026, 12, 2)) == ["overdue"]
    # AND an item marked done later (a copy made by hand) counts from that day
    later = DueFacts(
        last_usb_copy=date(2026, 11, 1), last_done={"usb_copy": date(2026, 11, 20)}, started=date(2026, 1, 1)
    )
    assert run("usb_copy", later, date(2026, 12, 2)) == []
    assert states("usb_copy", later, date(2026, 12, 6)) == ["soon"]


def test_a_record_that_cannot_be_written_is_said_not_raised(tmp_path):
    # GIVEN a data file whose backups folder cannot be made (a file is in its place)
    data = tmp_path / "chibo.cellsec"
    (tmp_path / "chibo-backups").write_text("không phải thư mục", encoding="utf-8")
    # THEN recording answers False and nothing is recorded
    assert record_usb_copy(data, UsbCopy(datetime.now(), "a.cellsec", "E:/")) is False
    assert last_usb_copy(data) is None
