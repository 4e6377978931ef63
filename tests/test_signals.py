"""Stopping a run with worker processes: one line, the conventional exit code, no worker left."""

import os
import signal
import subprocess
import sys
import time

import pytest

from conftest import FIXTURES


def _children(pid: int) -> list[str]:
    out = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat", encoding="ascii", errors="replace") as fh:
                    fields = fh.read().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if fields[1] == str(pid):
                out.append(entry)
    return out


def _running(pid: str) -> bool:
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as fh:
            return not any(line.startswith("State:") and "Z" in line for line in fh)
    except OSError:
        return False


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
@pytest.mark.parametrize("sig, code, line", [(signal.SIGINT, 130, "qa: interrupted\n"), (signal.SIGTERM, 143, "qa: terminated\n"),
                                             (signal.SIGKILL, -9, "")])
def test_a_signal_stops_the_run_and_its_workers(tmp_path, sig, code, line):
    lines = [l.strip() for l in (FIXTURES / "ntrex" / "hin.txt").read_text(encoding="utf-8").splitlines() if l.strip()]
    files = []
    for k in range(6):  # about 15 s of work on two cores: still running when the signal comes
        path = tmp_path / f"part{k}.txt"
        path.write_text("".join(f"{lines[(i * 7 + k) % len(lines)]} {i}\n\n" for i in range(3000)), encoding="utf-8")
        files.append(str(path))
    proc = subprocess.Popen([sys.executable, "-m", "qa", "lint", "--no-config", "-j", "2", *files],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    workers: list[str] = []
    deadline = time.monotonic() + 10
    while len(workers) < 2 and time.monotonic() < deadline:
        time.sleep(0.1)
        workers = _children(proc.pid)
    assert len(workers) >= 2, "no worker processes started"
    os.kill(proc.pid, sig)
    err = proc.communicate(timeout=30)[1]
    assert (proc.returncode, err) == (code, line)
    deadline = time.monotonic() + 5
    while any(_running(w) for w in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not any(_running(w) for w in workers)
