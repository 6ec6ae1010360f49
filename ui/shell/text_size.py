"""Text size (100–175 %): the font, row heights, drop-down rows and check boxes grow together."""

from __future__ import annotations

import re

from PySide6.QtCore import QSize
from PySide6.QtGui import QAction, QActionGroup, QFontMetrics, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QHeaderView,
    QMenu,
    QProxyStyle,
    QStyle,
    QStyleOption,
    QWidget,
)

from ui.shell.settings import AppSettings
from ui.shell.theme import BASE_POINT_SIZE, STYLE_SHEET

SCALES = (100, 125, 150, 175)  # per cent; Ctrl++ / Ctrl+− step through them
DEFAULT_SCALE = 100
_INDICATORS = (
    QStyle.PixelMetric.PM_IndicatorWidth,
    QStyle.PixelMetric.PM_IndicatorHeight,
    QStyle.PixelMetric.PM_ExclusiveIndicatorWidth,
    QStyle.PixelMetric.PM_ExclusiveIndicatorHeight,
)


def clamp_scale(value: object) -> int:
    """A remembered or asked-for size, kept to one of SCALES (the nearest)."""
    try:
        number = int(float(str(value)))
    except ValueError:
        return DEFAULT_SCALE
    return min(SCALES, key=lambda s: abs(s - number))


def row_height(metrics: QFontMetrics) -> int:
    """The height of one table or drop-down row for text of these metrics: roomy for a mouse."""
    return metrics.height() + max(10, metrics.height() // 2)


def scaled_style_sheet(scale: int) -> str:
    """The look's style sheet with its vertical paddings grown like the text; the horizontal
    ones stay, so a row of buttons at 150 % still fits a 1366-pixel screen."""

    def grow(match: re.Match[str]) -> str:
        return f"padding: {round(int(match.group(1)) * scale / 100)}px {match.group(2)}px"

    return re.sub(r"padding: (\d+)px (\d+)px", grow, STYLE_SHEET)


class ScaledStyle(QProxyStyle):
    """The platform's style with check boxes, radio buttons, table rows and drop-down rows
    sized for the current text size (Qt sizes those in pixels, not from the font)."""

    def __init__(self, base: str, scale: int = DEFAULT_SCALE) -> None:
        super().__init__(base)
        self.scale = scale

    def pixelMetric(
        self, metric: QStyle.PixelMetric, option: QStyleOption | None = None, widget: QWidget | None = None
    ) -> int:
        value = super().pixelMetric(metric, option, widget)
        if metric in _INDICATORS:
            return round(value * self.scale / 100)
        if metric == QStyle.PixelMetric.PM_HeaderDefaultSectionSizeVertical:
            return max(value, row_height(QFontMetrics(QApplication.font())))
        return value

    def sizeFromContents(
        self, kind: QStyle.ContentsType, option: QStyleOption, size: QSize, widget: QWidget | None = None
    ) -> QSize:
        result = super().sizeFromContents(kind, option, size, widget)
        if kind == QStyle.ContentsType.CT_MenuItem and isinstance(widget, QComboBox):
            # A drop-down's rows: Qt's own are ~18 px whatever the text size.
            result.setHeight(max(result.height(), row_height(widget.fontMetrics())))
        return result


class TextSize:
    """Applies and remembers (per PC account, in AppSettings) the text size of the whole app."""

    def __init__(self, app: QApplication, settings: AppSettings, *, apply: bool = True) -> None:
        """`apply`: set the remembered size now (start-up does, before any window is built);
        otherwise the app is left as it is until the size is changed."""
        self._app = app
        self._settings = settings
        self.scale = clamp_scale(settings.text_scale)
        self._actions: dict[int, QAction] = {}
        if apply:
            self._apply(self.scale, previous=None)

    def _scaled_style(self) -> ScaledStyle:
        current = self._app.style()
        if isinstance(current, ScaledStyle):
            return current
        style = ScaledStyle(current.name())
        self._app.setStyle(style)
        return style

    def set_scale(self, scale: int) -> None:
        scale = clamp_scale(scale)
        if scale == self.scale:
            return
        previous, self.scale = self.scale, scale
        self._settings.set_text_scale(scale)
        self._apply(scale, previous)
        for value, action in self._actions.items():
            action.setChecked(value == scale)

    def larger(self) -> None:
        self.set_scale(next((s for s in SCALES if s > self.scale), SCALES[-1]))

    def smaller(self) -> None:
        self.set_scale(next((s for s in reversed(SCALES) if s < self.scale), SCALES[0]))

    def reset(self) -> None:
        self.set_scale(DEFAULT_SCALE)

    def _apply(self, scale: int, previous: int | None) -> None:
        # Rows sized by hand (from the font when the table was built) grow in proportion.
        headers = [
            (h, h.defaultSectionSize())
            for h in (w for w in self._app.allWidgets() if isinstance(w, QHeaderView))
            if h.orientation().name == "Vertical"
        ]
        self._scaled_style().scale = scale
        font = self._app.font()
        font.setPointSizeF(BASE_POINT_SIZE * scale / 100)
        self._app.setFont(font)
        self._app.setStyleSheet(scaled_style_sheet(scale))  # re-polishes every widget
        if previous is None:
            return
        least = row_height(QFontMetrics(font))
        for header, old in headers:
            header.setDefaultSectionSize(max(least, round(old * scale / previous)))

    def add_to(self, menu: QMenu, parent: QWidget) -> None:
        """Cỡ chữ: larger, smaller, normal, and each size to pick."""
        for text, keys, slot in (
            ("&Phóng to chữ", QKeySequence.StandardKey.ZoomIn, self.larger),
            ("&Thu nhỏ chữ", QKeySequence.StandardKey.ZoomOut, self.smaller),
            ("Cỡ chữ &bình thường", None, self.reset),
        ):
            action = QAction(text, parent)
            if keys is not None:
                shortcuts = QKeySequence.keyBindings(keys)
                # Ctrl+= too: on most keyboards "+" needs Shift.
                extra = [QKeySequence("Ctrl+=")] if keys == QKeySequence.StandardKey.ZoomIn else []
                action.setShortcuts([*shortcuts, *extra])
            else:
                action.setShortcut(QKeySequence("Ctrl+0"))
            action.triggered.connect(lambda *_, s=slot: s())
            menu.addAction(action)
        menu.addSeparator()
        group = QActionGroup(parent)
        for value in SCALES:
            action = QAction(f"Cỡ chữ {value} %", parent, checkable=True)
            action.setChecked(value == self.scale)
            action.triggered.connect(lambda *_, v=value: self.set_scale(v))
            group.addAction(action)
            menu.addAction(action)
            self._actions[value] = action
