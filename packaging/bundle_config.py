"""What goes into the PyInstaller bundle and the .deb — one place, read by the spec, build.py and tests.

Plain data and small pure functions only: no PyInstaller or Qt import, so the fast
tests (tests/packaging/) can check it on any machine.
"""

from __future__ import annotations

import re
from pathlib import Path

PACKAGING_DIR = Path(__file__).resolve().parent
ROOT = PACKAGING_DIR.parent


def package_constant(name: str, root: Path = ROOT) -> str:
    """A string constant of ``ggbg_desktop/__init__.py`` (``__version__``, ``APP_NAME``), read without
    importing the package: the program's own value is the one every package and installer shows."""
    text = (root / "ggbg_desktop" / "__init__.py").read_text(encoding="utf-8")
    match = re.search(rf'^{re.escape(name)}\s*=\s*["\']([^"\']+)["\']', text, re.MULTILINE)
    if not match:
        raise RuntimeError(f"ggbg_desktop/__init__.py has no {name}")
    return match.group(1)


APP_ID = "ggbg-desktop"  # package name, /opt folder, .desktop file, icon name
APP_NAME = package_constant("APP_NAME")  # the name the window titles itself with
APP_NAME_EN = "GGBG Desktop"
MIME_TYPE = "application/x-ggbg"
EXTENSION = ".ggbg"
PUBLISHER = "ggbg_desktop"

GUI_EXE = "ggbg-desktop"  # windowed
CLI_EXE = "ggbg"  # console
BUNDLE_DIR = "ggbg"  # dist/ggbg/ holds both executables and _internal/

# Build-time artwork (top-level resources/, not package data): rendered to the .ico, the hicolor PNGs of the
# .deb and the installer icon. The running program never reads it (Windows: the exe's icon; Linux: .desktop).
ICON_SVG = ROOT / "resources" / "icons" / "ggbg.svg"
# Files the running program reads: the package ggbg_desktop.resources (resource_path() looks there).
RUNTIME_RESOURCES = ROOT / "ggbg_desktop" / "resources"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256)  # hicolor PNGs
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)  # entries of the Windows .ico

# Python packages whose modules are imported by name strings (formats/registry.py)
# or only inside functions: collected whole so new readers/writers ship automatically.
COLLECT_SUBMODULES = ("ggbg_desktop",)
# Runtime dependencies the readers/writers use lazily; listed so the bundle holds
# them even before the module that imports them exists.
HIDDEN_IMPORTS = (
    "docx",
    "openpyxl",
    "xlrd",
    "lxml.etree",
    "lxml.html",
    "charset_normalizer",
)
DATA_PACKAGES = ("docx",)  # python-docx needs docx/templates/*.xml at run time
# python-docx opens "docx/parts/../templates/…": the folder docx/parts must exist on
# disk, so its modules are also collected as .py files next to the archive.
MODULE_COLLECTION_MODE = {"docx": "pyz+py"}

# Qt: the Python bindings the program may import. Anything else under PySide6 is
# left out; tests/packaging/test_build_config.py fails when the code imports a Qt
# module that is not listed here, so the bundle never lacks one.
QT_MODULES = ("QtCore", "QtGui", "QtWidgets", "QtPrintSupport", "QtSvg")
# Excluded outright: networking (the program is offline by design) and the big
# modules nobody should pull in by accident.
QT_EXCLUDED = (
    "QtNetwork", "QtNetworkAuth", "QtWebEngineCore", "QtWebEngineWidgets", "QtWebEngineQuick",
    "QtWebChannel", "QtWebSockets", "QtHttpServer", "QtQml", "QtQuick", "QtQuickWidgets",
    "QtQuickControls2", "QtQuickTest", "QtQuick3D", "QtMultimedia", "QtMultimediaWidgets",
    "QtSql", "QtTest", "QtDesigner", "QtHelp", "QtUiTools", "QtOpenGL", "QtOpenGLWidgets",
    "QtBluetooth", "QtNfc", "QtPositioning", "QtLocation", "QtSerialPort", "QtRemoteObjects",
    "QtSensors", "QtCharts", "QtDataVisualization", "Qt3DCore", "QtPdf", "QtPdfWidgets",
    "QtConcurrent", "QtXml", "QtDBus", "QtStateMachine", "QtTextToSpeech", "QtSpatialAudio",
    "QtLabsStyleKit", "QtSvgWidgets", "QtAxContainer", "QtScxml", "QtGraphs",
)
# ssl: the program is offline; nothing it imports loads ssl (tests/packaging checks the code; the bundle was
# run without it). socket stays: email.utils (the .mht reader) and multiprocessing import it at start.
PYTHON_EXCLUDED = ("tkinter", "unittest", "pydoc_data", "test", "PIL", "numpy", "IPython", "pytest", "ssl", "_ssl")
# Libraries left out by file name. opengl32sw.dll (20 MiB) is Qt's software OpenGL fallback on Windows:
# the window draws with the raster engine and never creates an OpenGL context.
BINARIES_EXCLUDED = ("opengl32sw.dll",)
# DLLs that must come from Windows itself, never from the bundle: Qt 6.10+ uses the system ICU of
# Windows 10 1703+ (and bcryptprimitives.dll, for Typst); under Wine test stubs stand in
# (packaging/windows/*-stub.c) and must not leak in.
WINDOWS_NEVER_SHIPPED = ("icuuc.dll", "icuin.dll", "icu.dll", "bcryptprimitives.dll")

