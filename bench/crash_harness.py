"""Kill a working CellSec at random moments and check that nothing acknowledged is ever lost.

    python -m bench.crash_harness [--kills 200] [--modes write,backup,restore,migrate]
                                  [--dir DIR] [--max-delay 0.4] [--seed N]

Each round starts bench.crash_worker in one mode (the modes take turns, each on its own data
file): service writes, backups of the open file, restores, schema upgrades. It SIGKILLs the
worker after a random delay, then reopens the file with Store.open — which must succeed although
the killed process left its .lock file, a WAL and perhaps temporary copies behind — and checks:
- THE checks of the file (cellsec.store.checks: integrity, constraints, foreign keys, text);
- every acknowledged write is there; every approved meeting's digest still matches;
- no temporary copy is left in the data folder or the backups folder after the reopen;
- backup mode: every acknowledged backup still there verifies, and so does every backup listed
  as good; restore mode: the data is exactly one of the two sources, never a mixture;
- migrate mode: the schema is the latest and the old file's members are all there.
SIGKILL tests atomicity and recovery of process crashes; a power cut also loses the OS cache,
which synchronous=FULL covers and which needs a VM to test.
"""

from __future__ import annotations

import argparse
import random
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from cellsec.backup import backups_folder, list_backups, make_backup, open_store, verify_backup
from cellsec.store import Store, migrate
from cellsec.store import fileops as dbfile
from cellsec.store.lock import lock_path

ROOT = Path(__file__).resolve().parent.parent
OLD_FILE = ROOT / "tests" / "data" / "cellsec-v1.cellsec"
OLD_MEMBERS = {"Đỗ Thị Ánh", "Ưng Quang Ẩn", "Trịnh Văn Lợi"}
MODES = ("write", "backup", "restore", "migrate")
TODAY = datetime(2026, 11, 22).date()


def digests_not_ok(store: Store) -> list[int]:
    """Ids of approved meetings whose stored record no longer matches its seal: the app's own
    check (the one every screen and print uses)."""
    from cellsec.services.minutes_record import check_record

    return [
        meeting_id for meeting_id in store.meetings.all_ids() if check_record(store, meeting_id).ok is False
    ]


@dataclass
class Tally:
    mode: str
    kills: int = 0
    acknowledged: int = 0
    mid_work: int = 0  # kills that left a temporary copy, or an old schema, to recover from
    lost: list[str] = field(default_factory=list)
    failures: dict[str, list[str]] = field(default_factory=dict)

    def fail(self, kind: str, what: str) -> None:
        self.failures.setdefault(kind, []).append(what)

    def line(self) -> str:
        kinds = ("integrity", "reopen", "digest", "leftover", "backup", "content")
        counts = ", ".join(f"{k} {len(self.failures.get(k, []))}" for k in kinds)
        return (
            f"{self.mode:8} kills {self.kills} (left work to recover: {self.mid_work}), "
            f"acknowledged {self.acknowledged}, lost {len(self.lost)}, failures: {counts}"
        )

    @property
    def ok(self) -> bool:
        return not self.lost and not any(self.failures.values())


@dataclass
class Setup:
    """One mode's data file and what its checks need to know."""

    mode: str
    path: Path
    worker_args: list[str] = field(default_factory=list)
    allowed: set[str] = field(default_factory=set)  # restore: fingerprints of the sources
    acked: list[str] = field(default_factory=list)


def prepare(mode: str, folder: Path) -> Setup:
    from cellsec.demo.cell import create_demo

    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "chibo.cellsec"
    if mode == "migrate":
        shutil.copyfile(OLD_FILE, path)
        return Setup(mode, path, [str(OLD_FILE)])
    with Store.open(path) as store:
        create_demo(store, today=TODAY)
    if mode != "restore":
        return Setup(mode, path)
    sources = folder / "nguon"
    first = make_backup(path, folder=sources, stem="A").path
    from bench.crash_worker import member
    from cellsec.services.members import add_member

    with Store.open(path) as store:
        add_member(store, *member("nguon-B", 1), today=TODAY)
    second = make_backup(path, folder=sources, stem="B").path
    allowed = {dbfile.source_fingerprint(p) for p in (first, second)}
    return Setup(mode, path, [str(first), str(second)], allowed)


def _read_acks(proc: subprocess.Popen, acks: list[str], ready: threading.Event) -> None:
    assert proc.stdout is not None
    for line in proc.stdout:
        if not line.endswith("\n"):
            break  # a line cut by the kill was never fully acknowledged
        if line == "READY\n":
            ready.set()
        elif line.startswith("ACK "):
            acks.append(line[4:].strip())
    ready.set()


