"""Crash-harness worker: real work through the core, one acknowledgement line after each step.

    python -m bench.crash_worker MODE DATA_FILE RUN_ID [ARGS...]

Prints "READY" once set up, then "ACK <what>" after every step that returned:
- write:   service writes (members, events), each its own transaction; ACK w <token>, the token
           stored in the row written so the harness can look for it;
- backup:  a write, then make_backup of the open Store (as the app's timer does); ACK w <token>
           and ACK b <backup path>; retention every few rounds;
- restore: restore() of the (closed) data file from backup A, then B, then A …; ACK r <source>;
- migrate: put a copy of an old-schema file in place, Store.open upgrades it (a backup first,
           one transaction per step), close; ACK m <n>.
"""

from __future__ import annotations

import os
import random
import shutil
import sys
from datetime import date, timedelta
from pathlib import Path

from cellsec.backup import apply_retention, make_backup, open_store, restore
from cellsec.services.members import add_event, add_member
from cellsec.store import Store

TODAY = date(2026, 11, 22)
NAME = "Trần Văn Thử"


def member(token: str, n: int) -> tuple[dict[str, str], dict[str, str]]:
    form = {
        "full_name": NAME,
        "sex": "Nam",
        "birth_date": "12/03/1970",
        "phone": f"09{n % 100000000:08d}",
        "notes": token,
        "permanent_address": f"Xóm {n % 30 + 1}",
    }
    entry = {"entry_kind": "admitted", "admission_date": "03/02/2000", "official_date": "20/02/2001"}
    return form, entry


def event(token: str, rng: random.Random) -> dict[str, str]:
    when = date(2005, 1, 1) + timedelta(days=rng.randint(0, 7000))
    return {"kind": "disciplined", "date": when.strftime("%d/%m/%Y"), "detail": "Khiển trách", "note": token}


def ack(what: str) -> None:
    # Only now has the step returned (its commit / its file is in place): acknowledge it.
    sys.stdout.write(f"ACK {what}\n")
    sys.stdout.flush()


def one_write(store: Store, members: list[int], token: str, n: int, rng: random.Random) -> None:
    if members and rng.random() < 0.4:
        add_event(store, rng.choice(members), event(token, rng), today=TODAY)
    else:
        member_id, _ = add_member(store, *member(token, n), today=TODAY)
        members.append(member_id)
    ack(f"w {token}")


def own_members(store: Store) -> list[int]:
    """Members the workers added (admitted in 2000): events are added to these only, so every
    event date falls while they are on the roll (the demo cell's members joined later)."""
    return [m.id for m in store.members.all() if m.id is not None and m.full_name == NAME]


def run_write(path: Path, run: str, rng: random.Random) -> None:
    store = Store.open(path)
    members = own_members(store)
    print("READY", flush=True)
    n = 0
    while True:
        n += 1
        one_write(store, members, f"{run}-{n}", n, rng)


def run_backup(path: Path, run: str, rng: random.Random) -> None:
    store = Store.open(path)
    members = own_members(store)
    print("READY", flush=True)
    n = 0
    while True:
        n += 1
        one_write(store, members, f"{run}-{n}", n, rng)
        ack(f"b {make_backup(store, kind='auto').path}")
        if n % 4 == 0:
            apply_retention(path)


def run_restore(path: Path, sources: list[Path]) -> None:
    print("READY", flush=True)
    n = 0
    while True:
        source = sources[n % len(sources)]
        n += 1
        restore(path, source)
        ack(f"r {source}")
        apply_retention(path)


def run_migrate(path: Path, old: Path) -> None:
    print("READY", flush=True)
    n = 0
    while True:
        n += 1
        copy = path.with_name(".harness-old-copy")
        shutil.copyfile(old, copy)
        os.replace(copy, path)  # the old file appears whole, as if restored by hand
        open_store(path).close()  # as the app opens it: a backup before the upgrade
        ack(f"m {n}")
        if n % 4 == 0:
            apply_retention(path)


def main(argv: list[str]) -> int:
    mode, path, run = argv[0], Path(argv[1]), argv[2]
    rng = random.Random(run)
    if mode == "write":
        run_write(path, run, rng)
    elif mode == "backup":
        run_backup(path, run, rng)
    elif mode == "restore":
        run_restore(path, [Path(p) for p in argv[3:]])
    elif mode == "migrate":
        run_migrate(path, Path(argv[3]))
    else:
        raise SystemExit(f"unknown mode {mode!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
