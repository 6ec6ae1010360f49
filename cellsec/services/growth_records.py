"""What the growth resolutions print, as plain records: the cell's resolution proposing a
candidate's admission and the one proposing a probationer's recognition as full member. A draft
is read from the register; issuing gives the resolution its number and seals the record, so a
later renaming or a changed setting never changes what an issued resolution prints."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from datetime import date
from fractions import Fraction
from typing import Any

from cellsec.codec.sealed_minutes import record_digest
from cellsec.dates import format_date, iso_date
from cellsec.entities.changes import Changes
from cellsec.entities.meetings import MeetingKind
from cellsec.entities.members import EventKind
from cellsec.errors import ValidationError
from cellsec.rules.counting import majority_words, percent
from cellsec.rules.probation import probation_of
from cellsec.services.candidates import YOUTH_UNION_WORDING
from cellsec.services.members import rules_of
from cellsec.services.profile import required_profile
from cellsec.services.report_numbers import assign_next_number, blank_number, issued_number, keep_issued
from cellsec.store import Store

Record = dict[str, Any]
RESOLUTION_TYPE = "NQ"
ADMISSION, RECOGNITION = "admission", "recognition"
SEAL_MISMATCH = (
    "Nghị quyết đã ban hành nhưng bản lưu không còn khớp với lúc ban hành (tệp dữ liệu đã bị sửa "
    "ngoài chương trình). Bản in có thể khác bản đã ban hành."
)
# The note services.probation.record_recognition writes with the recognition event.
_VOTE_NOTE = re.compile(r"Chi bộ họp xét: (\d+)/(\d+) đảng viên chính thức tán thành")


def resolution_title(kind: str, record_id: int) -> str:
    """The issued resolution's identity in the numbers list (by id: a renaming keeps it)."""
    if kind == ADMISSION:
        return f"Nghị quyết đề nghị kết nạp đảng viên (quần chúng mã {record_id})"
    return f"Nghị quyết đề nghị công nhận đảng viên chính thức (đảng viên mã {record_id})"


def sealed_record(store: Store, kind: str, record_id: int) -> Record | None:
    """The record as issued (kept in issued_records with its digest), None while a draft."""
    row = store.issued.get(RESOLUTION_TYPE, resolution_title(kind, record_id))
    if row is None:
        return None
    data: Record = json.loads(row.record_json)
    return data


def seal_problem(store: Store, kind: str, record_id: int) -> str | None:
    """An issued resolution whose stored record no longer matches its digest."""
    row = store.issued.get(RESOLUTION_TYPE, resolution_title(kind, record_id))
    if row is None:
        return None
    try:
        intact = record_digest(json.loads(row.record_json)) == row.digest
    except ValueError:
        intact = False
    return None if intact else SEAL_MISMATCH


def _header(store: Store) -> Record:
    profile = required_profile(store)
    return {
        "cell_name": profile.cell_name,
        "superior_name": profile.superior_name,
        "place_name": profile.place_name,
        "secretary": profile.secretary,
    }


def _vote(rules: Any, entitled: int | None, present: int | None, in_favour: int | None) -> Record:
    share = Fraction(in_favour, entitled) if entitled and in_favour is not None else None
    return {
        "entitled": entitled,
        "present": present,
        "in_favour": in_favour,
        "percent": percent(share) if share is not None else "",
        "needed": majority_words(rules, special=True),
    }


def vote_problem(record: Record) -> str | None:
    """A vote that cannot be: more in favour than full members present at the meeting the
    minutes book holds for that day (said before printing; the numbers are the cell's to fix)."""
    vote = record.get("vote") or {}
    present, in_favour = vote.get("present"), vote.get("in_favour")
    if isinstance(present, int) and isinstance(in_favour, int) and in_favour > present:
        return (
            f"Số đồng chí tán thành ({in_favour}) nhiều hơn số đảng viên chính thức có mặt ({present}) "
            "theo biên bản buổi họp ngày đó: hãy sửa lại số phiếu trước khi in."
        )
    return None


def _present_full(store: Store, on: date) -> int | None:
    """Full members entitled to vote who were present at the meeting of `on` in the minutes book
    (the cell met that day to vote); None when the book has no meeting that day."""
    from cellsec.services.minutes_record import minutes_record

    # The cell's own meetings (a committee meeting the same day is not where the cell votes).
    meetings = [m for m in store.meetings.list_between(on, on) if m.kind is not MeetingKind.COMMITTEE]
    if len(meetings) != 1 or meetings[0].id is None:
        return None
    return minutes_record(store, meetings[0].id).count.eligible_present


def _name(store: Store, member_id: int | None) -> str:
    member = store.members.get(member_id) if member_id is not None else None
    return member.full_name if member else ""


