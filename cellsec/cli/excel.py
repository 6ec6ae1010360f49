"""Headless commands for Excel/CSV import and export (registered by cellsec.cli)."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import Any

from cellsec.cli.common import print_json
from cellsec.dates import parse_date
from cellsec.errors import ValidationError
from cellsec.store import Store


def _mapping(pairs: list[str]) -> dict[str, str | None]:
    mapping: dict[str, str | None] = {}
    for pair in pairs:
        field, sep, header = pair.partition("=")
        if not sep or not field.strip():
            raise ValidationError(
                f"--map “{pair}”: cần dạng trường=Tên cột, ví dụ "
                'full_name="Họ tên" (để trống tên cột để bỏ trường).'
            )
        mapping[field.strip()] = header.strip() or None
    return mapping


def cmd_import_members(store: Store, args: argparse.Namespace) -> int:
    from cellsec.spreadsheets import RowAction, import_rows, preview_import

    preview = preview_import(store, args.file, _mapping(args.map), sheet=args.sheet)
    if args.preview:
        print_json(preview.to_json())
        return 0
    changes, summary = import_rows(store, preview)
    skipped = [
        {
            "row": r.row,
            "action": r.action.label,
            "reasons": [p.message for p in r.problems] + [d.text for d in r.duplicates],
        }
        for r in preview.rows
        if r.row in summary.skipped_rows
    ]
    print_json(
        {
            "added": summary.added,
            "skipped": summary.skipped,
            "added_rows": list(summary.added_rows),
            "skipped_rows": skipped,
            "errors": preview.count(RowAction.ERROR),
            "notes": list(preview.notes),
        }
    )
    return 0


def _as_of(text: str) -> date:
    on = parse_date(text, "--as-of", allow_future=True) if text else date.today()
    assert on is not None
    return on


def cmd_export_members(store: Store, args: argparse.Namespace) -> int:
    from cellsec.spreadsheets.exporters import export_members

    count = export_members(store, args.out, _as_of(args.as_of), args.status)
    print(f"Đã xuất {count} đảng viên ra {args.out}")
    return 0


def cmd_export_meetings(store: Store, args: argparse.Namespace) -> int:
    from cellsec.spreadsheets.exporters import export_meetings

    count = export_meetings(store, args.out, args.year)
    print(f"Đã xuất {count} buổi sinh hoạt năm {args.year} ra {args.out}")
    return 0


def cmd_export_attendance(store: Store, args: argparse.Namespace) -> int:
    from cellsec.spreadsheets.exporters import export_attendance

    count = export_attendance(store, args.out, args.meeting)
    print(f"Đã xuất điểm danh ({count} người) ra {args.out}")
    return 0


def cmd_import_template(store: Store, args: argparse.Namespace) -> int:
    from cellsec.spreadsheets.template import copy_import_template

    dest = copy_import_template(args.out)
    print(f"Đã ghi tệp mẫu nhập đảng viên ra {dest}")
    return 0


def cmd_export_liaison(store: Any, args: argparse.Namespace) -> int:
    from cellsec.spreadsheets import export

    key = "working_away" if args.which == "working-away" else "liaison"
    count = export(store, key, args.out)
    print(f"Đã xuất {count} dòng ra {args.out}")
    return 0


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add this module's sub-commands to the `cellsec` parser."""
    from cellsec.services.register import StatusFilter

    imp = sub.add_parser(
        "import-members",
        help="nhập danh sách đảng viên từ Excel (.xlsx) hoặc .csv; --preview chỉ xem trước (JSON), không ghi",
    )
    imp.add_argument("file", type=Path)
    imp.add_argument("--preview", action="store_true", help="chỉ xem trước, không ghi gì")
    imp.add_argument(
        "--map",
        action="append",
        default=[],
        metavar="TRƯỜNG=CỘT",
        help='ghép cột bằng tay, ví dụ --map full_name="Họ tên ĐV" '
        "(tên cột, chữ cột như C, hoặc để trống để bỏ trường)",
    )
    imp.add_argument(
        "--sheet", default=None, help="tên trang tính (mặc định: trang đầu tiên có dòng tiêu đề)"
    )
    imp.set_defaults(func=cmd_import_members)

    exm = sub.add_parser("export-members", help="xuất danh sách đảng viên ra .xlsx hoặc .csv")
    exm.add_argument("out", type=Path)
    exm.add_argument("--as-of", default="", help="tính đến ngày dd/mm/yyyy")
    exm.add_argument("--status", default="roll", choices=[s.value for s in StatusFilter])
    exm.set_defaults(func=cmd_export_members)

    exg = sub.add_parser("export-meetings", help="xuất các buổi sinh hoạt trong năm ra .xlsx hoặc .csv")
    exg.add_argument("out", type=Path)
    exg.add_argument("--year", type=int, required=True)
    exg.set_defaults(func=cmd_export_meetings)

    exa = sub.add_parser("export-attendance", help="xuất điểm danh một buổi sinh hoạt")
    exa.add_argument("out", type=Path)
    exa.add_argument("--meeting", type=int, required=True, help="mã buổi sinh hoạt")
    exa.set_defaults(func=cmd_export_attendance)

    exl = sub.add_parser(
        "export-liaison", help="xuất sổ theo dõi nơi cư trú hoặc danh sách đi làm ăn xa ra .xlsx hoặc .csv"
    )
    exl.add_argument("which", choices=["liaison", "working-away"])
    exl.add_argument("out", type=Path)
    exl.set_defaults(func=cmd_export_liaison)

    tpl = sub.add_parser("import-template", help="ghi tệp Excel mẫu để nhập đảng viên")
    tpl.add_argument("out", type=Path)
    tpl.set_defaults(func=cmd_import_template)
