"""Build the Debian package (UOS, Kylin, Debian, Ubuntu) from the PyInstaller folder.

Layout of the package:

    /opt/ggbg-desktop/                      the bundle (ggbg, ggbg-desktop, _internal/)
    /usr/bin/ggbg                           → /opt/ggbg-desktop/ggbg (symlink)
    /usr/bin/ggbg-desktop                   wrapper script (input-method setting, then exec)
    /usr/share/applications/ggbg-desktop.desktop
    /usr/share/mime/packages/ggbg-desktop.xml
    /usr/share/icons/hicolor/{N}x{N}/apps/ggbg-desktop.png, scalable/apps/ggbg-desktop.svg
    /usr/share/doc/ggbg-desktop/copyright
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import bundle_config as cfg

LINUX_DIR = cfg.PACKAGING_DIR / "linux"
INSTALL_DIR = f"/opt/{cfg.APP_ID}"
_GLIBC = re.compile(rb"GLIBC_2\.(\d+)(?:\.(\d+))?")


def is_elf(path: Path) -> bool:
    try:
        with open(path, "rb") as f:
            return f.read(4) == b"\x7fELF"
    except OSError:
        return False


def elf_files(bundle: Path) -> list[Path]:
    return [p for p in sorted(bundle.rglob("*")) if p.is_file() and not p.is_symlink() and is_elf(p)]


def glibc_needed(bundle: Path) -> str | None:
    """The newest GLIBC symbol version any bundled binary asks for, e.g. "2.34".

    The bundle runs only on systems at least this new, so the package says so in
    Depends instead of failing at start-up on an older UOS or Kylin.
    """
    best = None
    for path in elf_files(bundle):
        for match in _GLIBC.finditer(path.read_bytes()):
            version = (2, int(match.group(1)), int(match.group(2) or 0))
            best = max(best or version, version)
    if best is None:
        return None
    return ".".join(str(n) for n in (best if best[2] else best[:2]))


def depends(bundle: Path) -> list[str]:
    out = []
    glibc = glibc_needed(bundle)
    for dep in cfg.DEB_DEPENDS:
        if dep.startswith("libc6 ") and glibc:
            dep = f"libc6 (>= {glibc})"
        out.append(dep)
    return out


def control_text(*, version: str, arch: str, installed_size_kib: int, depends_list: list[str]) -> str:
    fields = {
        "Package": cfg.APP_ID,
        "Version": version,
        "Architecture": arch,
        "Maintainer": f"{cfg.PUBLISHER} <noreply@localhost>",
        "Installed-Size": str(installed_size_kib),
        "Depends": ", ".join(depends_list),
        "Recommends": ", ".join(cfg.DEB_RECOMMENDS),
        "Section": cfg.DEB_SECTION,
        "Priority": "optional",
        "Description": "政府信息公开工作年度报告编辑器 (annual report editor)\n"
                       " Desktop editor for the statutory annual report on government-information\n"
                       " disclosure: checks the three tables' sums live, imports earlier reports\n"
                       " (text, Word, Excel, web pages), rolls last year's report over and exports\n"
                       " Word, PDF, Excel and HTML. Works fully offline; self-contained (Python and\n"
                       " Qt are bundled under /opt/ggbg-desktop).",
    }
    return "".join(f"{k}: {v}\n" for k, v in fields.items())


def dpkg_architecture() -> str:
    try:
        return subprocess.run(["dpkg", "--print-architecture"], capture_output=True, text=True,
                              check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return {"x86_64": "amd64", "aarch64": "arm64"}.get(os.uname().machine, os.uname().machine)


def _du_kib(root: Path) -> int:
    total = 0
    for path in root.rglob("*"):
        if path.is_file() and not path.is_symlink():
            total += path.stat().st_size
    return (total + 1023) // 1024


def _install(src: Path, dest: Path, mode: int = 0o644) -> None:
    dest.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(src, dest)
    dest.chmod(mode)


def stage_tree(bundle: Path, icon_pngs: dict[int, Path], root: Path) -> None:
    """Lay out the package's files under ``root`` (the future /)."""
    shutil.rmtree(root, ignore_errors=True)
    opt = root / INSTALL_DIR.lstrip("/")
    shutil.copytree(bundle, opt, symlinks=True)
    usr_bin = root / "usr" / "bin"
    usr_bin.mkdir(parents=True)
    (usr_bin / cfg.CLI_EXE).symlink_to(f"{INSTALL_DIR}/{cfg.CLI_EXE}")
    _install(LINUX_DIR / "ggbg-desktop.sh", usr_bin / cfg.GUI_EXE, 0o755)
    share = root / "usr" / "share"
    _install(LINUX_DIR / "ggbg-desktop.desktop", share / "applications" / f"{cfg.APP_ID}.desktop")
    _install(LINUX_DIR / "ggbg-desktop-mime.xml", share / "mime" / "packages" / f"{cfg.APP_ID}.xml")
    hicolor = share / "icons" / "hicolor"
    for size, png in sorted(icon_pngs.items()):
        if size in cfg.ICON_SIZES:
            _install(png, hicolor / f"{size}x{size}" / "apps" / f"{cfg.APP_ID}.png")
    _install(cfg.ICON_SVG, hicolor / "scalable" / "apps" / f"{cfg.APP_ID}.svg")
    _install(LINUX_DIR / "copyright", share / "doc" / cfg.APP_ID / "copyright")
    # directories 755, files keep their execute bit; dpkg-deb --root-owner-group makes them root's
    for path in [root, *root.rglob("*")]:
        if path.is_symlink():
            continue
        if path.is_dir():
            path.chmod(0o755)
        else:
            path.chmod(0o755 if path.stat().st_mode & 0o111 else 0o644)


