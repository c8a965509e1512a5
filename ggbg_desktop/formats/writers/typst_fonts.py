"""The font files Typst loads: only the faces of the families the layout may name, found once by a
full scan of the system's fonts and remembered in the user's cache folder until a font folder changes.

Typst reads every face of every font file it is given, and a CJK collection (Noto CJK's .ttc)
holds ten faces of which the layout uses one. A full scan costs about 0.15 s and the first
compile reads each face again; a folder holding just our faces (links to single-face files, a
face of a large collection copied out once) costs a tenth of that. The folder is rebuilt when
a font folder's or font file's modification time differs from the one remembered, so a font
the clerk installs is seen at the next start.
"""

from __future__ import annotations

import hashlib
import json
import os
import struct
import sys
from collections.abc import Iterable
from pathlib import Path

from .. import fonts

CACHE_VERSION = 1
# A collection with more faces than this has the face we use copied out (Noto CJK: 10 faces);
# SimSun's two-face simsun.ttc is linked as it is.
MAX_LINKED_FACES = 2


def cache_dir() -> Path | None:
    """The program's cache folder for this user (GGBG_CACHE_DIR overrides it), or None when unknown."""
    override = os.environ.get("GGBG_CACHE_DIR")
    if override:
        return Path(override)
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA")
        return Path(base) / "ggbg_desktop" / "Cache" if base else None
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "ggbg_desktop"
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "ggbg_desktop"


def font_roots() -> list[Path]:
    """The folders where the system's fonts live (Typst looks in these)."""
    if sys.platform == "win32":
        windir = os.environ.get("WINDIR") or os.environ.get("SYSTEMROOT") or r"C:\Windows"
        roots = [Path(windir) / "Fonts"]
        local = os.environ.get("LOCALAPPDATA")
        if local:
            roots.append(Path(local) / "Microsoft" / "Windows" / "Fonts")
        return roots
    home = Path.home()
    if sys.platform == "darwin":
        return [Path("/System/Library/Fonts"), Path("/Library/Fonts"), home / "Library" / "Fonts"]
    data_home = Path(os.environ.get("XDG_DATA_HOME") or home / ".local" / "share")
    return [Path("/usr/share/fonts"), Path("/usr/local/share/fonts"), data_home / "fonts", home / ".fonts"]


def wanted_families() -> set[str]:
    """Every family any role may use in either font set, lower-cased."""
    return {name.lower() for font_set in fonts.NAMES for role in fonts.FALLBACKS
            for name in fonts.candidates(role, font_set)}


def _mtime(path: Path) -> int | None:
    try:
        return os.stat(path).st_mtime_ns
    except OSError:
        return None


def _watched(paths: Iterable[str], roots: list[Path]) -> dict[str, int | None]:
    """Modification times of the font roots and of every folder between a root and a font file."""
    folders: set[Path] = set(roots)
    for path in paths:
        folder = Path(path).parent
        if not any(root == folder or root in folder.parents for root in roots):
            folders.add(folder)  # a font given by its own folder (a packaged font)
            continue
        while folder not in folders:  # up to the root, which is in already
            folders.add(folder)
            folder = folder.parent
    return {str(folder): _mtime(folder) for folder in sorted(folders)}


def _key() -> str:
    names = sorted(wanted_families())
    return hashlib.sha256(json.dumps([CACHE_VERSION, names]).encode()).hexdigest()[:16]


def _record_file() -> Path | None:
    base = cache_dir()
    return base / "fonts.json" if base else None


def cached_folder() -> str | None:
    """The folder of our faces remembered from an earlier scan, or None when there is none or a
    font folder or file changed since (then the caller scans and calls ``remember``)."""
    record_file = _record_file()
    if record_file is None:
        return None
    try:
        record = json.loads(record_file.read_text(encoding="utf-8"))
        if record.get("key") != _key():
            return None
        for folder, mtime in record["watched"].items():
            if _mtime(Path(folder)) != mtime:
                return None
        folder = Path(record["folder"])
        for name, (source, mtime) in record["files"].items():
            if _mtime(Path(source)) != mtime or not (folder / name).exists():
                return None
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return str(folder)


