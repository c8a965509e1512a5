"""Typed errors a user can cause; each carries a Chinese message fit for a dialog."""


class UserError(Exception):
    """A problem with the user's file or input, not a programming error.

    ``message`` is one line of plain Chinese that the window shows in a dialog
    and the command line prints on stderr.
    """

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class ReportFileError(UserError):
    """A .ggbg file that cannot be read or written."""


class ImportRefused(UserError):
    """An input file that no reader can (or may safely) import."""


class ExportError(UserError):
    """An export that could not be written."""


class RolloverError(UserError):
    """Last year's report cannot be turned into this year's draft."""
