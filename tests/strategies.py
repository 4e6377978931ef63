"""Hypothesis strategies for hostile translations (issue 19): Devanagari with its marks, Latin and
Italian fragments, emoji, control characters, combining-mark runs, mixed line ends, BOMs, and the
bilingual documents qa reads (XLIFF 1.2/2.0, TMX, PO, HTML, JSON Lines) built from them."""

from __future__ import annotations

import json
from xml.sax.saxutils import escape as xml_escape

from hypothesis import strategies as st

CONSONANTS = [chr(c) for c in range(0x0915, 0x093A)]
VOWELS = [chr(c) for c in range(0x0905, 0x0915)]
MATRAS = [chr(c) for c in range(0x093E, 0x094D)]
NUKTA, VIRAMA, ZWJ, ZWNJ, NBSP, DANDA = "\u093c", "\u094d", "\u200d", "\u200c", "\u00a0", "\u0964"
WORDS = ["भारत", "रोम", "बैठक", "में", "की", "गई", "है", "सरकार", "मंत्रालय", "ज़िला", "क़ानून", "र्‍य", "क्‌ष", "G7", "2024"]
ITALIAN = ["Roma", "Ministero degli Affari Esteri", "la riunione", "è stata", "Presidenza italiana", "l’Italia", "UNODC", "N. 5", "1.234,56"]
EMOJI = ["😀", "👍🏽", "👨\u200d👩\u200d👧", "🇮🇹", "❤️", "#️⃣"]
CONTROLS = [chr(c) for c in (*range(0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F, 0x85, 0x9F)] + [
    "\u202e", "\u2066", "\ufeff", "\ufffe", "\u200b", "\u00ad", "\u2028", "\u2029"]
COMBINING = ["\u0301", "\u0308", "\u093c", "\u094d", "\u0902", "\u0903", "\u0951", "\u20dd"]
LINE_ENDS = ["\n", "\r\n", "\r", "\n\n", "\r\n\r\n", "\r\r", " \n"]
PUNCT = [" ", " ", " ", ",", ".", DANDA, "?", "!", "“", "”", '"', "'", "(", ")", "«", "»", NBSP, "  ", "-", ":", "%", "&", "<", ">"]


@st.composite
def syllable(draw) -> str:
    head = draw(st.sampled_from(CONSONANTS + VOWELS))
    if draw(st.booleans()):
        head += NUKTA
    if draw(st.integers(0, 3)) == 0:
        head += VIRAMA + draw(st.sampled_from(["", ZWJ, ZWNJ])) + draw(st.sampled_from(CONSONANTS))
    return head + draw(st.sampled_from(["", "", *MATRAS, "\u0902", "\u0901"]))


devanagari_word = st.lists(syllable(), min_size=1, max_size=4).map("".join)

token = st.one_of(
    devanagari_word,
    devanagari_word,
    st.sampled_from(WORDS),
    st.sampled_from(ITALIAN),
    st.sampled_from(EMOJI),
    st.sampled_from(CONTROLS),
    st.lists(st.sampled_from(COMBINING), min_size=1, max_size=6).map("".join),
    st.sampled_from([ZWJ * 3, ZWNJ, ZWJ, "\u200b\u200b"]),
    st.text(max_size=3),
)

#: One line (no line end) of a translation.
line = st.lists(st.tuples(token, st.sampled_from(PUNCT)), max_size=12).map(lambda ts: "".join(a + b for a, b in ts))


@st.composite
def text(draw) -> str:
    """A translation: lines joined by mixed line ends, maybe a BOM."""
    lines = draw(st.lists(line, min_size=1, max_size=6))
    out = ""
    for one in lines:
        out += one + draw(st.sampled_from(LINE_ENDS))
    if draw(st.integers(0, 9)) == 0:
        out = "\ufeff" + out
    return out


#: A unit's text: no line break conventions of a file, but any characters XML can hold.
def xml_safe(s: str) -> str:
    return "".join(c for c in s if c in "\t\n\r" or (" " <= c <= "\ud7ff") or ("\ue000" <= c <= "\ufffd") or c > "\uffff")


unit_text = text().map(xml_safe)


@st.composite
def inline(draw, s: str) -> str:
    """``s`` escaped for XML, sometimes with an entity, inline markup or a CDATA section."""
    out = xml_escape(s)
    kind = draw(st.integers(0, 5))
    if kind == 1 and s:
        cut = draw(st.integers(0, len(out)))
        while cut and "&" in out[max(0, cut - 8) : cut] and ";" not in out[out.rfind("&", 0, cut) : cut]:
            cut -= 1
        out = out[:cut] + '<g id="1">' + out[cut:] + "</g>"
    elif kind == 2:
        out = out + "&#x915;&amp;&#160;"
    elif kind == 3 and "]]>" not in s:
        out = "<![CDATA[" + s + "]]>"
    return out


@st.composite
def units(draw, n_max: int = 4) -> list[tuple[str, str, str]]:
    n = draw(st.integers(1, n_max))
    return [(f"u{i}", draw(st.sampled_from(ITALIAN)), draw(unit_text)) for i in range(n)]


@st.composite
def xliff12(draw) -> str:
    body = "".join(
        f'<trans-unit id="{uid}"><source>{xml_escape(src)}</source><target>{draw(inline(tgt))}</target></trans-unit>\n'
        for uid, src, tgt in draw(units())
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">\n'
        '<file original="x" source-language="it" target-language="hi" datatype="plaintext"><body>\n'
        + body + "</body></file></xliff>\n"
    )


@st.composite
def xliff20(draw) -> str:
    body = "".join(
        f'<unit id="{uid}"><segment><source>{xml_escape(src)}</source><target>{draw(inline(tgt)).replace("<g ", "<pc ").replace("</g>", "</pc>")}</target></segment></unit>\n'
        for uid, src, tgt in draw(units())
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="2.0" xmlns="urn:oasis:names:tc:xliff:document:2.0" '
        'srcLang="it" trgLang="hi">\n<file id="f1">\n' + body + "</file></xliff>\n"
    )


@st.composite
def tmx(draw) -> str:
    body = "".join(
        f'<tu tuid="{uid}"><tuv xml:lang="it"><seg>{xml_escape(src)}</seg></tuv>'
        f'<tuv xml:lang="hi"><seg>{draw(inline(tgt)).replace("<g ", "<hi ").replace("</g>", "</hi>")}</seg></tuv></tu>\n'
        for uid, src, tgt in draw(units())
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header creationtool="t" creationtoolversion="1" '
        'segtype="paragraph" o-tmf="x" adminlang="en" srclang="it" datatype="plaintext"/>\n<body>\n' + body + "</body></tmx>\n"
    )


def po_string(s: str) -> str:
    out = s.replace("\\", "\\\\").replace('"', '\\"').replace("\t", "\\t").replace("\r", "\\r")
    parts = out.split("\n")
    return '"' + '\\n"\n"'.join(parts) + '"'


@st.composite
def po(draw) -> str:
    out = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
    for uid, src, tgt in draw(units()):
        clean = "".join(c for c in tgt if c not in "\x00")
        if draw(st.booleans()):
            out += f"#: {uid}\nmsgid {po_string(src)}\nmsgid_plural {po_string(src + 's')}\nmsgstr[0] {po_string(clean)}\nmsgstr[1] {po_string(clean[::-1])}\n\n"
        else:
            out += f"msgctxt {po_string(uid)}\nmsgid {po_string(src)}\nmsgstr {po_string(clean)}\n\n"
    return out


@st.composite
def po_messy(draw) -> str:
    """A PO file as editors leave them (and worse): comments, flags, obsolete ``#~`` entries,
    untranslated and plural entries, strings over several lines, CR/CRLF/LF line ends, maybe a
    stray line that is not PO."""
    lines = []
    if draw(st.booleans()):
        lines += ['msgid ""', 'msgstr ""', '"Content-Type: text/plain; charset=UTF-8\\n"', ""]
    for uid, src, tgt in draw(units(6)):
        tgt = "".join(c for c in tgt if c not in "\x00") if draw(st.integers(0, 3)) else ""
        kind = draw(st.integers(0, 5))
        lines += draw(st.sampled_from([[], ["# a translator's note"], ["#, fuzzy"], [f"#: {uid} other:2", "#. extracted"]]))
        if kind == 0:
            lines += [f'#~ msgid "{uid}"', '#~ msgstr "पुराना"']
        elif kind == 1:
            lines += [f"msgid {po_string(src)}", f"msgid_plural {po_string(src + 's')}", f"msgstr[0] {po_string(tgt)}", f"msgstr[1] {po_string(tgt[::-1] if draw(st.booleans()) else '')}"]
        else:
            if kind == 2:
                lines.append(f"msgctxt {po_string(uid)}")
            lines += [f"msgid {po_string(src)}", f"msgstr {po_string(tgt)}"]
        if draw(st.integers(0, 3)):
            lines.append("")
        if draw(st.integers(0, 30)) == 0:
            lines.append(draw(st.sampled_from(['"stray"', "msgstr", 'msgid "unterminated', 'msgstr "\\q"', "garbage"])))
    out = ""
    for one in "\n".join(lines).split("\n"):
        out += one + draw(st.sampled_from(["\n", "\n", "\r\n", "\r"]))
    return out


@st.composite
def html(draw) -> str:
    paras = draw(st.lists(unit_text, min_size=1, max_size=4))
    body = "".join(f"<p>{draw(inline(p)).replace('<g ', '<b ').replace('</g>', '</b>')}</p>\n" for p in paras)
    inject = draw(st.sampled_from(["", "<script>alert(1)</script>", '<img src=x onerror="alert(1)">', "<qainjected>x</qainjected>"]))
    return f'<!DOCTYPE html>\n<html lang="hi"><head><meta charset="utf-8"><title>t</title></head><body>\n{inject}{body}</body></html>\n'


@st.composite
def jsonl(draw) -> str:
    rows = []
    for uid, src, tgt in draw(units()):
        record = {"id": uid, "target": tgt}
        if draw(st.booleans()):
            record["source"] = src
        rows.append(json.dumps(record, ensure_ascii=draw(st.booleans())))
    return "\n".join(rows) + draw(st.sampled_from(["\n", "", "\r\n"]))


#: (file extension, strategy of the file's text)
DOCUMENTS = {
    "txt": text(),
    "xlf": xliff12(),
    "xliff": xliff20(),
    "tmx": tmx(),
    "po": po(),
    "html": html(),
    "jsonl": jsonl(),
}

any_document = st.sampled_from(sorted(DOCUMENTS)).flatmap(lambda ext: st.tuples(st.just(ext), DOCUMENTS[ext]))
