"""Mutated inputs of every format: each reader imports or raises the typed import error, nothing else.

The seeds and exports of a complete report are damaged the ways files get damaged:
bytes flipped, files truncated, zip members cut short or dropped, lines shuffled.
``GGBG_FUZZ_EXAMPLES`` raises the number of examples for the long run (docs/fuzzing.md).
"""

import importlib.util
import io
import os
import zipfile

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ggbg_desktop.errors import UserError
from ggbg_desktop.formats import registry

EXAMPLES = int(os.environ.get("GGBG_FUZZ_EXAMPLES", "25"))


def _available(module: str) -> bool:
    try:
        return importlib.util.find_spec(module) is not None
    except ModuleNotFoundError:
        return False


def _corpus():
    """(name, bytes) of every input format we can make here."""
    from conftest import SEEDS, complete_report

    items = []
    if SEEDS.exists():
        for path in sorted(SEEDS.glob("*.txt"))[:3]:
            raw = path.read_bytes()
            items.append((path.name, raw))
            items.append(("gbk-" + path.name, raw.decode("utf-8").encode("gb18030")))
    report = complete_report()
    for fmt in registry.WRITERS:
        if fmt.name in ("docx", "xlsx", "html", "text") and _available(fmt.module):
            try:
                items.append((f"export{fmt.extensions[0]}", registry.export_bytes(report, fmt)))
            except UserError:
                pass
    return items


CORPUS = _corpus() if _available(registry.RECOGNIZER) else []


def _flip(data: bytes, positions, values) -> bytes:
    out = bytearray(data)
    for p, v in zip(positions, values):
        out[p % len(out)] = v
    return bytes(out)


def _damage_zip(data: bytes, member_index: int, keep: float, drop: bool) -> bytes:
    src = zipfile.ZipFile(io.BytesIO(data))
    names = src.namelist()
    victim = names[member_index % len(names)]
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as dst:
        for name in names:
            body = src.read(name)
            if name == victim:
                if drop:
                    continue
                body = body[: int(len(body) * keep)]
            dst.writestr(name, body)
    return buf.getvalue()


def _shuffle_lines(data: bytes, seed: int) -> bytes:
    import random

    lines = data.split(b"\n")
    random.Random(seed).shuffle(lines)
    return b"\n".join(lines)


mutation = st.one_of(
    st.tuples(st.just("flip"), st.lists(st.integers(0, 10**7), min_size=1, max_size=20),
              st.lists(st.integers(0, 255), min_size=20, max_size=20)),
    st.tuples(st.just("truncate"), st.floats(0, 1)),
    st.tuples(st.just("zip"), st.integers(0, 50), st.floats(0, 1), st.booleans()),
    st.tuples(st.just("shuffle"), st.integers(0, 10**6)),
)


def _apply(data: bytes, m) -> bytes:
    kind = m[0]
    if kind == "flip":
        return _flip(data, m[1], m[2])
    if kind == "truncate":
        return data[: int(len(data) * m[1])]
    if kind == "zip":
        if not data.startswith(b"PK"):
            return data[::-1]
        return _damage_zip(data, m[1], m[2], m[3])
    return _shuffle_lines(data, m[1])


@pytest.mark.skipif(not CORPUS, reason="readers not present")
@settings(max_examples=EXAMPLES, deadline=5000, suppress_health_check=[HealthCheck.too_slow])
@given(index=st.integers(0, 10**6), m=mutation)
def test_mutated_inputs_import_or_are_refused(index, m):
    name, data = CORPUS[index % len(CORPUS)]
    damaged = _apply(data, m)
    if not damaged:
        return
    try:
        result = registry.read_bytes(damaged, name)
    except UserError as exc:
        assert exc.message
        return
    assert result.report is not None
