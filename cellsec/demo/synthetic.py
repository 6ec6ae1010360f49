"""Synthetic Vietnamese people for the demo cell and benchmarks (no real person's data)."""

from __future__ import annotations

import random
from datetime import date, timedelta

FAMILY = [
    "Nguyễn",
    "Trần",
    "Lê",
    "Phạm",
    "Hoàng",
    "Huỳnh",
    "Phan",
    "Vũ",
    "Võ",
    "Đặng",
    "Bùi",
    "Đỗ",
    "Hồ",
    "Ngô",
    "Dương",
    "Lý",
    "Đinh",
    "Lương",
    "Trịnh",
    "Đoàn",
    "Ưng",
    "Âu",
]
MIDDLE_MALE = ["Văn", "Đức", "Hữu", "Quang", "Minh", "Công", "Đình", "Xuân", "Thế", "Tiến", "Ngọc", "Bá"]
MIDDLE_FEMALE = ["Thị", "Thị Thu", "Thị Ngọc", "Thu", "Hồng", "Thị Mỹ", "Kim", "Thanh", "Ánh"]
GIVEN_MALE = [
    "Đức",
    "Dũng",
    "Hùng",
    "Cường",
    "Thắng",
    "Lợi",
    "Toàn",
    "Khải",
    "Hưng",
    "Tuấn",
    "Việt",
    "Đạt",
    "Sơn",
    "Quý",
    "Nghĩa",
    "Thành",
    "Ân",
    "Ẩn",
    "Ước",
    "Ơn",
    "Giáp",
    "Hải",
    "Khoa",
    "Lâm",
    "Phú",
    "Trọng",
    "Vĩnh",
    "Đông",
    "Bảo",
    "Ổn",
]
GIVEN_FEMALE = [
    "Hà",
    "Hằng",
    "Hương",
    "Lan",
    "Liên",
    "Mai",
    "Nga",
    "Ngọc",
    "Oanh",
    "Phượng",
    "Quỳnh",
    "Thảo",
    "Thủy",
    "Trang",
    "Uyên",
    "Yến",
    "Ánh",
    "Đào",
    "Ẩm",
    "Gấm",
    "Nhung",
    "Diệp",
    "Khuê",
    "Mỹ",
    "Ơn",
]
OCCUPATIONS = [
    "Nông dân",
    "Hưu trí",
    "Giáo viên",
    "Kinh doanh",
    "Công nhân",
    "Cán bộ xã",
    "Bác sĩ",
    "Lao động tự do",
    "Bộ đội xuất ngũ",
]
VILLAGES = ["thôn Tân Hồng", "thôn Đông Lộc", "thôn Yên Thế", "thôn Phú Mỹ"]


def person(rng: random.Random, sex: str) -> str:
    family = rng.choice(FAMILY)
    if sex == "nam":
        return f"{family} {rng.choice(MIDDLE_MALE)} {rng.choice(GIVEN_MALE)}"
    return f"{family} {rng.choice(MIDDLE_FEMALE)} {rng.choice(GIVEN_FEMALE)}"


def digits(rng: random.Random, n: int, leading: str = "0") -> str:
    return leading + "".join(str(rng.randint(0, 9)) for _ in range(n - len(leading)))


def phone(rng: random.Random) -> str:
    return rng.choice(["09", "03", "08", "07"]) + digits(rng, 8, "")


def day_between(rng: random.Random, start: date, end: date) -> date:
    span = max((end - start).days, 0)
    return start + timedelta(days=rng.randint(0, span))
