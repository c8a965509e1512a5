"""Build the self-contained program for this platform: ``python packaging/build.py``.

1. renders the icon (PNG sizes, Windows .ico) into build/packaging/icons;
2. runs PyInstaller on packaging/ggbg.spec → dist/ggbg/ (ggbg-desktop + ggbg, one folder);
3. checks the bundle holds the program's data files (ggbg_desktop/resources/) and starts both
   executables once from an empty environment (a smoke test);
4. prints the bundle's size;
5. Linux: makes dist/ggbg-desktop_<version>_<arch>.deb with dpkg-deb;
   Windows: makes dist/ggbg-desktop-<version>-setup.exe with NSIS (makensis).

Options: --no-deb, --no-installer, --check-libs (list system libraries the bundle
needs, by Debian package — to keep DEB_DEPENDS in bundle_config.py right),
--installer-only (wrap an existing Windows dist/ggbg/ with makensis; runs on Linux too,
which is how packaging/windows/build.sh makes the installer under Wine).
Needs PyInstaller in the build environment: pip install -e ".[build]".
"""

from __future__ import annotations

import argparse
import contextlib
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import bundle_config as cfg
import winversion

ROOT = cfg.ROOT
BUILD = ROOT / "build" / "packaging"
DIST = ROOT / "dist"
SPEC = cfg.PACKAGING_DIR / "ggbg.spec"
IS_WIN = sys.platform == "win32"
EXE = ".exe" if IS_WIN else ""


def console_safe_output() -> None:
    """Commands and paths hold Chinese: never crash on a console code page (cp1252, cp936).

    A code page with Chinese (cp936) is kept; one without (cp1252) gets UTF-8 instead of "?"s.
    """
    for stream in (sys.stdout, sys.stderr):
        try:
            "年报".encode(getattr(stream, "encoding", None) or "ascii")
            changes = {"errors": "replace"}
        except (UnicodeEncodeError, LookupError):
            changes = {"encoding": "utf-8", "errors": "replace"}
        with contextlib.suppress(AttributeError, ValueError):  # not a text stream that can be reconfigured
            stream.reconfigure(**changes)


def step(message: str) -> None:
    print(f"\n==> {message}", flush=True)


def run(cmd, **kwargs) -> subprocess.CompletedProcess:
    print("+ " + " ".join(str(c) for c in cmd), flush=True)
    return subprocess.run([str(c) for c in cmd], check=True, **kwargs)


def make_icons() -> dict:
    step("icons")
    out = BUILD / "icons"
    shutil.rmtree(out, ignore_errors=True)
    run([sys.executable, cfg.PACKAGING_DIR / "icons.py", out], env=dict(os.environ, QT_QPA_PLATFORM="offscreen"))
    pngs = {int(p.stem.split("-")[1]): p for p in (out / "png").glob("ggbg-*.png")}
    return {"png": pngs, "ico": out / "ggbg.ico"}


def run_pyinstaller() -> Path:
    step("PyInstaller")
    try:
        import PyInstaller  # noqa: F401
    except ImportError:
        sys.exit("PyInstaller is not installed here: pip install -e \".[build]\"")
    env = dict(os.environ, GGBG_BUILD_DIR=str(BUILD))
    run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
         "--distpath", DIST, "--workpath", BUILD / "pyinstaller", SPEC], env=env, cwd=ROOT)
    return DIST / cfg.BUNDLE_DIR


def clean_env() -> dict:
    """No virtual environment, no PYTHONPATH, no Qt settings: what an office PC has."""
    env = {"PATH": os.environ.get("PATH", "") if IS_WIN else "/usr/bin:/bin",
           "QT_QPA_PLATFORM": "offscreen"}
    for key in ("SYSTEMROOT", "TEMP", "TMP", "USERPROFILE", "LOCALAPPDATA", "APPDATA"):
        if key in os.environ:
            env[key] = os.environ[key]
    return env


SAMPLE_REPORT = r"""
import sys
from ggbg_desktop.formats import native
from ggbg_desktop.formats.registry import WRITERS
from ggbg_desktop.report import Report, fill_totals
report = Report()
report.meta.organ = "示例县人民政府"
report.meta.year = 2024
report.parts["p1"] = "（一）主动公开\n本年度主动公开政府信息。"
fill_totals(report)
native.save(report, sys.argv[1])
for fmt in WRITERS:
    try:
        __import__(fmt.module)
    except ModuleNotFoundError:
        continue
    print(fmt.extensions[0])
"""


def smoke_test(bundle: Path) -> None:
    """Start both executables from an empty environment and export with every writer the
    source tree has: a data file or module PyInstaller missed fails the build here."""
    step("smoke test from an empty environment")
    for src, dest in cfg.resource_files():  # where resource_path() looks in the frozen program
        if not (bundle / "_internal" / dest / src.name).is_file():
            sys.exit(f"the bundle lacks {Path(dest, src.name)} (packaging/bundle_config.py resource_files)")
    cli_exe = bundle / f"{cfg.CLI_EXE}{EXE}"
    with tempfile.TemporaryDirectory() as tmp:
        env = clean_env()
        env["HOME"] = tmp
        sample = Path(tmp) / "sample.ggbg"
        extensions = run([sys.executable, "-c", SAMPLE_REPORT, sample], cwd=ROOT, capture_output=True,
                         text=True).stdout.split()
        print(run([cli_exe, "--version"], cwd=tmp, env=env, capture_output=True, text=True).stdout.strip())
        check = subprocess.run([str(cli_exe), "check", str(sample)], check=False, cwd=tmp, env=env)
        if check.returncode not in (0, 1):  # 1: the sample has findings; 2 would be unreadable
            sys.exit(f"bundled ggbg check failed with exit code {check.returncode}")
        for extension in extensions:
            run([cli_exe, "convert", sample, Path(tmp) / f"sample{extension}"], cwd=tmp, env=env,
                stdout=subprocess.DEVNULL, timeout=120)
        run([bundle / f"{cfg.GUI_EXE}{EXE}", "--exit-when-ready", sample], cwd=tmp, env=env, timeout=120)
    print(f"both executables start; exported {' '.join(extensions) or 'nothing (no writers yet)'}")


