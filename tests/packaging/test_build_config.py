"""The release build's configuration, checked without running PyInstaller (fast, any machine).

packaging/bundle_config.py says what goes into the bundle; these tests keep it, the spec,
the Linux desktop files, the Windows installer script and pyproject.toml consistent
with the code as it grows.
"""

from __future__ import annotations

import ast
import configparser
import os
import re
import shutil
import struct
import subprocess
import sys
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"
LINUX = PACKAGING / "linux"
sys.path.insert(0, str(PACKAGING))
try:
    import bundle_config as cfg
    import deb
    import icons
    import winversion
finally:
    sys.path.remove(str(PACKAGING))  # packaging/build.py must not shadow anything named "build"

SPEC_TEXT = (PACKAGING / "ggbg.spec").read_text(encoding="utf-8")
PACKAGE = ROOT / "ggbg_desktop"

# Modules that reach the network. The program is offline by design: none may be imported.
NETWORK_MODULES = ("socket", "ssl", "urllib.request", "http.client", "http.server", "ftplib", "smtplib",
                   "poplib", "imaplib", "xmlrpc", "requests", "httpx", "aiohttp", "urllib3",
                   "PySide6.QtNetwork", "PySide6.QtWebEngineCore", "PySide6.QtWebEngineWidgets",
                   "PySide6.QtWebSockets", "PySide6.QtNetworkAuth", "PySide6.QtHttpServer")


