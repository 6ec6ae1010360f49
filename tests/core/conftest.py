"""Core test fixtures: a fresh data file with a cell profile (no Qt here), and the hypothesis
profiles: "ci" (fast, the default) and "fuzz" (10,000 examples a test; CELLSEC_FUZZ=1, used by
`python -m bench.fuzz`, which may lower it with CELLSEC_FUZZ_EXAMPLES)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

sys.path.insert(0, str(Path(__file__).parent))

from core_forms import PROFILE  # noqa: E402
from fuzz_tally import REPORT_ENV, FuzzTally  # noqa: E402

from cellsec.services.profile import save_profile  # noqa: E402
from cellsec.store import Store  # noqa: E402

_QUIET = [
    HealthCheck.function_scoped_fixture,
    HealthCheck.too_slow,
    HealthCheck.data_too_large,
    HealthCheck.filter_too_much,
]
settings.register_profile("ci", max_examples=60, deadline=None, suppress_health_check=_QUIET)
settings.register_profile(
    "fuzz",
    max_examples=int(os.environ.get("CELLSEC_FUZZ_EXAMPLES", "10000")),
    deadline=None,
    suppress_health_check=_QUIET,
    print_blob=True,
)
settings.load_profile("fuzz" if os.environ.get("CELLSEC_FUZZ") == "1" else "ci")


@pytest.fixture
def store(tmp_path):
    s = Store.open(tmp_path / "chibo.cellsec")
    save_profile(s, PROFILE)
    yield s
    s.close()


@pytest.fixture
def tally(request):
    """Checks and counts of one property test (see fuzz_tally)."""
    t = FuzzTally(request.node.name, strict=not os.environ.get(REPORT_ENV))
    yield t
    t.write_report()
