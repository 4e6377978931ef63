"""The context weak evidence of a glued Hindi token needs (QA204, ``glued_hindi.py``): the words
beside the token, and whether they let a weak split stand.
"""

from __future__ import annotations

from .. import hindi_lexicon as lex
from ..text.lazy import lazy_regex
from .glued_document import _closes_phrase
from .glued_evidence import MAX_AMBIGUITY

#: What ``neighbour`` returns for a word it cannot read: Latin, digits, an abbreviation (U.S.)
#: or a quotation or bracket closed right after a word (``CNN पर``, ``1930 के``, ``'गोल' का``).
OTHER_WORD = "\x00"
_OTHER_WORD_END = frozenset(".%+)]\"'’”")
_NONSPACE = lazy_regex(r"\S")


def weak_ok(text: str, tokens, n: int, i: int, max_ambiguity: int = MAX_AMBIGUITY) -> bool:
    """Whether token ``n``, split at ``i`` on weak evidence, stands in a plain context: the word
    beside its content piece is a known word (names come in runs), a postposition or auxiliary
    that opens it follows a word it can belong to, and no verb's oblique infinitive is read
    (a tail that ends more than ``3 * max_ambiguity`` list words, the rule's ``max-ambiguity``)."""
    token = tokens[n].group()
    left, right = token[:i], token[i:]
    before = neighbour(text, tokens, n, -1)
    after = neighbour(text, tokens, n, +1)
    cls = lex.function_class(left)
    head = cls in lex.FUNCTION_CLASSES
    beside, content = (after, right) if head else (before, left)
    if beside and beside != OTHER_WORD and not (lex.known(beside) or lex.function_class(beside)) \
            and (head or lex.aksharas(content) <= 2 or not lex.known(content)):
        return False  # सुतोपो पुर|वो, को|रियो डी: names come in runs of unknown words
    if cls in ("postposition", "copula", "auxiliary"):
        # it must follow the word it belongs to: not open a clause, not follow a case
        # marker (ने केकड़ा), an auxiliary (हुए केकड़ा) or a conjunction
        if not before or _closes_phrase(before, left):
            return False
    if after and lex.function_class(after) == "postposition" \
            and lex.affix_ambiguity(right, "tail") > 3 * max_ambiguity:
        return False  # गरजने के: a verb's oblique infinitive, followed by its postposition
    return True


def neighbour(text: str, tokens, n: int, step: int) -> str | None:
    """The Devanagari word next to token ``n`` when only spaces separate them; before it,
    ``OTHER_WORD`` for a word in another script, a number, an abbreviation or a closed
    quotation."""
    k = n + step
    if step < 0:
        start = tokens[n].start()
        left = tokens[k].end() if k >= 0 else 0
        at = start
        while at > left and text[at - 1].isspace():
            at -= 1
        if at == start or at == 0:
            return None
        if at == left and k >= 0:
            return tokens[k].group()
        stop = False
        while at > 0 and text[at - 1] in _OTHER_WORD_END:
            stop = stop or text[at - 1] == "."
            at -= 1
        if k >= 0 and at == left:  # a Devanagari word, then the marks
            return None if stop else OTHER_WORD
        c = text[at - 1] if at else ""
        if not c.isalnum() or (stop and not c.isascii()):
            return None  # a sentence ends there (“है।” कोरस, गया. कोरस)
        return OTHER_WORD
    if k >= len(tokens):
        return None
    gap = text[tokens[n].end():tokens[k].start()]
    return tokens[k].group() if gap and not _NONSPACE.search(gap) else None
