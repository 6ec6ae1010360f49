"""The demo cell: a synthetic, realistic village cell (≈ 40 members with years of history)."""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import replace
from datetime import date, timedelta
from typing import Any

from cellsec.dates import add_months, format_date
from cellsec.demo.synthetic import OCCUPATIONS, VILLAGES, day_between, digits, person, phone
from cellsec.entities.changes import Changes
from cellsec.services.cell_io import FORMAT, VERSION, import_cell
from cellsec.store import Store

DEMO_PROFILE = {
    "cell_name": "Chi bộ thôn Tân Hồng",
    "superior_name": "Đảng bộ xã Thanh Sơn",
    "place_name": "Thanh Sơn",
    "secretary": "Đặng Văn Khải",
    "deputy_secretary": "Lê Thị Hằng",
    "term_label": "2025 – 2030",
    "term_start": "2025-06-15",
}


def _event(
    kind: str, when: date, *, end: date | None = None, ref: str = "", detail: str = "", note: str = ""
) -> dict[str, Any]:
    return {
        "kind": kind,
        "date": when.isoformat(),
        "end_date": end.isoformat() if end else None,
        "decision_ref": ref,
        "detail": detail,
        "note": note,
    }


class _Builder:
    """Makes members one at a time; every history is valid by construction."""

    def __init__(self, rng: random.Random, today: date) -> None:
        self.rng = rng
        self.today = today
        self.decision = 100

    def ref(self, kind: str = "QĐ", body: str = "ĐU") -> str:
        self.decision += self.rng.randint(1, 9)
        return f"{self.decision}-{kind}/{body}"

    def member(self, sex: str, born: date, name: str | None = None, **extra: Any) -> dict:
        rng = self.rng
        village = rng.choice(VILLAGES)
        item: dict[str, Any] = {
            "full_name": name or person(rng, sex),
            "sex": sex,
            "birth_date": born.isoformat(),
            "alias": "",
            "birth_place": "Xã Thanh Sơn, tỉnh Phú Thọ",
            "hometown": "Xã Thanh Sơn, tỉnh Phú Thọ",
            "permanent_address": f"Xóm {rng.randint(1, 9)}, {village}",
            "permanent_commune": "Xã Thanh Sơn",
            "permanent_province": "Tỉnh Phú Thọ",
            "old_address": f"{village.capitalize()}, xã Thanh Sơn, huyện Tân Sơn, tỉnh Phú Thọ",
            "temporary_address": "",
            "ethnicity": rng.choice(["Kinh"] * 8 + ["Mường", "Dao"]),
            "religion": "Không",
            "occupation": rng.choice(OCCUPATIONS),
            "education": rng.choice(["12/12", "10/10", "9/12", "7/10"]),
            "qualification": rng.choice(["", "Trung cấp", "Cao đẳng", "Đại học"]),
            "political_theory": rng.choice(["Sơ cấp", "Sơ cấp", "Trung cấp", ""]),
            "citizen_id": digits(rng, 12, "025"),
            "party_card_no": digits(rng, 12, "0"),
            "old_card_no": digits(rng, 8, "0"),
            "lylich_no": digits(rng, 6, "0"),
            "phone": phone(rng),
            "ceremony_date": None,
            "admitting_cell": "Chi bộ thôn Tân Hồng",
            "introducer_1": person(rng, "nam"),
            "introducer_2": person(rng, "nu"),
            "youth_union_date": None,
            "military_from": None,
            "military_to": None,
            "rewards": "",
            "discipline_notes": "",
            "badges": "",
            "notes": "",
            "events": [],
        }
        item.update(extra)
        return item

    def admitted(self, item: dict, when: date, *, official: bool = True, here: bool = True) -> date:
        detail = "" if here else "Chi bộ Trường THPT Thanh Sơn"
        item["events"].append(_event("admitted", when, ref=self.ref(), detail=detail))
        item["ceremony_date"] = (when + timedelta(days=self.rng.randint(7, 25))).isoformat()
        if not here:
            item["admitting_cell"] = detail
        official_day = add_months(when, 12) + timedelta(days=self.rng.randint(5, 40))
        if official and official_day <= self.today:
            item["events"].append(_event("recognised", official_day, ref=self.ref()))
        return official_day


