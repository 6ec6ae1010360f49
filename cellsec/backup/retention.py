"""Which backups to keep (grandfather-father-son), as a pure function, and applying it."""

from __future__ import annotations

import time
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from cellsec.backup.create import delete_backup
from cellsec.backup.manifest import REGULAR_KINDS, SPECIAL_KINDS, BackupInfo, backups_folder, list_backups
from cellsec.errors import StorageError
from cellsec.store.fileops import remove_file


@dataclass(frozen=True)
class RetentionPolicy:
    days: int = 10  # newest backup of each of the last 10 days that have one
    weeks: int = 8  # ... of each of the last 8 ISO weeks that have one
    months: int = 12  # ... of each of the last 12 calendar months that have one
    special: int = 5  # the last 5 "before migration", "before restore" and rotted ones
    last: int = 3  # the 3 most recent regular ones whatever their day: an afternoon's
    # mistake can still be undone from this morning's backup


DEFAULT_POLICY = RetentionPolicy()


@dataclass(frozen=True)
class Candidate:
    key: Hashable
    created: datetime
    kind: str
    good: bool = True
    rotted: bool = False  # found changed since it was made: kept a while for support


def _day(t: datetime) -> date:
    return t.date()


def _week(t: datetime) -> tuple[int, int]:
    iso = t.isocalendar()
    return iso.year, iso.week


def _month(t: datetime) -> tuple[int, int]:
    return t.year, t.month


def _newest_per_period(
    items: list[Candidate], period: Callable[[datetime], Hashable], count: int
) -> set[Hashable]:
    """The newest item of each of the `count` most recent periods that contain an item."""
    keep: set[Hashable] = set()
    seen: set[Hashable] = set()
    for item in items:  # newest first
        p = period(item.created)
        if p in seen:
            continue
        if len(seen) >= count:
            break
        seen.add(p)
        keep.add(item.key)
    return keep


def plan_retention(
    items: Iterable[Candidate], now: datetime, policy: RetentionPolicy = DEFAULT_POLICY
) -> set[Hashable]:
    """Keys of the backups to keep; every other key may be deleted.

    Periods count only days/weeks/months that have a backup (backups are made only when the
    data changed), so a cell that works once a month still keeps 10 distinct working days.
    Always kept: the newest good backup; the `last` most recent regular ones; the last
    `special` of each special kind and the last `special` found rotted (for support); anything
    of a kind this version does not know; anything dated after `now` (a PC whose clock was
    reset must not make us delete what we cannot place in time).
    """
    items = sorted(items, key=lambda c: c.created, reverse=True)
    keep: set[Hashable] = {c.key for c in items if c.created > now}
    keep |= {c.key for c in items if c.kind not in REGULAR_KINDS + SPECIAL_KINDS}
    newest = next((c for c in items if c.good), None)
    if newest is not None:
        keep.add(newest.key)
    regular = [c for c in items if c.kind in REGULAR_KINDS and c.good and c.created <= now]
    keep |= {c.key for c in regular[: policy.last]}
    keep |= _newest_per_period(regular, _day, policy.days)
    keep |= _newest_per_period(regular, _week, policy.weeks)
    keep |= _newest_per_period(regular, _month, policy.months)
    for kind in SPECIAL_KINDS:
        keep |= {c.key for c in [c for c in items if c.kind == kind][: policy.special]}
    keep |= {c.key for c in [c for c in items if c.rotted][: policy.special]}
    return keep


STALE_TEMP_SECONDS = 24 * 3600


def apply_retention(
    data_path: Path,
    *,
    folder: Path | str | None = None,
    now: datetime | None = None,
    policy: RetentionPolicy = DEFAULT_POLICY,
) -> list[Path]:
    """Delete the backups the plan does not keep. Files without a CellSec manifest (put there by
    someone) are never touched. Also clears temporary files left by an interrupted backup.
    A backup another program still holds (an antivirus scanning it) after the retries is left
    for the next time: retention never fails the backup it follows."""
    now = now or datetime.now()
    infos = [i for i in list_backups(data_path, folder) if i.has_manifest]
    keep = plan_retention([_candidate(i) for i in infos], now, policy)
    deleted = []
    for info in infos:
        if info.path not in keep:
            try:
                delete_backup(info.path)
            except StorageError:
                continue  # still held by another program: removed next time
            deleted.append(info.path)
    _clear_stale_temporaries(backups_folder(data_path, folder))
    return deleted


def _candidate(info: BackupInfo) -> Candidate:
    return Candidate(info.path, info.created, info.kind, info.good, bool(info.rotted))


def _clear_stale_temporaries(folder: Path) -> None:
    if not folder.is_dir():
        return
    limit = time.time() - STALE_TEMP_SECONDS
    for p in folder.glob(".*.tmp*"):
        try:
            if p.stat().st_mtime < limit:
                remove_file(p)
        except (OSError, StorageError):
            pass  # in use: the next run tries again
