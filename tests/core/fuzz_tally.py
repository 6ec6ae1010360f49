"""One attempt of a property test: call a service with fuzzed input and check what the user
relies on — only a ValidationError (with a message) may come back, a refused call writes
nothing, and the file stays sound (integrity and foreign keys, every member with an entry
event, every approved digest verifying).

In the test run a broken rule fails the test at once (hypothesis then shrinks the input).
Under `python -m bench.fuzz` (CELLSEC_FUZZ_REPORT set) each test counts instead and carries
on, so a 10,000-example run reports examples, crashes and partial writes per test."""

from __future__ import annotations

import json
import os
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from db_checks import row_counts, sound

from cellsec.errors import ValidationError

REPORT_ENV = "CELLSEC_FUZZ_REPORT"


@dataclass
class FuzzTally:
    test: str
    strict: bool = True
    examples: int = 0
    calls: int = 0
    refused: int = 0
    crashes: int = 0
    partial_writes: int = 0
    unsound: int = 0
    samples: list[str] = field(default_factory=list)

    def example(self) -> None:
        self.examples += 1

    def attempt(self, store, action: Callable[[], object]) -> bool:  # noqa: ANN001 - Store
        """Run `action` on `store`; True when it was accepted."""
        self.calls += 1
        before = row_counts(store.path)
        accepted = False
        try:
            action()
            accepted = True
        except ValidationError as exc:
            self.refused += 1
            self._check(bool(str(exc)), "crashes", "ValidationError without a message")
            self._check(row_counts(store.path) == before, "partial_writes", f"refused but wrote: {exc}")
        except Exception as exc:  # noqa: BLE001 - counting what must never happen
            if self.strict:
                raise
            self._note("crashes", "".join(traceback.format_exception_only(exc)).strip())
        problems = sound(store)
        self._check(not problems, "unsound", "; ".join(problems))
        return accepted

    def _check(self, ok: bool, counter: str, message: str) -> None:
        if ok:
            return
        if self.strict:
            raise AssertionError(f"{counter}: {message}")
        self._note(counter, message)

    def _note(self, counter: str, message: str) -> None:
        setattr(self, counter, getattr(self, counter) + 1)
        if len(self.samples) < 5:
            self.samples.append(f"{counter}: {message[:300]}")

    def write_report(self) -> None:
        report = os.environ.get(REPORT_ENV)
        if not report:
            return
        with Path(report).open("a", encoding="utf-8") as fh:
            fh.write(
                json.dumps(
                    {
                        "test": self.test,
                        "examples": self.examples,
                        "calls": self.calls,
                        "refused": self.refused,
                        "crashes": self.crashes,
                        "partial_writes": self.partial_writes,
                        "unsound": self.unsound,
                        "samples": self.samples,
                    },
                    ensure_ascii=False,
                )
                + "\n"
            )
