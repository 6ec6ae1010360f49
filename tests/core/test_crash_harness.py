"""Keep the crash harness honest: a few SIGKILLs mid-work lose nothing acknowledged."""

from __future__ import annotations

import signal
import sys

import pytest

from bench import crash_harness
from cellsec.store.lock import lock_path

pytestmark = pytest.mark.slow  # starts processes / runs many examples: not in the fast loop


@pytest.mark.skipif(sys.platform == "win32" or not hasattr(signal, "SIGKILL"), reason="SIGKILL is POSIX")
def test_killed_workers_lose_nothing_acknowledged(tmp_path):
    # GIVEN a worker in each mode (writes, backups, restores, upgrades), each killed twice at
    # random moments
    tallies = crash_harness.run(tmp_path, kills=8, max_delay=0.3, seed=11, progress=False)
    # THEN each really worked, and after every kill the file reopened sound, with every
    # acknowledged write, every approved digest, no temporary copy left behind — although each
    # killed process left its .lock file behind
    assert set(tallies) == set(crash_harness.MODES)
    for tally in tallies.values():
        assert tally.kills == 2 and tally.ok, (tally.line(), tally.failures, tally.lost[:3])
    assert sum(t.acknowledged for t in tallies.values()) > 0
    assert lock_path(tmp_path / "write" / "chibo.cellsec").exists()
