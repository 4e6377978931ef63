"""The quality table of docs/quality.md: recall and precision on injected defects, findings on clean
Hindi, and the example's score. One command regenerates everything it needs:

    python tests/benchmarks/quality_table.py                 # prints the table
    python tests/benchmarks/quality_table.py --write-docs    # and writes it into docs/quality.md
    python tests/benchmarks/quality_table.py --json          # the raw numbers

1. A synthetic set (``tools/synth.py``, seed 7, 2,700 defects: 150 of each of the 18 kinds) is
   regenerated into ``tests/artifacts/synth/`` (git-ignored) and scored with ``qa eval``.
2. The 1,997 clean NTREX Hindi lines, each a paragraph, are linted: findings per 100 lines.
3. The example is linted and scored by ``fixtures/score_findings.py``.
Info findings are left out everywhere, as score_findings.py does.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(HERE))

from readme_block import write_block  # noqa: E402

SYNTH_DIR = ROOT / "tests" / "artifacts" / "synth"
EXAMPLE = ROOT / "fixtures" / "g7_rome_lyon_2024.hi.txt"
GOLD = ROOT / "fixtures" / "g7_rome_lyon_2024.gold.jsonl"
NTREX_HIN = ROOT / "fixtures" / "ntrex" / "hin.txt"
SEED, DEFECTS = 7, 2700
RECALL_TARGET = 0.9
MINOR_PER_100, MAJOR_PER_100 = 3.0, 0.5
#: The garbled-text rules (glued words, encoding, punctuation, structure and consistency, locale)
#: and their own bound on the clean lines.
GARBLED, GARBLED_PER_100 = ("QA2", "QA3", "QA4", "QA5", "QA8"), 1.5


def synthetic() -> dict:
    from qa import evaluation

    sys.path.insert(0, str(ROOT / "tools"))
    import synth  # tools/synth.py

    from qa.document import read_document
    from qa.engine import Options, lint_document
    from qa.rules import select_rules

    manifest = synth.build(SYNTH_DIR, defects=DEFECTS, seed=SEED)
    options = Options(rules=select_rules())
    reports, with_info = [], []
    for doc_path, gold_path in evaluation.find_pairs(SYNTH_DIR):
        doc = read_document(doc_path)
        gold = evaluation.load_gold(gold_path, doc)
        result = lint_document(doc, options)
        for out, info in ((reports, False), (with_info, True)):
            rep = evaluation.score(gold, evaluation.scored_from_result(result, doc, info), doc)
            rep["document"] = doc_path
            out.append(rep)
    total = evaluation.combine(reports)
    total_info = evaluation.combine(with_info)
    for kind, row in total["by_kind"].items():
        row["found_any_severity"] = total_info["by_kind"][kind]["found"]
    examples: dict[str, list[str]] = {}
    for m in total["missed_items"]:
        got = examples.setdefault(m.get("kind", "?"), [])
        if len(got) < 3:
            got.append(repr(m.get("text", ""))[:60] + (f" (found as {', '.join(m['found_as'])})" if m.get("found_as") else ""))
    return {"manifest": manifest, "total": {k: v for k, v in total.items() if k not in ("missed_items", "false_alarms")},
            "missed_examples": examples,
            "false_alarm_rules": Counter(f"{f['rule']} {f['name']}" for f in total["false_alarms"]).most_common(8)}


def clean_ntrex() -> dict:
    from qa.document import from_text
    from qa.engine import Options, lint_document
    from qa.rules import select_rules

    lines = [l.strip() for l in NTREX_HIN.read_text(encoding="utf-8").splitlines() if l.strip()]
    result = lint_document(from_text("\n\n".join(lines) + "\n", "ntrex/hin.txt"), Options(rules=select_rules()))
    sev = Counter(f.severity.value for f in result.findings)
    minor_up = sev["minor"] + sev["major"] + sev["critical"]
    major_up = sev["major"] + sev["critical"]
    scored = [f for f in result.findings if f.severity.value != "info"]
    by_rule = Counter(f"{f.rule} {f.name} ({f.severity.value})" for f in scored)
    garbled = [f for f in scored if f.rule.startswith(GARBLED)]
    return {"lines": len(lines), "by_severity": dict(sev),
            "garbled_minor_or_above": len(garbled),
            "garbled_minor_or_above_per_100": round(100 * len(garbled) / len(lines), 2),
            "garbled_by_rule": dict(Counter(f.rule for f in garbled).most_common()),
            "minor_or_above_per_100": round(100 * minor_up / len(lines), 2),
            "major_or_above_per_100": round(100 * major_up / len(lines), 2),
            "top_rules": by_rule.most_common(6)}


def example() -> dict:
    with tempfile.TemporaryDirectory(prefix="qa-quality-") as tmp:
        findings = Path(tmp) / "example.json"
        with open(findings, "w", encoding="utf-8") as fh:
            subprocess.run([sys.executable, "-m", "qa", "lint", "--format", "json", str(EXAMPLE)], stdout=fh, check=False)
        proc = subprocess.run([sys.executable, str(ROOT / "fixtures" / "score_findings.py"), str(EXAMPLE), str(GOLD),
                               str(findings)], capture_output=True, text=True, check=True)
    lines = proc.stdout.splitlines()
    return {"last_line": lines[-1], "required_line": lines[0], "stretch_line": lines[1],
            "false_positives": [l for l in lines if l.startswith("false positive:")]}


def _f(x) -> str:
    return "–" if x is None else f"{x:.3f}"


def render(data: dict) -> str:
    syn, tot = data["synthetic"], data["synthetic"]["total"]
    man = syn["manifest"]
    ok = lambda good: "✓" if good else "✗"
    out = [
        "Regenerate with `python tests/benchmarks/quality_table.py --write-docs` (about a minute).",
        "",
        f"**Injected defects** (`tools/synth.py`, seed {man['seed']}: {man['defects']:,} defects in {man['documents']} "
        f"documents of clean NTREX Hindi, {man['paragraphs']:,} paragraphs; regenerated into `tests/artifacts/synth/`, "
        f"scored with `qa eval tests/artifacts/synth`). Recall: the defect's span is overlapped by a finding of its "
        f"category (any category: by any finding; any severity: counting info findings too, which "
        f"`score_findings.py` leaves out). Target: recall ≥ {RECALL_TARGET} for every kind.",
        "",
        "| defect kind | category | injected | found | recall | any category | any severity | |",
        "|---|---|---:|---:|---:|---:|---:|:-:|",
    ]
    for kind, row in tot["by_kind"].items():
        cat = "/".join(man["kinds"].get(kind, {}).get("categories", ["?"]))
        any_cat = row["found_any_category"] / row["items"] if row["items"] else None
        any_sev = row["found_any_severity"] / row["items"] if row["items"] else None
        out.append(f"| {kind} | {cat} | {row['items']} | {row['found']} | {_f(row['recall'])} | {_f(any_cat)} | "
                   f"{_f(any_sev)} | {ok((row['recall'] or 0) >= RECALL_TARGET)} |")
    req = tot["required"]
    out.append(f"| **all** | | {req['items']} | {req['found']} | {_f(tot['recall'])} | {_f(tot['recall_any_category'])} | | |")
    out += [
        "",
        "**Precision per category on the synthetic set** (a finding is right when it overlaps an injected "
        "defect; the rest are false alarms on the clean text around them):",
        "",
        "| category | findings | right | precision |",
        "|---|---:|---:|---:|",
    ]
    for cat, row in tot["by_category"].items():
        if row["findings"]:
            out.append(f"| {cat} | {row['findings']} | {row['true_positives']} | {_f(row['precision'])} |")
    out.append(f"| **all** | {tot['findings']} | {tot['true_positives']} | {_f(tot['precision'])} |")
    clean = data["clean"]
    out += [
        "",
        f"**Clean NTREX Hindi** ({clean['lines']:,} human news sentences, each a paragraph): "
        f"{clean['minor_or_above_per_100']} findings of severity minor or above per 100 lines "
        f"(target ≤ {MINOR_PER_100:g} {ok(clean['minor_or_above_per_100'] <= MINOR_PER_100)}), "
        f"{clean['major_or_above_per_100']} major or above (target ≤ {MAJOR_PER_100} "
        f"{ok(clean['major_or_above_per_100'] <= MAJOR_PER_100)}). "
        + ("Most frequent: " + ", ".join(f"{r} × {n}" for r, n in clean["top_rules"]) + "." if clean["top_rules"] else "")
        + f" The garbled-text rules alone (QA2xx–QA5xx, QA8xx): {clean['garbled_minor_or_above']} minor or above, "
        f"{clean['garbled_minor_or_above_per_100']} per 100 lines (target ≤ {GARBLED_PER_100:g} "
        f"{ok(clean['garbled_minor_or_above_per_100'] <= GARBLED_PER_100)}): "
        + ", ".join(f"{r} × {n}" for r, n in clean["garbled_by_rule"].items()) + ".",
        "",
        f"**The example** (`fixtures/score_findings.py` on `qa lint --format json "
        f"fixtures/g7_rome_lyon_2024.hi.txt`; target recall ≥ 0.9 with precision ≥ 0.9): "
        f"`{data['example']['last_line']}`; {data['example']['required_line']}.",
    ]
    return "\n".join(out)


def collect() -> dict:
    return {"synthetic": synthetic(), "clean": clean_ntrex(), "example": example()}


if __name__ == "__main__":
    data = collect()
    if "--json" in sys.argv:
        print(json.dumps(data, ensure_ascii=False, indent=1))
    else:
        text = render(data)
        print(text)
        print()
        print("misses by kind (examples):")
        for kind, ex in data["synthetic"]["missed_examples"].items():
            print(f"  {kind}: {'; '.join(ex)}")
        print("false alarms on the synthetic set, by rule:", data["synthetic"]["false_alarm_rules"])
        if "--write-docs" in sys.argv:
            write_block(ROOT / "docs" / "quality.md", "quality-table", text)