def _imports(path: Path):
    """Every module name imported by a source file (absolute imports; relative ones are ours)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name, node.lineno
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            yield node.module, node.lineno
            for alias in node.names:
                yield f"{node.module}.{alias.name}", node.lineno


def _sources():
    return sorted(p for p in PACKAGE.rglob("*.py") if "__pycache__" not in p.parts)


# ---- what the bundle holds ----------------------------------------------------------


def test_every_resource_file_is_bundled_where_resource_path_looks():
    from ggbg_desktop.resources import RESOURCE_DIR, resource_path

    bundled = {(src.resolve(), dest) for src, dest in cfg.resource_files()}
    on_disk = [p for p in RESOURCE_DIR.rglob("*")
               if p.is_file() and "__pycache__" not in p.parts and p.suffix not in (".py", ".pyc")]
    assert RESOURCE_DIR.resolve() == (PACKAGE / "resources").resolve() == cfg.RUNTIME_RESOURCES.resolve()
    assert any(p.name == "user-guide.md" for p in on_disk), on_disk
    for path in on_disk:
        rel = path.relative_to(RESOURCE_DIR)
        assert resource_path(rel.as_posix()) == path
        assert (path.resolve(), str(Path("ggbg_desktop", "resources", rel.parent))) in bundled, f"{path} is not bundled"
    assert len(bundled) == len(on_disk)
    # the spec takes that list; the build-time artwork of the top-level resources/ is not bundled
    assert "cfg.resource_files()" in SPEC_TEXT
    assert 'ROOT / "resources"' not in SPEC_TEXT
    assert cfg.ICON_SVG.resolve() not in {src for src, _dest in bundled}


def test_top_level_resources_hold_build_time_artwork_the_program_never_reads():
    top = ROOT / "resources"
    assert cfg.ICON_SVG.parent.parent == top and cfg.ICON_SVG.is_file()
    assert not list(top.rglob("*.py")), "resources/ is not a package: runtime files go in ggbg_desktop/resources/"
    for path in _sources():
        text = path.read_text(encoding="utf-8")
        assert "ggbg.svg" not in text and "resources/icons" not in text, f"{path} reads build-time artwork"


def test_spec_collects_all_submodules_so_new_readers_and_writers_ship():
    from ggbg_desktop.formats import registry

    assert "collect_submodules(package)" in SPEC_TEXT
    assert "ggbg_desktop" in cfg.COLLECT_SUBMODULES
    for fmt in (*registry.READERS, *registry.WRITERS):
        assert fmt.module.startswith("ggbg_desktop."), fmt
    assert registry.RECOGNIZER.startswith("ggbg_desktop.")
    # python-docx's templates, and the libraries readers import lazily
    assert "docx" in cfg.DATA_PACKAGES and "collect_data_files(package)" in SPEC_TEXT
    for module in ("docx", "openpyxl", "xlrd", "lxml.etree", "charset_normalizer"):
        assert module in cfg.HIDDEN_IMPORTS


def _spec_calls(name):
    tree = ast.parse(SPEC_TEXT)
    return [node for node in ast.walk(tree)
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == name]


def _keyword(call, name):
    return next((k.value for k in call.keywords if k.arg == name), None)


def test_spec_makes_a_windowed_and_a_console_executable_in_one_folder():
    exes = {ast.unparse(_keyword(c, "name")): c for c in _spec_calls("EXE")}
    assert set(exes) == {"cfg.GUI_EXE", "cfg.CLI_EXE"}
    assert ast.literal_eval(_keyword(exes["cfg.GUI_EXE"], "console")) is False
    assert ast.literal_eval(_keyword(exes["cfg.CLI_EXE"], "console")) is True
    for call in exes.values():
        assert ast.literal_eval(_keyword(call, "exclude_binaries")) is True  # one-folder build
        assert "ICO" in ast.unparse(_keyword(call, "icon"))
        assert "version_file" in ast.unparse(_keyword(call, "version"))
    (collect,) = _spec_calls("COLLECT")
    assert {ast.unparse(a) for a in collect.args} >= {"exe_gui", "exe_cli"}
    assert (cfg.GUI_EXE, cfg.CLI_EXE) == ("ggbg-desktop", "ggbg")


def test_code_imports_only_the_qt_modules_the_bundle_carries():
    """A Qt module the code imports but the bundle lacks would crash only the frozen program."""
    wrong = []
    for path in _sources():
        for name, line in _imports(path):
            if name.startswith("PySide6."):
                module = name.split(".")[1]
                if module[:2] == "Qt" and module not in cfg.QT_MODULES:
                    wrong.append(f"{path.relative_to(ROOT)}:{line} imports {name}")
    assert not wrong, ("add these Qt modules to QT_MODULES in packaging/bundle_config.py "
                       "(and take them out of QT_EXCLUDED):\n" + "\n".join(wrong))
    assert not set(cfg.QT_MODULES) & set(cfg.QT_EXCLUDED)


def test_code_imports_no_network_module():
    found = []
    for path in _sources():
        for name, line in _imports(path):
            if any(name == m or name.startswith(m + ".") for m in NETWORK_MODULES):
                found.append(f"{path.relative_to(ROOT)}:{line} imports {name}")
    assert not found, "the program must stay offline:\n" + "\n".join(found)
    assert "QtNetwork" in cfg.QT_EXCLUDED


@pytest.mark.parametrize("category, filename, kept", [
    ("platforms", "libqxcb.so", True),
    ("platforms", "libqoffscreen.so", True),
    ("platforms", "libqminimal.so", True),
    ("platforms", "qwindows.dll", True),
    ("platforms", "libqwayland.so", False),
    ("platforms", "libqvnc.so", False),
    ("platformthemes", "libqgtk3.so", False),
    ("imageformats", "libqsvg.so", True),
    ("imageformats", "qsvg.dll", True),
    ("imageformats", "libqpdf.so", False),
    ("iconengines", "libqsvgicon.so", True),
    ("printsupport", "libcupsprintersupport.so", True),
    ("styles", "qmodernwindowsstyle.dll", True),
    ("platforminputcontexts", "libibusplatforminputcontextplugin.so", True),
    ("platforminputcontexts", "libqtvirtualkeyboardplugin.so", False),
    ("tls", "libqopensslbackend.so", False),
    ("networkinformation", "libqnetworkmanager.so", False),
    ("sqldrivers", "libqsqlite.so", False),
])
def test_qt_plugins_kept(category, filename, kept):
    assert cfg.plugin_kept(category, filename) is kept


def test_qt_translations_only_chinese():
    assert cfg.QT_TRANSLATIONS.match("qtbase_zh_CN.qm")
    assert cfg.QT_TRANSLATIONS.match("qt_zh_CN.qm")
    assert not cfg.QT_TRANSLATIONS.match("qtbase_de.qm")
    assert not cfg.QT_TRANSLATIONS.match("designer_zh_CN.qm")


# ---- pyproject: the wheel must hold every package --------------------------------------


def _pyproject():
    try:
        import tomllib
    except ImportError:  # Python 3.10
        tomllib = pytest.importorskip("tomli")
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def test_pyproject_finds_packages_by_itself():
    setuptools_cfg = _pyproject()["tool"]["setuptools"]
    # automatic discovery, no list kept by hand and no folder mapped onto a package name
    assert "package-dir" not in setuptools_cfg
    assert set(setuptools_cfg["packages"]) == {"find"}
    assert setuptools_cfg["packages"]["find"]["include"] == ["ggbg_desktop*"]


def _package_dirs() -> list[Path]:
    return sorted(d for d in [PACKAGE, *PACKAGE.rglob("*")]
                  if d.is_dir() and "__pycache__" not in d.parts and any(d.glob("*.py")))


def test_wheel_holds_every_package_and_data_file_and_nothing_else(tmp_path):
    """Built with the backend pyproject names, from a copy of the source tree (the build writes build/)."""
    source = tmp_path / "source"
    shutil.copytree(ROOT, source, ignore=shutil.ignore_patterns(
        ".git", ".venv", "venv", "build", "dist", "__pycache__", "*.egg-info", ".pytest_cache", ".hypothesis"))
    built = subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "--no-build-isolation",
                            "-w", str(tmp_path / "wheel"), str(source)], capture_output=True, text=True, timeout=180)
    assert built.returncode == 0, built.stderr
    (wheel,) = (tmp_path / "wheel").glob("ggbg_desktop-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
    packages = _package_dirs()
    assert PACKAGE / "resources" in packages
    for folder in packages:
        init = (folder / "__init__.py").relative_to(ROOT).as_posix()
        assert init in names, f"the wheel lacks {init}: a folder of modules without __init__.py is not found"
    data = [p for p in (PACKAGE / "resources").rglob("*") if p.is_file() and "__pycache__" not in p.parts]
    for path in data:
        assert path.relative_to(ROOT).as_posix() in names, f"the wheel lacks {path} (pyproject package-data)"
    assert "ggbg_desktop/resources/help/user-guide.md" in names
    others = {name.split("/")[0] for name in names} - {"ggbg_desktop"}  # no resources/, tests/, packaging/
    assert len(others) == 1 and others.pop().endswith(".dist-info"), sorted(names)
    assert not any(name.endswith((".pyc", ".svg")) or "__pycache__" in name for name in names), sorted(names)


def test_installed_package_finds_the_user_guide(tmp_path):
    """From the installed (editable) package, in a fresh interpreter away from the source tree."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    code = "from ggbg_desktop.resources import resource_path; print(resource_path('help/user-guide.md'))"
    out = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, env=env, capture_output=True, text=True,
                         check=True, timeout=60).stdout.strip()
    guide = Path(out)
    assert guide.is_file(), out
    assert guide.read_text(encoding="utf-8").startswith("# 使用说明\n")
    assert guide.read_bytes() == (PACKAGE / "resources" / "help" / "user-guide.md").read_bytes()


