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
    real_open = os.open

    def refuse(name, flags, *args, **kwargs):
        if flags & os.O_CREAT:
            raise PermissionError(13, "Permission denied")
        return real_open(name, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", refuse)
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


# ---- issue 14 / issue 12 item 6: links, read-only targets, permissions ----------------------


def test_saving_through_a_symlink_writes_the_file_it_points_to(tmp_path):
    real = tmp_path / "archive" / "a.ggbg"
    real.parent.mkdir()
    real.write_bytes(b"old")
    link = tmp_path / "a.ggbg"
    link.symlink_to(real)
    write_atomic(link, b"new")
    assert link.is_symlink()
    assert real.read_bytes() == b"new"
    assert sorted(p.name for p in real.parent.iterdir()) == ["a.ggbg"]


def test_a_read_only_target_is_not_replaced_without_asking(tmp_path):
    from ggbg_desktop.errors import ExportError
    from ggbg_desktop.formats.atomic import ReadOnlyTarget

    path = tmp_path / "a.ggbg"
    path.write_bytes(b"old")
    path.chmod(0o444)
    with pytest.raises(ReadOnlyTarget, match="只读") as info:
        write_atomic(path, b"new", ReportFileError)
    assert isinstance(info.value, ReportFileError) and isinstance(info.value, ExportError)
    assert info.value.path == path
    assert path.read_bytes() == b"old"
    assert list(tmp_path.iterdir()) == [path]
    write_atomic(path, b"new", ReportFileError, overwrite_read_only=True)
    assert path.read_bytes() == b"new"
    assert path.stat().st_mode & 0o777 == 0o444  # still read-only: the clerk allowed this one write


def _umask(value):
    old = os.umask(value)
    return old


@pytest.mark.parametrize("umask, mode", [(0o022, 0o644), (0o002, 0o664), (0o077, 0o600)])
def test_new_files_get_the_permissions_the_umask_gives(tmp_path, umask, mode, report):
    """Issue 12 item 6: files were created 0600 whatever the umask (mkstemp), so a published HTML export
    could not be read by the web server."""
    from ggbg_desktop.formats import registry

    old = _umask(umask)
    try:
        write_atomic(tmp_path / "a.ggbg", b"x")
        native.save(report, tmp_path / "b.ggbg")
        registry.write_path(report, tmp_path / "c.html")
    finally:
        os.umask(old)
    for name in ("a.ggbg", "b.ggbg", "c.html"):
        assert (tmp_path / name).stat().st_mode & 0o777 == mode, name


def test_export_to_a_read_only_file_is_refused_in_the_cli(tmp_path, report):
    from ggbg_desktop import cli

    source = tmp_path / "r.ggbg"
    native.save(report, source)
    target = tmp_path / "r.html"
    target.write_text("old", encoding="utf-8")
    target.chmod(0o444)
    assert cli.main(["convert", str(source), str(target)]) == 2
    assert target.read_text(encoding="utf-8") == "old"
