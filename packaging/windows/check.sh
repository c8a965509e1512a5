#!/usr/bin/env bash
# Smoke test of the Windows installer under Wine (Linux): bash packaging/windows/check.sh [setup.exe]
#
# In a fresh Wine prefix that speaks Chinese (LANG=zh_CN.UTF-8: code page 936, as on Chinese Windows):
#  1. setup.exe /S installs per user: files in %LOCALAPPDATA%\Programs\ggbg-desktop (the user guide at
#     _internal\ggbg_desktop\resources\help\user-guide.md), Start-menu entry, .ggbg association, uninstall entry;
#  2. the installed ggbg.exe checks and converts a seed report in a folder named with Chinese characters and
#     spaces; its Chinese output is read back (GBK in the Chinese prefix, UTF-8 with code page 1252);
#  3. ggbg-desktop.exe --exit-when-ready opens the report on Xvfb (Qt's real "windows" platform) and exits 0;
#     the window is then opened for real and a screenshot saved (look at it);
#  4. uninstall.exe /S removes the program, the shortcut and the registry entries, leaving nothing.
# Needs wine, wine64, xvfb, imagemagick (import), xdotool, gcc-mingw-w64-x86-64-win32, locales.
# Work folder: $GGBG_WIN_CHECK (default build/windows-check; recreated on every run).
# Seed: $GGBG_SEED, else the first ../shared/seeds/*.txt next to the repository.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
WORK=${GGBG_WIN_CHECK:-$ROOT/build/windows-check}
started=$(date +%s)
say() { printf '\n==> %s\n' "$*"; }
fail() { printf 'check.sh: FAILED: %s\n' "$*" >&2; exit 1; }

SETUP=${1:-}
if [ -z "$SETUP" ]; then
  SETUP=$(ls -t "$ROOT"/dist/ggbg-desktop-*-setup.exe 2>/dev/null | head -n 1 || true)
