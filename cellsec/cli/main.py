"""Headless commands over the same services the app uses (scripting, support, tests)."""

from __future__ import annotations

import argparse
import sys
from dataclasses import asdict
from datetime import date
from pathlib import Path
from typing import Any

from cellsec.backup.opening import open_store
from cellsec.cli.common import period_of, print_json
from cellsec.dates import format_date, parse_date, to_iso
from cellsec.errors import CellSecError
from cellsec.paths import default_data_file
from cellsec.store import Store


def _row_json(row) -> dict[str, Any]:
    m = row.member
    return {
        "id": m.id,
        "full_name": m.full_name,
        "sex": m.sex.value,
        "birth_date": to_iso(m.birth_date),
        "phone": m.phone,
        "citizen_id": m.citizen_id,
        "party_card_no": m.party_card_no,
        "admission_date": to_iso(row.admission_date),
        "official_date": to_iso(row.official_date),
        "party_age_months": row.party_age_months,
        "status": row.state.label,
        "on_roll": row.state.on_roll,
        "standing": row.state.standing.value,
        "presence": row.state.presence.value,
        "exempted": row.state.exempted,
        "attached_out": row.state.attached_out,
    }


def cmd_init(store: Store, args: argparse.Namespace) -> int:
    from cellsec.services.profile import profile_form, save_profile

    given = {
        k: getattr(args, k)
        for k in ("cell_name", "superior_name", "place_name", "secretary", "deputy_secretary", "term_label")
    }
    if any(given.values()):
        form = profile_form(store.profile.get())
        form.update({k: v for k, v in given.items() if v})
        save_profile(store, form)
    return cmd_info(store, args)


def cmd_info(store: Store, args: argparse.Namespace) -> int:
    profile = store.profile.get()
    print_json(
        {
            "path": str(store.path),
            "schema_version": store.schema_version,
            "profile": {k: (format_date(v) if isinstance(v, date) else v) for k, v in asdict(profile).items()}
            if profile
            else None,
            "members": store.members.count(),
        }
    )
    return 0


def cmd_demo(store: Store, args: argparse.Namespace) -> int:
    from cellsec.demo.cell import create_demo

    create_demo(store)
    print(f"Đã tạo chi bộ mẫu với {store.members.count()} hồ sơ đảng viên trong {store.path}")
    return 0


def cmd_members(store: Store, args: argparse.Namespace) -> int:
    from cellsec.services.register import StatusFilter, filter_rows, load_register, summarise

    on = parse_date(args.as_of, "--as-of", allow_future=True) if args.as_of else date.today()
    assert on is not None
    rows = load_register(store, on)
    shown = filter_rows(rows, args.search or "", StatusFilter(args.status))
    print_json(
        {
            "as_of": on.isoformat(),
            "summary": summarise(rows, on).text,
            "count": len(shown),
            "members": [_row_json(r) for r in shown],
        }
    )
    return 0


def cmd_export(store: Store, args: argparse.Namespace) -> int:
    from cellsec.services.cell_io import export_cell_file

    count = export_cell_file(store, args.file)
    print(f"Đã xuất {count} hồ sơ đảng viên ra {args.file}")
    return 0


def cmd_import(_store: None, args: argparse.Namespace) -> int:
    # Opens (or creates) the data file itself: a refused import must leave no new file behind.
    from cellsec.services.cell_io import import_into_data_file

    _, count = import_into_data_file(args.data or default_data_file(), args.file)
    print(f"Đã nhập {count} hồ sơ đảng viên từ {args.file}")
    return 0


def meeting_json(store: Store, meeting_id: int) -> dict[str, Any]:
    """One meeting as the `meetings` command prints it (figures from the one derivation)."""
    from cellsec.services.minutes_record import check_record, meeting_counts

    m = store.meetings.get(meeting_id)
    assert m is not None
    c = meeting_counts(store, m)
    check = check_record(store, meeting_id)
    return {
        "id": m.id,
        "date": m.date.isoformat(),
        "kind": m.kind.value,
        "kind_label": m.kind.label,
        "status": m.status,
        "resolution_number": m.full_resolution_number,
        "digest_ok": check.ok,
        "integrity_problems": list(check.problems),
        "present": c.present,
        "total": c.total,
        "full": c.full,
        "probationary": c.probationary,
        "exempted": c.exempted,
        "attached_out": c.attached_out,
        "attached_in": c.guests,
        "absent_reason": len(c.absent_reason),
        "absent_no_reason": len(c.absent_no_reason),
        "eligible_voters": c.eligible_voters,
        "eligible_present": c.eligible_present,
    }


