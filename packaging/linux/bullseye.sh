#!/usr/bin/env bash
# Build the Linux bundle and .deb for the oldest targets, in a Debian 11 (bullseye, glibc 2.31) root,
# then install the .deb there with apt and run it:  sudo bash packaging/linux/bullseye.sh
#
# A bundle runs only where glibc is at least as new as on the build system: built on Debian 12 it
# needs 2.36; built here it installs on Kylin V10 (2.31), Debian 11, Ubuntu 20.04 and newer.
# Needs root and debootstrap. Root folder: $GGBG_BULLSEYE (default build/bullseye; reused);
# mirror: $GGBG_DEBIAN_MIRROR (default http://deb.debian.org/debian). Output: dist/ggbg-desktop_<v>_amd64.deb.
# Seed for the run: $GGBG_SEED, else the first ../shared/seeds/*.txt.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
ROOTFS=${GGBG_BULLSEYE:-$ROOT/build/bullseye}
MIRROR=${GGBG_DEBIAN_MIRROR:-http://deb.debian.org/debian}
# bullseye has Python 3.9 only: CPython 3.11 is built from the upstream tarball Debian keeps for bookworm
PY_TARBALL=python3.11_3.11.2.orig.tar.gz
PY_SHA256=2411c74bda5bbcfcddaf4531f66d1adc73f247f529aee981b029513aefdbf849
SEED=${GGBG_SEED:-$(ls "$ROOT"/../shared/seeds/*.txt 2>/dev/null | head -n 1 || true)}
started=$(date +%s)
say() { printf '\n==> %s\n' "$*"; }
[ "$(id -u)" = 0 ] || { echo "bullseye.sh: run as root (debootstrap, chroot)" >&2; exit 1; }
[ -f "$SEED" ] || { echo "bullseye.sh: no seed report: set GGBG_SEED" >&2; exit 1; }

if [ ! -f "$ROOTFS/etc/debian_version" ]; then
  say "debootstrap bullseye into $ROOTFS"
  command -v debootstrap >/dev/null || { echo "apt-get install debootstrap" >&2; exit 1; }
  debootstrap --variant=minbase --include=ca-certificates,curl,xz-utils,binutils,file,dpkg-dev,build-essential,\
zlib1g-dev,libssl-dev,libffi-dev,libsqlite3-dev,libbz2-dev,liblzma-dev,libgdbm-dev,uuid-dev,fontconfig,\
fonts-wqy-microhei,libfontconfig1,libfreetype6,libglib2.0-0,libgl1,libegl1,libdbus-1-3,libx11-xcb1,libxkbcommon0,\
libxkbcommon-x11-0,xvfb,xauth bullseye "$ROOTFS" "$MIRROR"
fi
echo "Debian $(cat "$ROOTFS/etc/debian_version"), $(chroot "$ROOTFS" ldd --version | head -n 1)"

mounted=()
for fs in proc dev dev/pts sys; do
  if ! mountpoint -q "$ROOTFS/$fs"; then
    if [ "$fs" = proc ]; then mount -t proc proc "$ROOTFS/proc"; else mount --bind "/$fs" "$ROOTFS/$fs"; fi
    mounted=("$ROOTFS/$fs" "${mounted[@]}")
  fi
done
cleanup() { for m in "${mounted[@]}"; do umount "$m" 2>/dev/null || true; done; }
trap cleanup EXIT
cp /etc/resolv.conf "$ROOTFS/etc/resolv.conf"
# the host's certificate authorities (a TLS-inspecting proxy's too) for pip inside the root
cp /etc/ssl/certs/ca-certificates.crt "$ROOTFS/usr/local/share/host-ca.crt"
in_root() { chroot "$ROOTFS" env -i PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin HOME=/root \
  LANG=C.UTF-8 PIP_CERT=/usr/local/share/host-ca.crt PIP_DISABLE_PIP_VERSION_CHECK=1 "$@"; }

if [ ! -x "$ROOTFS/opt/py311/bin/python3.11" ]; then
  say "CPython 3.11 with a shared libpython (PyInstaller needs it)"
  mkdir -p "$ROOTFS/work/src"
  curl -fsSL -o "$ROOTFS/work/src/$PY_TARBALL" "$MIRROR/pool/main/p/python3.11/$PY_TARBALL"
  echo "$PY_SHA256  $ROOTFS/work/src/$PY_TARBALL" | sha256sum -c -
  in_root bash -ec "cd /work/src && tar xzf $PY_TARBALL && cd Python-3.11.2 &&
    ./configure -q --prefix=/opt/py311 --enable-shared LDFLAGS=-Wl,-rpath,/opt/py311/lib &&
    make -s -j\$(nproc) >/dev/null && make -s install >/dev/null"
fi

say "the bundle and the .deb, built in the root"
rm -rf "$ROOTFS/work/ggbg"
mkdir -p "$ROOTFS/work/ggbg"
(cd "$ROOT" && git ls-files -co --exclude-standard | grep -v '^\.venv/' | tar cf - -T -) | tar xf - -C "$ROOTFS/work/ggbg"
in_root bash -ec "cd /work/ggbg && rm -rf /work/venv && /opt/py311/bin/python3.11 -m venv /work/venv &&
  /work/venv/bin/pip install -q '.[build]' && /work/venv/bin/python packaging/build.py --check-libs"
deb=$(ls "$ROOTFS"/work/ggbg/dist/ggbg-desktop_*_amd64.deb)

say "install it with apt in the root and run it"
cp "$SEED" "$ROOTFS/work/seed.txt"
in_root bash -ec "apt-get update -q >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --reinstall /work/ggbg/dist/$(basename "$deb") | tail -n 2
  mkdir -p '/tmp/年报 测试' && cd '/tmp/年报 测试' && cp /work/seed.txt '上年 年报.txt'
  ggbg check '上年 年报.txt' || [ \$? = 1 ]
  ggbg convert '上年 年报.txt' '报告 甲.ggbg'
  QT_QPA_PLATFORM=offscreen ggbg-desktop --exit-when-ready '报告 甲.ggbg' && echo 'window (offscreen): exit 0'
  Xvfb :55 -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 & x=\$!; sleep 2
  DISPLAY=:55 ggbg-desktop --exit-when-ready '报告 甲.ggbg' && echo 'window (xcb on Xvfb): exit 0'
  kill \$x
  DEBIAN_FRONTEND=noninteractive apt-get remove -y -q ggbg-desktop >/dev/null && echo 'removed again'"
mkdir -p "$ROOT/dist"
cp "$deb" "$ROOT/dist/"
echo "bullseye.sh: $(basename "$deb") ($(du -m "$deb" | cut -f1) MiB), $(dpkg-deb -f "$deb" Depends | grep -o 'libc6 ([^)]*)')," \
  "done in $(( $(date +%s) - started )) s"
