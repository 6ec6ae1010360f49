"""Kill a writing CellSec at random moments and check that nothing acknowledged is ever lost.

    python -m bench.crash_harness [--kills 200] [--file PATH] [--max-delay 0.4] [--seed N]

Each round starts bench.crash_worker (real service writes through cellsec.store.Store, each its
own transaction, "ACK token" printed after COMMIT), SIGKILLs it after a random delay, then
reopens the file with Store.open (which must succeed although the killed process left its
.lock file and a WAL behind), runs PRAGMA integrity_check and looks for every acknowledged
token. SIGKILL tests atomicity and recovery of process crashes; a power cut also loses the
OS cache, which synchronous=FULL covers and which needs a VM to test.
"""
from __future__ import annotations

import argparse
import random
import signal
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from cellsec.store import fileops as dbfile
from cellsec.services.profile import save_profile
from cellsec.store import Store

ROOT = Path(__file__).resolve().parent.parent
PROFILE = {"cell_name": "Chi bộ thôn Thử Nghiệm", "superior_name": "Đảng bộ xã Thử",
           "place_name": "Thử", "secretary": "Nguyễn Văn Thử"}


@dataclass
class Tally:
    kills: int = 0
    committed: int = 0
    lost: list[str] = field(default_factory=list)
    integrity_failures: list[str] = field(default_factory=list)
    reopen_failures: list[str] = field(default_factory=list)

    def line(self) -> str:
        return (f"kills: {self.kills}, committed: {self.committed}, lost commits: "
                f"{len(self.lost)}, integrity failures: {len(self.integrity_failures)}, "
                f"reopen failures: {len(self.reopen_failures)}")

    @property
    def ok(self) -> bool:
        return not (self.lost or self.integrity_failures or self.reopen_failures)


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


def one_round(path: Path, run: str, delay: float) -> tuple[list[str], str]:
    """Start a worker, kill it after `delay` seconds of writing; (acknowledged tokens, stderr)."""
    proc = subprocess.Popen([sys.executable, "-m", "bench.crash_worker", str(path), run],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            encoding="utf-8", cwd=ROOT)
    acks: list[str] = []
    ready = threading.Event()
    reader = threading.Thread(target=_read_acks, args=(proc, acks, ready), daemon=True)
    reader.start()
    ready.wait(timeout=60)
    time.sleep(delay)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    reader.join(timeout=10)
    err = proc.stderr.read() if proc.stderr else ""
    return list(acks), err


def check(path: Path) -> tuple[set[str], list[str]]:
    """Reopen like the app does, then (tokens found, integrity problems)."""
    with Store.open(path) as store:
        tokens = {m.notes for m in store.members.all() if m.notes}
        for events in store.members.all_events().values():
            tokens |= {e.note for e in events if e.note}
    conn = dbfile.connect_ro(path)
    try:
        problems = dbfile.problems(conn)
    finally:
        conn.close()
    return tokens, problems


def run(path: Path, kills: int, max_delay: float, seed: int,
        progress: bool = True) -> Tally:
    rng = random.Random(seed)
    for suffix in ("", "-wal", "-shm", ".lock"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    with Store.open(path) as store:
        save_profile(store, PROFILE)
    tally = Tally()
    acknowledged: list[str] = []
    for i in range(kills):
        acks, err = one_round(path, f"r{i}", rng.uniform(0.0, max_delay))
        if "Traceback" in err and "KeyboardInterrupt" not in err:
            raise RuntimeError(f"worker failed before being killed:\n{err}")
        tally.kills += 1
        acknowledged += acks
        try:
            tokens, problems = check(path)
        except Exception as exc:  # noqa: BLE001 - any failure to reopen is the finding
            tally.reopen_failures.append(f"round {i}: {exc}")
            continue
        tally.lost = [t for t in acknowledged if t not in tokens]
        if problems:
            tally.integrity_failures.append(f"round {i}: {problems[:3]}")
        tally.committed = len(acknowledged)
        if progress and (i + 1) % 20 == 0:
            print(f"  {tally.line()}", flush=True)
    return tally


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Kiểm tra mất dữ liệu khi tiến trình bị giết")
    parser.add_argument("--kills", type=int, default=200)
    parser.add_argument("--file", type=Path, default=None)
    parser.add_argument("--max-delay", type=float, default=0.4,
                        help="giây ghi tối đa trước mỗi lần giết")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    start = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        path = args.file or Path(tmp) / "crash.cellsec"
        tally = run(path, args.kills, args.max_delay, args.seed)
    print(tally.line())
    for problem in tally.reopen_failures + tally.integrity_failures + tally.lost[:10]:
        print(f"  {problem}")
    print(f"  ({time.perf_counter() - start:.0f} s)")
    return 0 if tally.ok else 1


if __name__ == "__main__":
    sys.exit(main())
