"""HTML pages: every block element (heading, paragraph, list item, table cell, ...) is a paragraph.

Text is what a browser shows: entities are decoded, runs of ASCII whitespace count as one space
and none is kept at the edges of a block (inside ``<pre>`` and ``<textarea>`` whitespace is kept
as written), ``<br>`` is a line break, and ``<head>``, ``<script>``, ``<style>``, ``<template>``,
``<noscript>``, ``<svg>`` and ``<math>`` are skipped. A no-break space (``&nbsp;``) is kept.
Every code point keeps its position in the HTML file, so findings point at the line and column
of the page (a decoded entity at its ``&``). The unit of a paragraph is its element's ``id``.
"""

from __future__ import annotations

from html import unescape
from html.parser import HTMLParser

from ..errors import InputError
from ..model import Document
from ..text.lazy import lazy_re
from ._units import Position, Unit, documents, walk

BLOCKS = frozenset(
    ["address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details", "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "html", "legend", "li", "main", "menu", "nav", "ol", "option", "p", "pre", "search", "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul"]
)
SKIPPED = frozenset(["head", "script", "style", "template", "noscript", "svg", "math", "title"])
PRESERVE = frozenset(("pre", "textarea", "listing", "plaintext"))
VOID = frozenset(["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"])
_NEWLINE = lazy_re(r"\r\n?")
_COLLAPSIBLE = " \t\n\r\f"


class _Reader(HTMLParser):
    def __init__(self, lines: list[str]):
        super().__init__(convert_charrefs=False)
        self.lines = lines
        self.units: list[Unit] = []
        self.skip: list[str] = []  # open skipped elements
        self.preserve = 0
        self.block_id: str | None = None  # id of the block element that began the paragraph
        self._reset()

    # -- collecting ---------------------------------------------------------------------------
    def _reset(self) -> None:
        self.chars: list[str] = []
        self.starts: list[Position] = []
        self.ends: list[Position | None] = []  # None: known at the next event
        self.kept: list[bool] = []  # True: not collapsible (pre, br, entities)

    def _here(self) -> Position:
        line, offset = self.getpos()
        return line, offset + 1

    def _settle(self) -> None:
        """The next event starts here: characters with an unknown end end here."""
        here = self._here()
        for k in range(len(self.ends) - 1, -1, -1):
            if self.ends[k] is not None:
                break
            self.ends[k] = here

    def _add(self, text: str, start: Position, literal: bool, kept: bool) -> None:
        if literal:
            positions, after = walk(text, *start)
            self.chars.extend(text)
            self.starts.extend(positions)
            self.ends.extend(positions[1:] + [after])
        else:
            self.chars.extend(text)
            self.starts.extend([start] * len(text))
            self.ends.extend([None] * len(text))
        self.kept.extend([kept] * len(text))

    def _flush(self) -> None:
        self._settle()
        text, origin = _collapse(self.chars, self.starts, self.ends, self.kept)
        if text:
            self.units.append(Unit(id=self.block_id, target=text, line=origin[0][0], origin=origin))
        self._reset()

    # -- events ---------------------------------------------------------------------------------
    def handle_starttag(self, tag, attrs):
        self._settle()
        if self.skip:
            if tag not in VOID:
                self.skip.append(tag)
            return
        if tag in SKIPPED:
            self.skip.append(tag)
            return
        if tag in BLOCKS:
            self._flush()
            self.block_id = dict(attrs).get("id")
        if tag in PRESERVE:
            self.preserve += 1
        if tag == "br":
            self._add("\n", self._here(), literal=False, kept=True)

    def handle_startendtag(self, tag, attrs):
        self._settle()
        if self.skip:
            return
        if tag in BLOCKS:
            self._flush()
        elif tag == "br":
            self._add("\n", self._here(), literal=False, kept=True)

    def handle_endtag(self, tag):
        self._settle()
        if self.skip:
            if tag in self.skip:
                while self.skip and self.skip.pop() != tag:
                    pass
            return
        if tag in BLOCKS:
            self._flush()
            self.block_id = None
        if tag in PRESERVE and self.preserve:
            self.preserve -= 1

    def handle_data(self, data):
        self._settle()
        if not self.skip:
            self._add(data, self._here(), literal=True, kept=bool(self.preserve))

    def _reference(self, written: str) -> None:
        """A character or entity reference: decoded, at the position of its ``&``; one that does
        not decode stays as written."""
        self._settle()
        if self.skip:
            return
        start = self._here()
        if self.lines[start[0] - 1].startswith(written + ";", start[1] - 1):
            written += ";"
        decoded = unescape(written)
        self._add(decoded, start, literal=decoded == written, kept=decoded != written)

    def handle_entityref(self, name):
        self._reference(f"&{name}")

    def handle_charref(self, name):
        self._reference(f"&#{name}")

    def handle_comment(self, data):
        self._settle()

    def handle_decl(self, decl):
        self._settle()

    def handle_pi(self, data):
        self._settle()

    def unknown_decl(self, data):
        self._settle()


def _collapse(chars, starts, ends, kept) -> tuple[str, tuple[Position, ...]]:
    """HTML whitespace: a run of collapsible whitespace is one space (at the run's start), none at
    the block's edges or next to a line break; every character keeps its position. Empty when
    nothing visible is left."""
    out: list[str] = []
    origin: list[Position] = []
    stops: list[Position] = []
    pending: Position | None = None  # start of a run of collapsible whitespace
    for ch, start, stop, keep in zip(chars, starts, ends, kept):
        if not keep and ch in _COLLAPSIBLE:
            if pending is None:
                pending = start
            continue
        if pending is not None and out and out[-1] != "\n" and ch != "\n":
            out.append(" ")
            origin.append(pending)
            stops.append(start)
        pending = None
        out.append(ch)
        origin.append(start)
        stops.append(stop)
    lo, hi = 0, len(out)
    while lo < hi and out[lo] == "\n":
        lo += 1
    while hi > lo and out[hi - 1] == "\n":
        hi -= 1
    text = "".join(out[lo:hi])
    if not text.strip():
        return "", ()
    return text, tuple(origin[lo:hi]) + (stops[hi - 1],)


def read(text: str, data: bytes, name: str) -> tuple[Document, Document | None]:
    text = _NEWLINE.sub("\n", text)  # CR and CRLF end a line (as HTML normalises them), columns unchanged
    reader = _Reader(text.split("\n"))
    try:
        reader.feed(text)
        reader.close()
        reader._flush()
    except AssertionError as exc:  # html.parser's complaints about broken markup
        raise InputError(name, f"line {reader.getpos()[0]}: cannot read this HTML ({exc})") from None
    if not reader.units:
        raise InputError(name, "holds no text in block elements (headings, paragraphs, list items); there is nothing to check")
    return documents(name, reader.units)
