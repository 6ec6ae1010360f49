"""Generate a commune-sized data file: thousands of synthetic members with histories."""

from __future__ import annotations

import argparse
import os
import platform
import random
import time
from datetime import date, timedelta
from pathlib import Path

from cellsec.dates import add_months
from cellsec.demo.cell import DEMO_PROFILE
from cellsec.demo.synthetic import OCCUPATIONS, day_between, digits, person, phone
from cellsec.services.cell_io import FORMAT, VERSION, import_cell
from cellsec.store import Store
from cellsec.store.fileops import sidecars
from cellsec.store.lock import lock_path


def _event(kind: str, when: date, end: date | None = None, detail: str = "") -> dict:
    return {
        "kind": kind,
        "date": when.isoformat(),
        "end_date": end.isoformat() if end else None,
        "decision_ref": "",
        "detail": detail,
        "note": "",
    }


def commune_data(count: int, today: date, seed: int = 1) -> dict:
    """`count` members, each with 2-5 events: most full, some probationary, exempted,
    attached in or out, transferred out or deceased."""
    rng = random.Random(seed)
    members = []
    for i in range(count):
        sex = rng.choice(["nam", "nam", "nu"])
        born = day_between(rng, date(1935, 1, 1), date(2004, 12, 31))
        admitted = day_between(rng, add_months(born, 12 * 19), today - timedelta(days=30))
        events = [_event("admitted", admitted)]
        official = add_months(admitted, 12) + timedelta(days=rng.randint(1, 40))
        if official < today:
            events.append(_event("recognised", official))
            roll = rng.random()
            later = day_between(rng, official + timedelta(days=1), today)
            if roll < 0.10 and born.year < 1960:
                events.append(_event("exempted", later, detail="Tuổi cao"))
            elif roll < 0.14:
                events.append(_event("attached_out", later, end=add_months(later, 12)))
            elif roll < 0.18:
                events.append(_event("transferred_out", later, detail="Chi bộ nơi khác"))
            elif roll < 0.21:
                events.append(_event("deceased", later))
            elif roll < 0.25:
                events.append(_event("disciplined", later, detail="Khiển trách"))
        members.append(
            {
                "full_name": person(rng, sex),
                "sex": sex,
                "birth_date": born.isoformat(),
                "citizen_id": digits(rng, 12, "0"),
                "party_card_no": digits(rng, 12, "0"),
                "phone": phone(rng),
                "occupation": rng.choice(OCCUPATIONS),
                "permanent_address": f"Xóm {i % 30 + 1}",
                "events": events,
            }
        )
    return {"format": FORMAT, "version": VERSION, "profile": DEMO_PROFILE, "members": members}


def generate(path: Path, count: int = 5000, today: date | None = None) -> Path:
    path = Path(path)
    for leftover in (path, *sidecars(path), lock_path(path)):
        leftover.unlink(missing_ok=True)
    with Store.open(path) as store:
        import_cell(store, commune_data(count, today or date.today()), today=today)
    return path


OUT = Path(__file__).parent / "out"


def commune_file(members: int) -> Path:
    """bench/out/commune-N.cellsec, generated the first time it is asked for."""
    OUT.mkdir(exist_ok=True)
    path = OUT / f"commune-{members}.cellsec"
    if not path.exists():
        t = time.perf_counter()
        generate(path, members)
        print(f"generated {path.name} in {time.perf_counter() - t:.1f} s")
    return path


def machine() -> str:
    """The line every benchmark prints first: what the figures were measured on."""
    return f"machine: {platform.platform()}, {os.cpu_count()} CPUs, Python {platform.python_version()}"


def main() -> None:
    parser = argparse.ArgumentParser(description="Tạo tệp dữ liệu cỡ đảng bộ xã để đo hiệu năng")
    parser.add_argument("path", type=Path)
    parser.add_argument("--members", type=int, default=5000)
    args = parser.parse_args()
    generate(args.path, args.members)
    print(f"{args.path}: {args.members} đảng viên")


if __name__ == "__main__":
    main()
