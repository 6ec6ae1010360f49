"""The "Việc cần làm" list on the commune-sized file: `due_items` (facts read, every rule run,
marks applied), median of N runs. `python -m bench.due [--members 5000] [--runs 21]` runs it
alone; `python3 dev.py bench` prints it with the others. Target: <= 50 ms."""

from __future__ import annotations

import argparse
import statistics
import time
from datetime import date
from pathlib import Path

from cellsec.services.due import due_items
from cellsec.store import Store

from .generate import commune_file, machine


def bench_due_items(path: Path, runs: int, today: date | None = None) -> list[float]:
    """Seconds per `due_items` call (the first call, which loads the holidays library's
    Vietnam calendar, is a warm-up and not counted)."""
    today = today or date.today()
    times = []
    with Store.open(path) as store:
        due_items(store, today)
        for _ in range(runs):
            t = time.perf_counter()
            due_items(store, today)
            times.append(time.perf_counter() - t)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description="due_items on the commune-sized file (median)")
    parser.add_argument("--members", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=21)
    args = parser.parse_args()
    path = commune_file(args.members)
    times = bench_due_items(path, args.runs)
    with Store.open(path) as store:
        count = len(due_items(store))
    print(machine())
    print(
        f"due_items on {args.members} members ({count} items): median "
        f"{statistics.median(times) * 1000:.1f} ms (n={len(times)}, min {min(times) * 1000:.1f}, "
        f"max {max(times) * 1000:.1f})   target <= 50 ms"
    )


if __name__ == "__main__":
    main()
