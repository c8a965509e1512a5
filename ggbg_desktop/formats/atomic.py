"""Write a file so that a crash or a full disk never leaves it half-written."""

from __future__ import annotations

import errno
import os
from pathlib import Path

from ..errors import UserError


def describe_os_error(exc: OSError, path: Path) -> str:
    """A Chinese sentence for what went wrong writing or reading ``path``."""
    name = path.name
    if isinstance(exc, PermissionError) or exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return f"无法写入“{name}”：文件被其他程序占用，或没有写入权限"
    if exc.errno == errno.ENOSPC:
        return f"无法写入“{name}”：磁盘空间不足"
    if isinstance(exc, FileNotFoundError) or exc.errno == errno.ENOENT:
        return f"找不到文件夹“{path.parent}”"
    if isinstance(exc, IsADirectoryError):
        return f"“{name}”是一个文件夹，不是文件"
    return f"无法写入“{name}”：{exc.strerror or exc}"


def write_atomic(path: str | os.PathLike, data: bytes, error: type[UserError] = UserError) -> None:
    """Replace ``path`` with ``data`` in one step: temporary file, flush, fsync, rename.

    Until the rename the previous file is untouched; after it the new one is complete.
    Failures raise ``error`` with a Chinese message and leave no temporary file behind.
    """
    import tempfile  # not at module level: it is heavy, and the window loads this module at start

    path = Path(path)
    directory = path.parent if str(path.parent) else Path(".")
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    except OSError as exc:
        raise error(describe_os_error(exc, path)) from exc
    try:
        with os.fdopen(fd, "wb") as tmp:
            tmp.write(data)
            tmp.flush()
            os.fsync(tmp.fileno())
        if path.exists():
            try:
                os.chmod(tmp_name, path.stat().st_mode & 0o777)
            except OSError:
                pass
        os.replace(tmp_name, path)
    except OSError as exc:
        try:
            os.unlink(tmp_name)
        except OSError:
            pass
        raise error(describe_os_error(exc, path)) from exc
    except BaseException:
        try:
            os.unlink(tmp_name)
        except OSError:
            pass
        raise
    _sync_directory(directory)


def _sync_directory(directory: Path) -> None:
    """Make the rename itself durable (POSIX; Windows has no directory handles for this)."""
    if os.name != "posix":
        return
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