def test_pyproject_has_build_extra_and_entry_points():
    project = _pyproject()["project"]
    assert any(dep.startswith("pyinstaller") for dep in project["optional-dependencies"]["build"])
    assert project["scripts"]["ggbg"] == "ggbg_desktop.cli:main"
    assert project["gui-scripts"]["ggbg-desktop"] == "ggbg_desktop.app:main"
    assert "from ggbg_desktop.cli import main" in (PACKAGING / "entry_cli.py").read_text(encoding="utf-8")
    assert "from ggbg_desktop.app import main" in (PACKAGING / "entry_gui.py").read_text(encoding="utf-8")


def test_build_output_is_ignored_by_git():
    ignored = (ROOT / ".gitignore").read_text(encoding="utf-8").split()
    assert "build/" in ignored and "dist/" in ignored


# ---- icon ------------------------------------------------------------------------------


def test_icon_svg_is_square_and_self_contained():
    root = ET.parse(cfg.ICON_SVG).getroot()
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    _x, _y, w, h = (float(v) for v in root.get("viewBox").split())
    assert w == h
    for element in root.iter():
        assert not element.tag.endswith(("image", "script", "foreignObject", "style")), element.tag
        for name, value in element.attrib.items():
            assert "url(" not in value and "http" not in value, f"{element.tag} {name}={value}"


