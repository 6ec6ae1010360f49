"""The minutes of a meeting (biên bản sinh hoạt chi bộ) as a Party document."""

from __future__ import annotations

from dataclasses import dataclass
from xml.sax.saxutils import escape

from reportlab.platypus import Flowable, Spacer

from cellsec.codec.sealed_minutes import MinutesRecord
from cellsec.dates import format_date, long_date, month_year
from cellsec.entities.meetings import Meeting, MeetingKind, Task
from cellsec.entities.profile import CellProfile
from cellsec.entities.superiors import Direction
from cellsec.errors import ValidationError
from cellsec.reports.style import Sheet, load_sheet
from cellsec.reports.template import (
    Document,
    Header,
    Signature,
    frame_width,
    header_block,
    markup,
    p,
    signature_row,
    title_block,
)
from cellsec.rules.counting import RollCount, VoteResult, majority_words, percent
from cellsec.services.meetings import DIRECTIONS_ITEM
from cellsec.services.minutes_record import RecordCheck, check_record, direction_line, minutes_record
from cellsec.store import Store
from cellsec.wording import clause, sentence, with_details


@dataclass(frozen=True)
class MinutesData:
    """The minutes to print: the meeting's record (sealed once approved) and its check."""

    record: MinutesRecord
    check: RecordCheck

    @property
    def profile(self) -> CellProfile:
        return self.record.profile

    @property
    def meeting(self) -> Meeting:
        return self.record.meeting

    @property
    def count(self) -> RollCount:
        return self.record.count

    @property
    def votes(self) -> tuple[VoteResult, ...]:
        return self.record.votes

    @property
    def score(self) -> tuple[int, str] | None:
        return self.record.score

    @property
    def integrity(self) -> bool | None:
        """None: draft; False: the record no longer matches its approval."""
        return self.check.ok

    @property
    def criteria_labels(self) -> dict[str, str]:
        return dict(self.record.criteria_labels)

    @property
    def directions(self) -> tuple[Direction, ...]:
        return self.record.directions_given


def collect_minutes(store: Store, meeting_id: int) -> MinutesData:
    if store.profile.get() is None:
        raise ValidationError("Chưa có thông tin chi bộ (menu Chi bộ › Thông tin chi bộ).")
    record = minutes_record(store, meeting_id)
    return MinutesData(record=record, check=check_record(store, meeting_id))


def clock(hhmm: str) -> str:
    if not hhmm:
        return "… giờ … phút"
    hours, minutes = hhmm.split(":")
    return f"{hours} giờ {minutes} phút"


def summary_line(m: Meeting) -> str:
    return f"{m.kind.title_words} {month_year(m.date.month, m.date.year).upper()}"


def _names(entries, with_reason: bool) -> str:
    if not entries:
        return ""
    parts = [f"{e.name} ({e.reason})" if with_reason and e.reason else e.name for e in entries]
    return ": đồng chí " + ", ".join(parts)


def roll_paragraphs(c: RollCount, sheet: Sheet, committee: bool = False) -> list[Flowable]:
    if committee:  # a committee meeting: its roll is the committee on the date
        lines = [
            f"- Tổng số chi ủy viên: {c.total} đồng chí.",
            f"- Có mặt: {c.present} đồng chí.",
            f"- Vắng có lý do: {len(c.absent_reason)} đồng chí{_names(c.absent_reason, True)}.",
            f"- Vắng không lý do: {len(c.absent_no_reason)} đồng chí{_names(c.absent_no_reason, False)}.",
        ]
        return [p(line, "bullet", sheet) for line in lines]
    lines = [
        f"- Tổng số đảng viên của chi bộ: {c.total} đồng chí (chính thức: {c.full}, "
        f"dự bị: {c.probationary}).",
        f"- Số đảng viên được miễn công tác và sinh hoạt đảng: {c.exempted} đồng chí.",
        f"- Số đảng viên sinh hoạt tạm thời nơi khác: {c.attached_out} đồng chí.",
        f"- Số đảng viên nơi khác sinh hoạt tạm thời tại chi bộ: {c.guests} đồng chí.",
        f"- Có mặt: {c.present} đồng chí (chính thức: {c.present_full}, dự bị: "
        f"{c.present_probationary}, sinh hoạt tạm thời: {c.present_guests}).",
        f"- Vắng có lý do: {len(c.absent_reason)} đồng chí{_names(c.absent_reason, True)}.",
        f"- Vắng không lý do: {len(c.absent_no_reason)} đồng chí{_names(c.absent_no_reason, False)}.",
        f"- Số đảng viên có quyền biểu quyết: {c.eligible_voters} đồng chí (có mặt: "
        f"{c.eligible_present} đồng chí).",
    ]
    return [p(line, "bullet", sheet) for line in lines]


