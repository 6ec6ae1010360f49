"""The demo cell's residence-liaison register and its members working far away."""

from __future__ import annotations

from datetime import date, timedelta

from cellsec.dates import add_months, format_date
from cellsec.entities.liaison import LiaisonStatus
from cellsec.services.liaison import change_status, fill_sheet, record_request, save_gathering, save_liaison
from cellsec.services.register import load_register
from cellsec.services.working_away import add_contact, start_working_away
from cellsec.store import Store

_PEOPLE = (
    ("Trần Văn Hải", "Nam", "12/04/1982", "regular", "Trường THPT Thanh Sơn", "Chi bộ Trường THPT Thanh Sơn"),
    ("Nguyễn Thị Ngọc Diệp", "Nữ", "03/09/1988", "regular", "Trạm Y tế xã Thanh Sơn", "Chi bộ Trạm Y tế xã"),
    ("Đỗ Quang Khải", "Nam", "21/01/1979", "regular", "Công an xã Thanh Sơn", "Chi bộ Công an xã Thanh Sơn"),
    (
        "Lê Thu Trang",
        "Nữ",
        "30/06/2001",
        "student",
        "Học viện Chính trị khu vực I",
        "Chi bộ lớp Cao cấp lý luận chính trị",
    ),
    (
        "Phạm Đức Ước",
        "Nam",
        "08/08/1995",
        "armed_forces",
        "Trung đoàn 98, Sư đoàn 316",
        "Đảng ủy Trung đoàn 98",
    ),
    (
        "Hoàng Văn Ân",
        "Nam",
        "15/05/1975",
        "regular",
        "Chi nhánh Điện lực huyện cũ",
        "Chi bộ Điện lực Thanh Sơn",
    ),
)
_FULL = {"civic": 0, "ethics": 0, "gatherings": 0, "contact": 1, "movements": 1, "proposal": 1}


def create_demo_liaison(store: Store, today: date) -> None:
    y = today.year
    ids = []
    for i, (name, sex, born, category, workplace, org) in enumerate(_PEOPLE):
        received = add_months(today, -(40 - 6 * i))
        liaison_id, _ = save_liaison(
            store,
            {
                "full_name": name,
                "sex": sex,
                "birth_date": born,
                "category": category,
                "address": f"Xóm {i + 2}, thôn Tân Hồng",
                "phone": f"09{i}2{i}0{i}5{i}7{i}",
                "workplace": workplace,
                "workplace_party_org": org,
                "ggt_number": f"{20 + i}-GGT/ĐU",
                "ggt_date": format_date(received - timedelta(days=8)),
                "received_date": format_date(received),
            },
            today=today,
        )
        ids.append(liaison_id)
    change_status(
        store,
        ids[5],
        LiaisonStatus.RETIRED,
        format_date(add_months(today, -8)),
        "Nghỉ hưu, chuyển sinh hoạt về chi bộ thôn",
        today=today,
    )
    active = ids[:5]
    for months_ago, topic, present in (
        (17, "Thông báo tình hình kinh tế - xã hội của thôn", active[:4]),
        (11, "Lấy ý kiến về kế hoạch làm đường giao thông", active[:3]),
        (5, "Thông báo kết quả 6 tháng đầu năm", active[:3]),
    ):
        save_gathering(
            store,
            format_date(add_months(today, -months_ago)),
            "Nhà văn hóa thôn Tân Hồng",
            topic,
            [i for i in present if i in active],
            today=today,
        )
    for liaison_id in (ids[0], ids[1], ids[2], ids[5]):
        fill_sheet(
            store,
            liaison_id,
            y - 1,
            _FULL,
            "Gương mẫu, nhiệt tình với công việc chung.",
            {
                "front_met_date": format_date(date(y - 1, 11, 20)),
                "signed_date": format_date(date(y - 1, 11, 22)),
                "sent_date": format_date(date(y - 1, 11, 25)),
                "confirmed_date": format_date(date(y - 1, 11, 24)),
            },
            today=today,
        )
    ago = lambda days: format_date(max(today - timedelta(days=days), date(y, 1, 1)))  # noqa: E731
    fill_sheet(
        store,
        ids[0],
        y,
        _FULL,
        "Tích cực tham gia phong trào của thôn.",
        {"front_met_date": ago(12), "signed_date": ago(10), "sent_date": ago(8)},
        today=today,
    )
    record_request(store, ids[1], y, ago(19), "Đảng ủy Trung tâm Y tế", today=today)
    record_request(store, ids[3], y, ago(17), "Đảng ủy Học viện Chính trị khu vực I", today=today)
    _working_away(store, today)


def _working_away(store: Store, today: date) -> None:
    rows = [
        r
        for r in load_register(store, today)
        if r.state.on_roll
        and not r.state.exempted
        and not r.state.attached_out
        and r.state.standing.value == "full"
        and r.member.birth_date
        and r.member.birth_date.year > 1980
    ]
    plans = (
        ("exemption", -8, 12, "Bình Dương", "Công ty TNHH Giày da Thái Bình"),
        ("temporary_transfer", -10, 11, "Hà Nội", "Công ty Cổ phần Xây dựng số 4"),
    )
    for row, (arrangement, start_months, length, where, employer) in zip(rows[-2:], plans):
        start = add_months(today, start_months)
        record_id, _ = start_working_away(
            store,
            {
                "member_id": str(row.member.id),
                "arrangement": arrangement,
                "application_date": format_date(start.replace(day=1)),
                "start": format_date(start),
                "end": format_date(add_months(start, length)),
                "destination": where,
                "employer": employer,
                "reason": "Đi làm ăn xa để phát triển kinh tế gia đình",
                "contact": f"Điện thoại {row.member.phone}",
                "dues": "Nộp trước 6 tháng tại chi bộ",
                "decision_ref": "Nghị quyết chi bộ",
            },
            today=today,
        )
        add_contact(
            store,
            record_id,
            format_date(add_months(start, 3)),
            "Điện thoại",
            "Công việc ổn định, vẫn theo dõi tin tức của chi bộ qua Sổ tay đảng viên.",
            today=today,
        )