def test_ico_container_layout():
    bitmap = icons.dib_from_bgra(2, 2, bytes(range(16)))
    png = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + struct.pack(">II", 256, 256) + b"\x08\x06\x00\x00\x00"
    data = icons.ico_bytes([(2, 2, bitmap), (256, 256, png)])
    reserved, kind, count = struct.unpack("<HHH", data[:6])
    assert (reserved, kind, count) == (0, 1, 2)
    w, h, _, _, planes, bpp, size, offset = struct.unpack("<BBBBHHII", data[6:22])
    assert (w, h, planes, bpp, size) == (2, 2, 1, 32, len(bitmap)) and data[offset:offset + size] == bitmap
    w, h, _, _, _, _, size, offset = struct.unpack("<BBBBHHII", data[22:38])
    assert (w, h) == (0, 0) and data[offset:offset + size] == png  # 0 means 256
    # bitmap entries: header says twice the height (image + mask), rows bottom-up
    assert struct.unpack("<Iii", bitmap[:12]) == (40, 2, 4)
    assert bitmap[40:48] == bytes(range(8, 16))


def test_icons_render_from_the_svg(tmp_path):
    pytest.importorskip("PySide6.QtSvg")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    subprocess.run([sys.executable, str(PACKAGING / "icons.py"), str(tmp_path)], check=True, env=env,
                   capture_output=True, timeout=60)
    for size in cfg.ICON_SIZES:
        assert icons.png_size((tmp_path / "png" / f"ggbg-{size}.png").read_bytes()) == (size, size)
    ico = (tmp_path / "ggbg.ico").read_bytes()
    assert struct.unpack("<HHH", ico[:6]) == (0, 1, len(cfg.ICO_SIZES))


# ---- Linux: desktop entry, MIME type, scripts, .deb ------------------------------------------


def test_desktop_entry_is_valid():
    path = LINUX / "ggbg-desktop.desktop"
    validator = shutil.which("desktop-file-validate")
    if validator:
        result = subprocess.run([validator, str(path)], check=False, capture_output=True, text=True)
        assert result.returncode == 0 and not result.stdout.strip(), result.stdout + result.stderr
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str
    parser.read(path, encoding="utf-8")
    entry = parser["Desktop Entry"]
    assert entry["Type"] == "Application"
    assert entry["Name"] == cfg.APP_NAME
    assert entry["Exec"].split()[0] == cfg.GUI_EXE and "%f" in entry["Exec"].split()
    assert entry["Icon"] == cfg.APP_ID
    assert cfg.MIME_TYPE in entry["MimeType"].rstrip(";").split(";")
    assert entry["Terminal"] == "false"
    assert "Office" in entry["Categories"].split(";")


