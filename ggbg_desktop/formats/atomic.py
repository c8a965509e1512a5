"""Write a file so that a crash or a full disk never leaves it half-written."""

from __future__ import annotations

import contextlib
import errno
import os
import stat
from pathlib import Path

from ..errors import ExportError, ReportFileError, UserError


class ReadOnlyTarget(ReportFileError, ExportError):
    """The file to be replaced is read-only. Nothing was written; the window asks the clerk and may
    call again with ``overwrite_read_only=True``. (A save's and an export's error at once, so that
    callers catching either see it.)"""

    def __init__(self, message: str, path: Path):
        super().__init__(message)
        self.path = path


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


def resolve_target(path: str | os.PathLike) -> Path:
    """The file a save to ``path`` must change: through symbolic links to the file they point to, so
    that saving a linked report updates it rather than replacing the link with a copy."""
    path = Path(path)
    if path.is_symlink():
        return Path(os.path.realpath(path))
    return path


def is_read_only(path: Path) -> bool:
    """True for an existing file nobody may write: no write bit (root's os.access ignores those bits,
    Windows maps its read-only attribute to them) or no write access for us."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return False
    return stat.S_ISREG(mode) and (not mode & 0o222 or not os.access(path, os.W_OK))


def _create_temporary(directory: Path, name: str) -> tuple[int, str]:
    """A new empty file beside the target. Created with mode 0666 so the process umask decides the
    permissions, as for any file the clerk's other programs create (mkstemp would force 0600)."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0) | getattr(os, "O_NOINHERIT", 0)
    for _ in range(100):
        tmp_name = str(directory / f".{name}.{os.urandom(4).hex()}.tmp")
        try:
            return os.open(tmp_name, flags, 0o666), tmp_name
        except FileExistsError:
            continue
    raise FileExistsError(errno.EEXIST, "no temporary name free", str(directory))


def write_atomic(path: str | os.PathLike, data: bytes, error: type[UserError] = UserError, *,
                 overwrite_read_only: bool = False) -> None:
    """Replace ``path`` with ``data`` in one step: temporary file, flush, fsync, rename.

    Until the rename the previous file is untouched; after it the new one is complete. A symbolic
    link is followed (the file it points to is replaced); a read-only file raises
    :class:`ReadOnlyTarget` unless ``overwrite_read_only``. A replaced file keeps its permissions; a
    new one gets those the umask gives. Failures raise ``error`` with a Chinese message and leave no
    temporary file behind.
    """
    path = resolve_target(path)
    if path.is_dir():
        raise error(f"“{path}”是一个文件夹，不是文件")
    read_only = is_read_only(path)
    if read_only and not overwrite_read_only:
        raise ReadOnlyTarget(f"“{path.name}”是只读文件，未覆盖", path)
    directory = path.parent if str(path.parent) else Path(".")
    try:
        fd, tmp_name = _create_temporary(directory, path.name)
    except OSError as exc:
        raise error(describe_os_error(exc, path)) from exc
    try:
        with os.fdopen(fd, "wb") as tmp:
            tmp.write(data)
            tmp.flush()
            os.fsync(tmp.fileno())
        if path.exists():
            with contextlib.suppress(OSError):
                os.chmod(tmp_name, path.stat().st_mode & 0o7777)
            if read_only and os.name == "nt":  # Windows refuses to replace a read-only file
                os.chmod(path, stat.S_IWRITE | stat.S_IREAD)
        os.replace(tmp_name, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
        raise error(describe_os_error(exc, path)) from exc
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
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
