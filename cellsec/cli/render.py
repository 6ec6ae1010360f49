"""`cellsec render DOCUMENT -o FILE.pdf`: any document of the report catalogue, as the app prints
it — the same warnings first (on stderr), the same builder (registered by cellsec.cli.main)."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from cellsec.cli.common import period_of
from cellsec.dates import parse_date
from cellsec.errors import ValidationError
from cellsec.store import Store


def cmd_render(store: Store, args: argparse.Namespace) -> int:
    from cellsec.reports.catalogue import build_document, document_warnings, spec_of
    from cellsec.reports.template import render

    spec = spec_of(args.document)
    if spec.needs_meeting and args.meeting is None:
        raise ValidationError(f"{args.document}: cần --meeting ID (xem lệnh “meetings”).")
    on = parse_date(args.as_of, "--as-of", allow_future=True) if args.as_of else None
    options = {
        "meeting_id": args.meeting,
        "year": args.year,
        "on": on,
        "period": period_of(args),
        "liaison_id": args.liaison,
        "per_member": args.per_member,
        "candidate_id": args.candidate,
        "member_id": args.member,
    }
    for warning in document_warnings(store, args.document, **options):
        print(f"{warning.title}: {warning.text}", file=sys.stderr)
    doc = build_document(store, args.document, **options)
    render(doc, args.output)
    print(f"Đã in “{doc.title}” ra {args.output}")
    return 0


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    from cellsec.reports.catalogue import DOCUMENTS

    listing = "\n".join(
        f"  {key:<13} {spec.title}" + (f" ({spec.hint})" if spec.hint else "")
        for key, spec in sorted(DOCUMENTS.items())
    )
    render = sub.add_parser(
        "render",
        help="in một văn bản ra tệp PDF",
        epilog=f"Các văn bản:\n{listing}",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    render.add_argument("document", choices=sorted(DOCUMENTS))
    render.add_argument("-o", "--output", type=Path, required=True)
    render.add_argument("--meeting", type=int, default=None, help="mã buổi sinh hoạt")
    render.add_argument(
        "--liaison", type=int, default=None, help="mã đảng viên nơi cư trú (phiếu nhận xét của một người)"
    )
    render.add_argument(
        "--candidate", type=int, default=None, help="mã quần chúng (nghị quyết đề nghị kết nạp)"
    )
    render.add_argument("--member", type=int, default=None, help="mã đảng viên (văn bản của một đảng viên)")
    render.add_argument("--year", type=int, default=date.today().year)
    render.add_argument("--as-of", default="", help="ngày dd/mm/yyyy (danh sách đảng viên, danh sách dự họp)")
    render.add_argument("--from", dest="start", default="", help="kỳ báo cáo: từ ngày")
    render.add_argument("--to", dest="end", default="", help="kỳ báo cáo: đến ngày")
    render.add_argument(
        "--per-member",
        action="store_true",
        help="giấy mời: mỗi đảng viên được triệu tập một tờ, ghi sẵn họ tên",
    )
    render.set_defaults(func=cmd_render)