def cmd_meetings(store: Store, args: argparse.Namespace) -> int:
    from cellsec.services.meetings import year_calendar

    cal = year_calendar(store, args.year)
    out = [meeting_json(store, header.id or 0) for month in cal.months for header in month.meetings]
    print_json(
        {
            "year": args.year,
            "meetings": out,
            "months_without_regular": [r.month for r in cal.months if r.missing_regular],
            "quarters_without_thematic": list(cal.quarters_without_thematic),
            "thematic_every_months": cal.thematic_every_months,
            "periods_without_thematic": [list(p) for p in cal.periods_without_thematic],
        }
    )
    return 0


def cmd_superiors(store: Store, args: argparse.Namespace) -> int:
    from cellsec.services.superior_report_record import issue_superior_report
    from cellsec.services.superior_tally import superior_tally

    start, end = period_of(args)
    if args.issue:
        issue_superior_report(store, start, end)
    t = superior_tally(store, start, end)
    number = t.number
    if args.xlsx:
        from cellsec.reports.superior_xlsx import write_superior_xlsx

        write_superior_xlsx(t, args.xlsx)
    print_json(
        {
            "from": start.isoformat(),
            "to": end.isoformat(),
            "number": number.text if number else None,
            "issued_on": number.issued_on.isoformat() if number else None,
            "meetings_held": t.held,
            "meetings_with_superior": t.with_superior,
            "people": [
                {
                    "name": x.superior.name,
                    "position": x.superior.position,
                    "level": x.superior.level.value,
                    "attended": x.attended,
                    "target": round(float(x.target), 2) if x.target is not None else None,
                    "warning": x.warning,
                }
                for x in t.people
            ],
            "meetings": [
                {
                    "date": x.meeting.date.isoformat(),
                    "kind": x.meeting.kind.value,
                    "superiors_present": list(x.superiors_present),
                    "assigned_follower_came": x.follower_came,
                    "notified": list(x.notified),
                }
                for x in t.meetings
            ],
            "directions": {"given": len(t.directions), "done": t.directions_done, "open": t.directions_open},
        }
    )
    return 0


def _value(enum_or_none) -> str | None:
    return enum_or_none.value if enum_or_none is not None else None


def cmd_liaison(store: Store, args: argparse.Namespace) -> int:
    from cellsec.services.liaison import comment_list, participation
    from cellsec.services.working_away import inconsistencies, reminders

    on = date.today()
    taking = participation(store, args.year)
    print_json(
        {
            "year": args.year,
            "liaison": [
                {
                    "id": d.member.id,
                    "full_name": d.member.full_name,
                    "workplace": d.member.workplace,
                    "category": d.member.category.value,
                    "status": _value(d.member.status_on(on)),
                    "gatherings": list(taking.get(d.member.id or 0, (0, 0))),
                    "comment": d.state.value,
                    "comment_label": d.state.label,
                    "deadline": to_iso(d.deadline),
                    "variant": d.variant,
                }
                for d in comment_list(store, args.year, on)
            ],
            "working_away": [
                {
                    "id": w.id,
                    "member": w.member_name,
                    "arrangement": w.arrangement.value,
                    "start": to_iso(w.start),
                    "end": to_iso(w.end),
                    "destination": w.destination,
                    "employer": w.employer,
                    "returned": to_iso(w.returned_date),
                    "contacts": len(w.contacts),
                    "dues": w.dues,
                }
                for w in store.liaison.working_away()
            ],
            "reminders": [r.message for r in reminders(store, on)],
            "inconsistencies": inconsistencies(store),
        }
    )
    return 0


