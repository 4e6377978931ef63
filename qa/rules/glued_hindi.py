"""Two Hindi words run together with no space (QA204), apart from the glued-word rules of
``glued.py`` (Latin, digits, punctuation). The evidence a split needs and its thresholds are in
``glued_evidence.py``, the context that weak evidence needs in ``glued_context.py``; Hindi
morphology (the words a paradigm derives) in ``qa/morphology.py``.
"""

from __future__ import annotations

import dataclasses
from collections import Counter, deque
from itertools import compress, count, filterfalse

from .. import hindi_lexicon as lex
from .. import morphology as morph
from ..model import Category, Paragraph, Severity
from ..text.chunks import chunks
from .base import Hit, Option, Rule
from .glued import _DEVA_WORD, _in_protected, _protected
from .glued_context import neighbour, weak_ok
from .glued_document import DocumentVouching
from .glued_evidence import (
    _FIRST_VERB_ENDINGS,
    COMMON_ZIPF,
    MAJOR_PIECE,
    MAX_AMBIGUITY,
    MIN_ZIPF,
    SHORT_PIECE_ZIPF,
    _word_zipf,
    content_evidence,
    function_evidence,
    grade,
)
from .glued_memo import Chunks, chunk_memo, shared


class GluedHindiWords(DocumentVouching, Rule):
    r"""Two Hindi words run together (``दवाएंविशेष``, ``थाडिजिटल``, ``परऔर``, ``इंटरपोलयूएनओडीसी``).

    A token that is not a known word (``glossaries/hi_wordfreq.tsv``, with its inflected forms and
    nukta/candrabindu spellings) but splits, at an akshara boundary, into two words is a
    candidate. Hindi writes compounds as one word (सुपरमार्केट, गर्वपूर्वक, शिल्पकारों, आश्रयगृह),
    so a split into two frequent words proves nothing; the split must show what a compound
    cannot have:

    - a function word on either side (postposition, conjunction, auxiliary or light verb,
      particle, pronoun, determiner, pronominal adverb: ``था|डिजिटल``, ``पर|और``), from
      ``glossaries/hi_function_words.tsv``;
    - an inflected first piece (plural or oblique ending -ों -ें -एं -ओं: ``दवाएं|विशेष``), since
      the first member of a compound is a bare stem;
    - an acronym spelled in letter names or a glossary name on either side
      (``इंटरपोल|यूएनओडीसी``);
    - a second piece that opens with a vowel letter right after a consonant
      (``फ्रोड|अंतरराष्ट्रीय``): inside a word that vowel would be a vowel sign;
    - two content words where the first is an oblique form (-े), an adjective (-िक, -ीय, -ित)
      or a verb form, or the second a finite verb form (``राजनीतिक|दल``, ``चिंता|जताई``), and
      neither piece often begins or ends list words (which compound members do: -पूर्ण, -वादी);
    - a bound suffix or participle that begins no list word before a word (``वाले|लोग``), a
      verb form before a bare verb stem (``दिखाने|जा``), or a verb stem before its auxiliary
      (``जा|रहा``);
    - a piece the list lacks (a name) that the document writes alone within ``window``
      paragraphs (default 40) on either side, with a function word, a word or another such
      piece (``मैसेडोनिया|के``, ``बोरिस|जॉनसन``), when the token itself occurs once;
    - a piece the list lacks beside a function word that no list word merely looks like
      (``lex.opaque_affixes``: मेक्सि|को, इलाहा|बाद, गोड|से): a postposition, particle, copula or
      auxiliary after it, a pronoun, determiner or adverb that begins no list word before it
      (``प्लेडीस|भी``, ``यह|क्वालोव्स्की``); with a function word that up to eight list words end
      like (के: ठहाके), the piece must have four aksharas or more (``मैसेडोनिया|के``). As the list
      cannot say the piece is a word, this is ``minor``.

    Frequency alone is a hint (``info``): two frequent content words (summed Zipf >= 9.0) that
    begin or end at most five list words each (सुपर- begins six: सुपरमार्केट passes). The hint
    becomes ``minor`` when the document also writes the two words apart, side by side.

    How often a function word begins or ends ordinary words decides how much it proves (को
    begins 59 list words, में ends one; more than ``max-ambiguity``, 20, is weak); a pronoun that begins or ends more than ten is a
    syllable of them (हमउम्र, फ़ेयरवे), and a copula (है, था …) ends its clause, so only strong
    evidence counts after it (थाडिजिटल, not हैंडर). Short splits are where names and rare words
    hide (को|लोन is Cologne, के|कड़ा a crab): a one-syllable function word with a two-syllable
    word, a function word next to a piece the list does not know (``हार्लेम|में``), a
    vowel-letter seam and two content words count only when the token occurs once in the
    document; the word beside the token on its content side is a known word or one in Latin
    letters (names come in runs; after a name, a content piece of three aksharas or more that
    the list knows is no syllable of it: क्रॉमवेल सोसायटी|ने); and a postposition or auxiliary
    that opens the token follows a word it can belong to: a content word, a word in Latin
    letters, a number or a quotation closed after a word (``CNN पर|लाइव``, ``1930 के|दशक``),
    an oblique infinitive (``करने का|मौका``), or a case marker before a compound postposition
    (``के लिए|मंज़ूरी``); not the start of a sentence, a case marker or an auxiliary. When a
    split fails its context, the next best split is tried.

    A word Hindi morphology derives is a word, whatever the list says (``qa/morphology.py``:
    verb stems and lemmas in ``glossaries/hi_stems.tsv``, their endings in ``hi_paradigms.tsv``,
    compound members in ``hi_compound_affixes.tsv``, joined spellings such as जैसेकि): डुबोया,
    झूमने, निकलवाया, तोपखाने, मुकदमेबाजी, दोषमुक्त, पूर्वप्रभावी, स्कॉटिशमैन.

    Severity follows the evidence. ``major`` only for what a reviewer accepts at a glance: two
    function words, one of them a postposition, conjunction, copula or particle (``परऔर``); a
    glossary name or an acronym (``इंटरपोलयूएनओडीसी``); an inflected first piece (``दवाएंविशेष``);
    a postposition, conjunction, copula or particle beside a known word of three aksharas or more
    (``major-piece``) that no paradigm joins it to (``थाडिजिटल``), or beside a name of as many that the document
    writes alone. ``info`` where names and loanwords hide: a function word beside a word of two
    aksharas (कि|गाली Kigali, को|लोन Cologne) unless a very common one (देश|ने: ``minor``), or
    beside a piece no list knows; a verb ending after a word a paradigm could make a verb of
    (घबरा|या); a Latin -ia name (ब्लाइंड|लिया, ``hi_loan_markers.tsv``). Anything else ``minor``.

    Standard joined spellings pass: a pronoun with its postposition (इसके, उनमें, जिन्होंने),
    verb endings (करने, बनाया), the conjunctive participle and bound suffixes (देखकर,
    करनेवाले, देशभर), and acronyms spelled in letter names (आईएसआईएस). The suggestion
    restores the space.

    Flags:
        सिंथेटिक दवाएंविशेष रूप से बढ़ते प्रसार के संबंध में
        संबोधित किया गया थाडिजिटल तस्करी करना
        विशेष रूप से वेब परऔर यूक्रेन में संघर्ष
        प्रतिनिधि शामिल हुए हैं इंटरपोलयूएनओडीसी (ड्रग्स और अपराध पर कार्यालय)
        प्राथमिकताओं पर प्रकाश डाला गया फ्रोडअंतरराष्ट्रीय, विशेष रूप से
        सुविधा स्टोर यानी बाजार मेंहर रोज़ खाद्य पदार्थ
        देश के कई राजनीतिकदल चुनाव लड़ेंगे।
        नया सरकारअधिनियम लागू हुआ।
        मदद करने वालेलोग आए।
        क्वालोव्स्की ने कहा।\n\nबैठक में क्वालोव्स्कीके साथी आए।
        यह CNN परलाइव देखा गया और लोग 1930 केदशक में आए।
        वह घर जारहा था।
        उत्तर मैसेडोनियाके लोग आए।
    Passes:
        सुपरमार्केट में गर्वपूर्वक रहस्यपूर्ण शिल्पकारों ने आश्रयगृह बनाया।
        किसी हमउम्र वाले ने फ़ेयरवे पर राइट हैंडर देखा।
        बैठक में क्वालोव्स्कीके साथी आए।
        इसके बाद उनमें से जिन्होंने देखकर करनेवाले देशभर में आईएसआईएस पर बात की।
        अभियान #मेकइनइंडिया और #परऔर पर चर्चा हुई।
        कोलोन में मेला लगा। लड़के ने केकड़ा पकड़ा और बादल के गरजने के साथ।
        नेशनल वेदर सर्विस ने कहा। नेशनल वेदर सर्विस ने फिर कहा।
        जो लिंडसे ने कहा कि हम गैलोवे गए और मैंने फ्लाईपेपर खरीदा।
        उसने नाव को डुबोया, लोग झूमने लगे और पुराने तोपखाने में मुकदमेबाजी चली।
        वह दोषमुक्त हुआ, जैसेकि पूर्वप्रभावी कानून से एक स्कॉटिशमैन हुआ।
    """

    code = "QA204"
    name = "glued-hindi-words"
    category = Category.SPELLING
    mqm = "Fluency/Spelling"
    severity = Severity.MAJOR
    options = (
        Option("min-zipf", float, MIN_ZIPF, "Zipf frequency a piece of two aksharas needs to count as a word"),
        Option("short-piece-zipf", float, SHORT_PIECE_ZIPF,
               "Zipf frequency a word shorter than `major-piece` aksharas beside a function word needs for `minor`"),
        Option("common-zipf", float, COMMON_ZIPF,
               "Zipf frequency of a common word: a verb stem's infinitive before an auxiliary, the word "
               "after a vowel-letter seam, both pieces when the first ends in a long vowel; a rarer word "
               "before a verb ending is `info`"),
        Option("major-piece", int, MAJOR_PIECE,
               "Aksharas a word beside a postposition, conjunction, copula or particle needs for `major`"),
        Option("max-ambiguity", int, MAX_AMBIGUITY,
               "List words a function word may begin or end and still be strong evidence (half for a "
               "number word, three times for a verb's oblique infinitive before a postposition)"),
    )
    fix = "safe"  # a space restored, but only on strong evidence (see fix_safety)

    @classmethod
    def fix_safety(cls, finding):
        """Safe when the finding is major (strong evidence: a function word or two known words);
        a weaker split (a name, a rare word) may cut a real word in two: unsafe. (A severity
        override of QA204 decides for all its findings.)"""
        return "safe" if finding.severity == Severity.MAJOR else "unsafe"

    def __init__(self, ctx):
        super().__init__(ctx)
        # what is known of each token and piece: shared by the documents of the process
        # (``glued_memo``), bound when a paragraph first has a token to split
        self._names: frozenset[str] | None = None
        self._cache: dict[str, tuple | None] = {}
        self._pieces: dict[str, str | None] = {}
        self._words: dict[str, bool] = {}  # tokens that are words of their own (``_a_word``)
        self._bound = False
        self._seen: Counter[str] = Counter()  # occurrences of each unlisted token in the document
        self._pending: list[tuple[str, int, Hit]] = []  # weak findings, kept if the token is unique
        self._unlisted: dict[str, tuple] = {}  # splits with a piece the list lacks
        self._later_tokens: deque = deque()  # such tokens, waiting for the paragraphs after them
        self._vouched: list[tuple[str, int, int, int, tuple]] = []  # ... whose pieces stand alone
        self._last: dict[str, int] = {}  # the last paragraph of each unlisted token
        # tokens of two letters or with neither a split nor a piece the list lacks (``glued_memo``)
        self._quiet: set[str] = set()
        # ... and those of the document that need nothing more in it (quiet, or recurring)
        self._idle: set[str] = set()
        self._chunks: Chunks | None = None  # the process's chunk memo (``glued_memo``), on first use
        self._window: int | None = None  # the context's window, read when a token first waits

    def check(self, para: Paragraph):
        memo = self._chunks
        if memo is None:
            memo = self._chunks = chunk_memo()
        # the Devanagari words the list lacks, read from the chunks between white space: most are
        # known to hold none (one look-up each), the others' words are remembered
        dirty = list(filterfalse(memo.clean.__contains__, chunks(para.text)))
        unlisted: list[str] = []
        if dirty:
            known = memo.unlisted
            for chunk in dirty:
                found = known.get(chunk)
                unlisted += memo.words(chunk) if found is None else found
        index = para.index
        if unlisted:
            seen, last = self._seen, self._last
            for token in unlisted:  # (Counter.update costs more on a few words)
                seen[token] = seen.get(token, 0) + 1
                last[token] = index
        waiting = self._later_tokens
        if waiting:  # settle the tokens whose window has been read
            window = self._window
            if window is None:
                window = self._window = self.ctx.window
            if window and waiting[0][1] <= index - window:
                self._slide(index)
        # one set test skips a paragraph whose unlisted tokens are all known to need nothing
        if not unlisted or self._idle.issuperset(unlisted) or self._quiet.issuperset(unlisted):
            return ()
        return self._split_tokens(para, unlisted)

    def _split_tokens(self, para: Paragraph, unlisted: list[str]):
        """The findings of the paragraph's tokens that may have one (not idle, not quiet)."""
        if not self._bound:
            self._bind()
        quiet, idle, seen = self._quiet, self._idle, self._seen
        candidates = set()
        for token in unlisted:
            if token in idle:
                continue
            if token in quiet:
                idle.add(token)
            elif len(token) < 3:
                quiet.add(token)  # a token of two letters is never split
                idle.add(token)
            else:
                candidates.add(token)
        if not candidates:
            return
        text = para.text
        tokens = list(_DEVA_WORD.finditer(text))
        words = [m.group() for m in tokens]  # (one scan of the text, not a findall beside it)
        protected = _protected(text)
        cache = self._cache
        for n in compress(count(), map(candidates.__contains__, words)):
            token, m = words[n], tokens[n]
            try:
                found = cache[token]
            except KeyError:
                found = cache[token] = self._split(token)
            if protected and _in_protected(protected, m.start(), m.end()):
                continue
            if not found:
                if seen[token] > 1:
                    # a token that recurs is no accident: nothing the document could vouch for
                    # (``_document_words``), wherever it stands
                    idle.add(token)
                elif not self._later(para, tokens, n):
                    quiet.add(token)
                    idle.add(token)
                continue
            for i, reason, weak, severity in found:  # the best split whose context fits  # noqa: B007 (the chosen split is used below)
                if not weak or weak_ok(para.text, tokens, n, i, self.option("max-ambiguity")):
                    break
            else:
                continue
            hit = Hit(
                para.index, m.start(), m.end(),
                f"“{token}” is not a word but “{token[:i]}” and “{token[i:]}” run together "
                f"({reason}); a space is missing",
                f"{token[:i]} {token[i:]}",
                severity,
            )
            if weak:
                self._pending.append((token, i, hit))
            else:
                yield hit

    def finish(self):
        # a weak split that recurs in the document is a word the list lacks (names recur); one
        # whose two words also stand apart, side by side, elsewhere in the document lost a space
        yield from self._document_words()
        unique = [(token, i, hit) for token, i, hit in self._pending if self._seen[token] == 1]
        apart = self._written_apart({(t[:i], t[i:]) for t, i, hit in unique if hit.severity is Severity.INFO})
        for token, i, hit in unique:
            if hit.severity is Severity.INFO and (token[:i], token[i:]) in apart:
                hit = dataclasses.replace(
                    hit, severity=Severity.MINOR,
                    message=hit.message.replace("; a space", f", and “{token[:i]} {token[i:]}” "
                                                "is written apart elsewhere in the document; a space"),
                )
            yield hit

    # the word beside a token (glued_document's vouching reads it too)
    _neighbour = staticmethod(neighbour)

    # -- the split -----------------------------------------------------------------------------
    def _bind(self) -> None:
        memos = shared(self.ctx.glossary, tuple(self.option(o.name) for o in self.options))
        self._names, self._cache, self._pieces = memos.names, memos.splits, memos.pieces
        self._words, self._unlisted, self._bound = memos.words, memos.unlisted, True
        self._quiet = memos.quiet

    def names(self) -> frozenset[str]:
        if self._names is None:
            self._names = frozenset(lex.nfc(n) for n in self.ctx.glossary.devanagari_names())
        return self._names

    def _split(self, token: str) -> tuple[tuple[int, str, bool, Severity | None], ...]:
        """(offset of the lost space, reason, weak, severity) for each split of ``token`` with
        evidence, the strongest first (the earlier of two as strong)."""
        if self._a_word(token):
            return ()
        if lex.typo_of(token):
            return ()  # बिनाने for बनाने: a misspelling of one word, not two words
        found = []
        for i in lex.akshara_starts(token):
            evidence = self._evidence(token[:i], token[i:])
            if evidence:
                found.append((-evidence[0], i, *evidence[1:]))
        return tuple(f[1:] for f in sorted(found, key=lambda f: f[:2]))

    def _a_word(self, token: str) -> bool:
        """``token`` is a word of its own: known, a function word, an acronym spelled in letter
        names, a glossary name or a word a paradigm derives from a known stem (डुबोया, तोपखाने)."""
        try:
            return self._words[token]
        except KeyError:
            word = self._words[token] = bool(
                lex.known(token) or lex.function_class(token) or lex.spelled_letters(token)
                or lex.nfc(token) in self.names() or lex.verb_stem(token) or morph.derived(token))
            return word

    def _piece(self, piece: str) -> str | None:
        """What a piece is: function, suffix, name, word, or None (not a word)."""
        try:
            return self._pieces[piece]
        except KeyError:
            kind = self._pieces[piece] = self._kind(piece)
            return kind

    def _kind(self, piece: str) -> str | None:
        cls = lex.function_class(piece)
        if cls in lex.FUNCTION_CLASSES and len(piece) >= 2:
            return "function"
        if cls == "suffix":
            return "suffix"
        if lex.nfc(piece) in self.names() or lex.spelled_letters(piece) >= 3:
            return "name"
        n = lex.aksharas(piece)
        if (n >= 3 and (lex.known(piece) or morph.verb_form(piece) or morph.noun_form(piece))) or (n == 2 and _word_zipf(piece) >= self.option("min-zipf")):
            return "word"
        return None

    def _evidence(self, left: str, right: str) -> tuple[int, str, bool, Severity | None] | None:
        """(strength, reason, weak, severity) when ``left|right`` looks like two words that lost
        their space (severity None: the rule's); weak evidence also needs a plain context
        (``_weak_ok``)."""
        found = self._reasons(left, right)
        if found is None or len(found) == 4:
            return found
        return (*found, grade(left, right, self._piece, self.option))

    def _reasons(self, left: str, right: str):
        kr = self._piece(right)
        if kr == "suffix":
            return None  # देखकर, करनेवाले, देशभर
        kl = self._piece(left)
        if kl == "suffix":
            if kr in ("word", "name") and lex.aksharas(left) >= 2 \
                    and lex.affix_ambiguity(left, "head") <= 1:
                # वाले|लोग, करके|देखा: a bound suffix or participle that begins no list word
                return 3, f"“{left}” ends a word and never begins one", True
            kl = "word"
        if kr == "function" and lex.function_class(right) == "postposition" \
                and lex.function_words().get(left, {}).get("class") == "pronoun":
            return None  # इसके, उनमें: standard spelling
        if kl == "function" and kr == "function":
            return 5, "two function words", False
        if kl is None and kr == "function" and lex.function_class(right) == "auxiliary" \
                and lex.zipf(left + "ना") >= self.option("common-zipf"):
            # जा|रहा, पा|सकता: a verb stem, then its auxiliary
            return 4, f"“{left}” is a verb stem and “{right}” its auxiliary", False, Severity.MINOR
        if kl == "word" and kr and lex.inflected(left):
            return 4, f"“{left}” is inflected, and a compound's first member never is", False
        if kl == "function" or kr == "function":
            return function_evidence(*((left, "head", right, kr) if kl == "function" else (right, "tail", left, kl)),
                                     self.option("max-ambiguity"))
        if kl and kr and "name" in (kl, kr):
            return 4, "an acronym or a name is never part of a compound", False
        if kl == "word" and kr == "word":
            return content_evidence(left, right, self.option("common-zipf"))
        if kr is None and kl == "word" and lex.zipf(right + "ना") >= self.option("min-zipf") \
                and lex.verb_stem(left, _FIRST_VERB_ENDINGS):
            # माना|जा, करवाने|दे: a verb form, then a bare verb stem (a passive or a light verb)
            return 1, "a verb form is never part of a compound", True
        if (
            kr == "word"
            and right[0] in lex.INDEPENDENT_VOWELS
            and (left[-1] in lex.CONSONANTS or left[-1] == lex.NUKTA)
            and lex.aksharas(left) >= 2
            and lex.aksharas(right) >= 3
            and lex.zipf(right) >= self.option("common-zipf")
        ):
            return 1, "a vowel letter after a consonant starts a new word", True
        return None
