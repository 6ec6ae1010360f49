"""The file name a printed document is saved under: plain ASCII the secretary recognises, such
as "Bien-ban-thang-11-2026.pdf". One function per document (cellsec.reports.catalogue)."""

from __future__ import annotations

from datetime import date

from cellsec.entities.meetings import Meeting, MeetingKind
from cellsec.reports.request import Request
from cellsec.store import Store
from cellsec.text import fold

_KIND_WORDS = {
    MeetingKind.REGULAR: "",
    MeetingKind.COMBINED: "",
    MeetingKind.THEMATIC: "chuyen-de-",
    MeetingKind.EXTRAORDINARY: "bat-thuong-",
    MeetingKind.COMMITTEE: "hop-chi-uy-",
}
_MONTHLY = (MeetingKind.REGULAR, MeetingKind.COMBINED, MeetingKind.THEMATIC)


def _meeting(store: Store, r: Request) -> Meeting | None:
    return store.meetings.get(r.meeting_id) if r.meeting_id is not None else None


def _day(d: date) -> str:
    return d.strftime("%d-%m-%Y")


def _when(m: Meeting) -> str:
    """A monthly meeting by its month, any other by its day."""
    d = m.date
    words = _KIND_WORDS.get(m.kind, "")
    return words + (f"thang-{d.month}-{d.year}" if m.kind in _MONTHLY else f"ngay-{_day(d)}")


def _on(r: Request) -> str:
    return _day(r.on or date.today())


def minutes(store: Store, r: Request) -> str:
    m = _meeting(store, r)
    return f"Bien-ban-{_when(m)}.pdf" if m is not None else f"Danh-sach-dang-vien-{_on(r)}.pdf"


def resolution(store: Store, r: Request) -> str:
    m = _meeting(store, r)
    return f"Nghi-quyet-{_when(m)}.pdf" if m is not None else f"Danh-sach-dang-vien-{_on(r)}.pdf"


def attendance(store: Store, r: Request) -> str:
    m = _meeting(store, r)
    return f"Danh-sach-du-hop-{_day(m.date) if m is not None else _on(r)}.pdf"


def book(_store: Store, r: Request) -> str:
    return f"So-bien-ban-nam-{r.year}.pdf"


def register(_store: Store, r: Request) -> str:
    return f"Danh-sach-dang-vien-{_on(r)}.pdf"


def superiors(_store: Store, r: Request) -> str:
    if r.period is None:
        return f"Danh-sach-dang-vien-{_on(r)}.pdf"
    start, end = (_day(d) for d in r.period)
    return f"Bao-cao-cap-tren-du-sinh-hoat-{start}-den-{end}.pdf"


def comments(store: Store, r: Request) -> str:
    person = store.liaison.get(r.liaison_id) if r.liaison_id is not None else None
    who = "-".join(w.capitalize() for w in fold(person.full_name if person else "").split())
    return f"Phieu-nhan-xet-{r.year}-{who or 'can-lam'}.pdf"


def liaison(_store: Store, r: Request) -> str:
    return f"So-theo-doi-noi-cu-tru-{_on(r)}.pdf"


def working_away(_store: Store, r: Request) -> str:
    return f"Danh-sach-di-lam-an-xa-{_on(r)}.pdf"


def invitation(store: Store, r: Request) -> str:
    m = _meeting(store, r)
    if m is None:
        return "Giay-moi-mau.pdf"
    return f"Giay-moi-{_when(m)}{'-tung-dang-vien' if r.per_member else ''}.pdf"


def todo(_store: Store, r: Request) -> str:
    on = r.on or date.today()
    return f"Viec-can-lam-thang-{on.month}-{on.year}.pdf"


def review_list(_store: Store, r: Request) -> str:
    return f"Ket-qua-xep-loai-dang-vien-nam-{r.the_year}.pdf"


def review_report(_store: Store, r: Request) -> str:
    return f"Bao-cao-kiem-diem-xep-loai-nam-{r.the_year}.pdf"


def review_sheets(_store: Store, r: Request) -> str:
    return f"Ban-tu-kiem-diem-Mau-2C-nam-{r.the_year}.pdf"


def candidates(_store: Store, r: Request) -> str:
    return f"Nguon-phat-trien-dang-vien-{_on(r)}.pdf"


def badge_round(store: Store, r: Request) -> str:
    from cellsec.rules.badges import next_award_dates
    from cellsec.services.members import rules_of

    award = next_award_dates(r.on or date.today(), rules_of(store), 1)[0]
    return f"De-nghi-Huy-hieu-Dang-dot-{_day(award)}.pdf"


# --- growth documents (issue 16) ------------------------------------------------------------
def _person(name: str) -> str:
    return "-".join(w.capitalize() for w in fold(name).split()) or "mau"


def _member_name(store: Store, r: Request) -> str:
    member = store.members.get(r.member_id) if r.member_id is not None else None
    return _person(member.full_name if member else "")


def admission_resolution(store: Store, r: Request) -> str:
    c = store.growth.candidate(r.candidate_id) if r.candidate_id is not None else None
    return f"Nghi-quyet-de-nghi-ket-nap-{_person(c.full_name if c else '')}.pdf"


def recognition_resolution(store: Store, r: Request) -> str:
    return f"Nghi-quyet-de-nghi-cong-nhan-chinh-thuc-{_member_name(store, r)}.pdf"


def helper_comment(store: Store, r: Request) -> str:
    return f"Nhan-xet-dang-vien-du-bi-{_member_name(store, r)}.pdf"


def badge_declaration(store: Store, r: Request) -> str:
    who = f"{_member_name(store, r)}-" if r.member_id is not None else ""
    return badge_round(store, r).replace("De-nghi-Huy-hieu-Dang-", f"Ban-khai-Huy-hieu-Dang-{who}")
