"""Reading input files: whole files with a size limit, and the ways a damaged zip archive fails."""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path

from ..errors import UserError


@cache
def zip_errors() -> tuple[type[BaseException], ...]:
    """Everything zipfile raises on a damaged archive while opening it or reading a member: a
    flipped byte in the "version needed" field gives NotImplementedError, an odd flag RuntimeError.
    (A function so that reading a .ggbg does not import zipfile.)"""
    import struct
    import zipfile

    return (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, RuntimeError, ValueError,
            OSError, EOFError, KeyError, IndexError, struct.error, UnicodeDecodeError)


def read_limited(path: str | os.PathLike, limit: int, error: type[UserError], too_large: str) -> bytes:
    """The file's bytes, or ``error`` — ``too_large`` (formatted with ``name`` and ``mb``) above ``limit``."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > limit:
            raise error(too_large.format(name=path.name, mb=size // (1024 * 1024)))
        return path.read_bytes()
    except FileNotFoundError:
        raise error(f"找不到文件“{path}”") from None
    except IsADirectoryError:
        raise error(f"“{path}”是一个文件夹，不是文件") from None
    except PermissionError:
        raise error(f"没有权限读取“{path.name}”，或文件正被其他程序独占") from None
    except OSError as exc:
        raise error(f"无法读取“{path.name}”：{exc.strerror or exc}") from None
