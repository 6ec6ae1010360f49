"""Crash-harness worker: real service writes, one acknowledgement line after each COMMIT.

    python -m bench.crash_worker DATA_FILE RUN_ID

Prints "READY" once the Store is open, then for every write that returned (committed)
"ACK <token>". The token is stored in the row written (member notes / event note), so the
harness can look for it after killing this process at a random moment.
"""
from __future__ import annotations

import random
import sys
from datetime import date, timedelta

from cellsec.services.members import add_event, add_member
from cellsec.store import Store

TODAY = date(2026, 11, 22)


def member(token: str, n: int) -> tuple[dict[str, str], dict[str, str]]:
    form = {"full_name": "Trần Văn Thử", "sex": "Nam", "birth_date": "12/03/1970",
            "phone": f"09{n % 100000000:08d}", "notes": token,
            "permanent_address": f"Xóm {n % 30 + 1}"}
    entry = {"entry_kind": "admitted", "admission_date": "03/02/2000",
             "official_date": "20/02/2001"}
    return form, entry


def event(token: str, rng: random.Random) -> dict[str, str]:
    when = date(2005, 1, 1) + timedelta(days=rng.randint(0, 7000))
    return {"kind": "disciplined", "date": when.strftime("%d/%m/%Y"), "detail": "Khiển trách",
            "note": token}


def main(argv: list[str]) -> int:
    path, run = argv[0], argv[1]
    rng = random.Random(run)
    store = Store.open(path)
    members = [m.id for m in store.members.all()]
    print("READY", flush=True)
    n = 0
    while True:
        n += 1
        token = f"{run}-{n}"
        if members and rng.random() < 0.4:
            add_event(store, rng.choice(members), event(token, rng), today=TODAY)
        else:
            member_id, _ = add_member(store, *member(token, n), today=TODAY)
            members.append(member_id)
        # Only now is the write committed: acknowledge it.
        sys.stdout.write(f"ACK {token}\n")
        sys.stdout.flush()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
