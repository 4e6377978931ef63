"""False alarms on clean human Hindi, and the gate on real machine translation with human scores.

    python tests/benchmarks/clean_corpora.py [--corpora DIR] [--write-docs]

Clean corpora (every finding on them is a false alarm; one paragraph a line or sentence):
NTREX Hindi (`fixtures/ntrex/hin.txt`) and UD Hindi PUD (`fixtures/ud_hindi_pud/hin.txt`), each
linted as one file of paragraphs, as a user would; and, when ``--corpora DIR`` holds
``wmt24_esa_dev`` (WMT24 English->Hindi MT with human scores; not shipped: its licence is the WMT
organisers' research terms), the human reference documents (system ``refA``), one file each.
Targets: at most 2 minor-or-worse and 0.3 major-or-worse findings per 100 paragraphs.

With the WMT24 data, also the gate on the machine translations (the PO files, with their English
source): the share of documents humans scored below 50 that ``qa gate`` fails (target >= 50 %) and
of those scored 90 or more (target <= 2 %). Per rule: minor-or-worse findings on each corpus
(``--json FILE`` records them; ``--before FILE`` puts such a record beside them: before → after).
"""

from __future__ import annotations

import argparse
import collections
import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
#: ``--tree DIR``: import ``qa`` from another checkout (to record the figures of an earlier
#: version with ``--json``); the corpora still come from this one.
_TREE = Path(sys.argv[sys.argv.index("--tree") + 1]) if "--tree" in sys.argv[:-1] else ROOT
sys.path.insert(0, str(_TREE))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from qa.api import options_from  # noqa: E402
from qa.config import Settings  # noqa: E402
from qa.runner import lint_inputs  # noqa: E402

SCORED = ("minor", "major", "critical")


def lines_file(src: Path, out: Path) -> Path:
    """One paragraph per non-blank line of ``src``."""
    out.write_text("".join(line.strip() + "\n\n" for line in src.read_text(encoding="utf-8").splitlines() if line.strip()),
                   encoding="utf-8")
    return out


def count(paths: list[Path]) -> dict:
    options = options_from(Settings())
    results = [r for _, r in lint_inputs([(str(p), options) for p in paths])]
    paragraphs = sum(len(r.paragraphs) for r in results)
    rules = collections.Counter()
    minor = major = 0
    for r in results:
        for f in r.findings:
            if f.severity.value in SCORED:
                minor += 1
                major += f.severity.value != "minor"
                rules[(f.rule, f.severity.value)] += 1
    return {"paragraphs": paragraphs, "minor+": 100 * minor / paragraphs, "major+": 100 * major / paragraphs,
            "rules": rules, "results": results}


