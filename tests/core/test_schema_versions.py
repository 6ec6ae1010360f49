"""Every released schema has a saved file (tests/data, made by the code of its time: see the
README there) that today's CellSec upgrades with everything in it intact."""

from __future__ import annotations

import gzip
import shutil
import sqlite3
from pathlib import Path

import pytest

from cellsec.backup.opening import open_store
from cellsec.services.minutes_record import check_record
from cellsec.store.migrate import latest_version

DATA = Path(__file__).parent.parent / "data"
FIXTURES = {1: "cellsec-v1.cellsec", **{v: f"cellsec-v{v}.cellsec.gz" for v in range(2, 15)}}
# What each area kept in the file as its own version wrote it: (table, column shown).
AREAS = {"members": "full_name", "meetings": "date", "superiors": "name", "liaison_members": "full_name"}


def _copy(version: int, tmp_path: Path) -> Path:
    """The saved file as a fresh copy (the .gz ones are the file's bytes, compressed)."""
    source, path = DATA / FIXTURES[version], tmp_path / "chibo.cellsec"
    if source.suffix == ".gz":
        with gzip.open(source, "rb") as raw, path.open("wb") as out:
            shutil.copyfileobj(raw, out)
    else:
        shutil.copy(source, path)
    return path


def _as_written(path: Path) -> tuple[dict[str, list[str]], int]:
    """Read the old file directly, as its own version's tables hold it; and its schema."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        content = {
            table: sorted(str(r[0]) for r in conn.execute(f"SELECT {col} FROM {table}"))
            for table, col in AREAS.items()
            if table in tables
        }
        return content, conn.execute("PRAGMA user_version").fetchone()[0]
    finally:
        conn.close()


def test_every_released_schema_has_a_saved_file():
    assert sorted(FIXTURES) == list(range(1, latest_version()))
    assert all((DATA / name).is_file() for name in FIXTURES.values())


@pytest.mark.parametrize("version", sorted(FIXTURES))
def test_a_file_of_each_schema_is_upgraded_with_its_content(tmp_path, version):
    # GIVEN a file written by CellSec at schema `version`
    path = _copy(version, tmp_path)
    old, written_at = _as_written(path)
    assert written_at == version
    # WHEN today's app opens it
    with open_store(path) as store:
        # THEN it is at the latest schema, a copy of the old file was kept first …
        assert store.schema_version == latest_version()
        assert store.migration_backup is not None and store.migration_backup.exists()
        # … and every member, meeting, superior and liaison record is still there
        shown = {
            "members": sorted(m.full_name for m in store.members.all()),
            "meetings": sorted(
                m.date.isoformat() for m in (store.meetings.header(i) for i in store.meetings.all_ids()) if m
            ),
            "superiors": sorted(s.name for s in store.superiors.all()),
            "liaison_members": sorted(m.full_name for m in store.liaison.members()),
        }
        for area, before in old.items():
            assert shown[area] == before, area
        # AND approved minutes from before the seals still pass the one check
        for meeting_id in store.meetings.all_ids():
            assert check_record(store, meeting_id).ok is not False, meeting_id


@pytest.mark.parametrize("version", sorted(FIXTURES))
def test_an_old_demo_file_says_it_is_the_demo_once_upgraded(tmp_path, version):
    # GIVEN a file of schema `version`: the demo cell where that version had one, else a small
    # cell of synthetic people whose profile is not the demo's
    path = _copy(version, tmp_path)
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        secretary = conn.execute("SELECT secretary FROM cell_profile").fetchone()
    finally:
        conn.close()
    held_demo = secretary is not None and secretary[0] == "Đặng Văn Khải"
    # WHEN today's app opens it
    with open_store(path) as store:
        # THEN the demo is marked (banner, title, every printout's footer); a real cell never is
        assert store.facts.is_demo() is held_demo