def build_deb(bundle: Path, icon_pngs: dict[int, Path], work: Path, out_dir: Path, version: str) -> Path:
    root = work / "deb-root"
    stage_tree(bundle, icon_pngs, root)
    debian = root / "DEBIAN"
    debian.mkdir()
    arch = dpkg_architecture()
    (debian / "control").write_text(
        control_text(version=version, arch=arch, installed_size_kib=_du_kib(root),
                     depends_list=depends(bundle)), encoding="utf-8")
    for script in ("postinst", "postrm"):
        _install(LINUX_DIR / script, debian / script, 0o755)
    out_dir.mkdir(parents=True, exist_ok=True)
    deb = out_dir / f"{cfg.APP_ID}_{version}_{arch}.deb"
    # xz, not zstd: dpkg on UOS 20 / Kylin V10 (1.19, 1.20) cannot read zstd packages
    subprocess.run(["dpkg-deb", "--root-owner-group", "-Zxz", "--build", str(root), str(deb)], check=True)
    return deb


def missing_libraries(bundle: Path) -> dict[str, set[str]]:
    """Libraries bundled binaries need that neither the bundle nor this system has.

    ``ldd`` runs with the bundle's _internal/ on LD_LIBRARY_PATH, as the PyInstaller
    bootloader arranges at start; {library: {binaries needing it}}.
    """
    internal = bundle / "_internal"
    env = dict(os.environ, LD_LIBRARY_PATH=str(internal))
    missing: dict[str, set[str]] = {}
    for path in elf_files(bundle):
        result = subprocess.run(["ldd", str(path)], check=False, capture_output=True, text=True, env=env)
        for line in result.stdout.splitlines():
            if "not found" in line:
                missing.setdefault(line.split()[0], set()).add(str(path.relative_to(bundle)))
    return missing


def system_packages(bundle: Path) -> dict[str, set[str]]:
    """Debian packages providing the system libraries the bundle links to: {package: {libraries}}."""
    internal = bundle / "_internal"
    env = dict(os.environ, LD_LIBRARY_PATH=str(internal))
    libs: set[str] = set()
    for path in elf_files(bundle):
        result = subprocess.run(["ldd", str(path)], check=False, capture_output=True, text=True, env=env)
        for line in result.stdout.splitlines():
            parts = line.split("=>")
            if len(parts) == 2 and parts[1].strip().startswith("/"):
                target = parts[1].split("(")[0].strip()
                if not target.startswith(str(bundle)):
                    libs.add(target)
    packages: dict[str, set[str]] = {}
    for lib in sorted(libs):
        real = os.path.realpath(lib)
        for candidate in (lib, real, lib.replace("/usr/lib/", "/lib/"), real.replace("/usr/lib/", "/lib/")):
            result = subprocess.run(["dpkg", "-S", candidate], check=False, capture_output=True, text=True)
            if result.returncode == 0:
                package = result.stdout.split(":")[0]
                packages.setdefault(package, set()).add(os.path.basename(lib))
                break
        else:
            packages.setdefault("?", set()).add(lib)
    return packages
