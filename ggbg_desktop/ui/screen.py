"""Sizing windows and dialogs to the screen they are on (office laptops have 1366×768)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget


def fit_to_screen(widget: QWidget, width: int, height: int) -> None:
    """Resize ``widget`` to width × height, or less where its screen is smaller."""
    screen = widget.screen()
    if screen is not None:
        available = screen.availableGeometry()
        width = min(width, available.width() - 40)
        height = min(height, available.height() - 60)
    widget.resize(width, height)
