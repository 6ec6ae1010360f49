"""A year of the demo cell's meetings: monthly regular meetings and quarterly thematic ones,
approved in order, with opinions, tasks carried into the next month and a superior guest."""
from __future__ import annotations

import random
from dataclasses import replace
from datetime import date

from .dates import add_months
from .meeting_entities import (AgendaItem, Guest, Mark, MeetingKind, Opinion, ReviewStatus, Task,
                               Vote, VoteKind)
from .rules.counting import count_roll
from .services.meetings import approve_meeting, new_meeting, save_meeting
from .store import Store

_TOPICS = ("Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh về đoàn kết",
           "Chuyển đổi số trong thôn: dịch vụ công trực tuyến cho người dân",
           "Giữ gìn an ninh trật tự, phòng chống ma túy ở khu dân cư",
           "Xây dựng nông thôn mới kiểu mẫu, bảo vệ môi trường")
_TASKS = ("Vận động nhân dân tham gia vệ sinh đường làng, ngõ xóm",
          "Hoàn thành thu đảng phí và quỹ thôn",
          "Tuyên truyền cài đặt ứng dụng VNeID, dịch vụ công trực tuyến",
          "Thăm hỏi gia đình chính sách, người cao tuổi neo đơn",
          "Phối hợp Chi hội Nông dân triển khai sản xuất vụ mới",
          "Rà soát hộ nghèo, cận nghèo của thôn",
          "Chuẩn bị tổ chức Ngày hội Đại đoàn kết toàn dân tộc")
_OPINIONS = ("Nhất trí với báo cáo; đề nghị bổ sung kết quả làm đường bê tông.",
             "Đề nghị chi bộ quan tâm hơn đến việc sinh hoạt của đảng viên trẻ.",
             "Việc thu gom rác ở xóm 3 còn chậm, cần phân công cụ thể.",
             "Nhất trí, tôi nhận vận động các hộ xóm 2 góp ngày công.",
             "Đề nghị phổ biến kỹ hơn chủ trương mới của Đảng ủy xã.")


def create_demo_meetings(store: Store, today: date, months: int = 12, seed: int = 11) -> int:
    """Meetings for the `months` months before `today` (each approved). Returns how many."""
    rng = random.Random(seed)
    profile = store.profile.get()
    created = 0
    first = add_months(date(today.year, today.month, 5), -months)
    for i in range(months):
        when = add_months(first, i)
        kind = MeetingKind.COMBINED if when.month % 3 == 0 else MeetingKind.REGULAR
        m = new_meeting(store, kind, when)
        roll = list(m.roll)
        expected = [j for j, e in enumerate(roll) if e.expected]
        for j in rng.sample(expected, 3):
            roll[j] = replace(roll[j], mark=Mark.ABSENT_REASON,
                              reason=rng.choice(["Ốm", "Đi làm xa", "Việc gia đình"]))
        j = rng.choice(expected)
        if roll[j].mark is Mark.PRESENT:
            roll[j] = replace(roll[j], mark=Mark.ABSENT_NO_REASON)
        present = [e.name for e in roll if e.mark is Mark.PRESENT]
        items = []
        for item in m.items:
            opinions = tuple(Opinion(name, rng.choice(_OPINIONS))
                             for name in rng.sample(present, 2))
            items.append(replace(item, content="Đồng chí Bí thư trình bày báo cáo.",
                                 opinions=opinions, conclusion="Chi bộ thống nhất với các ý kiến."))
        eligible = count_roll(roll).eligible_voters
        end = "10:10" if kind is MeetingKind.COMBINED else "09:40"
        guests = ((Guest("Hoàng Minh Tuấn", "Đảng ủy viên, Phó Chủ tịch UBND xã", True,
                         "Đề nghị chi bộ tiếp tục làm tốt công tác vận động nhân dân."),)
                  if i % 2 == 0 else ())
        reviews = tuple(replace(r, status=ReviewStatus.DONE, result="Đã thực hiện xong.")
                        for r in m.reviews)
        m = replace(m, end_time=end, recorder=profile.deputy_secretary if profile else "",
                    topic=_TOPICS[(when.month // 3) % len(_TOPICS)] if kind.is_thematic else "",
                    topic_preparer="Lê Thị Hằng" if kind.is_thematic else "",
                    items=tuple(items), roll=tuple(roll), guests=guests, reviews=reviews,
                    dues_status="Đã thu đảng phí tháng trước của 100 % đảng viên phải đóng.",
                    resolution="Thống nhất các nhiệm vụ trọng tâm tháng tới như sau:",
                    tasks=tuple(Task(t, rng.choice(present), add_months(when, 1))
                                for t in rng.sample(_TASKS, 2)),
                    votes=(Vote(f"Nghị quyết tháng {when.month}/{when.year}", VoteKind.RESOLUTION,
                                eligible - 1, 0, 1),),
                    scores=(("preparation", 18), ("attendance", 17), ("procedure", 14),
                            ("content", 21), ("discussion", 17)))
        meeting_id, _ = save_meeting(store, m)
        approve_meeting(store, meeting_id)
        created += 1
    return created
