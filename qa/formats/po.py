"""Gettext PO, read by qa itself: one pass over the lines, no objects per entry beyond the unit.

Each translated entry (a non-empty ``msgstr``; the header and obsolete ``#~`` entries are skipped)
is one paragraph (when every ``msgstr`` is empty, every entry is, empty: nothing to publish); its ``msgid`` feeds the source-aware checks. An entry with plural forms gives
one paragraph per non-empty ``msgstr[n]`` (``msgstr[0]`` against ``msgid``, the others against
``msgid_plural``), its unit id ending in ``[n]``. The unit id is the ``msgctxt``, else the first
``#:`` reference, else the ``msgid``. Positions point into the PO file: a character written as an
escape (``\\n``, ``\\"``) points at its backslash.

What gettext's ``msgfmt`` refuses is refused here, naming the line: an unterminated string, an
unknown escape, a keyword qa does not know, text outside a string, a ``msgstr`` without ``msgid``.
"""

from __future__ import annotations

import re

from ..errors import InputError
from ..model import Document
from ..text.lazy import lazy_re
from ._units import Runs, Unit, documents

_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", '"': '"', "\\": "\\", "a": "\a", "b": "\b", "f": "\f", "v": "\v", "?": "?", "'": "'"}
_KEYWORD = lazy_re(r"(msgctxt|msgid_plural|msgid|msgstr(?:\[(\d+)\])?)[ \t]*")
_PLAIN = lazy_re(r'[^"\\]+')
_LINE = lazy_re(r"[^\r\n]*(?:\r\n|\r|\n|$)")


class _Entry:
    __slots__ = ("byte", "fields", "line", "obsolete", "ref")

    def __init__(self, line: int, byte: int = 0):
        self.fields: dict[str, tuple[list[str], Runs, int]] = {}
        self.ref: str | None = None
        self.obsolete = False
        self.line = line
        self.byte = byte  # where its first line starts in the file (bytes; 0 when read from text)


def lines_of(text: str, first: int = 1):
    """(line number, byte position (0: unknown), line with its line end) of ``text``."""
    for line_no, m in enumerate(_LINE.finditer(text), first):
        raw = m.group()
        if not raw:
            break
        yield line_no, 0, raw


def read(text: str, data: bytes, name: str) -> tuple[Document, Document | None]:
    units: list[Unit] = []
    untranslated: list[Unit] = []
    for entry in _entries(lines_of(text), name):
        units.extend(_units(entry, untranslated))
    if not units and not untranslated:
        raise InputError(name, "holds no entry but the header; there is nothing to check")
    # every msgstr empty: the entries as empty paragraphs, and the document has nothing to publish
    # (it fails, as an XLIFF or JSON Lines file whose targets are all empty)
    return documents(name, units or untranslated)


def _units(entry: _Entry, untranslated: list[Unit]) -> list[Unit]:
    if entry.obsolete:
        return []
    f = {k: ("".join(v[0]), v[1], v[2]) for k, v in entry.fields.items()}
    msgid = f.get("msgid", ("", None, 0))[0]
    if "msgctxt" not in f and msgid == "":
        return []  # the header
    uid = f["msgctxt"][0] if "msgctxt" in f else (entry.ref or msgid)
    out = []
    forms = sorted((int(k[7:-1]), k) for k in f if k.startswith("msgstr["))
    plural = bool(forms)
    for n, key in forms or [(0, "msgstr")]:
        if key not in f:
            continue
        target, runs, line = f[key]
        if not target:
            untranslated.append(Unit(id=f"{uid}[{n}]" if plural else uid, target="", source=msgid, line=line))
            continue
        source = msgid if n == 0 or "msgid_plural" not in f else f["msgid_plural"][0]
        runs.close(len(target))
        out.append(Unit(id=f"{uid}[{n}]" if plural else uid, target=target, source=source, line=line, origin=runs))
    return out


