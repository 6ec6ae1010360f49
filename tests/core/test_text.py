"""Vietnamese text: NFC, search folding (đ, decomposed input) and the name sort order."""

from __future__ import annotations

import unicodedata

from cellsec.text import clean_name, fold, matches, name_sort_key, nfc, search_terms


def test_nfc_turns_decomposed_unikey_input_into_composed_text():
    decomposed = unicodedata.normalize("NFD", "Nguyễn Văn Đức")
    assert decomposed != "Nguyễn Văn Đức"
    assert nfc(decomposed) == "Nguyễn Văn Đức"


def test_clean_name_collapses_spaces_and_capitalises():
    assert clean_name("  nguyễn   văn  đức ") == "Nguyễn Văn Đức"
    assert clean_name("ĐẶNG THỊ ÁNH") == "Đặng Thị Ánh"


def test_fold_strips_every_diacritic_including_d_stroke():
    assert fold("Nguyễn Văn Đức") == "nguyen van duc"
    assert fold("ĐẶNG Thị Ẩn Ước Ơn") == "dang thi an uoc on"
    assert fold(unicodedata.normalize("NFD", "Đồng Hới")) == "dong hoi"


def test_search_matches_any_word_order_with_or_without_accents():
    haystack = fold("Nguyễn Văn Đức 012345678901 0912345678")
    for query in ("nguyen van duc", "duc nguyen", "ĐỨC", "Đức văn", "nguyễn", "0123", "345678"):
        assert matches(haystack, search_terms(query)), query
    for query in ("nguyen thi", "duc 999"):
        assert not matches(haystack, search_terms(query)), query


def test_search_terms_from_decomposed_query():
    assert search_terms(unicodedata.normalize("NFD", "Đức  Nguyễn")) == ["duc", "nguyen"]


def sort_names(names):
    return sorted(names, key=name_sort_key)


def test_names_sort_by_given_name_then_middle_then_family():
    names = ["Trần Văn Bình", "Nguyễn Thị An", "Lê Văn An", "Phạm Bá Cường"]
    assert sort_names(names) == ["Nguyễn Thị An", "Lê Văn An", "Trần Văn Bình", "Phạm Bá Cường"]


def test_vietnamese_alphabet_puts_modified_letters_after_their_base():
    # a < ă < â ; d < đ ; e < ê ; o < ô < ơ ; u < ư
    names = [
        "Lê Văn Ước",
        "Lê Văn Ân",
        "Lê Văn Đức",
        "Lê Văn Dũng",
        "Lê Văn Ăn",
        "Lê Văn An",
        "Lê Văn Ơn",
        "Lê Văn Ổn",
        "Lê Văn Oanh",
        "Lê Văn Út",
    ]
    assert sort_names(names) == [
        "Lê Văn An",
        "Lê Văn Ăn",
        "Lê Văn Ân",
        "Lê Văn Dũng",
        "Lê Văn Đức",
        "Lê Văn Oanh",
        "Lê Văn Ổn",
        "Lê Văn Ơn",
        "Lê Văn Út",
        "Lê Văn Ước",
    ]


def test_tones_only_break_ties_in_cldr_order():
    names = ["Lê Văn Ạn", "Lê Văn Án", "Lê Văn Ãn", "Lê Văn Ản", "Lê Văn Àn", "Lê Văn An"]
    assert sort_names(names) == ["Lê Văn An", "Lê Văn Àn", "Lê Văn Ản", "Lê Văn Ãn", "Lê Văn Án", "Lê Văn Ạn"]


def test_sort_is_the_same_for_decomposed_and_upper_case_input():
    assert name_sort_key(unicodedata.normalize("NFD", "ĐỖ THỊ ÁNH")) == name_sort_key("Đỗ Thị Ánh")


def test_same_given_name_stays_together_whatever_the_family_name():
    names = ["Phạm Thị Ánh", "Nguyễn Văn Anh", "Lê Anh"]
    assert sort_names(names) == ["Lê Anh", "Nguyễn Văn Anh", "Phạm Thị Ánh"]


def test_middle_names_compare_as_a_group_never_with_a_family_name():
    # GIVEN two women both called Ánh, one with a second middle name (issue 10.5)
    # WHEN the list is sorted THEN "Thị" alone comes before "Thị Ngọc", whatever the family name
    assert sort_names(["Lương Thị Ngọc Ánh", "Phạm Thị Ánh"]) == ["Phạm Thị Ánh", "Lương Thị Ngọc Ánh"]


def test_names_of_two_three_four_and_five_words_sort_given_middle_family():
    names = [
        "Tôn Nữ Thị Ngọc Ánh",  # five words: middles Nữ, Thị, Ngọc
        "Phạm Thị Ngọc Ánh",  # four words: middles Thị, Ngọc
        "Lương Thị Ánh",  # three words: middle Thị
        "Hà Ánh",  # two words: no middle name
        "Bùi Thị Ánh",  # same given and middle as Lương: family decides
        "Đinh Văn Bảo",
        "Âu Dương Thị Ngọc Ánh",
    ]  # five words, middles Dương, Thị, Ngọc
    assert sort_names(names) == [
        "Hà Ánh",
        "Âu Dương Thị Ngọc Ánh",
        "Tôn Nữ Thị Ngọc Ánh",
        "Bùi Thị Ánh",
        "Lương Thị Ánh",
        "Phạm Thị Ngọc Ánh",
        "Đinh Văn Bảo",
    ]


def test_a_one_word_name_sorts_as_a_given_name():
    assert sort_names(["Lê Văn Bình", "Bình", "An"]) == ["An", "Bình", "Lê Văn Bình"]