def _faces_in(path: str) -> int:
    """How many faces a font file holds (1 unless it is a collection)."""
    try:
        with open(path, "rb") as f:
            head = f.read(12)
    except OSError:
        return 1
    if head[:4] != b"ttcf" or len(head) < 12:
        return 1
    return struct.unpack(">I", head[8:12])[0]


def extract_face(source: str, index: int, target: Path) -> None:
    """Copy face ``index`` of a font collection (.ttc) out as a single-face font file: its table
    directory and the tables it points to, the font data unchanged."""
    data = Path(source).read_bytes()
    (offset,) = struct.unpack(">I", data[12 + 4 * index:16 + 4 * index])
    (count,) = struct.unpack(">H", data[offset + 4:offset + 6])
    records = [struct.unpack(">4sIII", data[offset + 12 + 16 * i:offset + 28 + 16 * i]) for i in range(count)]
    directory = bytearray(data[offset:offset + 12])
    body = bytearray()
    start = 12 + 16 * count
    for tag, checksum, table_offset, length in records:
        directory += struct.pack(">4sIII", tag, checksum, start + len(body), length)
        body += data[table_offset:table_offset + length]
        body += b"\0" * (-len(body) % 4)
    temporary = target.with_name(target.name + f".{os.getpid()}.tmp")
    temporary.write_bytes(bytes(directory + body))
    os.replace(temporary, target)


def _place(source: str, index: int, faces: int, folder: Path) -> str:
    """Put one face into ``folder`` (a link to its file, or the face copied out of a large
    collection); its name there."""
    stem = hashlib.sha256(source.encode()).hexdigest()[:10]
    if faces > MAX_LINKED_FACES:
        name = f"{stem}-{index}.otf"
        if not (folder / name).exists():
            extract_face(source, index, folder / name)
        return name
    name = f"{stem}-{Path(source).name}"
    target = folder / name
    if not target.exists():
        try:
            os.symlink(source, target)
        except OSError:  # Windows without the right to make links: a hard link, else a copy
            try:
                os.link(source, target)
            except OSError:
                temporary = target.with_name(name + f".{os.getpid()}.tmp")
                temporary.write_bytes(Path(source).read_bytes())
                os.replace(temporary, target)
    return name


def remember(font_infos: Iterable, extra_dirs: list[str]) -> str | None:
    """After a full scan: gather our families' faces (Typst ``FontInfo``s: family, path, index) in
    the cache folder and write down what to watch; the folder, or None when it cannot be written."""
    record_file = _record_file()
    if record_file is None:
        return None
    wanted = wanted_families()
    infos = list(font_infos)
    ours = sorted({(str(info.path), int(info.index)) for info in infos
                   if str(info.family).lower() in wanted and getattr(info, "path", None)})
    folder = record_file.parent / f"fonts-{_key()}"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        files: dict[str, tuple[str, int | None]] = {}
        faces = {source: _faces_in(source) for source, _ in ours}
        for source, index in ours:
            if faces[source] <= MAX_LINKED_FACES and any(entry[0] == source for entry in files.values()):
                continue  # the file is linked once, with all its faces
            name = _place(source, index, faces[source], folder)
            files[name] = (source, _mtime(Path(source)))
        for stale in folder.iterdir():
            if stale.name not in files:
                stale.unlink()
        roots = font_roots() + [Path(d) for d in extra_dirs]
        record = {"key": _key(), "folder": str(folder), "files": files,
                  "watched": _watched((str(info.path) for info in infos if getattr(info, "path", None)), roots)}
        temporary = record_file.with_name(record_file.name + f".{os.getpid()}.tmp")
        temporary.write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
        os.replace(temporary, record_file)
    except OSError:
        return None
    return str(folder)
