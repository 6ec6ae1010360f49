"""Rule settings: shipped defaults with their legal source, overridden per cell in the data file."""

from __future__ import annotations

import json
from dataclasses import dataclass
from importlib import resources
from typing import Any


@dataclass(frozen=True)
class RuleSetting:
    key: str
    value: Any
    default: Any
    label: str
    source: str
    verified: bool

    @property
    def overridden(self) -> bool:
        return bool(self.value != self.default)


def default_settings() -> dict[str, RuleSetting]:
    raw = json.loads((resources.files("cellsec.rules") / "defaults.json").read_text("utf-8"))
    return {
        k: RuleSetting(k, v["value"], v["value"], v["label"], v["source"], v["verified"])
        for k, v in raw.items()
    }


@dataclass(frozen=True)
class Rules:
    """The settings in force for one cell: defaults with the cell's overrides applied."""

    settings: dict[str, RuleSetting]

    @classmethod
    def with_overrides(cls, overrides: dict[str, Any]) -> Rules:
        merged = {}
        for key, setting in default_settings().items():
            if key in overrides:
                setting = RuleSetting(
                    key, overrides[key], setting.default, setting.label, setting.source, setting.verified
                )
            merged[key] = setting
        return cls(merged)

    @classmethod
    def defaults(cls) -> Rules:
        return cls(default_settings())

    def __getitem__(self, key: str) -> Any:
        return self.settings[key].value
