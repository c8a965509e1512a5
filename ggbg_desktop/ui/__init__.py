"""The Qt editor: widgets, models over the schema, dialogs. Edits the report; never parses or checks."""

from . import pyside_fixes

pyside_fixes.install()
