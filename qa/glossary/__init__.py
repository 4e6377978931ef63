"""Glossaries: organisations (official names, acronyms, approved Hindi) and press-release terms
(Italian → approved Hindi, known wrong renderings). The file formats are documented in
``glossaries/README.md``.

The package, in its one direction of imports: :mod:`.text` (normalised tokens, matching, the
token trie) → :mod:`.entries` (entries and the index the rules ask) → :mod:`.tsv` and
:mod:`.tbx_format` (one reader per format) → :mod:`.load` (files → a Glossary) and
:mod:`.check` (``qa glossary check``, one validation path for both formats); :mod:`.letters`
(Latin letters spelled in Devanagari) needs only :mod:`.text`. The acronym engine :mod:`qa.acronyms` builds on this package.

Loading is cheap (two small TSV files, no third-party imports) and happens only when a rule asks
``ctx.glossary``. Matching structures (token tries, indexes) are built on first use.
"""

from .check import check_file, check_files  # noqa: F401
from .entries import (  # noqa: F401
    DEFAULT_FILES,
    HI_BASIS,
    ORG_COLUMNS,
    ORG_REQUIRED,
    TERM_COLUMNS,
    TERM_REQUIRED,
    Glossary,
    Organisation,
    Term,
)
from .load import load_glossary, merge_organisations, read_file  # noqa: F401
from .text import (  # noqa: F401
    SEP,
    TOKEN_RE,
    TokenTrie,
    find_phrase,
    fold,
    has_devanagari,
    has_latin,
    norm_key,
    norm_token,
    norm_tokens,
    pattern_tokens,
    split_values,
    token_matches,
    token_spans,
    tokens,
)
from .tsv import file_kind  # noqa: F401
