"""Plain text (UTF-8): a paragraph is a block of non-blank lines, exactly as written."""

from __future__ import annotations

from ..model import Document


def read(text: str, data: bytes, name: str) -> tuple[Document, Document | None]:
    from ..document import from_text

    return from_text(text, name), None