def report_size(bundle: Path) -> int:
    step("bundle size")
    files = [p for p in bundle.rglob("*") if p.is_file() and not p.is_symlink()]
    total = sum(p.stat().st_size for p in files)
    print(f"{bundle}: {total / 2**20:.1f} MiB in {len(files)} files; largest:")
    for p in sorted(files, key=lambda p: p.stat().st_size, reverse=True)[:8]:
        print(f"  {p.stat().st_size / 2**20:6.1f} MiB  {p.relative_to(bundle)}")
    return total


def check_libs(bundle: Path) -> None:
    import deb

    step("system libraries the bundle links to (ldd)")
    missing = deb.missing_libraries(bundle)
    for lib, users in sorted(missing.items()):
        print(f"  NOT FOUND {lib}  (needed by {', '.join(sorted(users)[:3])})")
    listed = {d.split()[0] for d in cfg.DEB_DEPENDS}
    for package, libs in sorted(deb.system_packages(bundle).items()):
        mark = "ok " if package.split(":")[0] in listed else "+? "  # +?: not listed (maybe pulled in by one that is)
        print(f"  {mark} {package}: {', '.join(sorted(libs))}")
    print(f"  newest glibc symbol needed: {deb.glibc_needed(bundle)}")


def make_deb(bundle: Path, icons: dict) -> Path:
    import deb

    step("Debian package")
    if not shutil.which("dpkg-deb"):
        sys.exit("dpkg-deb not found: build the .deb on Debian, UOS or Kylin (or pass --no-deb)")
    path = deb.build_deb(bundle, icons["png"], BUILD, DIST, cfg.version())
    print(f"{path} ({path.stat().st_size / 2**20:.1f} MiB)")
    return path


def find_makensis() -> str | None:
    found = shutil.which("makensis")
    if found:
        return found
    for base in (os.environ.get("PROGRAMFILES(X86)"), os.environ.get("PROGRAMFILES")):
        if base and os.path.exists(os.path.join(base, "NSIS", "makensis.exe")):
            return os.path.join(base, "NSIS", "makensis.exe")
    return None


def nsis_command(makensis, *, version: str, bundle: Path, ico: Path, out: Path) -> list:
    """makensis with what packaging/windows/ggbg.nsi needs defined."""
    version4 = ".".join(str(n) for n in winversion.version_tuple(version))
    return [makensis, "-V2", "-INPUTCHARSET", "UTF8", f"-DVERSION={version}", f"-DVERSION4={version4}",
            f"-DBUNDLE={bundle}", f"-DICON={ico}", f"-DOUTFILE={out}", cfg.PACKAGING_DIR / "windows" / "ggbg.nsi"]


def make_installer(bundle: Path, icons: dict) -> Path:
    """dist/ggbg-desktop-<version>-setup.exe from the Windows bundle (packaging/windows/ggbg.nsi)."""
    step("Windows installer (NSIS)")
    if not (bundle / f"{cfg.GUI_EXE}.exe").is_file():
        sys.exit(f"{bundle} holds no {cfg.GUI_EXE}.exe: build the Windows bundle first (packaging/windows/build.sh)")
    stray = sorted(p.name for p in bundle.rglob("*") if p.name.lower() in cfg.WINDOWS_NEVER_SHIPPED)
    if stray:
        sys.exit(f"the bundle holds {', '.join(stray)}, which must come from Windows itself")
    makensis = find_makensis()
    if not makensis:
        sys.exit("makensis not found: install NSIS (Debian: apt-get install nsis; Windows: https://nsis.sourceforge.io)")
    version = cfg.version()
    path = DIST / f"{cfg.APP_ID}-{version}-setup.exe"
    run(nsis_command(makensis, version=version, bundle=bundle, ico=icons["ico"], out=path))
    print(f"{path} ({path.stat().st_size / 2**20:.1f} MiB)")
    return path


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-deb", action="store_true", help="Linux: do not make the .deb")
    parser.add_argument("--no-installer", action="store_true", help="Windows: do not make the installer")
    parser.add_argument("--check-libs", action="store_true", help="Linux: list the system libraries needed")
    parser.add_argument("--installer-only", action="store_true",
                        help="only wrap the Windows bundle dist/ggbg/ with makensis (any system)")
    args = parser.parse_args(argv)
    console_safe_output()
    if args.installer_only:
        make_installer(DIST / cfg.BUNDLE_DIR, {"ico": BUILD / "icons" / "ggbg.ico"})
        return 0

    print(f"ggbg_desktop {cfg.version()} on {sys.platform}, Python {sys.version.split()[0]}")
    BUILD.mkdir(parents=True, exist_ok=True)
    icons = make_icons()
    bundle = run_pyinstaller()
    smoke_test(bundle)
    report_size(bundle)
    if sys.platform.startswith("linux"):
        if args.check_libs:
            check_libs(bundle)
        if not args.no_deb:
            make_deb(bundle, icons)
    elif IS_WIN and not args.no_installer:
        make_installer(bundle, icons)
    return 0


if __name__ == "__main__":
    sys.exit(main())
