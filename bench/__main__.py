"""Run the benchmarks and print medians: `python dev.py bench [--members 5000] [--runs 7]`.

Targets on a 2-core machine: window shown <= 0.6 s, one search keystroke <= 16 ms, opening a
member's detail <= 50 ms, resident memory <= 150 MB (5,000-member file); one minutes PDF
<= 100 ms and a 12-meeting year book <= 1 s (demo cell).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

from .due import bench_due_items
from .generate import commune_file, machine
from .reports import bench_reports


def _rss_mb(pid: int) -> float | None:
    status = Path(f"/proc/{pid}/status")
    if not status.exists():
        return None
    for line in status.read_text(encoding="ascii", errors="replace").splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return None


def bench_startup(path: Path, runs: int) -> tuple[list[float], list[float], list[float]]:
    """Process start to main window shown, and to its first page (the to-do list) filled,
    measured from outside the process; resident memory once that page is on screen."""
    env = dict(os.environ, CELLSEC_SMOKE_EXIT_MS="1500", PYTHONIOENCODING="utf-8")
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    times, ready, rss = [], [], []
    for _ in range(runs):
        start = time.perf_counter()
        proc = subprocess.Popen(
            [sys.executable, "-m", "ui.app", "--data", str(path)],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            encoding="utf-8",
            errors="replace",
        )
        assert proc.stdout is not None
        for line in proc.stdout:
            if line.startswith("CELLSEC_WINDOW_SHOWN"):
                times.append(time.perf_counter() - start)
            elif line.startswith("CELLSEC_PAGE_READY"):
                ready.append(time.perf_counter() - start)
                mem = _rss_mb(proc.pid)
                if mem is not None:
                    rss.append(mem)
                break
        proc.communicate(timeout=60)
        if proc.returncode != 0:
            raise SystemExit(f"the app failed to start (exit {proc.returncode})")
    return times, ready, rss


def bench_page(path: Path, runs: int) -> dict[str, list[float]]:
    """One keystroke in the search box (filter + model reset + repaint), and opening a
    member's detail, on the real members page."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from cellsec.services.register import load_register
    from cellsec.store import Store

    from ui.members.page import MembersPage

    app = QApplication.instance() or QApplication([])
    results: dict[str, list[float]] = {"keystroke": [], "detail": [], "load_register": []}
    with Store.open(path) as store:
        for _ in range(runs):
            t = time.perf_counter()
            load_register(store, date.today())
            results["load_register"].append(time.perf_counter() - t)
        page = MembersPage(store)
        page.resize(1280, 800)
        page.show()
        app.processEvents()
        for _ in range(runs):
            page.search.clear()
            app.processEvents()
            for ch in "nguyen van":
                t = time.perf_counter()
                QTest.keyClick(page.search, ch)
                app.processEvents()  # includes the repaint of the table
                results["keystroke"].append(time.perf_counter() - t)
        page.search.clear()
        app.processEvents()
        for i in range(runs * 3):
            row = (i * 37) % page.model.rowCount()
            t = time.perf_counter()
            page.table.selectRow(row)
            app.processEvents()
            results["detail"].append(time.perf_counter() - t)
        page.close()
        del page
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description="CellSec benchmarks (medians)")
    parser.add_argument("--members", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    path = commune_file(args.members)
    print(machine())
    print(f"data: {args.members} members ({path.stat().st_size / 1e6:.1f} MB)")
    startup, ready, rss = bench_startup(path, args.runs)
    page = bench_page(path, args.runs)
    reports = bench_reports(args.runs)
    due = bench_due_items(path, args.runs)

    def ms(values: list[float]) -> str:
        return f"{statistics.median(values) * 1000:7.1f} ms (n={len(values)})"

    print(f"start to window shown   median {ms(startup)}   target <= 600 ms")
    print(f"start to to-do list     median {ms(ready)}")
    print(f"search keystroke        median {ms(page['keystroke'])}   target <= 16 ms")
    print(f"open member detail      median {ms(page['detail'])}   target <= 50 ms")
    print(f"load register (core)    median {ms(page['load_register'])}")
    print(f"due_items (core)        median {ms(due)}   target <= 50 ms")
    print(f"minutes PDF (demo cell)  median {ms(reports['minutes'])}   target <= 100 ms")
    print(f"12-meeting year book     median {ms(reports['book'])}   target <= 1000 ms")
    if rss:
        print(f"resident memory at show median {statistics.median(rss):7.1f} MB          target <= 150 MB")


if __name__ == "__main__":
    main()
