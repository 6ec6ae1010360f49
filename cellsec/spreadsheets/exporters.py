"""Ready-made spreadsheet exports: the member register as of a date, the meetings of a year,
the attendance of a meeting. Every list that can be exported is named in catalogue.py."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from cellsec.dates import format_date, years_months
from cellsec.errors import ValidationError
from cellsec.services.members import rules_of
from cellsec.services.minutes_record import meeting_counts
from cellsec.services.register import StatusFilter, filter_rows, load_register
from cellsec.spreadsheets.export import Column, Table, write_tables
from cellsec.store import Store


def write_table(path: str | Path, table: Table) -> int:
    return write_tables(path, [table])


# --- the member register -------------------------------------------------------------------------
MEMBER_COLUMNS = (
    Column("STT", "number", 6),
    Column("Họ và tên", "text"),
    Column("Giới tính", "text", 9),
    Column("Ngày sinh", "date", 12),
    Column("Quê quán", "text"),
    Column("Nơi thường trú", "text"),
    Column("Dân tộc", "text", 10),
    Column("Tôn giáo", "text", 10),
    Column("Nghề nghiệp", "text"),
    Column("Trình độ LLCT", "text", 12),
    Column("Số CCCD", "id", 15),
    Column("Số thẻ đảng viên", "id", 15),
    Column("Điện thoại", "id", 13),
    Column("Ngày vào Đảng", "date", 13),
    Column("Ngày chính thức", "date", 13),
    Column("Tuổi đảng", "text", 14),
    Column("Tình trạng", "text"),
    Column("Ghi chú", "text"),
)


def members_table(
    store: Store, on: date | None = None, status: StatusFilter | str = StatusFilter.ROLL
) -> Table:
    on = on or date.today()
    status = StatusFilter(status)
    rows = filter_rows(load_register(store, on), "", status)
    data: list[list[object]] = []
    for i, r in enumerate(rows, start=1):
        m = r.member
        data.append(
            [
                i,
                m.full_name,
                m.sex.label,
                m.birth_date,
                m.hometown,
                m.permanent_address,
                m.ethnicity,
                m.religion,
                m.occupation,
                m.political_theory,
                m.citizen_id,
                m.party_card_no,
                m.phone,
                r.admission_date,
                r.official_date,
                years_months(r.party_age_months) if r.admission_date else "",
                r.state.label,
                m.notes,
            ]
        )
    suffix = "" if status is StatusFilter.ROLL else f" — {status.label}"
    return Table(
        sheet="Đảng viên",
        columns=MEMBER_COLUMNS,
        rows=data,
        title=f"Danh sách đảng viên tính đến ngày {format_date(on)}{suffix}",
    )


# --- meetings ----------------------------------------------------------------------------------
MEETING_STATUS = {"draft": "Bản nháp", "approved": "Đã thông qua"}
MEETING_COLUMNS = (
    Column("Ngày", "date", 12),
    Column("Loại", "text", 26),
    Column("Tình trạng", "text", 14),
    Column("Số nghị quyết", "text", 14),
    Column("Có mặt", "number", 9),
    Column("Đảng số", "number", 9),
    Column("Có quyền biểu quyết", "number", 12),
    Column("Chủ trì", "text"),
    Column("Chuyên đề", "text"),
)


def meetings_table(store: Store, year: int) -> Table:
    rules = rules_of(store)
    data: list[list[object]] = []
    for header in store.meetings.list_between(date(year, 1, 1), date(year, 12, 31)):
        m = store.meetings.get(header.id or 0)
        if m is None:
            continue
        c = meeting_counts(store, m, rules)
        data.append(
            [
                m.date,
                m.kind.label,
                MEETING_STATUS.get(m.status, m.status),
                m.full_resolution_number,
                c.present,
                c.total,
                c.eligible_voters,
                m.chair,
                m.topic,
            ]
        )
    return Table(
        sheet=f"Sinh hoạt {year}",
        columns=MEETING_COLUMNS,
        rows=data,
        title=f"Các buổi sinh hoạt chi bộ năm {year}",
    )


# --- attendance of one meeting -------------------------------------------------------------------
CATEGORY_LABELS = {"full": "Chính thức", "probationary": "Dự bị", "guest": "SHTT đến"}
ATTENDANCE_COLUMNS = (
    Column("STT", "number", 6),
    Column("Họ và tên", "text"),
    Column("Diện", "text", 12),
    Column("Điểm danh", "text", 18),
    Column("Lý do", "text"),
    Column("Ghi chú", "text"),
)


def attendance_table(store: Store, meeting_id: int) -> Table:
    m = store.meetings.get(meeting_id)
    if m is None:
        raise ValidationError(f"Không tìm thấy buổi sinh hoạt số {meeting_id}.")
    data: list[list[object]] = []
    for i, e in enumerate(m.roll, start=1):
        remarks = [
            text
            for flag, text in (
                (e.exempted, "Miễn sinh hoạt"),
                (e.attached_out, "SHTT nơi khác"),
                (e.suspended, "Đình chỉ sinh hoạt"),
                (bool(e.reason) and not e.reason_accepted, "Lý do không được chấp nhận"),
            )
            if flag
        ]
        data.append(
            [
                i,
                e.name,
                CATEGORY_LABELS.get(e.category, e.category),
                e.mark.label,
                e.reason,
                ", ".join(remarks),
            ]
        )
    return Table(
        sheet=f"Điểm danh {format_date(m.date).replace('/', '-')}",
        columns=ATTENDANCE_COLUMNS,
        rows=data,
        title=f"Điểm danh — {m.kind.label} ngày {format_date(m.date)}",
    )


def export_members(
    store: Store, path: str | Path, on: date | None = None, status: StatusFilter | str = StatusFilter.ROLL
) -> int:
    return write_table(path, members_table(store, on, status))


def export_meetings(store: Store, path: str | Path, year: int) -> int:
    return write_table(path, meetings_table(store, year))


def export_attendance(store: Store, path: str | Path, meeting_id: int) -> int:
    return write_table(path, attendance_table(store, meeting_id))
