"""Headless commands for backups, restore and integrity checks (registered by cellsec.cli)."""
from __future__ import annotations

import argparse


def register(sub: argparse._SubParsersAction) -> None:
    """Add this module's sub-commands to the `cellsec` parser."""
