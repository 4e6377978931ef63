"""Replace the text between ``<!-- NAME:start -->`` and ``<!-- NAME:end -->`` in a Markdown file
(the generated tables of docs/quality.md and docs/speed.md)."""

from __future__ import annotations

from pathlib import Path


def write_block(page: Path, name: str, body: str) -> None:
    start, end = f"<!-- {name}:start -->", f"<!-- {name}:end -->"
    text = page.read_text(encoding="utf-8")  # read right before writing: others edit it too
    a, b = text.find(start), text.find(end)
    if a < 0 or b < a:
        raise SystemExit(f"{page}: markers {start} … {end} not found; add them where the table goes")
    new = text[: a + len(start)] + "\n" + body.strip("\n") + "\n" + text[b:]
    if new != text:
        page.write_text(new, encoding="utf-8")
