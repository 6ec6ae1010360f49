"""Fuzz every write service and importer: run the property tests (tests/core/
test_service_properties.py and test_import_properties.py) under the hypothesis "fuzz" profile
— 10,000 examples a test — and print, per test, the examples run, the service calls made, how
many were refused, and the crashes (any exception but a ValidationError), partial writes (a
refused call that changed the file) and unsound files (integrity or foreign-key check failing,
a member without an entry event, approved minutes that no longer verify). Those three must be 0.

    .venv/bin/python -m bench.fuzz                     # 10,000 examples a test (long: see README)
    .venv/bin/python -m bench.fuzz --examples 500 -k member

Not part of the test run. Exit status 1 when anything was found."""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TESTS = ["tests/core/test_service_properties.py", "tests/core/test_import_properties.py"]
COLUMNS = ("examples", "calls", "refused", "crashes", "partial_writes", "unsound")


def run(examples: int, keyword: str | None) -> list[dict]:
    with tempfile.TemporaryDirectory() as folder:
        report = Path(folder) / "fuzz.jsonl"
        env = {
            **os.environ,
            "CELLSEC_FUZZ": "1",
            "CELLSEC_FUZZ_EXAMPLES": str(examples),
            "CELLSEC_FUZZ_REPORT": str(report),
            "QT_QPA_PLATFORM": "offscreen",
        }
        args = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-o", "timeout=0", *TESTS]
        if keyword:
            args += ["-k", keyword]
        subprocess.run(args, cwd=ROOT, env=env, check=False)
        if not report.exists():
            return []
        return [json.loads(line) for line in report.read_text(encoding="utf-8").splitlines()]


def main() -> int:
    parser = argparse.ArgumentParser(description="Fuzz the write services and the importers")
    parser.add_argument("--examples", type=int, default=10_000, help="examples per test")
    parser.add_argument("-k", dest="keyword", default=None, help="only tests matching (pytest -k)")
    args = parser.parse_args()
    started = time.monotonic()
    results = run(args.examples, args.keyword)
    width = max([len(r["test"]) for r in results] + [4])
    print(f"\n{'test':<{width}}  " + "  ".join(f"{c:>14}" for c in COLUMNS))
    for r in results:
        print(f"{r['test']:<{width}}  " + "  ".join(f"{r[c]:>14}" for c in COLUMNS))
        for sample in r["samples"]:
            print(f"    {sample}")
    bad = sum(r["crashes"] + r["partial_writes"] + r["unsound"] for r in results)
    print(
        f"\n{len(results)} tests, {sum(r['examples'] for r in results)} examples, "
        f"{sum(r['calls'] for r in results)} calls in {time.monotonic() - started:.0f} s: "
        f"crashes {sum(r['crashes'] for r in results)}, partial writes "
        f"{sum(r['partial_writes'] for r in results)}, unsound "
        f"{sum(r['unsound'] for r in results)}"
    )
    return 1 if bad or not results else 0


if __name__ == "__main__":
    sys.exit(main())
