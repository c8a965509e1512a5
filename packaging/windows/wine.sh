# Sourced by build.sh and check.sh on Linux: a Wine prefix that behaves like a plain Windows 10.
# Works around Wine's gaps (not Windows behaviour; see packaging/README.md):
# - a persistent wineserver, or a `| cat` pipe from a Windows program may never close;
# - a new prefix reports Windows 7: set to Windows 10;
# - a crash exits with code 1 instead of waiting in winedbg (AeDebug);
# - Qt >= 6.10 imports the system icuuc.dll that Windows 10 1703+ has and Wine 8 lacks: a stub
#   compiled from icuuc-stub.c goes into the prefix's system32 — the prefix only, never a bundle;
# - Typst's Rust code imports ProcessPrng from bcryptprimitives.dll (Windows 10+), which Wine 8 lacks:
#   likewise a stub from bcryptprimitives-stub.c;
# - a prefix has no Chinese font, where every Chinese Windows has SimSun/FangSong: the host's CJK fonts are
#   copied into its Windows\Fonts (Typst, like Windows programs, looks there; Wine's own fallback does not
#   reach it).

wine_prefix() {
  local prefix=$1 here
  here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
  export WINEPREFIX=$prefix
  mkdir -p "$prefix"
  wineserver -p 2>/dev/null || true  # already running: fine
  if [ ! -f "$prefix/system.reg" ]; then
    wineboot -i >/dev/null 2>&1  # returns when the prefix is ready
  fi
  # a new Wine 8 prefix says it is Windows 7, which the installer refuses (it needs 10 1703+)
  wine winecfg -v win10 >/dev/null 2>&1
  wine reg add 'HKLM\Software\Microsoft\Windows NT\CurrentVersion\AeDebug' /v Debugger /t REG_SZ \
    /d 'cmd.exe /c exit 1' /f >/dev/null 2>&1
  wine reg add 'HKLM\Software\Microsoft\Windows NT\CurrentVersion\AeDebug' /v Auto /t REG_SZ /d 1 /f \
    >/dev/null 2>&1
  local stub=$prefix/drive_c/windows/system32/icuuc.dll
  if [ ! -f "$stub" ]; then
    command -v x86_64-w64-mingw32-gcc >/dev/null ||
      { echo "x86_64-w64-mingw32-gcc not found: apt-get install gcc-mingw-w64-x86-64-win32" >&2; return 1; }
    x86_64-w64-mingw32-gcc -shared -O2 -s -o "$stub" "$here/icuuc-stub.c"
  fi
  local fonts=$prefix/drive_c/windows/Fonts
  if ! ls "$fonts" | grep -qi cjk; then
    local found
    found=$(fc-list :lang=zh file 2>/dev/null | sed 's/: *$//' | grep -i -E 'cjk.*\.(ttc|otf|ttf)$' | head -n 4)
    [ -n "$found" ] || { echo "no CJK font on this machine: apt-get install fonts-noto-cjk" >&2; return 1; }
    mkdir -p "$fonts"
    while IFS= read -r file; do cp "$file" "$fonts/"; done <<<"$found"
  fi
  stub=$prefix/drive_c/windows/system32/bcryptprimitives.dll
  if [ ! -f "$stub" ]; then
    x86_64-w64-mingw32-gcc -shared -O2 -s -o "$stub" "$here/bcryptprimitives-stub.c" -ladvapi32
  fi
}

# Z:\… path of a Linux path, as Windows programs in the prefix see it
winpath() { winepath -w "$1" 2>/dev/null; }