def demo_cell_data(today: date | None = None, *, seed: int = 7, ordinary: int = 26) -> dict:
    """The demo cell in the export format, histories relative to `today`."""
    today = today or date.today()
    rng = random.Random(seed)
    b = _Builder(rng, today)
    y = today.year
    members: list[dict] = []

    def add(item: dict) -> dict:
        members.append(item)
        return item

    # The cell leaders (named in the profile).
    for name, sex, born in (
        ("Đặng Văn Khải", "nam", date(1962, 4, 12)),
        ("Lê Thị Hằng", "nu", date(1975, 9, 3)),
    ):
        m = add(b.member(sex, born, name, occupation="Cán bộ thôn"))
        b.admitted(m, date(born.year + 24, 5, 19))
    # Ordinary full members admitted here over the years.
    for _ in range(ordinary):
        sex = rng.choice(["nam", "nam", "nu"])
        born = day_between(rng, date(1950, 1, 1), date(1995, 12, 31))
        m = add(b.member(sex, born))
        b.admitted(m, day_between(rng, add_months(born, 12 * 20), date(y - 3, 12, 31)))
        if sex == "nam" and rng.random() < 0.4:
            start = add_months(born, 12 * 19)
            m["military_from"], m["military_to"] = start.isoformat(), add_months(start, 24).isoformat()
    # The one the tests and demos search for.
    m = add(b.member("nam", date(1988, 8, 19), "Nguyễn Văn Đức"))
    b.admitted(m, date(2014, 2, 3))
    # Three probationary members admitted within the last year.
    for months_ago in (2, 5, 9):
        sex = rng.choice(["nam", "nu"])
        m = add(b.member(sex, day_between(rng, date(1996, 1, 1), date(2004, 12, 31))))
        b.admitted(m, add_months(today, -months_ago), official=False)
    # Exempted elderly members.
    for born, sex in ((date(1938, 3, 15), "nam"), (date(1941, 11, 2), "nu"), (date(1944, 6, 30), "nam")):
        m = add(b.member(sex, born, occupation="Hưu trí"))
        b.admitted(m, date(born.year + 22, 2, 3))
        m["badges"] = "Huy hiệu 50 năm tuổi Đảng"
        m["events"].append(
            _event("exempted", date(y - 2, 7, 1), ref=b.ref("NQ", "CB"), detail="Tuổi cao, sức yếu")
        )
    # A member working far away, temporarily attached to a cell near their work.
    m = add(b.member("nam", date(1990, 1, 22), occupation="Công nhân"))
    b.admitted(m, date(2015, 5, 19))
    m["events"].append(
        _event(
            "attached_out",
            add_months(today, -4),
            end=add_months(today, 8),
            ref=b.ref("GGT", "CB"),
            detail="Chi bộ Công ty TNHH Điện tử Bắc Ninh",
        )
    )
    # Two members temporarily attached here (outside the roll).
    for name_sex in ("nam", "nu"):
        m = add(
            b.member(name_sex, day_between(rng, date(1980, 1, 1), date(1994, 1, 1)), occupation="Giáo viên")
        )
        b.admitted(m, date(2012 + len(members) % 5, 3, 26), here=False)
        m["events"].append(
            _event(
                "attached_in",
                add_months(today, -3),
                end=add_months(today, 9),
                ref=b.ref("GGT", "ĐU"),
                detail="Chi bộ Trường THCS Hòa Bình",
            )
        )
    # A member transferred in officially from another commune.
    m = add(b.member("nu", date(1985, 12, 8)))
    b.admitted(m, date(2010, 9, 2), here=False)
    m["events"].append(
        _event(
            "transferred_in", date(y - 4, 4, 10), ref=b.ref("GGT", "ĐU"), detail="Đảng bộ phường Hùng Vương"
        )
    )
    # Deceased (history kept).
    m = add(b.member("nam", date(1936, 2, 14), occupation="Hưu trí"))
    b.admitted(m, date(1959, 12, 22))
    m["events"].append(_event("exempted", date(y - 8, 1, 10), ref=b.ref("NQ", "CB"), detail="Tuổi cao"))
    m["events"].append(_event("deceased", date(y - 1, 10, 5), note="Chi bộ đã viếng"))
    # Transferred out to another cell.
    m = add(b.member("nu", date(1992, 7, 7)))
    b.admitted(m, date(2018, 6, 12))
    m["events"].append(
        _event(
            "transferred_out",
            date(y - 1, 3, 1),
            ref=b.ref("GGT", "ĐU"),
            detail="Chi bộ khu phố 3, phường Đống Đa",
        )
    )
    # A member disciplined (reprimand) years ago.
    m = add(b.member("nam", date(1970, 10, 10), occupation="Kinh doanh"))
    b.admitted(m, date(1999, 1, 6))
    m["events"].append(
        _event(
            "disciplined",
            date(y - 5, 8, 20),
            ref=b.ref("QĐ", "CB"),
            detail="Khiển trách",
            note="Vi phạm quy định sinh hoạt",
        )
    )
    # Removed from the Party in the past and re-admitted: party age has a gap.
    m = add(b.member("nam", date(1972, 5, 5)))
    b.admitted(m, date(1998, 3, 3))
    m["events"].append(_event("removed", date(2008, 6, 1), ref=b.ref(), note="Bỏ sinh hoạt"))
    m["events"].append(_event("readmitted", date(2012, 2, 3), ref=b.ref()))
    m["events"].append(_event("recognised", date(2013, 2, 20), ref=b.ref()))
    return {
        "format": FORMAT,
        "version": VERSION,
        "profile": DEMO_PROFILE,
        "members": members,
        **_growth(b, add, members, today),
    }


