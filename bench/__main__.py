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


BARE_WINDOW = (
    "from PySide6.QtWidgets import QApplication, QMainWindow\n"
    "app = QApplication([]); w = QMainWindow(); w.show(); app.processEvents(); print('READY', flush=True)"
)


def _time_to(cmd: list[str], env: dict[str, str], markers: tuple[str, ...]) -> dict[str, float]:
    """Seconds from launching `cmd` to each marker line it prints (the last one ends the wait;
    "rss": its resident memory then, in MB); stops the benchmark if it exits with an error."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        cmd,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
        errors="replace",
    )
    assert proc.stdout is not None
    seen: dict[str, float] = {}
    for line in proc.stdout:
        marker = line.split(" ", 1)[0].strip()
        if marker in markers:
            seen[marker] = time.perf_counter() - start
            if marker == markers[-1]:
                seen["rss"] = _rss_mb(proc.pid) or 0.0
                break
    proc.communicate(timeout=60)
    if proc.returncode != 0:
        raise SystemExit(f"{cmd[-1]!r} failed (exit {proc.returncode})")
    return seen


def bench_startup(path: Path, runs: int) -> dict[str, list[float]]:
    """Process start to main window on screen, and to its first page (the to-do list) with its
    data, measured from outside the process; resident memory once that page is on screen; and a
    bare PySide6 window started the same way in between (the machine's own pace: the ratio to it
    holds when the machine is busy)."""
    env = dict(os.environ, CELLSEC_SMOKE_EXIT_MS="1500", PYTHONIOENCODING="utf-8")
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    found: dict[str, list[float]] = {"bare": [], "shown": [], "ready": [], "rss": []}
    app = [sys.executable, "-m", "ui.app", "--data", str(path)]
    for _ in range(runs):
        bare = _time_to([sys.executable, "-c", BARE_WINDOW], env, ("READY",))
        found["bare"].append(bare["READY"])
        seen = _time_to(app, env, ("CELLSEC_WINDOW_SHOWN", "CELLSEC_PAGE_READY"))
        found["shown"].append(seen["CELLSEC_WINDOW_SHOWN"])
        found["ready"].append(seen["CELLSEC_PAGE_READY"])
        if seen.get("rss"):
            found["rss"].append(seen["rss"])
    return found


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
    startup = bench_startup(path, args.runs)
    page = bench_page(path, args.runs)
    reports = bench_reports(args.runs)
    due = bench_due_items(path, args.runs)

    def ms(values: list[float]) -> str:
        return f"{statistics.median(values) * 1000:7.1f} ms (n={len(values)})"

    bare = statistics.median(startup["bare"])

    def ratio(values: list[float]) -> str:
        return f"x{statistics.median(values) / bare:.1f} a bare PySide6 window"

    print(f"bare PySide6 window     median {ms(startup['bare'])}")
    shown = startup["shown"]
    print(f"start to window shown   median {ms(shown)}   target <= 600 ms   ({ratio(shown)})")
    print(f"start to to-do list     median {ms(startup['ready'])}   ({ratio(startup['ready'])})")
    print(f"search keystroke        median {ms(page['keystroke'])}   target <= 16 ms")
    print(f"open member detail      median {ms(page['detail'])}   target <= 50 ms")
    print(f"load register (core)    median {ms(page['load_register'])}")
    print(f"due_items (core)        median {ms(due)}   target <= 50 ms")
    print(f"minutes PDF (demo cell)  median {ms(reports['minutes'])}   target <= 100 ms")
    print(f"12-meeting year book     median {ms(reports['book'])}   target <= 1000 ms")
    if startup["rss"]:
        rss = statistics.median(startup["rss"])
        print(f"resident memory at show median {rss:7.1f} MB          target <= 150 MB")


if __name__ == "__main__":
    main()
