"""Transitional: readers/html.py still imports text normalisation from here.

It lives in formats/normalize.py; delete this module once readers/html.py imports that.
"""

from ..normalize import collapse_spaces

__all__ = ["collapse_spaces"]