# Qt plugins kept, by folder; a folder missing here is dropped whole. None keeps every
# file of the folder. Names are matched without "lib" prefix and extension (so
# "qxcb" is libqxcb.so on Linux and qxcb.dll on Windows).
QT_PLUGINS: dict[str, tuple[str, ...] | None] = {
    # offscreen/minimal for headless runs and tests; xcb on Linux desktops (also
    # under Wayland, through XWayland); windows on Windows.
    "platforms": ("qoffscreen", "qminimal", "qxcb", "qwindows"),
    "xcbglintegrations": ("qxcb-glx-integration", "qxcb-egl-integration"),
    "imageformats": ("qsvg", "qico", "qjpeg", "qgif"),  # PNG is built into QtGui
    "iconengines": ("qsvgicon",),  # the SVG window icon
    "printsupport": None,  # CUPS on Linux, the Windows print system
    "styles": None,  # the native Windows 11 style (qmodernwindowsstyle)
    # Chinese input methods: ibus (fcitx5 answers the ibus protocol too) and compose keys.
    "platforminputcontexts": ("ibusplatforminputcontextplugin", "composeplatforminputcontextplugin"),
}
# Qt's own translations: only Chinese (the standard dialogs' buttons).
QT_TRANSLATIONS = re.compile(r"^qt(base)?_zh_(CN|TW)\.qm$")

# System libraries the bundled Qt xcb platform needs and which PyInstaller does not
# (and should not) bundle — checked with `ldd` on the bundle (see packaging/README.md;
# `python packaging/build.py --check-libs` lists anything unresolved). Package names
# are Debian 12's and exist under the same names in UOS 20 and Kylin V10.
DEB_DEPENDS = (
    "libc6 (>= 2.28)",
    "libfontconfig1",
    "libfreetype6",
    "libglib2.0-0",
    "libgl1",
    "libegl1",
    "libdbus-1-3",
    "libx11-6",
    "libx11-xcb1",
    "libxcb1",
    "libxcb-cursor0",
    "libxcb-icccm4",
    "libxcb-image0",
    "libxcb-keysyms1",
    "libxcb-randr0",
    "libxcb-render-util0",
    "libxcb-render0",
    "libxcb-shape0",
    "libxcb-shm0",
    "libxcb-sync1",
    "libxcb-xfixes0",
    "libxcb-xinerama0",
    "libxcb-xkb1",
    "libxkbcommon0",
    "libxkbcommon-x11-0",
)
# Chinese fonts for the window and exports; CUPS for printing. (PDF import needs no system tool.)
DEB_RECOMMENDS = ("fonts-noto-cjk | fonts-wqy-microhei | fonts-wqy-zenhei", "libcups2")
DEB_SECTION = "editors"


def plugin_kept(category: str, filename: str) -> bool:
    """Whether the Qt plugin ``category/filename`` goes into the bundle."""
    if category not in QT_PLUGINS:
        return False
    names = QT_PLUGINS[category]
    if names is None:
        return True
    stem = filename.split(".")[0]
    stem = stem.removeprefix("lib")
    return stem in names


def resource_files(root: Path = ROOT) -> list[tuple[Path, str]]:
    """(source file, folder inside the bundle) for every data file of the package ggbg_desktop.resources.

    They go to ``ggbg_desktop/resources/…`` in the bundle, where ``resource_path()`` looks for them.
    """
    base = root / RUNTIME_RESOURCES.relative_to(ROOT)
    out = []
    for path in sorted(base.rglob("*")):
        if not path.is_file() or "__pycache__" in path.parts or path.suffix in (".py", ".pyc"):
            continue
        rel = path.parent.relative_to(root)
        out.append((path, str(rel)))
    return out


def version(root: Path = ROOT) -> str:
    """``ggbg_desktop.__version__``, read without importing the package."""
    return package_constant("__version__", root)
