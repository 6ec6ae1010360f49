"""`cellsec review --year YYYY`: the year-end review as JSON — each member's levels, those left
out with the reason, and the statistics as the superiors publish them (the record the page and
the documents read; sealed once the Đảng ủy's decision is entered); `cellsec export-review
out.xlsx --year YYYY`: the same year's table as a workbook."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import Any

from cellsec.cli.common import print_json
from cellsec.entities.review import Level
from cellsec.rules.review_stats import percent_text, published_text
from cellsec.services.review_record import (
    basis,
    is_locked,
    label_of,
    labels_of,
    record_statistics,
    require_record,
    seal_problem,
    warnings,
)
from cellsec.store import Store


def review_json(store: Store, year: int) -> dict[str, Any]:
    record = require_record(store, year)
    stats = record_statistics(record)
    labels = labels_of(record)
    return {
        "year": year,
        "locked": is_locked(store, year),
        "seal_problem": seal_problem(store, year),
        "review": record["review"],
        "members": [
            {
                "member_id": m["member_id"],
                "name": m["name"],
                "score": m["score"],
                "self_level": label_of(record, m["self_level"]),
                "suggested_level": label_of(record, m["suggested_level"]),
                "proposed_level": label_of(record, m["proposed_level"]),
                "decided_level": label_of(record, m["decided_level"]),
            }
            for m in record["members"]
        ],
        "excluded": [
            {"member_id": m["member_id"], "name": m["name"], "reason": m["reason"]}
            for m in record["excluded"]
        ],
        "statistics": {
            "basis": basis(record),
            "rated": stats.rated,
            "levels": {
                lv.value: {
                    "label": labels[lv],
                    "count": stats.figure(lv).count,
                    "percent": percent_text(stats.figure(lv).share),
                }
                for lv in Level
            },
            "good_or_better": stats.good_or_better,
            "good_or_better_percent": percent_text(stats.good_or_better_share),
            "excellent_of_good_percent": percent_text(stats.excellent_of_good),
            "text": published_text(stats, labels),
            "rounding_note": stats.rounding_note,
        },
        "warnings": [] if is_locked(store, year) else warnings(record),
    }


def cmd_review(store: Store, args: argparse.Namespace) -> int:
    print_json(review_json(store, args.year))
    return 0


def cmd_export_review(store: Store, args: argparse.Namespace) -> int:
    from cellsec.spreadsheets.review_table import export_review  # openpyxl only when exporting

    count = export_review(store, args.out, args.year)
    print(f"Đã xuất kết quả kiểm điểm năm {args.year} ({count} đảng viên thuộc diện xếp loại) ra {args.out}")
    return 0


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    review = sub.add_parser(
        "review", help="kiểm điểm, xếp loại đảng viên cuối năm: kết quả và thống kê (JSON)"
    )
    review.add_argument("--year", type=int, default=date.today().year)
    review.set_defaults(func=cmd_review)

    exr = sub.add_parser(
        "export-review",
        help="xuất bảng kiểm điểm, xếp loại đảng viên cuối năm ra .xlsx "
        "(hoặc .csv: chỉ danh sách được xếp loại)",
    )
    exr.add_argument("out", type=Path)
    exr.add_argument("--year", type=int, default=date.today().year)
    exr.set_defaults(func=cmd_export_review)
