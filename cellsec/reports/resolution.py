"""The resolution of a meeting (nghị quyết chi bộ), numbered "Số NN-NQ/CB"."""

from __future__ import annotations

from reportlab.platypus import Flowable

from cellsec.dates import long_date, month_year
from cellsec.reports.minutes import MinutesData, collect_minutes, task_line
from cellsec.reports.style import Sheet, load_sheet
from cellsec.reports.template import (
    Document,
    Header,
    cell_signature,
    frame_width,
    header_block,
    p,
    signature_row,
    title_block,
)
from cellsec.rules.counting import percent
from cellsec.services.members import rules_of
from cellsec.store import Store

_BASIS = (
    "Căn cứ Điều lệ Đảng Cộng sản Việt Nam;",
    "Căn cứ Quy định số 294-QĐ/TW ngày 26/5/2025 của Ban Chấp hành Trung ương về thi hành Điều lệ Đảng;",
)


def full_number(data: MinutesData, cell_code: str) -> str:
    """ "05-NQ/CB" as issued; a draft shows the blank the secretary fills by hand: "    -NQ/CB"."""
    return data.meeting.full_resolution_number or f"\u00a0\u00a0\u00a0\u00a0-NQ/{cell_code}"


def build_resolution(data: MinutesData, cell_code: str, sheet: Sheet, width: float) -> list[Flowable]:
    m = data.meeting
    period = month_year(
        m.date.month + 1 if m.date.month < 12 else 1, m.date.year if m.date.month < 12 else m.date.year + 1
    )
    summary = f"về chuyên đề “{m.topic}”" if m.kind.value == "thematic" else f"về nhiệm vụ {period}"
    story: list[Flowable] = [
        header_block(Header(data.profile, m.date, full_number(data, cell_code)), width, sheet),
        *title_block("NGHỊ QUYẾT", summary[0].upper() + summary[1:], sheet),
        *[p(line, "body", sheet) for line in _BASIS],
        p(f"Căn cứ kết quả {m.kind.label.lower()} {long_date(m.date)},", "body", sheet),
        p(f"{data.profile.cell_name.upper()} QUYẾT NGHỊ:", "heading", sheet),
    ]
    number = 0
    if m.resolution:
        number += 1
        story.append(p(f"{number}. {m.resolution}", "body", sheet))
    if m.tasks:
        number += 1
        story.append(p(f"{number}. Nhiệm vụ trọng tâm:", "lead_in", sheet))
        story += [p(task_line(t), "bullet", sheet) for t in m.tasks]
    number += 1
    story.append(
        p(
            f"{number}. Chi ủy chi bộ có trách nhiệm tổ chức, theo dõi, đôn đốc thực hiện "
            "nghị quyết; đảng viên trong chi bộ nghiêm túc thực hiện.",
            "body",
            sheet,
        )
    )
    for r in data.votes:
        if r.vote.kind.value == "resolution":
            share = r.share(r.vote.in_favour)
            story.append(
                p(
                    f"Nghị quyết được {r.vote.in_favour}/{r.eligible} đồng chí có quyền biểu "
                    f"quyết tán thành ({percent(share)}).",
                    "body",
                    sheet,
                )
            )
    secretary = data.profile.secretary
    story.append(
        signature_row(
            None,
            cell_signature(secretary),
            width,
            sheet,
            recipients=("Đảng ủy xã (b/c),", "Đảng viên trong chi bộ,", "Lưu chi bộ."),
        )
    )
    return story


def resolution_document(store: Store, meeting_id: int) -> Document:
    data = collect_minutes(store, meeting_id)
    code = str(rules_of(store)["document_type_code_cell"])
    doc = Document(title=f"Nghị quyết {full_number(data, code).strip()}", subject=data.profile.cell_name)
    doc.story = build_resolution(data, code, load_sheet(), frame_width(doc))
    return doc
