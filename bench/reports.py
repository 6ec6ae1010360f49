"""Report rendering benchmark: one minutes PDF and a 12-meeting year book on the demo cell."""

from __future__ import annotations

import statistics
import tempfile
import time
from datetime import date
from pathlib import Path

from cellsec.demo.cell import create_demo
from cellsec.reports.catalogue import build_document
from cellsec.reports.template import render
from cellsec.store import Store


def bench_reports(runs: int) -> dict[str, list[float]]:
    """Render time = collect + build + render to bytes, medians over `runs` (after a warm-up)."""
    results: dict[str, list[float]] = {"minutes": [], "book": []}
    with tempfile.TemporaryDirectory() as tmp, Store.open(Path(tmp) / "demo.cellsec") as store:
        # "today" in January 2027: the demo's twelve monthly meetings fill the year 2026 (and
        # its year-end review meeting is one more).
        create_demo(store, today=date(2027, 1, 22))
        meetings = store.meetings.list_between(date(2026, 1, 1), date(2026, 12, 31))
        assert len(meetings) >= 12, len(meetings)
        meeting_id = meetings[5].id
        render(build_document(store, "minutes", meeting_id=meeting_id))  # fonts, imports
        for _ in range(runs):
            t = time.perf_counter()
            render(build_document(store, "minutes", meeting_id=meeting_id))
            results["minutes"].append(time.perf_counter() - t)
        for _ in range(max(3, runs // 2)):
            t = time.perf_counter()
            render(build_document(store, "book", year=2026))
            results["book"].append(time.perf_counter() - t)
    return results


if __name__ == "__main__":
    r = bench_reports(9)
    print(f"minutes PDF  median {statistics.median(r['minutes']) * 1000:.1f} ms  target <= 100 ms")
    print(f"year book    median {statistics.median(r['book']) * 1000:.1f} ms  target <= 1000 ms")
