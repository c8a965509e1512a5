"""Resource files (icons, help) shipped with the program."""

from pathlib import Path

RESOURCE_DIR = Path(__file__).resolve().parent


def resource_path(name: str) -> Path:
    """Path of a bundled resource file, e.g. ``resource_path("icons/app.svg")``."""
    return RESOURCE_DIR / name