def task_line(t: Task) -> str:
    """A task for next month as the minutes and the resolution print it, one sentence."""
    return with_details(
        f"- {t.content}",
        [
            f"phụ trách: {t.owner}" if t.owner else "",
            f"thời hạn: {format_date(t.deadline)}" if t.deadline else "",
        ],
    )


def vote_paragraph(r: VoteResult, rules: dict, sheet: Sheet) -> Flowable:
    v, n = r.vote, r.eligible
    try:
        rule = majority_words(rules, v.kind.needs_two_thirds)
    except ValidationError:
        rule = "đa số theo quy định"
    outcome = "được thông qua" if r.passed else "không được thông qua"
    return p(
        f"- {v.subject}: tán thành {v.in_favour}/{n} đồng chí ({percent(r.share(v.in_favour))}); "
        f"không tán thành {v.against}/{n} ({percent(r.share(v.against))}); ý kiến khác "
        f"{v.other}/{n} ({percent(r.share(v.other))}). Kết quả: {outcome} (cần {rule} số "
        f"đảng viên có quyền biểu quyết, tối thiểu {r.needed}).",
        "bullet",
        sheet,
    )


def build_minutes(data: MinutesData, sheet: Sheet, width: float) -> list[Flowable]:
    m, c = data.meeting, data.count
    story: list[Flowable] = [header_block(Header(data.profile, m.date), width, sheet)]
    if data.integrity is None:
        story.append(p("BẢN NHÁP — biên bản chưa được thông qua", "note", sheet))
    elif data.integrity is False:
        story.append(
            p(
                "CẢNH BÁO: nội dung lưu trong tệp dữ liệu không còn khớp với bản đã được "
                "thông qua. " + data.check.message,
                "note",
                sheet,
            )
        )
    story += title_block("BIÊN BẢN", summary_line(m), sheet)
    if m.kind.is_thematic and m.topic:
        story.append(p(f"Chuyên đề: {m.topic}", "summary", sheet))
    story += [
        p(
            f"Hôm nay, vào lúc {clock(m.start_time)}, {long_date(m.date)}, tại {m.place or '…'}, "
            f"{data.profile.cell_name} tiến hành {m.kind.label.lower()}.",
            "body",
            sheet,
        ),
        p(f"Chủ trì: đồng chí {m.chair or '…'}. Thư ký: đồng chí {m.recorder or '…'}.", "body", sheet),
        p("I. THÀNH PHẦN", "heading", sheet),
        *roll_paragraphs(c, sheet, m.kind is MeetingKind.COMMITTEE),
    ]
    superiors = [g for g in m.guests if g.is_superior]
    others = [g for g in m.guests if not g.is_superior]
    if superiors:
        story.append(
            p(
                "- Đại biểu cấp ủy cấp trên dự: "
                + "; ".join(f"đồng chí {g.name}" + (f", {g.title}" if g.title else "") for g in superiors)
                + ".",
                "bullet",
                sheet,
            )
        )
    if others:
        story.append(
            p(
                "- Khách mời: "
                + "; ".join(f"đồng chí {g.name}" + (f", {g.title}" if g.title else "") for g in others)
                + ".",
                "bullet",
                sheet,
            )
        )
    if m.purpose:
        story.append(p(m.purpose, "body", sheet))
    story.append(p("II. NỘI DUNG", "heading", sheet))
    number = 0
    if m.reviews:
        number += 1
        story.append(p(f"{number}. Kiểm điểm việc thực hiện nhiệm vụ tháng trước", "heading", sheet))
        for r in m.reviews:
            task = clause(r.task.content) if r.task else ""
            owner = f" ({r.task.owner})" if r.task and r.task.owner else ""
            result = f": {r.result}" if r.result else ""
            story.append(p(sentence(f"- {task}{owner} — {r.status.label.lower()}{result}"), "bullet", sheet))
    reviewed = [direction_line(d, m) for d in data.record.directions_reviewed]
    if reviewed and not any(item.title == DIRECTIONS_ITEM for item in m.items):
        number += 1
        story.append(p(f"{number}. {DIRECTIONS_ITEM}", "heading", sheet))
        story += [p(line, "bullet", sheet) for line in reviewed]
    for item in m.items:
        number += 1
        story.append(p(f"{number}. {item.title}", "heading", sheet))
        if item.title == DIRECTIONS_ITEM:
            story += [p(line, "bullet", sheet) for line in reviewed]
        if item.content:
            story.append(p(item.content, "body", sheet))
        if item.opinions:
            story.append(p("Ý kiến phát biểu:", "lead_in", sheet))
            for o in item.opinions:
                who = f"{o.speaker} ({o.speaker_title})" if o.speaker_title else o.speaker
                story.append(p(f"- Đồng chí {who}: {o.content}", "bullet", sheet))
        if item.conclusion:
            story.append(markup("<i>Kết luận của chủ trì:</i> " + _esc(item.conclusion), "body", sheet))
    remarks = [g for g in m.guests if g.remarks]
    if remarks or data.directions:
        number += 1
        story.append(p(f"{number}. Ý kiến phát biểu, chỉ đạo của đại biểu", "heading", sheet))
        for g in remarks:
            story.append(
                p(
                    f"- Đồng chí {g.name}" + (f" ({g.title})" if g.title else "") + f": {g.remarks}",
                    "bullet",
                    sheet,
                )
            )
        if data.directions:
            story.append(p("Các ý kiến chỉ đạo chi bộ theo dõi thực hiện:", "lead_in", sheet))
            for d in data.directions:
                story.append(
                    p(
                        with_details(
                            f"- {d.text}",
                            [
                                f"đồng chí {d.given_by}",
                                f"phụ trách: {d.owner}" if d.owner else "",
                                f"thời hạn: {format_date(d.deadline)}" if d.deadline else "",
                            ],
                        ),
                        "bullet",
                        sheet,
                    )
                )
    if m.dues_status:
        story.append(p(f"Tình hình thu, nộp đảng phí: {m.dues_status}", "body", sheet))
    story.append(
        p(
            "III. NGHỊ QUYẾT VÀ NHIỆM VỤ THÁNG TỚI"
            if m.kind is not MeetingKind.COMMITTEE
            else "III. KẾT LUẬN",
            "heading",
            sheet,
        )
    )
    if m.resolution:
        story.append(p(m.resolution, "body", sheet))
    story += [p(task_line(t), "bullet", sheet) for t in m.tasks]
    if data.votes:
        story.append(p("Biểu quyết:", "lead_in", sheet))
        story += [vote_paragraph(r, data.record.rule_values, sheet) for r in data.votes]
    if data.score:
        total, rating = data.score
        details = "; ".join(f"{data.criteria_labels.get(k, k)}: {pts}" for k, pts in m.scores)
        story.append(
            p(
                f"Chi bộ tự đánh giá chất lượng buổi sinh hoạt: {total}/100 điểm, xếp loại "
                f"{rating} ({details}).",
                "body",
                sheet,
            )
        )
    story.append(
        p(
            f"Buổi sinh hoạt kết thúc vào lúc {clock(m.end_time)} cùng ngày. Biên bản đã "
            "được đọc lại cho chi bộ nghe và được nhất trí thông qua.",
            "body",
            sheet,
        )
    )
    story.append(
        signature_row(Signature(("THƯ KÝ",), m.recorder), Signature(("CHỦ TRÌ",), m.chair), width, sheet)
    )
    if m.corrections:
        story.append(Spacer(1, 10))
        story.append(p("GHI CHÚ ĐÍNH CHÍNH (sau khi thông qua)", "heading", sheet))
        for x in m.corrections:
            story.append(p(f"- Ngày {format_date(x.date)}: {x.text}", "bullet", sheet))
    return story


def _esc(text: str) -> str:
    return escape(text).replace("\n", "<br/>")


def minutes_document(store: Store, meeting_id: int) -> Document:
    data = collect_minutes(store, meeting_id)
    doc = Document(title=f"Biên bản {summary_line(data.meeting).lower()}", subject=data.profile.cell_name)
    doc.story = build_minutes(data, load_sheet(), frame_width(doc))
    return doc
