"""docs/architecture.md's worked example stays true: its rule module, its pinned examples and its
``qa.toml`` option are taken from the page and run (in a fresh interpreter, so that the example
rule never joins the registry of the test session)."""

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PAGE = ROOT / "docs" / "architecture.md"

SCRIPT = r'''
import sys, tomllib, types
sys.path.insert(0, sys.argv[1])
code, examples, config = sys.argv[2], sys.argv[3], sys.argv[4]
module = types.ModuleType("qa.rules.exclamation")
module.__package__ = "qa.rules"
sys.modules[module.__name__] = module
exec(compile(code, "docs/architecture.md", "exec"), module.__dict__)

import qa
from qa.rules import all_rules, get_rule
from runqa import lint, run
from test_examples import unmark

rule = get_rule("QA490")
assert rule in all_rules(), "the registry finds the new rule"
flags, passes = rule.examples()
assert flags and passes
for text in flags:
    assert lint(text, rule), text
for text in passes:
    assert not lint(text, rule), text
for example in tomllib.loads(examples)["example"]:
    text, spans = unmark(example["text"])
    found = lint(text, get_rule(example["rule"]))
    assert [(f.paragraph, f.start, f.end) for f in found] == spans, (example, found)
    assert [f.suggestion for f in found] == example.get("suggestion", [])
    assert [f.severity.value for f in found] == example.get("severity", [])
settings = {"select": ["QA490"], **tomllib.loads(config)}
assert qa.lint_text("सफल रहा!!", config=settings).findings == ()
assert [i.text for i in qa.lint_text("सफल रहा!!!", config=settings).findings] == ["!!!"]
explained = run("explain", "QA490")
assert explained.returncode == 0 and "`max-marks` (a whole number, default `1`)" in explained.out, explained
print("ok")
'''


def blocks(lang: str) -> list[str]:
    text = PAGE.read_text(encoding="utf-8")
    return re.findall(rf"^```{lang}\n(.*?)^```", text, re.M | re.S)


def test_the_worked_example_runs():
    (code,) = blocks("python")
    examples, config = blocks("toml")
    out = subprocess.run([sys.executable, "-c", SCRIPT, str(ROOT / "tests"), code, examples, config],
                         capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert out.returncode == 0 and out.stdout.strip() == "ok", out.stderr[-3000:]


def test_the_page_names_files_that_exist():
    text = PAGE.read_text(encoding="utf-8")
    for path in re.findall(r"`((?:qa|tests|tools|glossaries)/[\w/.<>]*)`", text):
        if "NAME" in path or "<" in path or path.endswith("exclamation.py"):
            continue
        assert (ROOT / path).exists(), path


def _imports(path: Path) -> set[str]:
    """The qa modules ``path`` imports (relative imports resolved; ``from . import x`` as ``x``)."""
    parts = path.relative_to(ROOT).with_suffix("").parts
    package = parts[:-1] if parts[-1] != "__init__" else parts
    found = set()
    for dots, name, names in re.findall(r"^\s*from (\.+)([\w.]*) import \(?([\w, ]*)", path.read_text(encoding="utf-8"), re.M):
        base = package[: len(package) - len(dots) + 1]
        if name:
            found.add(".".join((*base, name)))
        else:
            found.update(".".join((*base, n.strip().split(" ")[0])) for n in names.split(",") if n.strip())
    found.update(re.findall(r"^\s*(?:from|import) (qa(?:\.\w+)*)", path.read_text(encoding="utf-8"), re.M))
    return found


def test_the_layers_import_as_the_page_says():
    def under(prefix):
        return [p for p in sorted((ROOT / "qa").rglob("*.py")) if ".".join(p.relative_to(ROOT).with_suffix("").parts).startswith(prefix)]

    def forbidden(paths, banned):
        return [(p.name, m) for p in paths for m in _imports(p) if any(m == b or m.startswith(b + ".") for b in banned)]

    assert not [m for m in _imports(ROOT / "qa" / "model.py") if m.startswith("qa")]
    assert all(m in ("qa.model",) or not m.startswith("qa") for m in _imports(ROOT / "qa" / "scoring.py"))
    assert not forbidden(under("qa.rules"), ("qa.engine", "qa.runner", "qa.reporters", "qa.cli"))
    assert not forbidden(under("qa.reporters"), ("qa.engine", "qa.runner", "qa.cli"))
