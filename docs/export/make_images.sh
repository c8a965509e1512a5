#!/bin/sh
# Page images of a sample export: the Word file through LibreOffice, and the program's own PDF.
# Needs libreoffice-writer-nogui, poppler-utils, fonts-noto-cjk, fonts-arphic-ukai.
# Run from the repository root with the virtualenv active: sh docs/export/make_images.sh
set -e
out=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
export FONTCONFIG_FILE="$out/fonts.conf" QT_QPA_PLATFORM=offscreen
python - "$work" <<'PY'
import sys
sys.path.insert(0, "tests")
from conftest import complete_report
from ggbg_desktop.formats.registry import write_path
report = complete_report()
report.meta.signature_date = "2024-01-20"
write_path(report, f"{sys.argv[1]}/sample.docx")
write_path(report, f"{sys.argv[1]}/sample-qt.pdf")
PY
soffice -env:UserInstallation=file://$work/lo --headless --convert-to pdf --outdir "$work" "$work/sample.docx" >/dev/null
pdftoppm -png -r 60 "$work/sample.pdf" "$out/word-page"
pdftoppm -png -r 60 -l 2 "$work/sample-qt.pdf" "$out/pdf-page"
rm -rf "$work"
ls -l "$out"/*.png
