"""`pip install .` works outside the checkout: the glossaries ship inside the wheel and are found."""

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from conftest import ROOT


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    pytest.importorskip("hatchling", reason="hatchling (a test dependency) builds the wheel offline")
    out = tmp_path_factory.mktemp("wheel")
    proc = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(out), str(ROOT)],
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 0, proc.stderr
    (whl,) = out.glob("*.whl")
    return whl


def test_wheel_carries_glossaries_and_entry_point(wheel):
    with zipfile.ZipFile(wheel) as z:
        names = z.namelist()
        shipped = {Path(n).name for n in names if n.startswith("qa/glossaries/")}
        entry = next(z.read(n).decode() for n in names if n.endswith("entry_points.txt"))
    assert {p.name for p in (ROOT / "glossaries").iterdir() if p.is_file()} <= shipped
    assert "qa = qa.cli:console" in entry


def test_installed_qa_finds_its_glossaries_outside_the_checkout(wheel, tmp_path):
    target = tmp_path / "site"
    proc = subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(target), str(wheel)],
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 0, proc.stderr
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    doc = elsewhere / "doc.txt"
    doc.write_text("की पहली बैठक रोम में हुई।\n", encoding="utf-8")
    env = dict(os.environ, PYTHONPATH=str(target), NO_COLOR="1")
    probe = subprocess.run(
        [sys.executable, "-c", "import qa.resources as r; print(r.data_dir())"],
        capture_output=True, text=True, cwd=elsewhere, env=env,
    )
    assert probe.returncode == 0, probe.stderr
    assert Path(probe.stdout.strip()) == target / "qa" / "glossaries"
    run = subprocess.run(
        [sys.executable, "-m", "qa", "lint", "doc.txt"], capture_output=True, text=True, cwd=elsewhere, env=env
    )
    assert run.returncode == 1, run.stderr
    assert "doc.txt:1:1: QA501" in run.stdout
