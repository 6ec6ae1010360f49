"""What every command module of the CLI shares: JSON out, and a period from --from/--to."""

from __future__ import annotations

import argparse
import json
from datetime import date
from typing import Any

from cellsec.dates import parse_date


def print_json(value: Any) -> None:
    print(json.dumps(value, ensure_ascii=False, indent=1))


def period_of(args: argparse.Namespace) -> tuple[date, date]:
    """--from/--to (dd/mm/yyyy), each defaulting to the ends of --year."""
    start = parse_date(args.start, "--from", allow_future=True) if args.start else None
    end = parse_date(args.end, "--to", allow_future=True) if args.end else None
    return start or date(args.year, 1, 1), end or date(args.year, 12, 31)
