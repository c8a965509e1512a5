"""Files the running program reads (the user guide), shipped inside the package as package data.

Build-time artwork (the master icon) is not here: it lives in the top-level resources/ folder.
"""

from pathlib import Path

RESOURCE_DIR = Path(__file__).resolve().parent


def resource_path(name: str) -> Path:
    """Path of a file shipped with the program, e.g. ``resource_path("help/user-guide.md")``."""
    return RESOURCE_DIR / name
