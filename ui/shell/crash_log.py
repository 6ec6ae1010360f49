"""The crash log: a windowed app (the Windows bundle, console=False) has no sys.stdout or
sys.stderr, so what the crash reporter and the workers print would go nowhere and a hard crash
would leave no trace. Then both streams go to logs/cellsec.log in the data folder (kept small:
the last few runs), and faulthandler writes a hard crash's Python stacks into the same file."""

from __future__ import annotations

import faulthandler
import os
import sys
from datetime import datetime
from pathlib import Path
from typing import TextIO

LOG_NAME = "cellsec.log"
MAX_BYTES = 512 * 1024  # past this at start-up, the log is set aside as cellsec.log.1 …
KEEP = 3


class CrashLog:
    """An open log file (UTF-8, line-buffered) that stands in for missing console streams."""

    def __init__(self, path: Path, stream: TextIO) -> None:
        self.path = path
        self.stream = stream

    def close(self) -> None:
        self.stream.close()


def rotate(path: Path, max_bytes: int = MAX_BYTES, keep: int = KEEP) -> None:
    """cellsec.log → .1 → .2 … when it has grown past `max_bytes`; the oldest is dropped."""
    try:
        if not path.exists() or path.stat().st_size < max_bytes:
            return
        for n in range(keep - 1, 0, -1):
            older = path.with_name(f"{path.name}.{n}")
            if older.exists():
                os.replace(older, path.with_name(f"{path.name}.{n + 1}"))
        os.replace(path, path.with_name(f"{path.name}.1"))
    except OSError:
        pass  # a log that cannot be rotated is appended to


def open_log(folder: Path) -> CrashLog:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / LOG_NAME
    rotate(path)
    stream = open(path, "a", encoding="utf-8", errors="replace", buffering=1)  # noqa: SIM115
    stream.write(f"\n=== CellSec {datetime.now():%Y-%m-%d %H:%M:%S} (pid {os.getpid()}) ===\n")
    return CrashLog(path, stream)


def needs_log() -> bool:
    """No console to write to (pythonw, a windowed bundle)."""
    return sys.stdout is None or sys.stderr is None


def start(folder: Path | None = None) -> CrashLog | None:
    """At start-up, before anything may fail: without a console, send sys.stdout/sys.stderr and
    faulthandler to the log file and return it; with one, faulthandler to the console."""
    if not needs_log():
        for stream in (sys.stdout, sys.stderr):  # a cp1252 pipe must not fail a Vietnamese line
            reconfigure = getattr(stream, "reconfigure", None)
            if reconfigure is not None:
                reconfigure(errors="backslashreplace")
        if not faulthandler.is_enabled():
            faulthandler.enable()
        return None
    if folder is None:
        from cellsec.paths import log_dir

        folder = log_dir()
    try:
        log = open_log(folder)
    except OSError:
        return None  # nowhere to write: run without a log rather than not at all
    if sys.stdout is None:
        sys.stdout = log.stream
    if sys.stderr is None:
        sys.stderr = log.stream
    faulthandler.enable(file=log.stream)
    return log