def build_parser() -> argparse.ArgumentParser:
    from cellsec.services.register import StatusFilter

    parser = argparse.ArgumentParser(prog="cellsec", description="CellSec — lệnh không giao diện")
    parser.add_argument(
        "--data", type=Path, default=None, help=f"tệp dữ liệu (mặc định: {default_data_file()})"
    )
    sub = parser.add_subparsers(dest="command", required=True)
    init = sub.add_parser("init", help="tạo hoặc mở tệp dữ liệu, đặt thông tin chi bộ")
    for opt, dest in (
        ("--cell-name", "cell_name"),
        ("--superior", "superior_name"),
        ("--place", "place_name"),
        ("--secretary", "secretary"),
        ("--deputy", "deputy_secretary"),
        ("--term", "term_label"),
    ):
        init.add_argument(opt, dest=dest, default="")
    init.set_defaults(func=cmd_init)
    sub.add_parser("info", help="thông tin tệp dữ liệu (JSON)").set_defaults(func=cmd_info)
    sub.add_parser("demo", help="tạo chi bộ mẫu trong tệp dữ liệu trống").set_defaults(func=cmd_demo)
    members = sub.add_parser("members", help="danh sách / tìm đảng viên (JSON)")
    members.add_argument("--search", default="", help="từ khóa (không phân biệt dấu)")
    members.add_argument("--status", default="roll", choices=[s.value for s in StatusFilter])
    members.add_argument("--as-of", default="", help="tính đến ngày dd/mm/yyyy")
    members.set_defaults(func=cmd_members)
    exp = sub.add_parser("export", help="xuất toàn bộ chi bộ ra JSON")
    exp.add_argument("file", type=Path)
    exp.set_defaults(func=cmd_export)
    imp = sub.add_parser("import", help="nhập chi bộ từ JSON vào tệp dữ liệu trống")
    imp.add_argument("file", type=Path)
    imp.set_defaults(func=cmd_import, needs_store=False)
    meetings = sub.add_parser("meetings", help="các buổi sinh hoạt trong năm (JSON)")
    meetings.add_argument("--year", type=int, default=date.today().year)
    meetings.set_defaults(func=cmd_meetings)
    sup = sub.add_parser("superiors", help="cấp ủy viên cấp trên dự sinh hoạt: số liệu (JSON)")
    sup.add_argument("--year", type=int, default=date.today().year)
    sup.add_argument("--from", dest="start", default="", help="từ ngày dd/mm/yyyy")
    sup.add_argument("--to", dest="end", default="", help="đến ngày dd/mm/yyyy")
    sup.add_argument("--xlsx", type=Path, default=None, help="ghi thêm bảng Excel")
    sup.add_argument(
        "--issue",
        action="store_true",
        help="ban hành báo cáo của kỳ: cấp số …-BC/CB (báo cáo đã có số giữ nguyên số)",
    )
    sup.set_defaults(func=cmd_superiors)
    liaison = sub.add_parser("liaison", help="đảng viên giữ mối liên hệ nơi cư trú và đi làm ăn xa (JSON)")
    liaison.add_argument("--year", type=int, default=date.today().year)
    liaison.set_defaults(func=cmd_liaison)
    # Command groups kept in their own modules (each adds its sub-commands).
    from cellsec.cli import backup as cli_backup
    from cellsec.cli import excel as cli_excel
    from cellsec.cli import growth as cli_growth
    from cellsec.cli import render as cli_render
    from cellsec.cli import review as cli_review
    from cellsec.cli import todo as cli_todo

    cli_render.register(sub)
    cli_todo.register(sub)
    cli_backup.register(sub)
    cli_excel.register(sub)
    cli_review.register(sub)
    cli_growth.register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8")
    args = build_parser().parse_args(argv)
    try:
        if not getattr(args, "needs_store", True):
            # Commands that act on the file itself (restore, start-up check) open nothing.
            return args.func(None, args)
        with open_store(args.data or default_data_file()) as store:
            return args.func(store, args)
    except CellSecError as exc:
        print(f"Lỗi: {exc}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
