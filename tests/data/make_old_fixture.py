"""Make a data file with the CellSec code of the current directory (an old checkout), so a test
can upgrade it: the demo cell where that version has one, else a small synthetic cell."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

sys.path.insert(0, ".")

from cellsec.store import Store  # noqa: E402

TODAY = date(2026, 11, 22)
PROFILE = {
    "cell_name": "Chi bộ thôn Tân Hồng",
    "superior_name": "Đảng bộ xã Thanh Sơn",
    "place_name": "Thanh Sơn",
    "secretary": "Nguyễn Văn An",
}
PEOPLE = (
    ("Nguyễn Văn An", "nam", "12/03/1961", "03/02/1990", "03/02/1991"),
    ("Trần Thị Bình", "nu", "08/08/1975", "19/05/2001", "19/05/2002"),
    ("Lê Văn Cường", "nam", "01/01/1998", "10/10/2026", ""),
)


def small_cell(store: Store) -> None:
    from cellsec.services.member_form import MEMBER_LABELS
    from cellsec.services.members import add_member
    from cellsec.services.profile import save_profile

    save_profile(store, {**PROFILE, "deputy_secretary": "", "term_label": "", "term_start": ""})
    for name, sex, born, admitted, official in PEOPLE:
        form = {k: "" for k in MEMBER_LABELS}
        form.update(full_name=name, sex=sex, birth_date=born)
        add_member(
            store,
            form,
            {"entry_kind": "admitted", "admission_date": admitted, "official_date": official},
            today=TODAY,
        )


def main(out: Path) -> None:
    with Store.open(out) as store:
        try:
            from cellsec.demo import create_demo
        except ImportError:
            small_cell(store)
        else:
            create_demo(store, today=TODAY)
        print(out, "schema", store.schema_version, "members", store.members.count())


if __name__ == "__main__":
    main(Path(sys.argv[1]))
