"""The program never reaches for the network: command line and window through a whole
import → edit → check → export cycle, with no network to reach and every attempt recorded.

Each step runs as its own process in two nets at once:

- inside a network namespace with no network (``unshare -n``, or ``unshare -rn`` where
  unprivileged user namespaces are allowed): the step must work with no network at all;
- with an audit hook (``sys.addaudithook``, installed through ``sitecustomize``) that
  writes down every Internet socket, name lookup, connect and URL request made from
  Python, and at exit whether Qt's network or web modules were loaded (Qt's own C++ code
  cannot reach the network without them). The test asserts the record is empty.

Where namespaces are not permitted the audit hook alone still runs every step, and
``test_network_namespace_has_no_network`` is skipped with the reason.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest

from conftest import SEEDS, complete_report

STEP_TIMEOUT = 120

# Written into a folder put first on PYTHONPATH, so every Python process of a step loads it.
SITECUSTOMIZE = r'''
"""Offline test: record every network attempt of this process (tests/test_offline.py)."""
import atexit
import os
import sys

_LOG = os.environ.get("GGBG_NET_AUDIT_LOG")
_AF_UNIX = 1
_ALWAYS = {
    "socket.getaddrinfo", "socket.gethostbyname", "socket.gethostbyaddr", "socket.getnameinfo",
    "urllib.Request", "http.client.connect", "ftplib.connect", "smtplib.connect", "poplib.connect",
    "imaplib.open", "nntplib.connect", "telnetlib.Telnet.open", "webbrowser.open",
}
_WITH_ADDRESS = {"socket.connect", "socket.bind", "socket.sendto", "socket.sendmsg"}
_QT_NETWORK = ("PySide6.QtNetwork", "PySide6.QtWebEngineCore", "PySide6.QtWebEngineWidgets",
               "PySide6.QtWebSockets", "PySide6.QtNetworkAuth", "PySide6.QtHttpServer")


def _write(line):
    with open(_LOG, "a", encoding="utf-8") as f:
        f.write(line + "\n")


def _hook(event, args):
    if event == "socket.__new__":
        family = args[1] if len(args) > 1 else None
        if family == _AF_UNIX:  # local IPC (D-Bus, input methods), not the network
            return
    elif event in _WITH_ADDRESS:
        address = args[1] if len(args) > 1 else None
        if isinstance(address, (str, bytes)):  # a Unix socket path
            return
    elif event not in _ALWAYS:
        return
    _write(f"NETWORK {event} {args[1:]!r}"[:500])


def _loaded_network_modules():
    loaded = [name for name in _QT_NETWORK if name in sys.modules]
    if loaded:
        _write("NETWORK modules loaded: " + ", ".join(loaded))


if _LOG:
    sys.addaudithook(_hook)
    atexit.register(_loaded_network_modules)
    _write(f"armed {os.getpid()}")
'''


def _isolation_prefix() -> tuple[list[str], str]:
    """The command prefix giving a step no network, and why it is empty if none is possible."""
    if not sys.platform.startswith("linux"):
        return [], "network namespaces exist only on Linux"
    unshare = shutil.which("unshare")
    if not unshare:
        return [], "unshare (util-linux) is not installed"
    reasons = []
    for prefix in ([unshare, "-n"], [unshare, "-r", "-n"]):
        try:
            result = subprocess.run([*prefix, "true"], capture_output=True, text=True, timeout=10)
        except (OSError, subprocess.TimeoutExpired) as exc:
            reasons.append(f"{' '.join(prefix[1:])}: {exc}")
            continue
        if result.returncode == 0:
            return prefix, ""
        reasons.append(f"{' '.join(prefix[1:])}: {result.stderr.strip() or result.returncode}")
    return [], "network namespaces not permitted here (" + "; ".join(reasons) + ")"


PREFIX, NO_NAMESPACE = _isolation_prefix()


@dataclass
class Step:
    returncode: int
    stdout: str
    stderr: str


class Offline:
    """Runs program steps without network, and reads what the audit hook recorded."""

    def __init__(self, work: Path):
        self.work = work
        hook_dir = work / "hook"
        hook_dir.mkdir()
        (hook_dir / "sitecustomize.py").write_text(SITECUSTOMIZE, encoding="utf-8")
        self.log = work / "network.log"
        home = work / "home"
        home.mkdir()
        self.env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "PYTHONPATH": os.pathsep.join([str(hook_dir), *filter(None, [os.environ.get("PYTHONPATH")])]),
            "GGBG_NET_AUDIT_LOG": str(self.log),
            "QT_QPA_PLATFORM": "offscreen",
            "PYTHONUTF8": "1",
            "LANG": "C.UTF-8",
            # settings, autosave and recovery files of the window stay in the test's folder
            "HOME": str(home),
            "XDG_CONFIG_HOME": str(home / ".config"),
            "XDG_DATA_HOME": str(home / ".local" / "share"),
            "XDG_CACHE_HOME": str(home / ".cache"),
            "XDG_RUNTIME_DIR": str(home / "run"),
        }
        (home / "run").mkdir(mode=0o700)

    def run(self, *args: str) -> Step:
        self.log.write_text("", encoding="utf-8")
        result = subprocess.run([*PREFIX, sys.executable, *args], cwd=self.work, env=self.env,
                                capture_output=True, text=True, encoding="utf-8", errors="replace",
                                timeout=STEP_TIMEOUT)
        self.assert_no_network(args)
        return Step(result.returncode, result.stdout, result.stderr)

    def ggbg(self, *args: str) -> Step:
        return self.run("-m", "ggbg_desktop.cli", *args)

    def assert_no_network(self, args) -> None:
        lines = self.log.read_text(encoding="utf-8").splitlines()
        assert any(line.startswith("armed ") for line in lines), \
            f"the audit hook did not load in {args!r}: the test would prove nothing"
        attempts = [line for line in lines if line.startswith("NETWORK")]
        assert not attempts, f"{args!r} reached for the network:\n" + "\n".join(attempts)


def _seed() -> Path | None:
    preferred = SEEDS / "004_52047f2dfa4f4279.txt"
    if preferred.exists():
        return preferred
    seeds = sorted(SEEDS.glob("*.txt")) if SEEDS.is_dir() else []
    return seeds[0] if seeds else None


IMPORT_UNAVAILABLE = "" if _seed() else f"no seed reports in {SEEDS}"


@pytest.fixture(scope="module")
def offline(tmp_path_factory) -> Offline:
    return Offline(tmp_path_factory.mktemp("offline"))


@pytest.fixture(scope="module")
def imported(offline) -> tuple[Path, Step | None]:
    """The report the cycle starts from: a seed imported offline, or (without the seeds) a complete
    report saved directly."""
    path = offline.work / "report.ggbg"
    if IMPORT_UNAVAILABLE:
        from ggbg_desktop.formats import native

        native.save(complete_report(), path)
        return path, None
    step = offline.ggbg("convert", str(_seed()), str(path))
    return path, step


@pytest.fixture(scope="module")
def edited(offline, imported) -> Path:
    """The imported report, edited as a clerk would in the file: organ renamed, one
    figure of table 3 raised without its total (a mistake check must find)."""
    source, _ = imported
    data = json.loads(source.read_text(encoding="utf-8"))
    data["meta"]["organ"] = "离线测试县人民政府"
    t3 = data["tables"]["t3"]
    t3[0][0] = (t3[0][0] or 0) + 1
    path = offline.work / "edited.ggbg"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def test_network_namespace_has_no_network(offline):
    """The namespace really has no network: a connection fails at once, it does not time out."""
    if not PREFIX:
        pytest.skip(NO_NAMESPACE + "; the audit hook alone guards the other steps")
    probe = ("import socket\n"
             "try:\n"
             "    socket.create_connection(('192.0.2.1', 80), timeout=5)\n"
             "except OSError as exc:\n"
             "    print('unreachable', exc.errno)\n"
             "else:\n"
             "    print('CONNECTED')\n")
    result = subprocess.run([*PREFIX, sys.executable, "-c", probe], capture_output=True, text=True,
                            timeout=30, env={"PATH": os.environ.get("PATH", "/usr/bin:/bin")})
    assert result.stdout.startswith("unreachable"), result.stdout + result.stderr


def test_audit_hook_sees_a_network_attempt(offline):
    """Guard against a blind hook: a process that does look up a name is caught."""
    with pytest.raises(AssertionError, match="socket.getaddrinfo"):
        offline.run("-c", "import socket\ntry:\n    socket.getaddrinfo('example.com', 80)\nexcept OSError:\n    pass")


def test_import_seed_offline(imported):
    if IMPORT_UNAVAILABLE:
        pytest.skip(f"importing a text report: {IMPORT_UNAVAILABLE}")
    path, step = imported
    assert step.returncode == 0, step.stdout + step.stderr
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["version"] >= 1 and len(data["tables"]["t3"]) == 25


def test_edit_and_check_offline(offline, imported, edited):
    before = offline.ggbg("check", "--json", str(imported[0]))
    after = offline.ggbg("check", "--json", str(edited))
    assert before.returncode in (0, 1), before.stderr
    assert after.returncode == 1, after.stdout + after.stderr

    def row0_total_findings(step):
        return [f for f in json.loads(step.stdout)["findings"]
                if f["rule"] == "t3_row_total" and {"table": "t3", "row": 0, "col": 6} in f["cells"]]

    assert not row0_total_findings(before)
    assert row0_total_findings(after), "the edit made table 3's first row total wrong; check must say so"


@pytest.mark.parametrize("extension", [".docx", ".html", ".pdf"])
def test_export_offline(offline, edited, extension):
    out = offline.work / f"exported{extension}"
    step = offline.ggbg("convert", str(edited), str(out))
    assert step.returncode == 0, step.stdout + step.stderr
    data = out.read_bytes()
    if extension == ".docx":
        with zipfile.ZipFile(out) as z:
            assert "word/document.xml" in z.namelist()
    elif extension == ".html":
        assert b"<html" in data[:2000].lower()
    else:
        assert data.startswith(b"%PDF")


def test_window_offline(offline, edited):
    """The window opens the edited report, paints once and exits, with no network."""
    step = offline.run("-m", "ggbg_desktop", "--exit-when-ready", str(edited))
    assert step.returncode == 0, step.stdout + step.stderr
