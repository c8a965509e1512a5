"""Reading input files: regular files only, whole, with a size limit that does not trust the file system,
and the ways a damaged zip archive fails."""

from __future__ import annotations

import os
import stat
import struct
import zipfile
from functools import cache
from pathlib import Path

from ..errors import UserError


@cache
def zip_errors() -> tuple[type[BaseException], ...]:
    """Everything zipfile raises on a damaged archive while opening it or reading a member: a
    flipped byte in the "version needed" field gives NotImplementedError, an odd flag RuntimeError."""
    return (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, RuntimeError, ValueError,
            OSError, EOFError, KeyError, IndexError, struct.error, UnicodeDecodeError)


def _kind(mode: int) -> str | None:
    """What a special file is, in words a clerk knows; None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "是一个文件夹，不是文件"
    if stat.S_ISFIFO(mode):
        return "是一个管道，不是普通文件，未读取"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "是一个设备，不是普通文件，未读取"
    if stat.S_ISSOCK(mode):
        return "是一个套接字，不是普通文件，未读取"
    return "不是普通文件，未读取"


def read_limited(path: str | os.PathLike, limit: int, error: type[UserError], too_large: str) -> bytes:
    """The bytes of a regular file, or ``error``: ``too_large`` (formatted with ``name`` and ``mb``)
    above ``limit`` bytes; a folder, pipe, device or socket (a link to one too) is never opened for reading.

    The size is checked before reading and again while reading (at most ``limit + 1`` bytes are read), since a
    file can grow, and /proc files report a size of 0."""
    path = Path(path)
    try:
        kind = _kind(path.stat().st_mode)  # follows links: a .txt pointing at /dev/zero is a device
        if kind:
            raise error(f"“{path}”{kind}")
        # O_NONBLOCK: a FIFO swapped in between stat and open must not block the open.
        flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
        fd = os.open(path, flags)
        with os.fdopen(fd, "rb") as handle:
            info = os.fstat(handle.fileno())
            kind = _kind(info.st_mode)
            if kind:
                raise error(f"“{path}”{kind}")
            if info.st_size > limit:
                raise error(too_large.format(name=path.name, mb=info.st_size // (1024 * 1024)))
            data = handle.read(limit + 1)
        if len(data) > limit:
            raise error(too_large.format(name=path.name, mb=len(data) // (1024 * 1024)))
        return data
    except FileNotFoundError:
        raise error(f"找不到文件“{path}”") from None
    except IsADirectoryError:
        raise error(f"“{path}”是一个文件夹，不是文件") from None
    except PermissionError:
        if path.is_dir():  # Windows refuses to open a folder with "permission denied"
            raise error(f"“{path}”是一个文件夹，不是文件") from None
        raise error(f"没有权限读取“{path.name}”，或文件正被其他程序独占") from None
    except OSError as exc:
        raise error(f"无法读取“{path.name}”：{exc.strerror or exc}") from None
