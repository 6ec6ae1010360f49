"""The growth lists printed through the report catalogue (the same entries `cellsec render` uses):
the candidates' register and a badge round's proposal list, on the demo cell."""

from __future__ import annotations

import io
import json
from contextlib import redirect_stdout

import pytest
from factories import TODAY
from test_reports import pdf_text

from cellsec.cli.main import main
from cellsec.demo.cell import create_demo
from cellsec.reports.catalogue import build_document, document_file_name
from cellsec.reports.template import render


@pytest.fixture
def demo(store):
    create_demo(store, today=TODAY, meetings=False)
    return store


def _pdf(store, key, **options) -> str:
    out = io.BytesIO()
    render(build_document(store, key, **options), out)
    return pdf_text(out.getvalue())[0]


def test_the_candidates_list_shows_each_stage_and_what_comes_next(demo):
    text = _pdf(demo, "candidates", on=TODAY)
    assert "DANH SÁCH QUẦN CHÚNG ƯU TÚ (NGUỒN PHÁT TRIỂN ĐẢNG VIÊN)" in text
    assert "3 quần chúng ưu tú" in text
    for name in ("Đinh Thị Mai", "Lường Văn Phúc", "Sầm Văn Toàn"):
        assert name in text
    assert "Đặng Văn Khải, Lê Thị Hằng" in text  # the introducers
    assert "Quyết định kết nạp của Đảng ủy" in text  # Mai's next step
    assert "hết hạn ngày" in text  # Toàn's certificate


def test_the_badge_round_lists_the_member_reaching_30_years(demo):
    # GIVEN the demo cell on 22/11/2026: the next award date is 3/2/2027
    text = _pdf(demo, "badge-round", on=TODAY)
    assert "DANH SÁCH ĐỀ NGHỊ TẶNG HUY HIỆU ĐẢNG ĐỢT 3/2/2027" in text
    assert "Hà Văn Thắng" in text and "30 năm" in text
    assert "hạn đề nghị: 05/11/2026" in text
    assert document_file_name(demo, "badge-round", on=TODAY) == "De-nghi-Huy-hieu-Dang-dot-03-02-2027.pdf"


@pytest.mark.slow
def test_the_cli_lists_candidates_and_a_badge_round(demo, tmp_path):
    path = str(demo.path)
    demo.close()
    out = io.StringIO()
    with redirect_stdout(out):
        assert main(["--data", path, "badges", "--round", "03/02/2027"]) == 0
    listed = json.loads(out.getvalue())
    assert [m["full_name"] for m in listed["members"]] == ["Hà Văn Thắng"]
    out = io.StringIO()
    with redirect_stdout(out):
        assert main(["--data", path, "candidates"]) == 0
    assert {c["full_name"] for c in json.loads(out.getvalue())} >= {"Đinh Thị Mai", "Sầm Văn Toàn"}
    pdf = tmp_path / "b.pdf"
    assert main(["--data", path, "render", "badge-round", "--as-of", "01/12/2026", "-o", str(pdf)]) == 0
    assert pdf.stat().st_size > 1000