fi
[ -f "$SETUP" ] || fail "no installer: run packaging/windows/build.sh first (or pass setup.exe)"
SETUP=$(cd "$(dirname "$SETUP")" && pwd)/$(basename "$SETUP")
SEED=${GGBG_SEED:-$(ls "$ROOT"/../shared/seeds/*.txt 2>/dev/null | head -n 1 || true)}
[ -f "$SEED" ] || fail "no seed report: set GGBG_SEED to a report file"
for tool in wine winepath Xvfb import xdotool iconv; do
  command -v "$tool" >/dev/null || fail "$tool not found"
done

# ---- a fresh prefix, Chinese Windows ---------------------------------------------------------------
if [ -n "${WINEPREFIX:-}" ] && [ -d "$WORK/prefix" ]; then WINEPREFIX=$WORK/prefix wineserver -k 2>/dev/null || true; fi
rm -rf "$WORK"
mkdir -p "$WORK"
export WINEPREFIX=$WORK/prefix WINEARCH=win64 WINEDEBUG=-all
export WINEDLLOVERRIDES="mscoree=;mshtml=;winemenubuilder.exe=d"
# Wine takes its Windows locale and code page (936) from LC_ALL, and converts file names with the host's
# locale: without a zh_CN.UTF-8 locale on the host, Chinese file names fail (e.g. the Start-menu entry).
# The two locales are compiled into the work folder, the system is left alone.
mkdir -p "$WORK/locale"
for loc in zh_CN en_US; do
  localedef -i "$loc" -f UTF-8 "$WORK/locale/$loc.UTF-8" 2>/dev/null ||
    fail "cannot make the $loc.UTF-8 locale (apt-get install locales)"
done
export LOCPATH=$WORK/locale LANG=zh_CN.UTF-8 LC_ALL=zh_CN.UTF-8
# shellcheck source=packaging/windows/wine.sh
. "$ROOT/packaging/windows/wine.sh"
say "fresh Wine prefix $WINEPREFIX"
wine_prefix "$WINEPREFIX"
trap 'wineserver -k 2>/dev/null || true' EXIT
# A Windows program under Wine dies when its output is a regular file: always a pipe.
win() { wine "$@" 2>&1 | cat; return "${PIPESTATUS[0]}"; }
winenv() { wine cmd /c echo "%$1%" 2>/dev/null | tr -d '\r'; }
acp=$(wine reg query 'HKLM\System\CurrentControlSet\Control\Nls\CodePage' /v ACP 2>/dev/null | tr -d '\r' |
  awk '/ACP/ {print $NF}')
echo "ANSI code page: $acp"
[ "$acp" = 936 ] || fail "the prefix is not Chinese (code page $acp): is zh_CN known to Wine?"

LOCALAPPDATA_UNIX=$(winepath -u "$(winenv LOCALAPPDATA)")
APPDATA_UNIX=$(winepath -u "$(winenv APPDATA)")
INSTDIR=$LOCALAPPDATA_UNIX/Programs/ggbg-desktop
LNK="$APPDATA_UNIX/Microsoft/Windows/Start Menu/Programs/政府信息公开年报编辑器.lnk"

# ---- 1. silent per-user install ------------------------------------------------------------------------
say "install: $(basename "$SETUP") /S /ADDTOPATH  ($(du -m "$SETUP" | cut -f1) MiB)"
t0=$(date +%s)
win "$(winpath "$SETUP")" /S /ADDTOPATH || fail "setup.exe /S exited $? (2: it refused this system or was cancelled)"
echo "installed in $(( $(date +%s) - t0 )) s: $(du -sm "$INSTDIR" | cut -f1) MiB, $(find "$INSTDIR" -type f | wc -l) files"
for f in ggbg.exe ggbg-desktop.exe uninstall.exe _internal; do
  [ -e "$INSTDIR/$f" ] || fail "$INSTDIR/$f missing"
done
[ -f "$LNK" ] || fail "no Start-menu entry at $LNK"
# the program's data files, where resource_path() looks in the frozen program (帮助 → 使用说明 reads this)
GUIDE="$INSTDIR/_internal/ggbg_desktop/resources/help/user-guide.md"
[ -f "$GUIDE" ] || fail "the user guide is not installed at $GUIDE"
head -n 1 "$GUIDE" | grep -q "使用说明" || fail "$GUIDE is not the user guide"
regval() { wine reg query "$1" /ve 2>/dev/null | tr -d '\r' | awk -F'REG_SZ' 'NF > 1 {sub(/^[ \t]+/, "", $2); print $2}'; }
[ "$(regval 'HKCU\Software\Classes\.ggbg')" = ggbg.report ] || fail ".ggbg is not associated"
regval 'HKCU\Software\Classes\ggbg.report\shell\open\command' | grep -q 'ggbg-desktop.exe" "%1"' ||
  fail "no open command for .ggbg"
wine reg query 'HKCU\Software\Microsoft\Windows\CurrentVersion\Uninstall\ggbg-desktop' >/dev/null 2>&1 ||
  fail "no uninstall entry"
userpath() { wine reg query 'HKCU\Environment' /v Path 2>/dev/null | tr -d '\r' | awk -F'REG_(EXPAND_)?SZ' 'NF > 1 {print $2}'; }
userpath | grep -qiF "$(winpath "$INSTDIR")" || fail "/ADDTOPATH did not put the program folder on the user's PATH"
find "$INSTDIR" -iname 'icuuc*.dll' | grep -q . && fail "the Wine test stub icuuc.dll was installed"
find "$INSTDIR" -iname 'bcryptprimitives*.dll' | grep -q . && fail "the Wine test stub bcryptprimitives.dll was installed"
for f in opengl32sw.dll _ssl.pyd; do
  find "$INSTDIR" -iname "$f" | grep -q . && fail "$f is in the bundle"
done
echo "files, Start-menu entry, association, PATH entry and uninstall entry are there"

# ---- 2. the command line on a seed in a Chinese folder with spaces -------------------------------------
FOLDER="$WORK/年报 测试/2024 年"
mkdir -p "$FOLDER"
cp "$SEED" "$FOLDER/上年 年报.txt"
GGBG=$(winpath "$INSTDIR/ggbg.exe")
W() { winpath "$FOLDER/$1"; }
say "ggbg.exe check / convert in $(W '')"
set +e
win "$GGBG" check "$(W '上年 年报.txt')" > "$WORK/check.out"
code=$?
set -e
iconv -f GBK -t UTF-8 "$WORK/check.out" > "$WORK/check.txt" || fail "ggbg check output is not GBK (code page 936)"
cat "$WORK/check.txt"
[ "$code" -le 1 ] || fail "ggbg check exited $code"
grep -q "个错误" "$WORK/check.txt" || fail "no readable Chinese summary from ggbg check"
win "$GGBG" convert "$(W '上年 年报.txt')" "$(W '报告 甲.ggbg')" > "$WORK/import.out" || fail "import of the seed failed"
iconv -f GBK -t UTF-8 "$WORK/import.out"
for ext in docx html txt pdf xlsx; do
  set +e
  win "$GGBG" convert "$(W '报告 甲.ggbg')" "$(W "报告 甲.$ext")" > "$WORK/convert-$ext.out"
  code=$?
  set -e
  iconv -f GBK -t UTF-8 "$WORK/convert-$ext.out" || true
  [ "$code" = 0 ] || fail "convert to .$ext exited $code"
  [ -s "$FOLDER/报告 甲.$ext" ] || fail "convert to .$ext wrote nothing"
done
# every export reads back in: the PDF through pdfplumber/pypdfium2, the others through their readers
for ext in docx html pdf xlsx; do
  win "$GGBG" convert "$(W "报告 甲.$ext")" "$(W "回读 $ext.ggbg")" > "$WORK/back-$ext.out" ||
    { iconv -f GBK -t UTF-8 "$WORK/back-$ext.out"; fail "reading back the .$ext export failed"; }
  [ -s "$FOLDER/回读 $ext.ggbg" ] || fail "reading back the .$ext export wrote nothing"
done
grep -q "政府信息公开" "$FOLDER/报告 甲.txt" || fail "the .txt export has no Chinese text"
ls -l "$FOLDER"
say "ggbg.exe on a code page without Chinese (1252): no crash, UTF-8 output"
set +e
LANG=en_US.UTF-8 LC_ALL=en_US.UTF-8 wine "$GGBG" check "$(W '报告 甲.ggbg')" 2>&1 | cat > "$WORK/check-1252.out"
code=${PIPESTATUS[0]}
set -e
cat "$WORK/check-1252.out"
[ "$code" -le 1 ] || fail "ggbg check exited $code under code page 1252"
grep -q "个错误" "$WORK/check-1252.out" || fail "ggbg check under code page 1252 did not print UTF-8 Chinese"

# ---- 3. the window on Xvfb ---------------------------------------------------------------------------------
say "ggbg-desktop.exe on Xvfb"
number=$(( 90 + RANDOM % 100 ))
while [ -e "/tmp/.X$number-lock" ]; do number=$(( number + 1 )); done  # a display no other X server holds
display=:$number
Xvfb "$display" -screen 0 1400x900x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
trap 'kill $xvfb 2>/dev/null || true; wineserver -k 2>/dev/null || true' EXIT
sleep 2
kill -0 "$xvfb" 2>/dev/null || fail "Xvfb did not start on $display"
export DISPLAY=$display
GUI=$(winpath "$INSTDIR/ggbg-desktop.exe")
t0=$(date +%s)
win "$GUI" --exit-when-ready "$(W '报告 甲.ggbg')" || fail "ggbg-desktop.exe --exit-when-ready failed"
echo "--exit-when-ready: exit 0 after $(( $(date +%s) - t0 )) s (first start, cold prefix)"
wine "$GUI" "$(W '报告 甲.ggbg')" >/dev/null 2>&1 &
window=""
for _ in $(seq 60); do
  window=$(xdotool search --name "报告 甲" 2>/dev/null | head -n 1 || true)
  [ -n "$window" ] && break
  sleep 1
done
[ -n "$window" ] || fail "no window titled with the report's name appeared"
sleep 3
import -window root "$WORK/screenshot.png"
echo "window: $(xdotool getwindowname "$window"); screenshot: $WORK/screenshot.png"
wine taskkill /f /im ggbg-desktop.exe >/dev/null 2>&1 || true
sleep 2

# ---- 4. silent uninstall -------------------------------------------------------------------------------------
say "uninstall.exe /S"
win "$(winpath "$INSTDIR/uninstall.exe")" /S || fail "uninstall.exe /S exited $?"
for _ in $(seq 60); do  # the uninstaller copies itself to %TEMP% and works from there
  [ -e "$INSTDIR" ] || break
  sleep 1
done
[ ! -e "$INSTDIR" ] || { find "$INSTDIR" | head; fail "$INSTDIR is still there"; }
[ ! -e "$LNK" ] || fail "the Start-menu entry is still there"
for key in 'HKCU\Software\Classes\.ggbg' 'HKCU\Software\Classes\ggbg.report' \
  'HKCU\Software\Classes\Applications\ggbg-desktop.exe' \
  'HKCU\Software\Microsoft\Windows\CurrentVersion\Uninstall\ggbg-desktop'; do
  if wine reg query "$key" >/dev/null 2>&1; then fail "$key is still in the registry"; fi
done
if userpath | grep -qiF "$(winpath "$INSTDIR")"; then fail "the program folder is still on PATH"; fi
echo "program folder, Start-menu entry, PATH entry and registry entries are gone"
echo
echo "check.sh: PASSED in $(( $(date +%s) - started )) s; look at $WORK/screenshot.png"