def one_round(setup: Setup, run: str, delay: float) -> tuple[list[str], str]:
    """Start a worker, kill it after `delay` seconds of work; (acknowledgements, stderr)."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "bench.crash_worker", setup.mode, str(setup.path), run, *setup.worker_args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
        cwd=ROOT,
    )
    acks: list[str] = []
    ready = threading.Event()
    reader = threading.Thread(target=_read_acks, args=(proc, acks, ready), daemon=True)
    reader.start()
    ready.wait(timeout=60)
    time.sleep(delay)
    proc.kill()  # SIGKILL on POSIX, TerminateProcess on Windows: no chance to clean up
    proc.wait()
    reader.join(timeout=10)
    err = proc.stderr.read() if proc.stderr else ""
    for pipe in (proc.stdout, proc.stderr):  # the reader is done with them
        if pipe is not None:
            pipe.close()
    return list(acks), err


def temporaries(path: Path) -> list[str]:
    places = [path.parent, backups_folder(path)]
    return [p.name for f in places if f.is_dir() for p in f.iterdir() if ".tmp" in p.name]


def _header_version(path: Path) -> int:
    with path.open("rb") as fh:
        header = fh.read(64)
    return int.from_bytes(header[60:64], "big") if len(header) == 64 else 0


def check(setup: Setup, tally: Tally, label: str) -> None:
    """Reopen like the app does and look at everything (see the module doc)."""
    path = setup.path
    if temporaries(path) or (path.exists() and _header_version(path) < migrate.latest_version()):
        tally.mid_work += 1
    try:
        with open_store(path) as store:
            if store.read_only is not None:
                raise RuntimeError(f"opened read-only: {store.read_only}")
            tokens = {m.notes for m in store.members.all() if m.notes}
            for events in store.members.all_events().values():
                tokens |= {e.note for e in events if e.note}
            names = {m.full_name for m in store.members.all()}
            version = store.schema_version
            bad_digests = digests_not_ok(store)
    except Exception as exc:  # noqa: BLE001 - any failure to reopen is the finding
        tally.fail("reopen", f"{label}: {type(exc).__name__}: {exc}")
        return
    _version, problems = dbfile.check_data_file(path, path)
    if problems:
        tally.fail("integrity", f"{label}: {problems[:3]}")
    if bad_digests:
        tally.fail("digest", f"{label}: meetings {bad_digests}")
    left = temporaries(path)
    if left:
        tally.fail("leftover", f"{label}: {left}")
    writes = [a[2:] for a in setup.acked if a.startswith("w ")]
    tally.lost = [t for t in writes if t not in tokens]
    if setup.mode == "backup":
        _check_backups(setup, tally, label)
    elif setup.mode == "restore":
        if dbfile.source_fingerprint(path) not in setup.allowed:
            tally.fail("content", f"{label}: the data is neither source")
        _check_backups(setup, tally, label)
    elif setup.mode == "migrate":
        if version != migrate.latest_version() or not names >= OLD_MEMBERS:
            tally.fail("content", f"{label}: schema {version}, members {sorted(names)}")
        _check_backups(setup, tally, label)


def _check_backups(setup: Setup, tally: Tally, label: str) -> None:
    made = {Path(a[2:]) for a in setup.acked if a.startswith("b ")}
    listed = [i.path for i in list_backups(setup.path) if i.good]
    for backup in sorted(made | set(listed)):
        if backup.exists() and not verify_backup(backup).ok:
            tally.fail("backup", f"{label}: {backup.name} does not verify")


def run(
    folder: Path,
    kills: int,
    max_delay: float,
    seed: int,
    *,
    modes: tuple[str, ...] = MODES,
    progress: bool = True,
) -> dict[str, Tally]:
    rng = random.Random(seed)
    setups = {m: prepare(m, folder / m) for m in modes}
    tallies = {m: Tally(m) for m in modes}
    for i in range(kills):
        mode = modes[i % len(modes)]
        setup, tally = setups[mode], tallies[mode]
        acks, err = one_round(setup, f"r{i}", rng.uniform(0.0, max_delay))
        if "Traceback" in err and "KeyboardInterrupt" not in err:
            raise RuntimeError(f"{mode} worker failed before being killed:\n{err}")
        tally.kills += 1
        tally.acknowledged += len(acks)
        setup.acked += acks
        check(setup, tally, f"round {i}")
        if progress and (i + 1) % 20 == 0:
            for t in tallies.values():
                print(f"  {t.line()}", flush=True)
    return tallies


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Kiểm tra mất dữ liệu khi tiến trình bị giết")
    parser.add_argument("--kills", type=int, default=200)
    parser.add_argument(
        "--modes", default=",".join(MODES), help="các kiểu việc bị giết giữa chừng: " + ", ".join(MODES)
    )
    parser.add_argument("--dir", type=Path, default=None, help="thư mục làm việc (giữ lại)")
    parser.add_argument(
        "--max-delay", type=float, default=0.4, help="giây làm việc tối đa trước mỗi lần giết"
    )
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    modes = tuple(m.strip() for m in args.modes.split(",") if m.strip())
    start = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        tallies = run(args.dir or Path(tmp), args.kills, args.max_delay, args.seed, modes=modes)
    for tally in tallies.values():
        print(tally.line())
        for kind, items in tally.failures.items():
            for item in items[:5]:
                print(f"    {kind}: {item}")
        for token in tally.lost[:10]:
            print(f"    lost: {token}")
    print(
        f"  ({time.perf_counter() - start:.0f} s; each killed process left "
        f"{lock_path(Path('chibo.cellsec')).name} behind, harmlessly)"
    )
    return 0 if all(t.ok for t in tallies.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