def test_mime_type_declares_ggbg_files():
    tree = ET.parse(LINUX / "ggbg-desktop-mime.xml")
    ns = {"m": "http://www.freedesktop.org/standards/shared-mime-info"}
    (mime,) = tree.getroot().findall("m:mime-type", ns)
    assert mime.get("type") == cfg.MIME_TYPE
    assert [g.get("pattern") for g in mime.findall("m:glob", ns)] == ["*" + cfg.EXTENSION]
    assert mime.find("m:icon", ns).get("name") == cfg.APP_ID


@pytest.mark.parametrize("script", ["postinst", "postrm", "ggbg-desktop.sh"])
def test_shell_scripts_parse_and_are_executable(script):
    path = LINUX / script
    if os.name == "posix":  # Windows has no execute bit; git keeps mode 755 for Linux checkouts
        assert os.access(path, os.X_OK), f"{path} must be executable (git mode 755)"
    assert path.read_text(encoding="utf-8").startswith("#!/bin/sh\n")
    if shutil.which("sh"):
        subprocess.run(["sh", "-n", str(path)], check=True)


def test_maintainer_scripts_refresh_caches_only_when_the_tool_exists():
    for script in ("postinst", "postrm"):
        text = (LINUX / script).read_text(encoding="utf-8")
        for tool in ("update-desktop-database", "update-mime-database", "gtk-update-icon-cache"):
            assert f"command -v {tool}" in text


def test_deb_depends_on_the_xcb_platform_libraries(tmp_path):
    fake_bundle = tmp_path / "bundle"
    fake_bundle.mkdir()
    (fake_bundle / "lib.so").write_bytes(b"\x7fELF" + b"\0" * 12 + b"GLIBC_2.17\0GLIBC_2.31\0GLIBCXX_3.4.30\0")
    assert deb.glibc_needed(fake_bundle) == "2.31"
    control = deb.control_text(version="1.2.3", arch="amd64", installed_size_kib=1000,
                               depends_list=deb.depends(fake_bundle))
    fields = dict(line.split(": ", 1) for line in control.splitlines() if not line.startswith(" "))
    assert fields["Package"] == "ggbg-desktop" and fields["Version"] == "1.2.3"
    depends = [d.strip() for d in fields["Depends"].split(",")]
    assert "libc6 (>= 2.31)" in depends
    assert "poppler" not in fields["Recommends"]  # PDF import needs no system tool
    for lib in ("libxcb-cursor0", "libxcb-icccm4", "libxcb-keysyms1", "libxkbcommon-x11-0", "libegl1",
                "libfontconfig1", "libgl1", "libdbus-1-3"):
        assert lib in depends
    assert control.endswith("\n") and "\n\n" not in control


def _fake_bundle(tmp_path: Path) -> Path:
    bundle = tmp_path / "dist" / "ggbg"
    (bundle / "_internal").mkdir(parents=True)
    for exe in (cfg.GUI_EXE, cfg.CLI_EXE):
        (bundle / exe).write_text("#!/bin/sh\n", encoding="utf-8")
        (bundle / exe).chmod(0o755)
    (bundle / "_internal" / "data.txt").write_text("x", encoding="utf-8")
    return bundle


def _fake_pngs(tmp_path: Path) -> dict[int, Path]:
    out = {}
    for size in cfg.ICON_SIZES:
        out[size] = tmp_path / f"{size}.png"
        out[size].write_bytes(b"\x89PNG\r\n\x1a\n")
    return out


# The .deb is made on Linux: its tree holds symlinks and Unix file modes that Windows cannot create.
posix_only = pytest.mark.skipif(os.name != "posix", reason="the .deb is built on Linux (symlinks, file modes)")


