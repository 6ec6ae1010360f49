"""`cellsec candidates` and `cellsec badges [--round dd/mm/yyyy]`: the growth registers as JSON,
the same functions as the page and the printed lists."""

from __future__ import annotations

import argparse
from datetime import date

from cellsec.cli.common import print_json
from cellsec.dates import format_date
from cellsec.store import Store


def cmd_candidates(store: Store, args: argparse.Namespace) -> int:
    from cellsec.services.candidates import candidate_rows

    rows = candidate_rows(store, date.today(), closed=args.all)
    print_json(
        [
            {
                "id": r.candidate.id,
                "full_name": r.candidate.full_name,
                "birth_date": r.candidate.person.get("birth_date", ""),
                "stage": r.stage,
                "missing": list(r.missing),
                "warnings": list(r.warnings),
                "introducers": r.introducers,
                "member_id": r.candidate.member_id,
            }
            for r in rows
        ]
    )
    return 0


def cmd_badges(store: Store, args: argparse.Namespace) -> int:
    from cellsec.rules.badges import next_award_dates
    from cellsec.services.badges import badge_round, parse_round
    from cellsec.services.members import rules_of

    award = parse_round(args.round) if args.round else next_award_dates(date.today(), rules_of(store), 1)[0]
    r = badge_round(store, award)
    print_json(
        {
            "award_date": format_date(r.award_date),
            "proposal_due": format_date(r.proposal_due),
            "members": [
                {
                    "member_id": row.member.id,
                    "full_name": row.member.full_name,
                    "milestone": row.line.milestone,
                    "reached_on": format_date(row.line.reached_on),
                    "party_age_months": row.party_age_months,
                    "proposed": row.line.proposed,
                    "status": row.status,
                    "reason": row.line.reason,
                }
                for row in r.rows
            ],
        }
    )
    return 0


def cmd_issue_resolution(store: Store, args: argparse.Namespace) -> int:
    from cellsec.errors import ValidationError
    from cellsec.services.growth_records import ADMISSION, RECOGNITION, issue_resolution

    if (args.candidate is None) == (args.member is None):
        raise ValidationError("Cần đúng một trong hai: --candidate (kết nạp) hoặc --member (công nhận).")
    kind, record_id = (
        (ADMISSION, args.candidate) if args.candidate is not None else (RECOGNITION, args.member)
    )
    number, changes = issue_resolution(store, kind, record_id, date.today())
    print(f"Nghị quyết số {number}" + (" đã ban hành." if changes.growth else " (đã ban hành trước đây)."))
    return 0


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    candidates = sub.add_parser("candidates", help="nguồn phát triển đảng viên: quần chúng ưu tú (JSON)")
    candidates.add_argument("--all", action="store_true", help="cả người đã kết nạp, thôi theo dõi")
    candidates.set_defaults(func=cmd_candidates)
    badges = sub.add_parser("badges", help="danh sách xét tặng Huy hiệu Đảng của một đợt (JSON)")
    badges.add_argument("--round", default="", help="ngày trao dd/mm/yyyy (mặc định: đợt tới)")
    badges.set_defaults(func=cmd_badges)
    issue = sub.add_parser(
        "issue-resolution",
        help="ban hành (cấp số) nghị quyết đề nghị kết nạp hoặc công nhận đảng viên chính thức",
    )
    issue.add_argument("--candidate", type=int, default=None, help="mã quần chúng: đề nghị kết nạp")
    issue.add_argument("--member", type=int, default=None, help="mã đảng viên dự bị: đề nghị công nhận")
    issue.set_defaults(func=cmd_issue_resolution)
