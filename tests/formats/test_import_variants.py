"""Reports made the way offices make them import exactly: tables, year, organ and the text parts.

The corpus (tests/fixtures/variants/make_variants.py) is built independently of the program's own
builders and writers: LibreOffice makes the Word, PDF and some Excel files from hand-written
OpenDocument and web pages; the web pages, MHT and text files are written byte by byte in GBK, GB18030,
UTF-16. Variants that need LibreOffice are skipped only where it is not installed.
"""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

from ggbg_desktop.formats.normalize import squash
from ggbg_desktop.formats.registry import read_path

ROOT = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location(
    "make_variants", ROOT / "tests" / "fixtures" / "variants" / "make_variants.py")
make_variants = importlib.util.module_from_spec(_spec)
sys.modules["make_variants"] = make_variants
_spec.loader.exec_module(make_variants)

VARIANTS = make_variants.corpus()
NAMES = [v.name for v in VARIANTS]
BY_NAME = {v.name: v for v in VARIANTS}


@pytest.fixture(scope="session")
def corpus_dir(tmp_path_factory):
    out = tmp_path_factory.mktemp("variants")
    make_variants.build(out)
    return out


@pytest.fixture(scope="module", params=NAMES)
def imported(request, corpus_dir):
    variant = BY_NAME[request.param]
    path = corpus_dir / variant.name
    if variant.soffice and not make_variants.has_soffice():
        pytest.skip("LibreOffice (soffice) is not installed")
    return variant, read_path(path)


def test_tables_exact(imported):
    variant, result = imported
    t, report = variant.truth, result.report
    assert report.flat("t2") == t.t2
    assert report.tables["t3"] == t.t3_imported
    assert report.flat("t4") == t.t4_imported


def test_year_and_organ(imported):
    variant, result = imported
    meta = result.report.meta
    assert meta.year == variant.truth.year
    assert meta.organ == variant.truth.organ
    if variant.published:
        assert meta.published == variant.truth.published
    # from the title, not guessed from the body or the signature
    guesses = [e.message for e in result.log.by_level("warning") if e.area == "meta"]
    assert not guesses


def test_text_parts_survive(imported):
    variant, result = imported
    if variant.text == "none":
        assert not any(result.report.parts[k] for k in ("p1", "p5", "p6"))
        return
    for key in ("p1", "p5", "p6"):
        assert squash(result.report.parts[key]) == squash(variant.truth.parts[key]), key
    assert squash(variant.truth.preamble) in squash(result.report.preamble)


def test_log_reports_what_was_not_read(imported):
    """Nothing is an error; what a file cannot give (a 2019-format table's columns, formulas without
    saved results) is named in the log's warnings, never filled by a guess."""
    variant, result = imported
    lines = "\n".join(result.log.lines())
    assert not result.log.by_level("error"), lines
    warnings = [e.message for e in result.log.by_level("warning")]
    for word in variant.missing:
        assert any(word in m for m in warnings), (word, lines)
    if variant.truth.legacy:
        assert any("2019" in m and "表二" in m for m in warnings), lines
        assert any("其他处理" in m and "留空" in m for m in warnings), lines


def test_check_command_reads_every_variant(corpus_dir):
    """``ggbg check`` reads every file of the corpus; the sums of a current-format report hold, so it
    finds no error (exit 0); a 2019-format report has blank rows it cannot fill (exit 1, not 2)."""
    files = [corpus_dir / v.name for v in VARIANTS if (corpus_dir / v.name).exists()]
    assert len(files) >= (len(VARIANTS) if make_variants.has_soffice() else 10)
    for path in files:
        run = subprocess.run([sys.executable, "-m", "ggbg_desktop.cli", "check", str(path)],
                             capture_output=True, text=True, timeout=120)
        incomplete = BY_NAME[path.name].truth.legacy or BY_NAME[path.name].missing
        assert run.returncode == (1 if incomplete else 0), (path.name, run.stdout, run.stderr)
