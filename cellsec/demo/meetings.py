"""A year of the demo cell's meetings: monthly regular meetings and quarterly thematic ones,
approved in order, with opinions, tasks carried into the next month and a superior guest."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import date, timedelta

from cellsec.dates import add_months, format_date
from cellsec.entities.meetings import (
    CommitteePost,
    Guest,
    Mark,
    MeetingKind,
    Opinion,
    ReviewStatus,
    Task,
    Vote,
    VoteKind,
)
from cellsec.entities.members import Standing
from cellsec.entities.superiors import DirectionStatus
from cellsec.rules.counting import count_meeting
from cellsec.services.committee import add_committee_role
from cellsec.services.meetings import approve_meeting, new_meeting, save_meeting
from cellsec.services.members import rules_of
from cellsec.services.register import load_register
from cellsec.services.superiors import add_direction, assign_follower, follow_up, record_notice, save_superior
from cellsec.store import Store

_TOPICS = (
    "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh về đoàn kết",
    "Chuyển đổi số trong thôn: dịch vụ công trực tuyến cho người dân",
    "Giữ gìn an ninh trật tự, phòng chống ma túy ở khu dân cư",
    "Xây dựng nông thôn mới kiểu mẫu, bảo vệ môi trường",
)
_TASKS = (
    "Vận động nhân dân tham gia vệ sinh đường làng, ngõ xóm",
    "Hoàn thành thu đảng phí và quỹ thôn",
    "Tuyên truyền cài đặt ứng dụng VNeID, dịch vụ công trực tuyến",
    "Thăm hỏi gia đình chính sách, người cao tuổi neo đơn",
    "Phối hợp Chi hội Nông dân triển khai sản xuất vụ mới",
    "Rà soát hộ nghèo, cận nghèo của thôn",
    "Chuẩn bị tổ chức Ngày hội Đại đoàn kết toàn dân tộc",
)
_DIRECTIONS = (
    "Vận động 100 % hộ gia đình ký cam kết không vi phạm an toàn giao thông",
    "Rà soát, đề nghị tặng Huy hiệu Đảng đợt 2/9 cho đảng viên đủ tiêu chuẩn",
    "Hoàn thành việc bồi dưỡng quần chúng ưu tú để kết nạp trong năm",
    "Đôn đốc thu nộp đảng phí đúng quy định mới",
)
_OPINIONS = (
    "Nhất trí với báo cáo; đề nghị bổ sung kết quả làm đường bê tông.",
    "Đề nghị chi bộ quan tâm hơn đến việc sinh hoạt của đảng viên trẻ.",
    "Việc thu gom rác ở xóm 3 còn chậm, cần phân công cụ thể.",
    "Nhất trí, tôi nhận vận động các hộ xóm 2 góp ngày công.",
    "Đề nghị phổ biến kỹ hơn chủ trương mới của Đảng ủy xã.",
)


def _demo_superiors(store: Store, since: date) -> tuple[int, int]:
    """The commune committee member assigned to follow the cell, and a provincial member."""
    follower, _ = save_superior(
        store,
        {
            "name": "Hoàng Minh Tuấn",
            "position": "Đảng ủy viên, Phó Chủ tịch UBND xã",
            "level": "commune",
            "committee": "Đảng ủy xã Thanh Sơn",
            "phone": "0912000111",
        },
    )
    provincial, _ = save_superior(
        store,
        {
            "name": "Trịnh Thu Hà",
            "position": "Tỉnh ủy viên, Phó Trưởng ban Tuyên giáo Tỉnh ủy",
            "level": "province",
            "committee": "Tỉnh ủy Phú Thọ",
        },
    )
    assign_follower(store, follower, format_date(since))
    return follower, provincial


def create_demo_meetings(store: Store, today: date, months: int = 12, seed: int = 11) -> int:
    """Meetings for the `months` months before `today` (each approved). Returns how many."""
    rng = random.Random(seed)
    profile = store.profile.get()
    rules = rules_of(store)
    created = 0
    follower, provincial = _demo_superiors(store, add_months(date(today.year, today.month, 1), -months - 1))
    follow_name = "Hoàng Minh Tuấn"
    if months and profile and profile.term_start:
        _demo_committee(store, profile.term_start)
    open_direction: int | None = None
    first = add_months(date(today.year, today.month, 5), -months)
    for i in range(months):
        when = add_months(first, i)
        kind = MeetingKind.COMBINED if when.month % 3 == 0 else MeetingKind.REGULAR
        m = new_meeting(store, kind, when)
        recorder = profile.deputy_secretary if profile else ""
        roll = list(m.roll)
        # The chair (the secretary) and the recorder are there: they sign the minutes.
        expected = [j for j, e in enumerate(roll) if e.expected and e.name not in (m.chair, recorder)]
        for j in rng.sample(expected, 3):
            roll[j] = replace(
                roll[j], mark=Mark.ABSENT_REASON, reason=rng.choice(["Ốm", "Đi làm xa", "Việc gia đình"])
            )
        j = rng.choice(expected)
        if roll[j].mark is Mark.PRESENT:
            roll[j] = replace(roll[j], mark=Mark.ABSENT_NO_REASON)
        present = [e.name for e in roll if e.mark is Mark.PRESENT]
        items = []
        for item in m.items:
            opinions = tuple(Opinion(name, rng.choice(_OPINIONS)) for name in rng.sample(present, 2))
            items.append(
                replace(
                    item,
                    content="Đồng chí Bí thư trình bày báo cáo.",
                    opinions=opinions,
                    conclusion="Chi bộ thống nhất với các ý kiến.",
                )
            )
        voters = count_meeting(roll, rules).eligible_present
        end = "10:10" if kind is MeetingKind.COMBINED else "09:40"
        guests: tuple[Guest, ...] = ()
        if i % 2 == 0:
            guests += (
                Guest(
                    follow_name,
                    "Đảng ủy viên, Phó Chủ tịch UBND xã",
                    True,
                    "Đề nghị chi bộ tiếp tục làm tốt công tác vận động nhân dân.",
                    follower,
                ),
            )
        if i in (3, 9):
            guests += (
                Guest(
                    "Trịnh Thu Hà",
                    "Tỉnh ủy viên",
                    True,
                    "Quan tâm phát triển đảng viên trong thanh niên.",
                    provincial,
                ),
            )
        reviews = tuple(replace(r, status=ReviewStatus.DONE, result="Đã thực hiện xong.") for r in m.reviews)
        m = replace(
            m,
            end_time=end,
            recorder=recorder,
            topic=_TOPICS[(when.month // 3) % len(_TOPICS)] if kind.is_thematic else "",
            topic_preparer="Lê Thị Hằng" if kind.is_thematic else "",
            items=tuple(items),
            roll=tuple(roll),
            guests=guests,
            reviews=reviews,
            dues_status="Đã thu đảng phí tháng trước của 100 % đảng viên phải đóng.",
            resolution="Thống nhất các nhiệm vụ trọng tâm tháng tới như sau:",
            tasks=tuple(Task(t, rng.choice(present), add_months(when, 1)) for t in rng.sample(_TASKS, 2)),
            votes=(
                Vote(f"Nghị quyết tháng {when.month}/{when.year}", VoteKind.RESOLUTION, voters - 1, 0, 1),
            ),
            scores=(
                ("preparation", 18),
                ("attendance", 17),
                ("procedure", 14),
                ("content", 21),
                ("discussion", 17),
            ),
        )
        meeting_id, _ = save_meeting(store, m)
        record_notice(
            store, meeting_id, follower, format_date(when.replace(day=2)), "Sổ tay đảng viên", today=today
        )
        if open_direction is not None:
            follow_up(store, open_direction, DirectionStatus.DONE, "Chi bộ đã thực hiện xong.", meeting_id)
            open_direction = None
        if guests:
            add_direction(
                store,
                meeting_id,
                {
                    "superior_id": str(guests[0].superior_id),
                    "owner": "Chi ủy",
                    "text": rng.choice(_DIRECTIONS),
                    "deadline": format_date(add_months(when, 1)),
                },
            )
            if i < months - 2:
                open_direction = store.superiors.directions(meeting_id=meeting_id)[0].id
        approve_meeting(store, meeting_id)
        created += 1
    if months:
        _committee_meeting(store, add_months(first, months - 1) + timedelta(days=20), rng)
        created += 1
    return created


def _demo_committee(store: Store, since: date) -> None:
    """The committee elected at the start of the term: secretary, deputy, two members."""
    profile = store.profile.get()
    rows = [
        r
        for r in load_register(store, since)
        if r.state.on_roll
        and not r.state.exempted
        and not r.state.attached_out
        and r.state.standing is Standing.FULL
    ]
    by_name = {r.member.full_name: r.member.id for r in rows}
    seats = [
        (by_name.get(profile.secretary if profile else ""), CommitteePost.SECRETARY),
        (by_name.get(profile.deputy_secretary if profile else ""), CommitteePost.DEPUTY),
    ]
    leaders = {seat[0] for seat in seats}
    others = [
        r.member.id
        for r in rows
        if r.member.id not in leaders and r.member.birth_date and r.member.birth_date.year <= 1978
    ]
    seats += [(member_id, CommitteePost.MEMBER) for member_id in others[:2]]
    for member_id, post in seats:
        if member_id is not None:
            add_committee_role(
                store,
                {
                    "member_id": str(member_id),
                    "post": post.value,
                    "start": format_date(since),
                    "note": "Đại hội chi bộ",
                },
            )


def _committee_meeting(store: Store, when: date, rng: random.Random) -> None:
    """A committee meeting preparing the next cell meeting (its roll: the committee)."""
    m = new_meeting(store, MeetingKind.COMMITTEE, when)
    present = [e.name for e in m.roll]
    items = tuple(
        replace(
            i,
            content="Đồng chí Bí thư nêu dự kiến nội dung sinh hoạt tháng tới.",
            opinions=(Opinion(present[-1], rng.choice(_OPINIONS)),),
            conclusion="Chi ủy thống nhất nội dung chuẩn bị.",
        )
        for i in m.items
    )
    meeting_id, _ = save_meeting(
        store,
        replace(
            m,
            start_time="14:00",
            end_time="15:30",
            place="Nhà văn hóa thôn Tân Hồng",
            recorder=present[1],
            items=items,
            resolution="Chi ủy thống nhất chuẩn bị nội dung sinh hoạt chi bộ tháng tới.",
        ),
    )
    approve_meeting(store, meeting_id)
