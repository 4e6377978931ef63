"""The evidence that a split of a Hindi token is two words that lost their space (QA204), and
the thresholds behind it: function words, content words. ``glued_hindi.py`` applies it; the
severity of a finding follows the strength of the evidence (``grade``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .. import hindi_lexicon as lex
from .. import morphology as morph
from ..model import Severity

#: Zipf frequency a piece of two aksharas needs to count as a word (3.5: about three per million
#: words); rarer short words are syllables of others. A listed piece of three or more counts at any
#: frequency (the list stops at 3.0: स्पष्टता, घटनास्थल).
MIN_ZIPF = 3.5
#: ... and both pieces need for a long-vowel first piece to count (4.5: 30 per million; the
#: default of QA204's ``common-zipf`` option).
COMMON_ZIPF = 4.5
#: A function word that begins (को: कोरिया, कोमल …) or ends (का: लड़का, भूमिका …) more than this
#: many list words is weak evidence; number words and content pieces must stay far below it (the
#: default of QA204's ``max-ambiguity`` option).
MAX_AMBIGUITY = 20
COMPOUND_AMBIGUITY = 10
#: Summed Zipf frequency of two content pieces (4.4 + 4.4: each about 25 per million words) at
#: which their join, unknown to the list, is more likely two words that lost their space than a
#: compound: compound members are rarer words, or productive ones, which begin (सुपर-: 6 list
#: words) or end more than PAIR_AMBIGUITY list words. Frequency alone is an ``info`` hint.
FREQUENT_PAIR_ZIPF = 9.0
PAIR_AMBIGUITY = 5
#: A function word next to a piece the list lacks (a name, a rare word) is evidence when no list
#: word merely looks like that piece + it (``lex.opaque_affixes``: इलाहा|बाद, मेक्सि|को, आजीविका):
#: with none, next to a piece of two aksharas or more; with up to OPAQUE_FEW, of LONG_PIECE or more.
OPAQUE_FEW = 8
LONG_PIECE = 4
#: Function words that follow the word they belong to (a glued one ends the token) and that
#: precede it (a glued one begins the token); a pronoun after a word is a syllable of names
#: (गैलो|वे, Galloway), a postposition before one was checked by the rules above.
_FOLLOWERS = ("postposition", "conjunction", "particle", "copula", "auxiliary")
_LEADERS = ("conjunction", "pronoun", "determiner", "numeral", "adverb")
#: Adjective suffixes (-िक, -ीय, -ित): वैश्विक, राष्ट्रीय, संगठित are not compound stems.
ADJECTIVE_ENDINGS = ("िक", "ीय", "ित")
_LONG_VOWEL_END = frozenset("ाीोौूैईओऔऐ")
#: Verb endings that mark a first piece as a verb form (participle, oblique infinitive,
#: conjunctive देखकर), and a second piece as a finite or participial verb form (जताई, करेगी),
#: with the perfective of a consonant stem (भेज|ा, भेज|ी, भेज|े) that no compound ends in.
_FIRST_VERB_ENDINGS = ("ता", "ती", "ते", "या", "यी", "ये", "ई", "ए", "ने", "नी", "कर", "के")
_SECOND_VERB_ENDINGS = tuple(e for e in lex.VERB_ENDINGS if e not in ("कर", "के")) + ("ा", "ी", "े")
#: Function-word classes that make a ``major`` finding beside a known word (a pronoun,
#: determiner, numeral or adverb begins and ends names and compounds: पैक|हम, सब|रीना), and
#: the aksharas that word needs (कि|गाली, को|लोन, की|कार: short words hide in names; the default
#: of QA204's ``major-piece`` option).
_MAJOR_CLASSES = ("postposition", "conjunction", "copula", "particle")
MAJOR_PIECE = 3
#: ... and the Zipf frequency a shorter word needs for a ``minor`` finding (देश|ने, घर|में; not
#: कार, रन, मर: 5.0-5.2, which begin and end names), else ``info``.
SHORT_PIECE_ZIPF = 5.8


def _word_zipf(word: str) -> float:
    """Zipf frequency of ``word`` or of its dictionary form, whichever is higher."""
    return max(lex.zipf(w) for w in [word, *lex.lemmas(word)])


def function_evidence(func: str, side: str, other: str, kind: str | None, max_ambiguity: int = MAX_AMBIGUITY):
    """Evidence from the function word ``func`` glued on ``side`` of ``other`` (of kind ``kind``);
    ``max_ambiguity``: the rule's ``max-ambiguity`` option."""
    ambiguity = lex.affix_ambiguity(func, side)
    reason = f"the function word “{func}” is never part of a compound"
    cls = lex.function_class(func)
    if cls in ("determiner", "numeral") and ambiguity > COMPOUND_AMBIGUITY:
        # एकसमान, नौसैनिक: number words do form compounds
        return (3, reason, True) if kind == "word" and ambiguity <= max_ambiguity // 2 else None
    if cls == "pronoun" and kind == "word" and ambiguity > COMPOUND_AMBIGUITY:
        # हमउम्र, फ़ेयरवे: a pronoun that often begins or ends words is a syllable of them
        return None
    if kind == "name":
        return 4, reason, False
    if kind == "word":
        short = lex.aksharas(other) <= 2
        if ambiguity <= max_ambiguity and (not short or lex.aksharas(func) >= 2):
            return 4, reason, False
        if cls == "copula" and side == "head":
            return None  # हैंडर: a copula ends its clause; weak evidence is not enough after it
        return 3, reason, True
    if kind is None and ambiguity <= 1 and cls in ("postposition", "conjunction") \
            and lex.aksharas(other) >= 2:
        return 2, reason, True
    if kind is None and cls in (_FOLLOWERS if side == "tail" else _LEADERS) \
            and (side == "tail" or ambiguity <= 2):
        opaque = lex.opaque_affixes(func, side)
        if opaque <= OPAQUE_FEW and lex.aksharas(other) >= (LONG_PIECE if opaque else 2):
            # मैसेडोनिया|के, यह|क्वालोव्स्की: the other piece is probably a name, or a loanword
            # (पिथेकाउ|से, कैस्टलफ्रां|को): a hint, as no list says it is a word
            return 2, reason, True, Severity.INFO
    return None


