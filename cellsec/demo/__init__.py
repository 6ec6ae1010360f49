"""The synthetic demo cell: members with years of history, a year of meetings, the liaison
register. It obeys every rule the app enforces (tests check it); no real person's data."""

from __future__ import annotations

from cellsec.demo.cell import DEMO_PROFILE, create_demo, demo_cell_data

__all__ = ["DEMO_PROFILE", "create_demo", "demo_cell_data"]
