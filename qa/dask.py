"""Running the checker over a corpus of millions of segments with Dask.

    import dask.bag as db
    from dask.distributed import Client
    import qa.dask

    client = Client("tcp://scheduler:8786")            # or Client(LocalCluster(...))
    bag = db.read_text("corpus/*.jsonl").map(json.loads)  # records: id, target, source
    findings, scores = qa.dask.lint(bag)                 # two pandas DataFrames

``lint`` takes a ``dask.bag.Bag`` of records (mappings with ``id``, ``target`` and optional
``source``) or a ``dask.dataframe.DataFrame`` with those columns, lints every partition on the
workers with ``qa.lint_records`` and returns ``(findings, scores)`` as pandas DataFrames: one row
per finding (``partition``, ``id``, ``rule``, ``name``, ``category``, ``mqm``, ``severity``,
``start``, ``end``, ``text``, ``message``, ``suggestion``) and one row per record (``partition``,
``id``, ``words``, ``penalty``, ``score``, ``findings``), in the collection's order. Each
partition is one document, linted like a JSON Lines file of its records: the result equals
``qa.lint_records`` over the records of each partition (document-level rules such as repeated
paragraphs compare the records of one partition; partition by document to keep documents whole).
``lint_partitions`` returns the lazy per-partition results for pipelines that go on in Dask.

Requires ``dask`` and ``pandas`` (``pip install 'qa-hindi[dask]'``); workers need ``qa``
installed. Nothing is imported from Dask until these functions are called.
"""

from __future__ import annotations

from typing import Any

FINDING_COLUMNS = (
    "partition", "id", "rule", "name", "category", "mqm", "severity", "start", "end", "text", "message", "suggestion",
)
SCORE_COLUMNS = ("partition", "id", "words", "penalty", "score", "findings")


def lint_partition(records: Any, partition: int = 0, config: Any = None, columns: tuple[str, str, str] = ("id", "target", "source")):
    """Lint one partition (an iterable of records, or a pandas DataFrame with the ``columns`` id,
    target and source); return ``(findings, scores)`` as pandas DataFrames."""
    import pandas as pd

    from .api import lint_records

    if isinstance(records, pd.DataFrame):
        id_col, target_col, source_col = columns
        frame = records
        sources = frame[source_col] if source_col in frame.columns else [None] * len(frame)
        records = [
            {"id": i, "target": t, "source": s if isinstance(s, str) else None}  # NaN, NA, None: no source
            for i, t, s in zip(frame[id_col], frame[target_col], sources)
        ]
    results = lint_records(records, config)
    finding_rows = [
        (partition, r.id, f.rule, f.name, f.category, f.mqm, f.severity, f.start, f.end, f.text, f.message, f.suggestion)
        for r in results
        for f in r.findings
    ]
    score_rows = [(partition, r.id, r.words, r.penalty, r.score, len(r.findings)) for r in results]
    return (
        pd.DataFrame.from_records(finding_rows, columns=list(FINDING_COLUMNS)),
        pd.DataFrame.from_records(score_rows, columns=list(SCORE_COLUMNS)),
    )


def lint_partitions(collection: Any, config: Any = None, columns: tuple[str, str, str] = ("id", "target", "source")) -> list:
    """One ``dask.delayed`` ``(findings, scores)`` per partition of a Bag or DataFrame."""
    from dask import delayed

    from .api import options_for

    options = options_for(config, "<records>")  # resolved here, so workers need no config file
    run = delayed(lint_partition, pure=True)
    return [run(part, k, options, columns) for k, part in enumerate(collection.to_delayed())]


def lint(collection: Any, config: Any = None, columns: tuple[str, str, str] = ("id", "target", "source")):
    """Lint a Dask Bag of records or a Dask DataFrame; ``(findings, scores)`` as pandas
    DataFrames, computed on the current scheduler (a ``dask.distributed`` Client if one is
    active)."""
    import dask
    import pandas as pd

    computed = dask.compute(*lint_partitions(collection, config, columns))
    if not computed:
        return pd.DataFrame(columns=list(FINDING_COLUMNS)), pd.DataFrame(columns=list(SCORE_COLUMNS))
    findings = pd.concat([f for f, _ in computed], ignore_index=True)
    scores = pd.concat([s for _, s in computed], ignore_index=True)
    return findings, scores
