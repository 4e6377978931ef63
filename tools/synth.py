"""Synthetic corruption: clean Hindi made faulty in known places, with exact gold annotations.

From clean human Hindi news (``fixtures/ntrex/hin.txt``) and real Italian and English prose
(``ita.txt``, ``eng.txt``) this builds documents that carry, at known characters, each defect the
rules target (see ``KINDS``): Italian or English fragments of 1-5 words, adjacent words glued,
Latin glued to Devanagari, mojibake of several kinds, decomposed (NFD) accents, emptied and
unbalanced quotes and brackets, Latin full stops, a paragraph cut so that it opens with a
postposition, a duplicated paragraph, one organisation's acronym given another's expansion, and
Italian number formats. Each document ``X.hi.txt`` comes with ``X.gold.jsonl`` in the project's
gold format (the one ``qa eval`` reads), one ``required`` item per injected defect, its
``categories`` being the checker's categories and ``kind`` the defect kind.

The same seed and inputs give byte-identical output. The generated sets stay out of the
repository: ``python3 tools/synth.py --out tests/artifacts/synth`` regenerates one.

Paragraphs are NTREX sentences of one news document, one to three a paragraph; at most one
defect is injected per paragraph, so every gold span is exact. Postpositions come from
``glossaries/hi_function_words.tsv`` and organisations from ``glossaries/organisations.tsv``:
nothing about particular words or organisations is written here.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
import sys
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from qa.errors import QAError
from qa.text.tokens import DEVANAGARI_LETTERS, DEVANAGARI_WORD

_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_NTREX = _ROOT / "fixtures" / "ntrex"
DEFAULT_OUT = _ROOT / "tests" / "artifacts" / "synth"
GENERATOR_VERSION = 1

_DEVA = DEVANAGARI_LETTERS
_LATIN_WORD = re.compile(r"^[A-Za-z][A-Za-z'’\-]*[A-Za-z]$|^[A-Za-z]$")
_IT_TOKEN = re.compile(r"[A-Za-zÀ-ÖØ-öø-ÿ]+(?:['’][A-Za-zÀ-ÖØ-öø-ÿ]+)?")
_ACCENTED = re.compile(r"[àèéìòùÀÈÉÌÒÙ]")
_NUMBER = re.compile(r"(?<![\d.,])(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+\.\d+|\d{4,})(?![\d.,]*\d)")
_CURLY = re.compile(r"[“”‘’–—…]")


# -- the corpus ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Organisation:
    """An organisation: its acronyms (any script) and its expansions (full names, Hindi)."""

    acronyms: tuple[str, ...]
    expansions: tuple[str, ...]


@dataclass
class Corpus:
    """What the generator draws on."""

    hindi_docs: list[list[str]]  # clean Hindi sentences, grouped by news document
    italian: list[str]
    english: list[str]
    postpositions: list[str]
    organisations: list[Organisation] = field(default_factory=list)


def _lines(path: Path) -> list[str]:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise QAError(f"{path}: no such file (synthetic sets are built from the NTREX fixtures)") from None
    return [line.strip() for line in text.replace("\r\n", "\n").split("\n")]


def load_corpus(ntrex: Path | str = DEFAULT_NTREX, organisations: Path | str | None = None) -> Corpus:
    """The NTREX slice at ``ntrex``, the postpositions that dangle, and the organisations table
    (default ``glossaries/organisations.tsv``; without it the acronym defect is not generated)."""
    from qa.resources import data_dir, function_words

    ntrex = Path(ntrex)
    hin = _lines(ntrex / "hin.txt")
    ids = _lines(ntrex / "document_ids.tsv") if (ntrex / "document_ids.tsv").exists() else []
    docs: list[list[str]] = []
    last = None
    for i, line in enumerate(hin):
        if not line:
            continue
        doc_id = ids[i] if i < len(ids) else i // 16
        if doc_id != last:
            docs.append([])
            last = doc_id
        docs[-1].append(line)
    posts = [w for w, row in function_words().items()
             if row.get("class") == "postposition" and row.get("dangles") == "yes"]
    org_path = Path(organisations) if organisations else data_dir() / "organisations.tsv"
    orgs = load_organisations(org_path) if org_path.exists() else []
    return Corpus(
        hindi_docs=docs,
        italian=[x for x in _lines(ntrex / "ita.txt") if x],
        english=[x for x in _lines(ntrex / "eng.txt") if x],
        postpositions=posts,
        organisations=orgs,
    )


def _is_acronym(s: str) -> bool:
    """An acronym-like short form (UNODC, G7, CoE), not a short name (Farnesina, Interpol)."""
    return bool(re.fullmatch(r"[A-Z][A-Za-z0-9\-]+", s)) and \
        sum(c.isupper() or c.isdigit() for c in s) >= 2 and sum(c.isupper() for c in s) >= sum(c.islower() for c in s)


def load_organisations(path: Path | str) -> list[Organisation]:
    """Organisations from the organisations glossary (format: glossaries/README.md): the Latin
    acronyms of ``short``, with the Hindi ones of ``hi_short`` when every short form of the row is
    an acronym (so a short name such as a ministry's seat is not taken for one), and the Hindi
    names of ``hi`` as expansions. Cells hold several values separated by ``;``. Rows without
    both an acronym and a Hindi name are skipped."""
    from qa.resources import read_tsv

    def cells(value: str) -> list[str]:
        return [v.strip() for v in value.split(";") if v.strip()]

    orgs = []
    for row in read_tsv(path, required=("short", "hi", "hi_short")):
        shorts = cells(row["short"])
        acronyms = [s for s in shorts if _is_acronym(s)]
        if acronyms and len(acronyms) == len(shorts):
            acronyms += [s for s in cells(row["hi_short"]) if s not in acronyms]
        expansions = cells(row["hi"])
        if acronyms and expansions:
            orgs.append(Organisation(tuple(acronyms), tuple(expansions)))
    return orgs


# -- defects ------------------------------------------------------------------------------------


@dataclass
class Injection:
    """A paragraph after one defect was put in: the new text, the defect's span and a note."""

    text: str
    start: int
    end: int
    note: str
    categories: tuple[str, ...] | None = None  # when the kind's default does not fit
    extra_places: tuple[tuple[str, int, int], ...] = ()  # more places (text, start, end) of the same item


Injector = Callable[[str, random.Random, Corpus], "Injection | None"]


@dataclass(frozen=True)
class Kind:
    name: str
    categories: tuple[str, ...]
    severity: str
    inject: Injector | None  # None: a document-level defect handled by the generator
    description: str


def _gaps(text: str) -> list[int]:
    """Offsets of single spaces between two Devanagari words (where a fragment can go)."""
    out = []
    for m in re.finditer(r"(?<=[" + _DEVA + r"]) (?=[" + _DEVA + r"])", text):
        out.append(m.start())
    return out


def _tokens(text: str) -> list[re.Match]:
    return list(re.finditer(r"\S+", text))


def _fragment(lines: list[str], rng: random.Random, italian: bool) -> str | None:
    """1-5 consecutive words of real prose, joined by single spaces, with at least one lowercase
    word of three letters or more and no all-capital word (so it is prose, not a name)."""
    for _ in range(50):
        line = rng.choice(lines)
        toks = list(_IT_TOKEN.finditer(line))
        if not toks:
            continue
        n = rng.randint(1, 5)
        i = rng.randrange(len(toks))
        window = toks[i:i + n]
        if any(line[a.end():b.start()] != " " for a, b in zip(window, window[1:])):
            continue
        words = [t.group() for t in window]
        if any(w.isupper() and len(w) > 1 for w in words):
            continue
        if not any(w.islower() and len(w) >= (4 if len(words) == 1 else 3) for w in words):
            continue
        if 2 * sum(w[0].isupper() for w in words) > len(words):  # a title or a name, not prose
            continue
        if not italian and _ACCENTED.search("".join(words)):
            continue
        return line[window[0].start():window[-1].end()]
    return None


def _insert_fragment(italian: bool) -> Injector:
    def inject(text: str, rng: random.Random, corpus: Corpus) -> Injection | None:
        gaps = _gaps(text)
        frag = _fragment(corpus.italian if italian else corpus.english, rng, italian)
        if not gaps or frag is None:
            return None
        at = rng.choice(gaps)
        new = text[:at + 1] + frag + " " + text[at + 1:]
        lang = "Italian" if italian else "English"
        return Injection(new, at + 1, at + 1 + len(frag), f"{lang} fragment of {len(frag.split())} word(s) left untranslated")

    return inject


def standard_join(left: str, right: str) -> bool:
    """Two words that Hindi may write as one: a bound suffix (लगनेवाले, देशभर), a pronoun with its
    postposition (इसके), or a join that is itself a listed word. Gluing them is no error."""
    from qa import hindi_lexicon as lex

    joined = left + right
    return lex.function_class(right) == "suffix" or bool(lex.function_class(joined)) or lex.known(joined)


def _glue_words(text: str, rng: random.Random, corpus: Corpus) -> Injection | None:
    toks = _tokens(text)
    pairs = [(a, b) for a, b in zip(toks, toks[1:])
             if b.start() == a.end() + 1 and DEVANAGARI_WORD.fullmatch(a.group()) and DEVANAGARI_WORD.fullmatch(b.group())
             and len(a.group()) >= 2 and len(b.group()) >= 2 and not standard_join(a.group(), b.group())]
    if not pairs:
        return None
    a, b = rng.choice(pairs)
    new = text[:a.end()] + text[b.start():]
    return Injection(new, a.start(), b.end() - 1, f"{a.group()} + {b.group()} glued (space lost)")


def _glue_latin(text: str, rng: random.Random, corpus: Corpus) -> Injection | None:
    toks = _tokens(text)
    pairs = [(a, b) for a, b in zip(toks, toks[1:]) if b.start() == a.end() + 1 and (
        (_LATIN_WORD.match(a.group()) and DEVANAGARI_WORD.fullmatch(b.group()))
        or (DEVANAGARI_WORD.fullmatch(a.group()) and _LATIN_WORD.match(b.group())))]
    if pairs and rng.random() < 0.5:
        a, b = rng.choice(pairs)
        new = text[:a.end()] + text[b.start():]
        return Injection(new, a.start(), b.end() - 1, f"Latin and Devanagari words glued: {a.group()} + {b.group()}")
    # otherwise a real English word, glued to the Devanagari word after it
    gaps = _gaps(text)
    if not gaps:
        return None
    for _ in range(50):
        words = [w for w in re.findall(r"[A-Za-z]+", rng.choice(corpus.english)) if w.islower() and len(w) >= 4]
        if words:
            break
    else:
        return None
    word, at = rng.choice(words), rng.choice(gaps)
    nxt = DEVANAGARI_WORD.match(text, at + 1)
    new = text[:at + 1] + word + text[at + 1:]
    return Injection(new, at + 1, len(word) + nxt.end(),
                     f"English word {word!r} left untranslated and glued to the next word",
                     categories=("spelling", "untranslated"))


_CP1252 = "".join(bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in range(256))


def _as_cp1252(s: str) -> str:
    """UTF-8 bytes read as Windows-1252 (undefined bytes kept as the C1 code point, as browsers
    and ftfy's "sloppy" codec do)."""
    return "".join(_CP1252[b] for b in s.encode("utf-8"))


def _as_latin1(s: str) -> str:
    return s.encode("utf-8").decode("latin-1")


def _mojibake(garble: Callable[[str], str], label: str) -> Injector:
    def inject(text: str, rng: random.Random, corpus: Corpus) -> Injection | None:
        toks = [t for t in _tokens(text) if DEVANAGARI_WORD.fullmatch(t.group())]
        if not toks:
            return None
        for _ in range(10):
            i = rng.randrange(len(toks))
            run = toks[i:i + rng.randint(1, 3)]
            a, b = run[0].start(), run[-1].end()
            if not re.fullmatch(f"[{_DEVA} ]+", text[a:b]):
                continue
            bad = garble(text[a:b])
            # U+0085 (from byte 0x85 read as Latin-1) is a line break to str.splitlines, which
            # score_findings.py uses: keep the sets readable by both scorers
            if "\x85" in bad:
                continue
            return Injection(text[:a] + bad + text[b:], a, a + len(bad), f"{label} mojibake of {text[a:b]!r}")
        return None

    return inject


Pairs = Callable[[str], "list[tuple[int, int]]"]


def quote_pairs(text: str) -> list[tuple[int, int]]:
    """The quotations of ``text`` as (position of the opening mark, position after the closing
    one), when its quotation marks pair up without doubt: straight ones in order, curly ones
    nested; none when a mark is left over (a quotation running on from another paragraph)."""
    if not _balanced(text):
        return []
    out, straight, curly = [], [], []
    for m in re.finditer("[\"“”]", text):
        ch, i = m.group(), m.start()
        if ch == '"':
            if straight:
                out.append((straight.pop(), i + 1))
            else:
                straight.append(i)
        elif ch == "“":
            curly.append(i)
        elif curly:
            out.append((curly.pop(), i + 1))
        else:
            return []
    # a real quotation opens on a word and has no space just inside its closing mark
    return sorted(p for p in out if p[1] - p[0] > 2 and text[p[0] + 1].isalnum() and not text[p[1] - 2].isspace())


def bracket_pairs(text: str) -> list[tuple[int, int]]:
    """Innermost bracket pairs (opening position, position after the closing bracket), when the
    brackets of ``text`` balance."""
    if text.count("(") != text.count(")"):
        return []
    return [(m.start(), m.end()) for m in re.finditer(r"\([^()\n]{1,120}\)", text)]


def _mojibake_punct(text: str, rng: random.Random, corpus: Corpus) -> Injection | None:
    """A quotation's marks (both, so that the quotation stays balanced) or an apostrophe inside a
    word or a dash, as UTF-8 read as Windows-1252; straight quotes are taken for curly ones first."""
    pairs = quote_pairs(text)
    if pairs:
        a, b = rng.choice(pairs)
        opening, closing = _as_cp1252("“"), _as_cp1252("”")
        inner = text[a + 1:b - 1]
        new = text[:a] + opening + inner + closing + text[b:]
        end = a + len(opening) + len(inner)
        return Injection(new, a, a + len(opening), "Windows-1252 mojibake of the quotation marks “ ”",
                         extra_places=((closing, end, end + len(closing)),))
    marks = [m for m in _CURLY.finditer(text) if m.group() in "–—…"
             or (m.group() == "’" and text[m.start() - 1:m.start()].isalpha() and text[m.end():m.end() + 1].isalpha())]
    if not marks:
        return None
    m = rng.choice(marks)
    bad = _as_cp1252(m.group())
    return Injection(text[:m.start()] + bad + text[m.end():], m.start(), m.start() + len(bad),
                     f"Windows-1252 mojibake of {m.group()!r}")


def _nfd(text: str, rng: random.Random, corpus: Corpus) -> Injection | None:
    gaps = _gaps(text)
    if not gaps:
        return None
    for _ in range(100):
        words = [w for w in _IT_TOKEN.findall(rng.choice(corpus.italian)) if _ACCENTED.search(w)]
        if words:
            break
    else:
        return None
    word, at = rng.choice(words), rng.choice(gaps)
    bad = unicodedata.normalize("NFD", word)
    new = text[:at + 1] + bad + " " + text[at + 1:]
    return Injection(new, at + 1, at + 1 + len(bad), f"{word!r} in decomposed form (NFD)")


def _empty_pair(pairs: Pairs, marks: str, open_close: tuple[str, ...], label: str) -> Injector:
    """Empty one of the paragraph's pairs, or put an empty pair between two words of a paragraph
    whose marks balance."""

    def inject(text: str, rng: random.Random, corpus: Corpus) -> Injection | None:
        found = pairs(text)
        if found:
            a, b = rng.choice(found)
            new = text[:a] + text[a] + text[b - 1] + text[b:]
            return Injection(new, a, a + 2, f"{label} emptied: the text inside was lost")
        gaps = _gaps(text)
        if not gaps or (any(c in text for c in marks) and not _balanced(text)):
            return None
        at, empty = rng.choice(gaps), rng.choice(open_close)
        new = text[:at + 1] + empty + " " + text[at + 1:]
        return Injection(new, at + 1, at + 3, f"empty {label}")

    return inject


def _unbalance(pairs: Pairs, marks: str, stray: tuple[str, ...], label: str) -> Injector:
    """Lose one mark of the paragraph's only pair of ``marks``, or put a stray one in a paragraph
    that has none, so which mark is unmatched is never in doubt."""

    def inject(text: str, rng: random.Random, corpus: Corpus) -> Injection | None:
        count = sum(text.count(c) for c in marks)
        found = pairs(text) if count == 2 else []
        if found:
            a, b = found[0]
            if rng.random() < 0.5:  # the opening mark lost: the closing one is unmatched
                new = text[:a] + text[a + 1:]
                return Injection(new, b - 2, b - 1, f"closing {label} with no opening one")
            new = text[:b - 1] + text[b:]
            return Injection(new, a, a + 1, f"opening {label} never closed")
        toks = [t for t in _tokens(text) if DEVANAGARI_WORD.fullmatch(t.group())]
        if count or not toks:
            return None
        t, mark = rng.choice(toks), rng.choice(stray)
        if mark in "([{":  # an opening mark goes before a word
            new = text[:t.start()] + mark + text[t.start():]
            return Injection(new, t.start(), t.start() + 1, f"stray {label} {mark!r}")
        new = text[:t.end()] + mark + text[t.end():]
        return Injection(new, t.end(), t.end() + 1, f"stray {label} {mark!r}")

    return inject


def _latin_full_stop(text: str, rng: random.Random, corpus: Corpus) -> Injection | None:
    dandas = [m.start() for m in re.finditer("।", text)]
    if not dandas:
        return None
    at = rng.choice(dandas)
    start = at
    while start > 0 and text[start - 1] == " ":
        start -= 1
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    new = text[:at] + "." + text[at + 1:]
    return Injection(new, start, at + 1, "Latin full stop where the danda belongs")


def _balanced(text: str) -> bool:
    """No quotation or bracket left open or closed in ``text`` (so cutting it off leaves none)."""
    return text.count('"') % 2 == 0 and text.count("“") == text.count("”") and text.count("(") == text.count(")")


def _cut_to_postposition(text: str, rng: random.Random, corpus: Corpus) -> Injection | None:
    toks = _tokens(text)
    cands = [t for t in toks[2:-3] if t.group() in corpus.postpositions and _balanced(text[:t.start()])]
    if not cands:
        return None
    t = rng.choice(cands)
    new = text[t.start():]
    return Injection(new, 0, len(t.group()), f"paragraph cut: it opens with the postposition {t.group()!r}")


def _acronym_swap(text: str, rng: random.Random, corpus: Corpus) -> Injection | None:
    orgs = corpus.organisations
    gaps = _gaps(text)
    if len(orgs) < 2 or not gaps:
        return None
    a, b = rng.sample(range(len(orgs)), 2)
    acronym, expansion = rng.choice(orgs[a].acronyms), rng.choice(orgs[b].expansions)
    if expansion in orgs[a].expansions:
        return None
    at = rng.choice(gaps)
    phrase = f"{acronym} ({expansion})"
    new = text[:at + 1] + phrase + " " + text[at + 1:]
    s_acr = at + 1
    s_exp = s_acr + len(acronym) + 2
    return Injection(new, s_exp, s_exp + len(expansion),
                     f"{acronym} given the expansion of another organisation ({orgs[b].acronyms[0]})",
                     extra_places=((acronym, s_acr, s_acr + len(acronym)),))


def _italian_number(text: str, rng: random.Random, corpus: Corpus) -> Injection | None:
    found = []
    for m in _NUMBER.finditer(text):
        n = m.group()
        if re.fullmatch(r"\d{4}", n) and 1800 <= int(n) <= 2100:  # a year: no grouping
            continue
        if n.startswith("0") or text[m.start() - 1:m.start()] in (":", "/", "-") or text[m.end():m.end() + 1] in (":", "/", "-"):
            continue  # a time, a code, a date or a range, not a quantity
        found.append(m)
    if not found:
        return None
    m = rng.choice(found)
    n = m.group()
    if "," in n or "." in n:
        it = n.translate(str.maketrans({",": ".", ".": ","}))
    else:
        it = f"{int(n):,}".replace(",", ".")
    new = text[:m.start()] + it + text[m.end():]
    return Injection(new, m.start(), m.start() + len(it), f"Italian number format {it} (for {n})")


_QUOTES = ("\"\"", "“”")
KINDS: dict[str, Kind] = {k.name: k for k in (
    Kind("untranslated_it", ("untranslated",), "major", _insert_fragment(True), "Italian fragment of 1-5 words inserted"),
    Kind("untranslated_en", ("untranslated",), "major", _insert_fragment(False), "English fragment of 1-5 words inserted"),
    Kind("glued_words", ("spelling",), "major", _glue_words, "two adjacent Hindi words glued"),
    Kind("glued_latin", ("spelling",), "major", _glue_latin, "a Latin word glued to a Devanagari one"),
    Kind("mojibake_cp1252", ("encoding",), "critical", _mojibake(_as_cp1252, "Windows-1252"), "1-3 Hindi words as UTF-8 read as Windows-1252"),
    Kind("mojibake_latin1", ("encoding",), "critical", _mojibake(_as_latin1, "Latin-1"), "1-3 Hindi words as UTF-8 read as Latin-1"),
    Kind("mojibake_double", ("encoding",), "critical", _mojibake(lambda s: _as_cp1252(_as_cp1252(s)), "double"), "1-3 Hindi words garbled twice (UTF-8 → Windows-1252, twice)"),
    Kind("mojibake_punct", ("encoding",), "major", _mojibake_punct, "a curly quote or dash as UTF-8 read as Windows-1252"),
    Kind("nfd", ("encoding",), "minor", _nfd, "an accented Latin word in decomposed form (NFD)"),
    Kind("empty_quotes", ("punctuation",), "major", _empty_pair(quote_pairs, "\"“”", _QUOTES, "quotation"), "quotation marks with nothing between them"),
    Kind("unbalanced_quotes", ("punctuation",), "minor", _unbalance(quote_pairs, "\"“”", ("”", "\""), "quotation mark"), "a quotation mark without its partner"),
    Kind("empty_brackets", ("punctuation",), "major", _empty_pair(bracket_pairs, "()", ("()",), "brackets"), "brackets with nothing between them"),
    Kind("unbalanced_brackets", ("punctuation",), "minor", _unbalance(bracket_pairs, "()", (")", "("), "bracket"), "a bracket without its partner"),
    Kind("latin_full_stop", ("punctuation",), "minor", _latin_full_stop, "a danda replaced by a Latin full stop"),
    Kind("dangling_postposition", ("structure",), "major", _cut_to_postposition, "a paragraph cut so that it opens with a postposition"),
    Kind("duplicated_paragraph", ("structure",), "minor", None, "a paragraph repeated later in the document"),
    Kind("acronym_expansion", ("acronym",), "major", _acronym_swap, "one organisation's acronym with another's expansion"),
    Kind("italian_number", ("locale",), "minor", _italian_number, "a number in Italian format (1.500, 2,5)"),
)}


# -- documents ----------------------------------------------------------------------------------


@dataclass
class _Para:
    text: str
    defect: tuple[Kind, Injection] | None = None
    copy_of: _Para | None = None
    used: bool = False


@dataclass
class SynthDoc:
    name: str
    text: str
    gold: list[dict]


def _occurrence(body: str, needle: str, start: int) -> int:
    """Which occurrence (1-based, as score_findings.py counts) of ``needle`` starts at ``start``."""
    body, needle = body.replace("\u00a0", " "), needle.replace("\u00a0", " ")
    k, at = 0, -1
    while True:
        at = body.find(needle, at + 1)
        if at < 0:
            raise AssertionError(f"span {needle!r} not at {start}")
        k += 1
        if at == start:
            return k
        if at > start:
            raise AssertionError(f"span {needle!r} at {start} is not a whole occurrence")


def _place(paras: list[str], index: int, start: int, end: int) -> dict:
    text = paras[index][start:end]
    return {"para": index, "text": text, "occurrence": _occurrence(paras[index], text, start)}


def _group(lines: list[str], rng: random.Random) -> list[_Para]:
    out, i = [], 0
    while i < len(lines):
        n = rng.choice((1, 1, 2, 2, 3))
        out.append(_Para(" ".join(lines[i:i + n])))
        i += n
    return out


def generate(
    corpus: Corpus,
    defects: int = 2400,
    seed: int = 7,
    kinds: Sequence[str] | None = None,
    density: float = 0.5,
    prefix: str = "synth",
) -> list[SynthDoc]:
    """Documents carrying ``defects`` injected defects in all, the kinds in turn (kinds whose
    data is missing, e.g. organisations, are left out). Reproducible for a given ``seed``."""
    rng = random.Random(seed)
    names = list(kinds) if kinds else list(KINDS)
    unknown = [k for k in names if k not in KINDS]
    if unknown:
        raise QAError(f"unknown defect kinds {', '.join(unknown)} (known: {', '.join(KINDS)})")
    if len(corpus.organisations) < 2 and "acronym_expansion" in names:
        names.remove("acronym_expansion")
    if not names:
        raise QAError("no defect kind left to generate")
    schedule = [KINDS[names[i % len(names)]] for i in range(defects)]
    rng.shuffle(schedule)
    order: list[int] = []
    docs: list[SynthDoc] = []
    misses = {k: 0 for k in names}
    while schedule:
        if not order:
            order = list(range(len(corpus.hindi_docs)))
            rng.shuffle(order)
        paras = _group(corpus.hindi_docs[order.pop()], rng)
        want = max(1, round(len(paras) * density))
        todo, schedule = schedule[:want], schedule[want:]
        for kind in todo:
            if not _apply(kind, paras, rng, corpus):
                misses[kind.name] += 1
                if misses[kind.name] > 50 * (defects // len(names) + 1):
                    raise QAError(f"the corpus offers no place for defect kind {kind.name}")
                schedule.append(kind)  # try again in a later document
        docs.append(_render(paras, f"{prefix}_{len(docs) + 1:04d}"))
    return docs


def _apply(kind: Kind, paras: list[_Para], rng: random.Random, corpus: Corpus) -> bool:
    free = [p for p in paras if not p.used]
    rng.shuffle(free)
    if kind.inject is None:  # duplicated paragraph: a clean paragraph of 3+ words, copied later
        for p in free:
            if len(p.text.split()) >= 3:
                i = paras.index(p)
                j = rng.randint(i + 1, len(paras))
                copy = _Para(p.text, copy_of=p, used=True)
                p.used = True
                paras.insert(j, copy)
                return True
        return False
    for p in free[:8]:
        inj = kind.inject(p.text, rng, corpus)
        if inj is not None:
            p.text, p.defect, p.used = inj.text, (kind, inj), True
            return True
    return False


def _render(paras: list[_Para], name: str) -> SynthDoc:
    texts = [p.text for p in paras]
    gold = []
    for i, p in enumerate(paras):
        item: dict
        if p.copy_of is not None:
            kind = KINDS["duplicated_paragraph"]
            original = paras.index(p.copy_of)
            places = [_place(texts, i, 0, len(p.text)), _place(texts, original, 0, len(p.text))]
            note = f"paragraph {original} repeated as paragraph {i}"
        elif p.defect is not None:
            kind, inj = p.defect
            places = [_place(texts, i, inj.start, inj.end)]
            places += [_place(texts, i, s, e) for _, s, e in inj.extra_places]
            note = inj.note
        else:
            continue
        item = {"id": f"{name}-{len(gold) + 1:03d}"}
        item.update(places[0] if len(places) == 1 else {"any_of": places})
        item.update({
            "categories": list(p.defect[1].categories or kind.categories) if p.defect else list(kind.categories),
            "severity": kind.severity,
            "level": "required",
            "kind": kind.name,
            "note": note,
        })
        gold.append(item)
    return SynthDoc(name, "\n\n".join(texts) + "\n", gold)


def write_set(docs: Sequence[SynthDoc], out: Path | str, manifest: dict) -> dict:
    """Write ``X.hi.txt`` + ``X.gold.jsonl`` for every document and ``manifest.json``; stale
    files of an earlier set in ``out`` are removed first."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    for old in list(out.glob("*.hi.txt")) + list(out.glob("*.gold.jsonl")):
        old.unlink()
    counts: dict[str, int] = {}
    for d in docs:
        (out / f"{d.name}.hi.txt").write_text(d.text, encoding="utf-8", newline="\n")
        lines = [json.dumps(g, ensure_ascii=False) for g in d.gold]
        (out / f"{d.name}.gold.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8", newline="\n")
        for g in d.gold:
            counts[g["kind"]] = counts.get(g["kind"], 0) + 1
    manifest = dict(manifest, documents=len(docs), defects=sum(counts.values()),
                    paragraphs=sum(d.text.count("\n\n") + 1 for d in docs), by_kind=dict(sorted(counts.items())))
    (out / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return manifest


def _digest(paths: Sequence[Path]) -> str:
    h = hashlib.sha256()
    for p in paths:
        if p.exists():
            h.update(p.read_bytes())
    return h.hexdigest()[:16]


def build(out: Path | str = DEFAULT_OUT, defects: int = 2400, seed: int = 7,
          ntrex: Path | str = DEFAULT_NTREX, organisations: Path | str | None = None,
          kinds: Sequence[str] | None = None) -> dict:
    """Generate a set and write it to ``out``; returns the manifest."""
    corpus = load_corpus(ntrex, organisations)
    docs = generate(corpus, defects=defects, seed=seed, kinds=kinds)
    ntrex = Path(ntrex)
    manifest = {
        "generator": f"synth v{GENERATOR_VERSION}",
        "seed": seed,
        "requested_defects": defects,
        "inputs_sha256": _digest([ntrex / n for n in ("hin.txt", "ita.txt", "eng.txt", "document_ids.tsv")]),
        "organisations": len(corpus.organisations),
        "kinds": {k.name: {"categories": list(k.categories), "description": k.description}
                  for k in KINDS.values() if k.name in {g["kind"] for d in docs for g in d.gold}},
    }
    return write_set(docs, out, manifest)


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python3 tools/synth.py", description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", default=str(DEFAULT_OUT), help="output folder (default tests/artifacts/synth, git-ignored)")
    ap.add_argument("--defects", type=int, default=2400, help="defects to inject in all (default 2400)")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--ntrex", default=str(DEFAULT_NTREX), help="folder with hin.txt, ita.txt, eng.txt")
    ap.add_argument("--organisations", default=None, help="organisations TSV (default glossaries/organisations.tsv)")
    ap.add_argument("--kinds", default=None, help="comma-separated defect kinds (default all): " + ", ".join(KINDS))
    args = ap.parse_args(argv)
    try:
        manifest = build(args.out, args.defects, args.seed, args.ntrex, args.organisations,
                         args.kinds.split(",") if args.kinds else None)
    except QAError as exc:
        sys.stderr.write(f"synth: {exc}\n")
        return 2
    print(f"{manifest['documents']} documents, {manifest['paragraphs']} paragraphs, "
          f"{manifest['defects']} defects (seed {manifest['seed']}) in {args.out}")
    for k, n in manifest["by_kind"].items():
        print(f"  {k:<22} {n}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