def gate(esa: Path) -> dict:
    metas = [json.loads(line) for line in (esa / "meta.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]
    human: dict[str, list[float]] = collections.defaultdict(list)
    for m in metas:
        human[m["file"]].append(m["score"])
    files = sorted(human)
    options = options_from(Settings())
    passed = {Path(r.path).name.split(".")[0]: r.passed
              for _, r in lint_inputs([(str(esa / "docs" / f"{f}.po"), options) for f in files])}
    bad = [f for f in files if sum(human[f]) / len(human[f]) < 50]
    good = [f for f in files if sum(human[f]) / len(human[f]) >= 90]
    return {"bad": len(bad), "bad_failed": sum(not passed[f] for f in bad),
            "good": len(good), "good_failed": sum(not passed[f] for f in good)}


def corpora_rows(corpora: Path | None) -> tuple[dict, Path | None]:
    with tempfile.TemporaryDirectory(prefix="qa-clean-") as tmp:
        rows = {
            "NTREX Hindi (1,997 lines)": count([lines_file(ROOT / "fixtures" / "ntrex" / "hin.txt", Path(tmp) / "ntrex.txt")]),
            "UD Hindi PUD (1,000 sentences)": count([lines_file(ROOT / "fixtures" / "ud_hindi_pud" / "hin.txt", Path(tmp) / "pud.txt")]),
        }
        esa = corpora / "wmt24_esa_dev" if corpora else None
        if esa and esa.is_dir():
            refs = sorted({json.loads(line)["file"] for line in (esa / "meta.jsonl").read_text(encoding="utf-8").splitlines()
                           if line.strip() and json.loads(line)["system"] == "refA"})
            rows["WMT24 human references (refA)"] = count([esa / "docs" / f"{f}.hi.txt" for f in refs])
    return rows, esa


def per_rule(rows: dict) -> dict:
    """{corpus: {rule: [minor+, major+]}}: the record ``--json`` writes."""
    out: dict = {}
    for name, row in rows.items():
        rules: dict = {}
        for (rule, sev), n in row["rules"].items():
            r = rules.setdefault(rule, [0, 0])
            r[0] += n
            r[1] += n if sev != "minor" else 0
        out[name] = {"paragraphs": row["paragraphs"], "rules": rules}
    return out


def rule_table(after: dict, before: dict | None) -> str:
    """Minor-or-worse findings per rule and corpus (major-or-worse in brackets), before → after."""
    names = list(after)
    codes = sorted({c for d in (after, before or {}) for v in d.values() for c in v["rules"]})

    def cell(d: dict | None, name: str, code: str) -> str:
        if d is None or name not in d:
            return "–"
        minor, major = d[name]["rules"].get(code, [0, 0])
        return f"{minor} ({major})" if major else str(minor)

    out = ["| rule | " + " | ".join(names) + " |", "| --- |" + " --- |" * len(names)]
    for code in codes:
        cells = [cell(after, n, code) if before is None else f"{cell(before, n, code)} → {cell(after, n, code)}"
                 for n in names]
        out.append(f"| {code} | " + " | ".join(cells) + " |")
    totals = []
    for n in names:
        now = sum(v[0] for v in after[n]["rules"].values())
        was = sum(v[0] for v in before[n]["rules"].values()) if before and n in before else None
        totals.append(f"**{now}**" if was is None else f"**{was} → {now}**")
    out.append("| all | " + " | ".join(totals) + " |")
    return "\n".join(out) + "\n"


def table(rows: dict, esa: Path | None) -> str:
    out = ["| clean human Hindi | paragraphs | minor+ per 100 | major+ per 100 | target | main rules (minor+) |",
           "| --- | --- | --- | --- | --- | --- |"]
    for name, row in rows.items():
        ok = "✓" if row["minor+"] <= 2 and row["major+"] <= 0.3 else "✗"
        top = ", ".join(f"{rule} {sev} {n}" for (rule, sev), n in row["rules"].most_common(4)) or "none"
        out.append(f"| {name} | {row['paragraphs']:,} | {row['minor+']:.2f} | {row['major+']:.2f} | ≤ 2 / ≤ 0.3 {ok} | {top} |")
    if esa and esa.is_dir():
        g = gate(esa)
        out += ["", "| real MT (WMT24 dev half, PO with the English source) | documents | `qa gate` fails | target |",
                "| --- | --- | --- | --- |",
                f"| humans scored < 50 | {g['bad']} | {g['bad_failed']} ({100 * g['bad_failed'] / max(1, g['bad']):.0f} %) | ≥ 50 % |",
                f"| humans scored ≥ 90 | {g['good']} | {g['good_failed']} ({100 * g['good_failed'] / max(1, g['good']):.1f} %) | ≤ 2 % |"]
    return "\n".join(out) + "\n"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpora", type=Path, default=ROOT.parent / "shared" / "corpora",
                    help="a folder holding wmt24_esa_dev (optional; default ../shared/corpora if present)")
    ap.add_argument("--write-docs", action="store_true", help="write the tables into docs/quality.md")
    ap.add_argument("--json", type=Path, help="record the per-rule findings in this file")
    ap.add_argument("--before", type=Path, help="a --json record of an earlier version, shown as before → after")
    ap.add_argument("--tree", type=Path, help="import qa from this checkout instead")
    args = ap.parse_args()
    rows, esa = corpora_rows(args.corpora if args.corpora.is_dir() else None)
    text = table(rows, esa)
    record = per_rule(rows)
    before = json.loads(args.before.read_text(encoding="utf-8")) if args.before else None
    rules = rule_table(record, before)
    print(text + "\n" + rules, end="")
    if args.json:
        args.json.write_text(json.dumps(record, indent=1, sort_keys=True), encoding="utf-8")
    if args.write_docs:
        from readme_block import write_block

        write_block(ROOT / "docs" / "quality.md", "clean-corpora", text)
        write_block(ROOT / "docs" / "quality.md", "clean-corpora-rules", rules)


if __name__ == "__main__":
    main()