# --- the resolution proposing admission ---------------------------------------------------------
def admission_record(store: Store, candidate_id: int) -> Record:
    """The resolution proposing the candidate's admission: as issued, or the draft from the
    candidate's record (the resolution stage must be recorded)."""
    sealed = sealed_record(store, ADMISSION, candidate_id)
    if sealed is not None:
        return sealed
    c = store.growth.candidate(candidate_id)
    if c is None or c.id is None:
        raise ValidationError("Không tìm thấy quần chúng này.")
    if c.resolution_date is None:
        raise ValidationError(
            f"{c.full_name}: chưa ghi ngày chi bộ họp xét, ra nghị quyết đề nghị kết nạp.",
            "Ngày chi bộ họp xét, ra nghị quyết",
            "resolution_date",
        )
    rules = rules_of(store)
    second = _name(store, c.introducer_2_id) or (YOUTH_UNION_WORDING if c.youth_union_introduces else "")
    return {
        "kind": ADMISSION,
        "header": _header(store),
        "number": c.resolution_ref.strip().removeprefix("Số ").strip(),
        "blank_number": blank_number(store, RESOLUTION_TYPE),
        "issued": False,
        "date": c.resolution_date.isoformat(),
        "person": dict(c.person),
        "full_name": c.full_name,
        "course_date": format_date(c.course_date) if c.course_date else "",
        "course_certificate_no": c.course_certificate_no,
        "application_date": format_date(c.application_date) if c.application_date else "",
        "introducers": [x for x in (_name(store, c.introducer_1_id), second) if x],
        "vote": _vote(rules, c.votes_entitled, _present_full(store, c.resolution_date), c.votes_for),
        "source": str(rules.settings["vote_special_majority_at_least"].source),
    }


# --- the resolution proposing recognition as full member ----------------------------------------
def recognition_vote(events: list[Any]) -> tuple[int, int] | None:
    """(in favour, entitled) as entered when the recognition was recorded, None before."""
    for e in events:
        if e.kind is EventKind.RECOGNISED and (found := _VOTE_NOTE.search(e.note)):
            return int(found.group(1)), int(found.group(2))
    return None


def recognition_record(store: Store, member_id: int, today: date) -> Record:
    """The resolution proposing the probationer's recognition: as issued, or the draft from the
    register (the vote as entered when the recognition was recorded; blank to fill before)."""
    sealed = sealed_record(store, RECOGNITION, member_id)
    if sealed is not None:
        return sealed
    member = store.members.get(member_id)
    if member is None:
        raise ValidationError("Không tìm thấy đảng viên này.")
    rules = rules_of(store)
    events = store.members.events_of(member_id)
    recognised = next((e for e in events if e.kind is EventKind.RECOGNISED), None)
    before = [e for e in events if recognised is None or e.date < recognised.date]
    probation = probation_of(before, rules)
    if probation is None:
        raise ValidationError(f"{member.full_name}: không phải đảng viên dự bị.")
    vote = recognition_vote(events)
    in_favour, entitled = vote if vote else (None, None)
    return {
        "kind": RECOGNITION,
        "header": _header(store),
        "number": "",
        "blank_number": blank_number(store, RESOLUTION_TYPE),
        "issued": False,
        "date": today.isoformat(),
        "full_name": member.full_name,
        "birth_date": format_date(member.birth_date) if member.birth_date else "",
        "hometown": member.hometown,
        "admitted": format_date(probation.admitted),
        "probation_ends": format_date(probation.ends),
        "helper": helper_name(store, member_id, today),
        "vote": _vote(rules, entitled, None, in_favour),
        "source": str(rules.settings["vote_special_majority_at_least"].source),
    }


def helper_name(store: Store, member_id: int, on: date) -> str:
    """The probationer's helper on `on` (the latest assignment up to then)."""
    chosen = [h for h in store.growth.helpers() if h.member_id == member_id and h.assigned_on <= on]
    return _name(store, chosen[-1].helper_id) if chosen else ""


# --- numbers --------------------------------------------------------------------------------
def resolution_record(store: Store, kind: str, record_id: int, today: date) -> Record:
    """The resolution as issued (sealed), or as it prints now. A number given without its
    sealed record (a file brought in by an import that did not carry it) still prints."""
    record = (
        admission_record(store, record_id)
        if kind == ADMISSION
        else recognition_record(store, record_id, today)
    )
    if not record["issued"]:
        number = issued_number(store, RESOLUTION_TYPE, resolution_title(kind, record_id))
        if number is not None:
            record.update(number=number.text, date=number.issued_on.isoformat(), numbered=True)
    return record


def issue_resolution(store: Store, kind: str, record_id: int, today: date) -> tuple[str, Changes]:
    """Issue the resolution: the next NQ number of the term (unless the cell already wrote its
    own number on the candidate's record) and the record sealed — one transaction. Issuing again
    changes nothing and answers the number it has."""
    record = resolution_record(store, kind, record_id, today)
    if record["issued"]:
        return str(record["number"]), Changes()
    title = resolution_title(kind, record_id)
    with store.transaction():
        if not record["number"]:
            record["number"] = assign_next_number(
                store, RESOLUTION_TYPE, title, iso_date(record["date"])
            ).text
            if kind == ADMISSION:
                c = store.growth.candidate(record_id)
                if c is not None:
                    store.growth.update_candidate(replace(c, resolution_ref=record["number"]))
        record["issued"] = True
        keep_issued(store, RESOLUTION_TYPE, title, record)
    return str(record["number"]), Changes(growth=True)