def _entries(lines, name: str):
    """The entries of a PO file in order, from its ``lines`` (``lines_of``); an InputError ("not
    a valid PO file") for what is not PO."""

    def bad(line_no: int, problem: str) -> InputError:
        return InputError(name, f"line {line_no}: not a valid PO file ({problem})")

    entry: _Entry | None = None
    current: tuple[list[str], Runs] | None = None  # the field continuation lines add to
    for line_no, byte, raw in lines:
        line = raw.rstrip("\r\n")
        body = line.lstrip(" \t")
        indent = len(line) - len(body)
        obsolete = False
        if body.startswith("#~"):
            obsolete = True
            body = body[2:].lstrip(" \t")
            indent = len(line) - len(body)
            if not body or body.startswith("#"):
                continue
        elif body.startswith("#"):
            if entry is not None and ("msgstr" in entry.fields or any(k.startswith("msgstr[") for k in entry.fields)):
                yield entry
                entry, current = None, None
            if body.startswith("#:") and (entry is None or entry.ref is None):
                entry = entry or _Entry(line_no, byte)
                refs = body[2:].split()
                entry.ref = refs[0] if refs else None
            continue
        if not body:
            current = None
            continue
        if body.startswith('"'):
            if current is None:
                raise bad(line_no, "a string with no msgid or msgstr before it")
            _literal(line, indent, line_no, current[0], current[1], bad)
            continue
        km = _KEYWORD.match(body)
        if not km:
            raise bad(line_no, f"unknown keyword {body.split()[0][:40]!r}")
        key = km.group(1)
        if key in ("msgctxt", "msgid") and entry is not None and ("msgid" in entry.fields or key == "msgctxt") and (
            "msgstr" in entry.fields or any(k.startswith("msgstr[") for k in entry.fields)
        ):
            yield entry
            entry = None
        entry = entry or _Entry(line_no, byte)
        entry.obsolete = entry.obsolete or obsolete
        if key.startswith("msgstr") and ("msgid" not in entry.fields or key in entry.fields):
            raise bad(line_no, f"{key} without a msgid")
        if key in entry.fields:
            raise bad(line_no, f"{key} given twice in one entry")
        if key.startswith("msgstr[") and "msgid_plural" not in entry.fields:
            raise bad(line_no, f"{key} without a msgid_plural")
        start = indent + km.end()
        if start >= len(line) or line[start] != '"':
            raise bad(line_no, f"{key} must be followed by a string in double quotes")
        chars: list[str] = []
        runs = Runs()
        entry.fields[key] = (chars, runs, line_no)
        current = (chars, runs)
        _literal(line, start, line_no, chars, runs, bad)
    if entry is not None:
        if "msgid" in entry.fields and not any(k.startswith("msgstr") for k in entry.fields):
            raise bad(entry.line, "an entry without msgstr")
        yield entry


def _literal(line: str, quote: int, line_no: int, chars: list[str], runs: Runs, bad) -> None:
    """Decode the string literal whose opening quote is at index ``quote`` of ``line``, adding its
    characters to ``chars`` and their positions to ``runs``."""
    j = quote + 1
    count = sum(map(len, chars))
    while True:
        m = _PLAIN.match(line, j)
        if m:
            runs.add(count, line_no, j + 1, 1)
            chars.append(m.group())
            count += m.end() - j
            j = m.end()
        if j >= len(line):
            raise bad(line_no, "unterminated string")
        ch = line[j]
        if ch == '"':
            rest = line[j + 1 :].strip()
            if rest and not rest.startswith("#"):
                raise bad(line_no, f"text after the closing quote: {rest[:40]!r}")
            runs.end = (line_no, j + 1)
            return
        # a backslash
        nxt = line[j + 1 : j + 2]
        if nxt in _ESCAPES and nxt:
            value, width = _ESCAPES[nxt], 2
        elif nxt and nxt in "01234567":
            octal = re.match(r"[0-7]{1,3}", line[j + 1 :]).group()  # type: ignore[union-attr]  # nxt is a digit
            value, width = chr(int(octal, 8)), 1 + len(octal)
        elif nxt == "x" and re.match(r"[0-9A-Fa-f]{1,2}", line[j + 2 :]):
            hexa = re.match(r"[0-9A-Fa-f]{1,2}", line[j + 2 :]).group()  # type: ignore[union-attr]  # matched above
            value, width = chr(int(hexa, 16)), 2 + len(hexa)
        else:
            raise bad(line_no, f"bad escape \\{nxt} at column {j + 1}" if nxt else "unterminated string")
        runs.add(count, line_no, j + 1, 0)
        chars.append(value)
        count += 1
        j += width
