"""Legacy Vietnamese encodings: TCVN3 (ABC) and VNI text is recognised and converted to NFC."""

from __future__ import annotations

import unicodedata

import pytest

from cellsec.spreadsheets import legacy

NAMES = [
    "Nguyễn Văn Đức",
    "Trần Thị Hường",
    "Phạm Quốc Tuấn",
    "Đặng Văn Khải",
    "Vũ Đình Trường",
    "Dương Thị Nguyệt",
    "Lê Thị Thu Thủy",
    "Ngô Quang Huy",
    "Thôn Tân Hồng, xã Thanh Sơn",
    "Phật giáo",
    "Trung cấp",
    "NGUYỄN VĂN ĐỨC",
    "Nữ",
]


@pytest.mark.parametrize("text", NAMES)
def test_tcvn3_text_converts_back(text):
    encoded = legacy.to_tcvn3(text)
    assert encoded != text and encoded.isascii() is False
    decoded = legacy.decode(encoded)
    assert decoded.encoding == legacy.TCVN3
    assert decoded.text == text


@pytest.mark.parametrize("text", NAMES)
def test_vni_text_converts_back(text):
    decoded = legacy.decode(legacy.to_vni(text))
    assert decoded.encoding == legacy.VNI
    assert decoded.text == text


def test_known_samples():
    # GIVEN text as old files show it (font codes read as Latin-1)
    assert legacy.decode("NguyÔn V¨n §øc").text == "Nguyễn Văn Đức"
    assert legacy.decode("Tr\xadêng").text == "Trường"
    assert legacy.decode("Nguyeãn Vaên").text == "Nguyễn Văn"
    assert legacy.decode("Ñaëng Thò Hoàng").text == "Đặng Thị Hồng"


@pytest.mark.parametrize(
    "text", ["Lê Hà", "Tô Tú", "Võ Thị Sáu", "Hồ Chí Minh", "Kinh", "Không", "Nguyễn Văn A", "Trần Văn Bé"]
)
def test_unicode_text_is_left_alone(text):
    decoded = legacy.decode(text)
    assert decoded.text == text
    assert decoded.encoding == legacy.UNICODE


def test_decomposed_unicode_becomes_nfc():
    nfd = unicodedata.normalize("NFD", "Nguyễn Thị Ánh")
    decoded = legacy.decode(nfd)
    assert decoded.text == "Nguyễn Thị Ánh"
    assert unicodedata.is_normalized("NFC", decoded.text)


def test_a_tie_follows_the_prior_encoding():
    # "Tó" is a word as it is, and "Tú" read as TCVN3: the rest of the column decides.
    assert legacy.decode("Tó").text == "Tó"
    assert legacy.decode("Tó", prior=legacy.TCVN3).text == "Tú"
