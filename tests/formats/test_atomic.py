"""Saving never corrupts the previous file."""

import os

import pytest

from ggbg_desktop.errors import ReportFileError
from ggbg_desktop.formats import native
from ggbg_desktop.formats.atomic import write_atomic


def test_failed_rename_leaves_old_file_and_no_temporary(report, tmp_path, monkeypatch):
    path = tmp_path / "r.ggbg"
    native.save(report, path)
    before = path.read_bytes()
    report.meta.organ = "改过的名称"

    def refuse(*args):
        raise PermissionError(13, "locked")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(ReportFileError) as info:
        native.save(report, path)
    assert "占用" in info.value.message
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.ggbg"]


def test_full_disk_leaves_old_file(report, tmp_path, monkeypatch):
    path = tmp_path / "r.ggbg"
    native.save(report, path)
    before = path.read_bytes()

    def no_space(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", no_space)
    with pytest.raises(ReportFileError, match="磁盘空间不足"):
        native.save(report, path)
    assert path.read_bytes() == before
    assert len(list(tmp_path.iterdir())) == 1


def test_missing_folder(tmp_path):
    with pytest.raises(ReportFileError, match="找不到文件夹"):
        write_atomic(tmp_path / "无此目录" / "a.ggbg", b"x", ReportFileError)


def test_read_only_or_locked_folder(tmp_path, monkeypatch):
    """Root ignores folder permissions, so the refusal is simulated where the OS would give it."""
    import tempfile

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    with pytest.raises(ReportFileError, match="权限"):
        write_atomic(tmp_path / "a.ggbg", b"x", ReportFileError)
    assert list(tmp_path.iterdir()) == []


def test_saving_keeps_permissions(tmp_path):
    path = tmp_path / "a.ggbg"
    path.write_bytes(b"old")
    path.chmod(0o640)
    write_atomic(path, b"new")
    assert path.read_bytes() == b"new"
    assert path.stat().st_mode & 0o777 == 0o640
