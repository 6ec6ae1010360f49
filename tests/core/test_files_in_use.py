"""Files in use (Windows): an antivirus or the search indexer holds a file for a moment, and a
rename or delete of it fails with PermissionError. Renames and deletes of the app's own files
wait it out; if the file stays held, the secretary reads a Vietnamese sentence, and a backup
that was made is never reported as failed because an old one could not be deleted yet."""

from __future__ import annotations

import errno
import json
import os
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from factories import TODAY, entry_form, member_form
from test_backup_helpers import demo_file, dump

from cellsec.backup import RetentionPolicy, apply_retention, list_backups, make_backup, restore
from cellsec.backup.manifest import manifest_path
from cellsec.backup.schedule import MADE, backup_if_due
from cellsec.demo import create_demo
from cellsec.errors import StorageError
from cellsec.services.cell_io import export_cell, import_into_data_file
from cellsec.services.members import add_member
from cellsec.store import Store, fileops

NOW = datetime(2026, 11, 22, 18, 0)
IN_USE = "đang bị một chương trình khác giữ"


class Holder:
    """Windows sharing semantics, emulated: while another program has a file open, renaming,
    replacing or deleting it fails with PermissionError (ERROR_SHARING_VIOLATION)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.held: dict[str, int | None] = {}  # name -> refusals left (None: until released)
        self.refused = 0
        replace, unlink = os.replace, os.unlink

        def check(*paths: object) -> None:
            for p in paths:
                name = os.fspath(p)  # type: ignore[arg-type]
                if name in self.held:
                    left = self.held[name]
                    if left is not None:
                        if left <= 1:
                            del self.held[name]
                        else:
                            self.held[name] = left - 1
                    self.refused += 1
                    error = PermissionError(errno.EACCES, "The process cannot access the file", name)
                    error.winerror = 32  # type: ignore[attr-defined]
                    raise error

        def held_replace(src, dst, *args, **kwargs):
            check(src, dst)
            return replace(src, dst, *args, **kwargs)

        def held_unlink(path, *args, **kwargs):
            check(path)
            return unlink(path, *args, **kwargs)

        monkeypatch.setattr(os, "replace", held_replace)
        monkeypatch.setattr(os, "unlink", held_unlink)
        monkeypatch.setattr(fileops, "RETRY_DELAYS", (0.0, 0.0, 0.0, 0.0, 0.0))  # no waiting in tests

    @contextmanager
    def holding(self, path: Path, times: int | None = None) -> Iterator[None]:
        """Hold `path` open for the next `times` attempts (None: until the block ends)."""
        self.held[os.fspath(path)] = times
        try:
            yield
        finally:
            self.held.pop(os.fspath(path), None)


@pytest.fixture
def holder(monkeypatch) -> Holder:
    return Holder(monkeypatch)


def test_a_file_held_for_a_moment_is_replaced_after_a_wait(tmp_path, holder):
    # GIVEN a file an antivirus holds for the next two attempts
    src, dest = tmp_path / "moi.tmp", tmp_path / "tep.cellsec"
    src.write_text("mới", encoding="utf-8")
    dest.write_text("cũ", encoding="utf-8")
    with holder.holding(dest, times=2):
        # WHEN it is replaced
        fileops.replace_file(src, dest)
    # THEN the third attempt did it
    assert dest.read_text(encoding="utf-8") == "mới" and not src.exists()
    assert holder.refused == 2


def test_a_file_held_too_long_gives_a_vietnamese_message(tmp_path, holder):
    # GIVEN a file another program keeps open
    victim = tmp_path / "tep.cellsec"
    victim.write_text("x", encoding="utf-8")
    with holder.holding(victim), pytest.raises(StorageError) as caught:
        # WHEN it is deleted
        fileops.remove_file(victim)
    # THEN after a bounded number of tries the user reads what holds it and what to do
    assert holder.refused == len(fileops.RETRY_DELAYS) + 1
    text = str(caught.value)
    assert IN_USE in text and "“tep.cellsec”" in text and "thử lại" in text
    assert "PermissionError" not in text and "cannot access" not in text
    assert victim.exists()


def test_a_backup_held_by_an_antivirus_for_a_moment_is_made(tmp_path, holder, monkeypatch):
    # GIVEN the data file, and an antivirus that holds each new backup for two tries as it is
    # put in place
    path = demo_file(tmp_path)
    original = fileops.replace_file

    def held_twice(src: Path, dest: Path, doing: str = "ghi") -> None:
        with holder.holding(dest, times=2):
            original(src, dest, doing)

    monkeypatch.setattr(fileops, "replace_file", held_twice)
    # WHEN a backup is made
    info = make_backup(path, now=NOW)
    # THEN it is there, verified and listed
    assert info.path.is_file() and holder.refused == 2
    assert [i.path for i in list_backups(path)] == [info.path]


def test_a_backup_that_cannot_be_put_in_place_says_so_in_vietnamese(tmp_path, holder, monkeypatch):
    # GIVEN a backups folder where every new name stays held by another program
    path = demo_file(tmp_path)
    monkeypatch.setattr(
        fileops, "replace_file", lambda src, dest, doing="ghi": _always_held(holder, src, dest, doing)
    )
    # WHEN a backup is made
    with pytest.raises(StorageError) as caught:
        make_backup(path, now=NOW)
    # THEN the message is Vietnamese, nothing is listed, no manifest or temporary file is left
    assert IN_USE in str(caught.value)
    assert list_backups(path) == []
    litter = [p for p in tmp_path.rglob("*") if p.suffix == ".json" or ".tmp" in p.name]
    assert litter == []


def _always_held(holder: Holder, src: Path, dest: Path, doing: str) -> None:
    with holder.holding(dest):
        fileops.retry_in_use(lambda: os.replace(src, dest), Path(dest), doing)


def test_retention_leaves_a_held_backup_and_the_new_backup_is_reported_made(tmp_path, holder):
    # GIVEN daily backups for two weeks, the oldest held open by an antivirus scan
    path = demo_file(tmp_path)
    infos = [make_backup(path, now=NOW - timedelta(days=d), stem=f"b{d:02d}") for d in range(14, 0, -1)]
    oldest = infos[0].path
    with holder.holding(oldest):
        # WHEN retention runs, alone and after an automatic backup
        deleted = apply_retention(path, now=NOW)
        result = backup_if_due(_changed(path), NOW + timedelta(hours=3), on_close=True)
    # THEN the held backup is left for next time, the others the plan drops are gone
    assert oldest.exists() and manifest_path(oldest).exists()
    assert oldest not in deleted and deleted
    assert all(not p.exists() for p in deleted)
    # AND the new backup is reported made, not failed
    assert result.outcome == MADE and result.backup is not None and result.backup.path.is_file()
    # AND once released, a retention that drops it removes it
    assert oldest in apply_retention(path, now=NOW, policy=RetentionPolicy(days=1, weeks=0, months=0))
    assert not oldest.exists()


def _changed(path: Path) -> Path:
    with Store.open(path) as store:
        form = member_form(full_name="Lê Thị Hoa", citizen_id="025088009999", party_card_no="012345670000")
        add_member(store, form, entry_form(), today=TODAY)
    return path


def test_restore_waits_out_a_held_data_file(tmp_path, holder):
    # GIVEN a backup, then a change; the data file held by the search indexer for a moment
    path = demo_file(tmp_path)
    info = make_backup(path, now=NOW)
    before = dump(path)
    _changed(path)
    with holder.holding(path, times=3):
        # WHEN the backup is restored
        restore(path, info.path, now=NOW + timedelta(hours=1))
    # THEN the data is the backup's
    assert dump(path) == before and holder.refused == 3


def test_restore_over_a_file_held_too_long_leaves_it_as_it_was(tmp_path, holder):
    path = demo_file(tmp_path)
    info = make_backup(path, now=NOW)
    _changed(path)
    changed = dump(path)
    with holder.holding(path), pytest.raises(StorageError) as caught:
        restore(path, info.path, now=NOW + timedelta(hours=1))
    assert IN_USE in str(caught.value) and "Tệp dữ liệu giữ nguyên như trước." in str(caught.value)
    assert dump(path) == changed
    assert not [p for p in tmp_path.iterdir() if ".tmp" in p.name]


def test_an_import_into_a_new_file_waits_out_a_scan_of_it(store, tmp_path, holder):
    # GIVEN a cell exported to JSON, to be imported into a new data file that an antivirus
    # scans for a moment as it is put in place
    create_demo(store, today=TODAY, meetings=False)
    export = tmp_path / "chibo.json"
    export.write_text(json.dumps(export_cell(store), ensure_ascii=False), encoding="utf-8")
    target = tmp_path / "moi" / "chibo.cellsec"
    with holder.holding(target, times=2):
        # WHEN it is imported
        _, count = import_into_data_file(target, export, today=TODAY)
    # THEN the new file is there with every member, and no temporary file is left
    assert count == store.members.count() and holder.refused == 2
    assert [p.name for p in target.parent.iterdir() if p.name.startswith(".")] == []