@posix_only
def test_deb_tree_layout(tmp_path):
    root = tmp_path / "root"
    deb.stage_tree(_fake_bundle(tmp_path), _fake_pngs(tmp_path), root)
    assert os.access(root / "opt/ggbg-desktop/ggbg-desktop", os.X_OK)
    assert os.readlink(root / "usr/bin/ggbg") == "/opt/ggbg-desktop/ggbg"
    wrapper = root / "usr/bin/ggbg-desktop"
    assert os.access(wrapper, os.X_OK) and 'exec "$APPDIR/ggbg-desktop" "$@"' in wrapper.read_text(encoding="utf-8")
    assert (root / "usr/share/applications/ggbg-desktop.desktop").is_file()
    assert (root / "usr/share/mime/packages/ggbg-desktop.xml").is_file()
    assert (root / "usr/share/icons/hicolor/scalable/apps/ggbg-desktop.svg").is_file()
    for size in cfg.ICON_SIZES:
        assert (root / f"usr/share/icons/hicolor/{size}x{size}/apps/ggbg-desktop.png").is_file()
    assert (root / "usr/share/doc/ggbg-desktop/copyright").is_file()


@posix_only
def test_deb_builds_with_dpkg_deb(tmp_path):
    if not shutil.which("dpkg-deb"):
        pytest.skip("dpkg-deb is not installed (not a Debian-family system)")
    path = deb.build_deb(_fake_bundle(tmp_path), _fake_pngs(tmp_path), tmp_path / "work", tmp_path / "out", "9.8.7")
    listing = subprocess.run(["dpkg-deb", "-c", str(path)], capture_output=True, text=True, check=True).stdout
    for expected in ("./usr/share/applications/ggbg-desktop.desktop", "./usr/share/mime/packages/ggbg-desktop.xml",
                     "./usr/share/icons/hicolor/scalable/apps/ggbg-desktop.svg", "./opt/ggbg-desktop/ggbg-desktop",
                     "./usr/bin/ggbg -> /opt/ggbg-desktop/ggbg"):
        assert expected in listing
    assert "root/root" in listing
    info = subprocess.run(["dpkg-deb", "-f", str(path), "Version", "Depends"], capture_output=True, text=True,
                          check=True).stdout
    assert "9.8.7" in info and "libxcb-cursor0" in info


# ---- Windows: version resource, installer script, workflow ------------------------------------


def test_windows_version_resource():
    assert winversion.version_tuple("0.1.0") == (0, 1, 0, 0)
    assert winversion.version_tuple("1.2rc1") == (1, 2, 0, 0)
    text = winversion.version_file_text(cfg.version(), exe_name="ggbg-desktop", description=cfg.APP_NAME,
                                        product=cfg.APP_NAME, company=cfg.PUBLISHER)
    expression = ast.parse(text, mode="eval").body
    assert isinstance(expression, ast.Call) and expression.func.id == "VSVersionInfo"
    assert f"'ProductVersion', '{cfg.version()}'" in text


def test_version_read_without_import_matches_package():
    import ggbg_desktop

    assert cfg.version() == ggbg_desktop.__version__