def _growth(b: _Builder, add: Callable[[dict], dict], members: list[dict], today: date) -> dict[str, Any]:
    """Issue 16: a member reaching 30 years of party age on the next award date, a probationer
    near 11 months with a helper, and candidates at different stages introduced by the leaders."""
    from cellsec.rules.badges import next_award_dates
    from cellsec.rules.settings import Rules

    members[0]["id"], members[1]["id"] = 1, 2  # the leaders introduce and help
    award = next_award_dates(today, Rules.defaults(), 1)[0]
    m = add(b.member("nam", date(1968, 6, 14), "Hà Văn Thắng", occupation="Nông dân"))
    b.admitted(m, add_months(award, -360))
    m = add(b.member("nu", date(2001, 3, 9), "Vi Thị Ngọc", occupation="Giáo viên", id=3))
    admitted = add_months(today, -11) + timedelta(days=10)
    b.admitted(m, admitted, official=False)
    helpers = [
        {
            "member_id": 3,
            "helper_id": 2,
            "assigned_on": (admitted + timedelta(days=7)).isoformat(),
            "note": "",
        }
    ]

    def day(months_ago: int) -> str:
        return format_date(add_months(today, -months_ago))

    person = {"sex": "Nam", "occupation": "Nông dân", "permanent_address": "Xóm 4, thôn Tân Hồng"}
    early = {**person, "full_name": "Lường Văn Phúc", "birth_date": "12/10/2002", "course_date": day(8)}
    early |= {"application_date": day(3), "cv_date": day(1)}
    ready = {
        **person,
        "full_name": "Đinh Thị Mai",
        "sex": "Nữ",
        "birth_date": "05/05/1999",
        "occupation": "Y sĩ",
    }
    ready |= {"course_date": day(14), "course_certificate_no": "318/GCN-TTCT", "application_date": day(9)}
    ready |= {
        "cv_date": day(7),
        "verification_date": day(4),
        "resolution_date": day(1),
        "resolution_ref": "12-NQ/CB",
    }
    ready |= {"introducer_1_id": "1", "introducer_1_since": "01/01/2015", "introducer_2_id": "2"}
    ready |= {"introducer_2_since": "01/01/2015", "votes_entitled": "30", "votes_for": "25"}
    expiring = {**person, "full_name": "Sầm Văn Toàn", "birth_date": "20/01/2000", "course_date": day(58)}
    return {
        "probation_helpers": helpers,
        "candidates": [{"form": form} for form in (early, ready, expiring)],
    }


def create_demo(store: Store, today: date | None = None, *, meetings: bool = True) -> Changes:
    """Fill an empty data file with the demo cell (the register in one transaction), then
    a year of its approved monthly meetings, its superiors, liaison register, members
    working away and year-end reviews."""
    from cellsec.demo.liaison import create_demo_liaison
    from cellsec.demo.meetings import create_demo_meetings
    from cellsec.demo.review import create_demo_review

    with store.transaction():
        store.facts.mark_demo()  # said on screen and on every printout (store.facts.is_demo)
    changes = import_cell(store, demo_cell_data(today), today=today)
    if meetings:
        # The liaison register first: members going to work away get register events dated
        # months back, which the meetings' rolls (the register on each date) must already show.
        create_demo_liaison(store, today or date.today())
        create_demo_meetings(store, today or date.today())
        create_demo_review(store, today or date.today())  # last year decided, this year begun
        changes = replace(changes, meetings=True, superiors=True, liaison=True, reviews=True)
    return changes
