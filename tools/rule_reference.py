#!/usr/bin/env python3
"""Write the rule reference, docs/rules.md, from the rule registry (qa.ruledoc).

    python3 tools/rule_reference.py           # (re)write docs/rules.md
    python3 tools/rule_reference.py --check   # exit 1 if docs/rules.md is stale (as the tests do)

Run it after changing a rule's docstring, code, name, category or severity.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from qa.ruledoc import render_markdown  # noqa: E402

TARGET = ROOT / "docs" / "rules.md"


def main(argv: list[str]) -> int:
    args = [a for a in argv if a != "--check"]
    if args:
        print("usage: tools/rule_reference.py [--check]", file=sys.stderr)
        return 2
    text = render_markdown()
    current = TARGET.read_text(encoding="utf-8") if TARGET.exists() else None
    if "--check" in argv:
        if current != text:
            print(f"{TARGET.relative_to(ROOT)} is stale: run python3 tools/rule_reference.py", file=sys.stderr)
            return 1
        return 0
    if current != text:
        TARGET.write_text(text, encoding="utf-8")
        print(f"wrote {TARGET.relative_to(ROOT)}")
    else:
        print(f"{TARGET.relative_to(ROOT)} is up to date")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
