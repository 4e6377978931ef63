r"""Leftovers of markup in the text: HTML/XML tags, character entities, Markdown fences and
emphasis (QA306).

Machine translation of web pages and chat output leaves the markup of its input or its own
formatting in the text: ``&quot;हम तैयार हैं&quot;``, ``<b>बैठक</b>``, a Markdown code fence
`````` ```python ``````, ``**महत्वपूर्ण**``. None of it is a word of any language, so the
untranslated-text rules (QA101/QA102) set it aside and this rule reports it. The code sits in the
encoding family (QA3xx): like mojibake, an entity is text that was not decoded for display.
"""

from __future__ import annotations

from ..model import Category, Paragraph, Severity
from ..text.lazy import lazy_regex
from ..text.web import markup_spans
from .base import Hit, Rule

_DEVANAGARI = lazy_regex(r"\p{Devanagari}")
_SPACE_OR_EDGE = " \t\n\u00a0"
_CLOSING_TAG = lazy_regex(r"</([A-Za-z][A-Za-z0-9:-]*)\s*>")
_TAG_NAME = lazy_regex(r"</?([A-Za-z][A-Za-z0-9:-]*)")

_WHAT = {
    "entity": "character entity {text} left in the text: it shows as code, not as the character "
              "it stands for",
    "element": "markup tag {text} left in the text",
    "fence": "Markdown code fence {text} left in the text",
    "emphasis": "Markdown emphasis markers left in the text: {text}",
}


def _mention(text: str, start: int, end: int) -> bool:
    """A tag named as a word of the sentence (``<body> तक``, ``प्रत्येक <div> में``): set off by
    spaces on both sides, a lone opening tag without attributes whose element is not closed in
    the paragraph."""
    tag = text[start:end]
    if tag.startswith("</") or " " in tag or tag.endswith("/>"):
        return False
    if (start and text[start - 1] not in _SPACE_OR_EDGE) or (end < len(text) and text[end] not in _SPACE_OR_EDGE + ".,;:।"):
        return False
    name = _TAG_NAME.match(tag).group(1).lower()
    return not any(m.group(1).lower() == name for m in _CLOSING_TAG.finditer(text, end))


class MarkupLeftover(Rule):
    r"""Markup left in the text: HTML/XML tags, character entities, Markdown fences or emphasis.

    ``&quot;``, ``&amp;``, ``&#39;`` show as code where a reader expects ``"``, ``&``, ``'``;
    ``<b>…</b>``, a code fence (three backticks) and ``**…**`` are formatting that was never rendered. Reported
    at the rule's severity in running prose (a paragraph with Devanagari text), at ``info`` in a
    line of code (no Devanagari) or when a tag is named as a word of the sentence
    (``<body> तक``). A character entity is ``minor``: the reader still sees which character is
    meant, the meaning is intact and unescaping it is a mechanical fix (annotators of WMT24
    scored documents carrying ``&quot;`` and ``&amp;`` 93 to 100); a tag, fence or emphasis
    marker is the rule's severity. With a source (``--source``), a tag or fence that the aligned source
    paragraph also has is content (a text about HTML), not a leftover.

    Flags:
        उन्होंने कहा, &quot;हम तैयार हैं&quot;।
        देश भर में AT&amp;T का आउटेज।
        बैठक <b>रोम</b> में हुई।
        ```python\nबैठक रोम में हुई।
        यह **बहुत** महत्वपूर्ण है।
    Passes:
        उन्होंने कहा, "हम तैयार हैं"।
        AT&T का आउटेज, 3 * 4 = 12।
        ईमेल jo@samaritans.org पर भेजें, #G7Italia और @user33 देखें।
    """

    code = "QA306"
    name = "markup-leftover"
    category = Category.ENCODING
    mqm = "Fluency/Character encoding"
    severity = Severity.MAJOR
    fix = "unsafe"  # deleting a tag may drop words or join them; a tag named in a sentence is meant

    def check(self, para: Paragraph):
        text = para.text
        if "&" not in text and "<" not in text and "`" not in text and "*" not in text and "_" not in text:
            return ()  # markup needs one of these
        return self._hits(para)

    def _hits(self, para: Paragraph):
        text = para.text
        source = self.ctx.source_for(para.index)
        source_text = source.text if source is not None else ""
        prose = bool(_DEVANAGARI.search(text))
        for start, end, kind in markup_spans(text):
            shown = text[start:end]
            if kind in ("element", "fence") and source_text and shown in source_text:
                continue
            severity = None
            note = ""
            if not prose:
                severity, note = Severity.INFO, " (a line of code or markup)"
            elif kind == "element" and _mention(text, start, end):
                severity, note = Severity.INFO, " (named as a word of the sentence; check that it is meant)"
            elif kind == "entity":
                severity = min(Severity.MINOR, self.severity)
            suggestion = "" if kind in ("element", "fence") else None
            yield Hit(para.index, start, end, _WHAT[kind].format(text=shown) + note, suggestion,
                      severity=severity)
