"""The Qt editor: widgets, models over the schema, dialogs. Edits the report; never parses or checks."""

from ..qt_runtime import guard_reference_bugs

guard_reference_bugs()
