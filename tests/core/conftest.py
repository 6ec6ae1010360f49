"""Core test fixtures: a fresh data file with a cell profile (no Qt here)."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from cellsec.services.profile import save_profile  # noqa: E402
from cellsec.store import Store  # noqa: E402
from core_forms import PROFILE  # noqa: E402


@pytest.fixture
def store(tmp_path):
    s = Store.open(tmp_path / "chibo.cellsec")
    save_profile(s, PROFILE)
    yield s
    s.close()