def content_evidence(left: str, right: str, common_zipf: float = COMMON_ZIPF):
    """Evidence that two content words ``left|right`` are not a compound; ``common_zipf``: the
    rule's ``common-zipf`` option."""
    if lex.function_class(left) or lex.function_class(right):
        return None
    if lex.affix_ambiguity(left, "head") > COMPOUND_AMBIGUITY \
            or lex.affix_ambiguity(right, "tail") > COMPOUND_AMBIGUITY:
        return None  # a productive compound member: रहस्य|पूर्ण, नस्ल|वादी
    if left[-1] in "ेए":
        reason = f"“{left}” is an oblique form"
    elif left.endswith(ADJECTIVE_ENDINGS):
        reason = f"“{left}” is an adjective"
    elif lex.verb_stem(left, _FIRST_VERB_ENDINGS) or lex.verb_stem(right, _SECOND_VERB_ENDINGS):
        reason = "a verb form is never part of a compound"
    elif left[-1] in _LONG_VOWEL_END and min(lex.zipf(left), lex.zipf(right)) >= common_zipf:
        reason = f"“{left}” ends in a long vowel, which a compound stem seldom does"
    elif _word_zipf(left) + _word_zipf(right) >= FREQUENT_PAIR_ZIPF \
            and not (morph.looks_loan(left) or morph.looks_loan(right)) \
            and lex.affix_ambiguity(left, "head") <= PAIR_AMBIGUITY \
            and lex.affix_ambiguity(right, "tail") <= PAIR_AMBIGUITY:
        # frequency alone: a hint for the reviewer, minor when the document has the pair apart;
        # not for loanwords (ऑफ़|शोर, डाउन|टाइम): English compounds are transliterated as one word
        return 0, "two frequent words, and their join is not a word", True, Severity.INFO
    else:
        return None
    return 1, reason, True


def grade(left: str, right: str, piece: Callable[[str], str | None], option: Callable[[str], Any]) -> Severity:
    """``major`` only for evidence a reviewer accepts at a glance: two function words (three
    aksharas or more: किकी, वेइस are names), a glossary name or an acronym, an inflected
    first piece, or a postposition, conjunction, copula or particle beside a complete known
    word of three aksharas or more that no paradigm joins it to; anything else ``minor``.
    ``piece`` tells what a piece is (QA204's ``_piece``), ``option`` reads the rule's options."""
    kl, kr = piece(left), piece(right)
    if kl == "function" and kr == "function":  # वे|इस is Weiss, कि|की Kiki
        strong = {lex.function_class(left), lex.function_class(right)} & set(_MAJOR_CLASSES)
        if strong and lex.aksharas(left + right) >= 3:
            return Severity.MAJOR
        # जहां|उसके, अब|यह: two pronouns or adverbs of four aksharas or more are no name
        return Severity.MINOR if lex.aksharas(left + right) >= 4 else Severity.INFO
    if "name" in (kl, kr):
        return Severity.MAJOR
    if kl == "word" and kr and lex.inflected(left):  # not सुबियां|तो (Subianto)
        if lex.function_class(right) == "auxiliary":
            return Severity.INFO  # केरें|सकी (Kerensky): an auxiliary never follows a plural
        return Severity.MAJOR if lex.aksharas(right) >= 2 else Severity.MINOR
    if "function" not in (kl, kr):
        return Severity.MINOR  # two content words, a verb stem, a vowel seam: a compound may
    func, other, tail = (right, left, True) if kr == "function" else (left, right, False)
    if lex.aksharas(other) < option("major-piece"):
        # को|लोन, कि|गाली, ने|वादा: a short word is a syllable of names, unless very common
        return Severity.MINOR if _word_zipf(other) >= option("short-piece-zipf") else Severity.INFO
    if morph.looks_loan(other) and lex.function_class(func) == "auxiliary" and func.endswith("िया"):
        return Severity.INFO  # ब्लाइंड|लिया, चेकोस्लोवा|किया: Latin -lia, -kia names
    if morph.looks_loan(other) and tail:
        return Severity.MINOR  # a loanword may end like a function word (no glance-proof)
    if piece(other) != "word" \
            or lex.function_class(func) not in _MAJOR_CLASSES:
        return Severity.MINOR
    if tail and morph.verb_ending(func) and (
            lex.zipf(other) < option("common-zipf") or morph.is_verb_stem(other)):
        return Severity.INFO  # झूम|ने, डुबो|या, घबरा|या: a verb's form the lexicon lacks
    return Severity.MAJOR