def _load_build_py():
    """packaging/build.py under another name: "build" would shadow the PyPA package."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("ggbg_packaging_build", PACKAGING / "build.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _nsi() -> str:
    raw = (PACKAGING / "windows" / "ggbg.nsi").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "a UTF-8 byte-order mark keeps the Chinese text right in any makensis"
    return raw.decode("utf-8-sig")


def test_nsis_installs_per_user_with_start_menu_association_and_uninstaller():
    nsi = _nsi()
    assert re.search(r"^RequestExecutionLevel user$", nsi, re.MULTILINE)
    assert re.search(r'^InstallDir "\$LOCALAPPDATA\\Programs\\\$\{APP_ID\}"$', nsi, re.MULTILINE)
    assert f'!define APP_ID "{cfg.APP_ID}"' in nsi and f'!define GUI_EXE "{cfg.GUI_EXE}.exe"' in nsi
    assert f'!define APP_NAME "{cfg.APP_NAME}"' in nsi  # the installer names the program as its window does
    assert '!insertmacro MUI_LANGUAGE "SimpChinese"' in nsi
    assert 'CreateShortcut "$SMPROGRAMS\\${APP_NAME}.lnk" "$INSTDIR\\${GUI_EXE}"' in nsi
    assert 'WriteRegStr HKCU "Software\\Classes\\.ggbg" "" "${PROG_ID}"' in nsi
    assert 'shell\\open\\command" "" \'"$INSTDIR\\${GUI_EXE}" "%1"\'' in nsi
    assert 'WriteUninstaller "$INSTDIR\\uninstall.exe"' in nsi
    assert "QuietUninstallString" in nsi and '"/ADDTOPATH"' in nsi
    assert re.search(r'^Section /o "[^"]*PATH', nsi, re.MULTILINE), "ggbg goes on PATH only when asked for"
    # everything per user: no machine-wide key, folder or shortcut
    assert "HKLM" not in nsi and "$PROGRAMFILES" not in nsi and "SetShellVarContext all" not in nsi
    # uninstall removes what it installed, never the folder's other contents
    uninstall = nsi[nsi.index('Section "Uninstall"'):]
    assert 'RMDir /r "$INSTDIR"' not in uninstall and 'RMDir "$INSTDIR"' in uninstall


def test_nsis_compiles_an_installer(tmp_path):
    makensis = shutil.which("makensis")
    if not makensis:
        pytest.skip("makensis (NSIS) is not installed")
    build_py = _load_build_py()
    bundle = tmp_path / "中文 路径" / "ggbg"
    (bundle / "_internal").mkdir(parents=True)
    for exe in (cfg.GUI_EXE, cfg.CLI_EXE):
        (bundle / f"{exe}.exe").write_bytes(b"MZ")
    ico = tmp_path / "ggbg.ico"
    ico.write_bytes(icons.ico_bytes([(2, 2, icons.dib_from_bgra(2, 2, bytes(16)))]))
    out = tmp_path / "setup.exe"
    command = build_py.nsis_command(makensis, version="1.2.3", bundle=bundle, ico=ico, out=out)
    subprocess.run([str(c) for c in command], check=True, capture_output=True, timeout=120)
    data = out.read_bytes()
    assert data[:2] == b"MZ" and len(data) > 30_000
    assert "1.2.3".encode("utf-16-le") in data  # the version resource


def test_windows_workflow_builds_the_installer_with_the_script_used_here():
    text = (ROOT / ".github" / "workflows" / "windows-build.yml").read_text(encoding="utf-8")
    assert "runs-on: windows-latest" in text
    assert "bash packaging/windows/build.sh" in text
    assert "/S" in text and "uninstall.exe" in text
    assert '".[test]"' in text


def test_build_scripts_parse():
    for path in (PACKAGING / "windows" / "build.sh", PACKAGING / "windows" / "check.sh",
                 PACKAGING / "windows" / "wine.sh", LINUX / "bullseye.sh"):
        assert path.read_text(encoding="utf-8").startswith(("#!/usr/bin/env bash\n", "# Sourced"))
        if shutil.which("bash"):
            subprocess.run(["bash", "-n", str(path)], check=True)


def test_build_py_prints_chinese_commands_on_a_cp1252_console(monkeypatch):
    import io

    build_py = _load_build_py()
    raw = io.BytesIO()
    monkeypatch.setattr(sys, "stdout", io.TextIOWrapper(raw, encoding="cp1252", write_through=True))
    build_py.console_safe_output()
    build_py.run([sys.executable, "-c", "pass", "示例县人民政府"])  # printed before it runs
    assert "示例县人民政府" in raw.getvalue().decode("utf-8")


def test_the_program_name_is_the_package_s_own():
    """One APP_NAME: the packaging reads it from ggbg_desktop/__init__.py, as the window does."""
    import ggbg_desktop

    assert cfg.APP_NAME == ggbg_desktop.APP_NAME and cfg.version() == ggbg_desktop.__version__
    assert ggbg_desktop.APP_NAME not in (ROOT / "packaging" / "bundle_config.py").read_text(encoding="utf-8")
