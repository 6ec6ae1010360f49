"""Keep the crash harness honest: a few SIGKILLs mid-write lose nothing acknowledged."""
from __future__ import annotations

import signal
import sys

import pytest

from bench import crash_harness


@pytest.mark.skipif(sys.platform == "win32" or not hasattr(signal, "SIGKILL"),
                    reason="SIGKILL is POSIX")
def test_killed_writer_loses_no_acknowledged_commit(tmp_path):
    # GIVEN a worker writing through the services, killed 5 times at random moments
    tally = crash_harness.run(tmp_path / "crash.cellsec", kills=5, max_delay=0.3, seed=11,
                              progress=False)
    # THEN it really wrote, and every acknowledged write survived in a sound file that
    # reopens although each killed process left its .lock file behind
    assert tally.kills == 5 and tally.committed > 0
    assert (tmp_path / "crash.cellsec.lock").exists()
    assert tally.ok, tally.line()
