"""`cellsec todo [--as-of dd/mm/yyyy]`: the "Việc cần làm" list as JSON — the same list as the
app's home page and the printed one (cellsec.services.due)."""

from __future__ import annotations

import argparse
from datetime import date

from cellsec.cli.common import print_json
from cellsec.dates import format_date, parse_date
from cellsec.services.due import counts_by_page, due_items, item_json, list_title
from cellsec.store import Store


def cmd_todo(store: Store, args: argparse.Namespace) -> int:
    on = parse_date(args.as_of, "--as-of", allow_future=True) if args.as_of else date.today()
    assert on is not None
    items = due_items(store, on)
    print_json(
        {
            "title": list_title(on),
            "as_of": format_date(on),
            "counts": {
                state: sum(1 for i in items if i.state.value == state)
                for state in ("overdue", "soon", "later")
            },
            "by_page": counts_by_page(items),
            "items": [item_json(i) for i in items],
        }
    )
    return 0


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    todo = sub.add_parser("todo", help="việc cần làm: quá hạn, sắp đến hạn, sắp tới (JSON)")
    todo.add_argument("--as-of", default="", help="lập danh sách vào ngày dd/mm/yyyy (mặc định: hôm nay)")
    todo.set_defaults(func=cmd_todo)
