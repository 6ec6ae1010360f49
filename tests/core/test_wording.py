"""Generated sentences end once (issue 10.10): the secretary's own full stop is never doubled."""

from __future__ import annotations

import pytest

from cellsec.wording import clause, sentence, with_details


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Đã thực hiện xong", "Đã thực hiện xong."),
        ("Đã thực hiện xong.", "Đã thực hiện xong."),
        ("Đã thực hiện xong. ", "Đã thực hiện xong."),
        ("Đang làm…", "Đang làm…"),
        ("Đang làm...", "Đang làm..."),
        ("Có làm không?", "Có làm không?"),
        ("Tổ 3, tổ 4;", "Tổ 3, tổ 4."),
        ("Ghi: “đã xong.”", "Ghi: “đã xong.”"),
        ("Làm đường (xóm 3)", "Làm đường (xóm 3)."),
        ("Nơi cư trú: …", "Nơi cư trú: …"),
        ("", ""),
        ("  ", ""),
    ],
)
def test_a_sentence_ends_with_one_full_stop(text, expected):
    assert sentence(text) == expected


def test_a_clause_loses_its_full_stop_before_more_words():
    assert clause("Làm đường bê tông.") == "Làm đường bê tông"
    assert clause("Đang làm…") == "Đang làm…"
    assert (
        with_details("Làm đường bê tông.", ["phụ trách: Chi ủy.", ""])
        == "Làm đường bê tông (phụ trách: Chi ủy)."
    )
    assert with_details("Làm đường bê tông.", []) == "Làm đường bê tông."


def test_a_comment_sheet_prints_the_secretarys_full_stop_once(store):
    from factories import TODAY
    from test_document_layout import pages_of

    from cellsec.reports.catalogue import build_document
    from cellsec.reports.template import render
    from cellsec.services.liaison import fill_sheet, save_liaison

    # GIVEN a member living here whose address and comment end with a full stop
    liaison_id, _ = save_liaison(
        store,
        {
            "full_name": "Trần Văn Hải",
            "sex": "Nam",
            "birth_date": "12/04/1982",
            "category": "regular",
            "address": "Xóm 2, thôn Tân Hồng.",
            "workplace": "Trường THPT.",
            "workplace_party_org": "Chi bộ Trường THPT Thanh Sơn.",
            "received_date": "10/02/2024",
        },
        today=TODAY,
    )
    fill_sheet(store, liaison_id, 2026, {}, "Gương mẫu, nhiệt tình.", {}, today=TODAY)
    # WHEN the sheet is printed
    texts, _ = pages_of(
        render(build_document(store, "comments", year=2026, liaison_id=liaison_id, today=TODAY))
    )
    text = " ".join(texts)
    # THEN no sentence ends twice
    assert "Gương mẫu, nhiệt tình." in text and ".." not in text and "…." not in text
    assert "Nơi cư trú: Xóm 2, thôn Tân Hồng." in text
    assert "Cơ quan, đơn vị công tác: Trường THPT; tổ chức đảng: Chi bộ Trường THPT Thanh Sơn." in text
