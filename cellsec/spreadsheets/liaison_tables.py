"""The residence-liaison register and the members working far away, as exportable tables."""

from __future__ import annotations

from datetime import date

from cellsec.dates import format_date
from cellsec.services.liaison import comment_list, members_in_order, participation
from cellsec.spreadsheets.export import Column, Table
from cellsec.store import Store

LIAISON_COLUMNS = (
    Column("STT", "number", 6),
    Column("Họ và tên", "text"),
    Column("Giới tính", "text", 9),
    Column("Ngày sinh", "date", 12),
    Column("Địa chỉ", "text"),
    Column("Điện thoại", "id", 13),
    Column("Nơi công tác", "text"),
    Column("Tổ chức đảng nơi công tác", "text"),
    Column("Số giấy giới thiệu", "text", 14),
    Column("Ngày giấy giới thiệu", "date", 13),
    Column("Ngày chi bộ nhận", "date", 13),
    Column("Diện (HD 33)", "text"),
    Column("Tình trạng", "text"),
    Column("Dự gặp mặt trong năm", "text", 12),
    Column("Phiếu nhận xét", "text", 16),
)
WORKING_AWAY_COLUMNS = (
    Column("STT", "number", 6),
    Column("Họ và tên", "text"),
    Column("Hình thức", "text"),
    Column("Ngày làm đơn", "date", 13),
    Column("Từ ngày", "date", 12),
    Column("Đến ngày", "date", 12),
    Column("Nơi đến", "text"),
    Column("Nơi làm việc", "text"),
    Column("Liên lạc", "text"),
    Column("Đảng phí", "text"),
    Column("Số lần liên lạc", "number", 10),
    Column("Lần liên lạc gần nhất", "text"),
    Column("Ngày trở về", "date", 12),
)


def liaison_table(store: Store, on: date | None = None, year: int | None = None) -> Table:
    on = on or date.today()
    year = year or on.year
    taking = participation(store, year)
    comments = {d.member.id: d for d in comment_list(store, year, on)}
    rows: list[list[object]] = []
    for i, m in enumerate(members_in_order(store), 1):
        status = m.status_on(on)
        came, expected = taking.get(m.id or 0, (0, 0))
        due = comments.get(m.id)
        rows.append(
            [
                i,
                m.full_name,
                m.sex.label,
                m.birth_date,
                m.address,
                m.phone,
                m.workplace,
                m.workplace_party_org,
                m.ggt_number,
                m.ggt_date,
                m.received_date,
                m.category.label,
                status.label if status else "",
                f"{came}/{expected}",
                due.state.label if due else "",
            ]
        )
    return Table(
        sheet="Nơi cư trú",
        columns=LIAISON_COLUMNS,
        rows=rows,
        title=f"Sổ theo dõi đảng viên giữ mối liên hệ nơi cư trú — {format_date(on)}",
    )


def working_away_table(store: Store, on: date | None = None) -> Table:
    on = on or date.today()
    rows: list[list[object]] = []
    for i, w in enumerate(store.liaison.working_away(), 1):
        last = w.contacts[-1] if w.contacts else None
        rows.append(
            [
                i,
                w.member_name,
                w.arrangement.label,
                w.application_date,
                w.start,
                w.end,
                w.destination,
                w.employer,
                w.contact,
                w.dues,
                len(w.contacts),
                f"{format_date(last.date)}: {last.note}" if last else "",
                w.returned_date,
            ]
        )
    return Table(
        sheet="Đi làm ăn xa",
        columns=WORKING_AWAY_COLUMNS,
        rows=rows,
        title=f"Danh sách đảng viên đi làm ăn xa — {format_date(on)}",
    )
