"""qa.dask on a real dask.distributed cluster: a scheduler and 2 worker processes on this machine.

Marked ``dask`` (it takes a few seconds to start the cluster); it runs in the normal test run,
and ``-m 'not dask'`` leaves it out locally.
"""

import os

import pytest

from conftest import FIXTURES

pytestmark = pytest.mark.dask


def _require(name):
    try:
        return __import__(name)
    except ImportError:
        if os.environ.get("CI"):
            raise  # CI installs the test extra: a missing dask is a failure there, not a skip
        pytest.skip(f"{name} is not installed (pip install -e '.[test]')")


def records(n):
    lines = [l.strip() for l in (FIXTURES / "ntrex" / "hin.txt").read_text(encoding="utf-8").splitlines() if l.strip()]
    italian = [l.strip() for l in (FIXTURES / "ntrex" / "ita.txt").read_text(encoding="utf-8").splitlines() if l.strip()]
    return [
        {"id": f"s{i}", "target": lines[i % len(lines)], "source": italian[i % len(italian)] if i % 3 else None}
        for i in range(n)
    ]


def test_dask_bag_and_dataframe_on_a_local_cluster_match_the_serial_run():
    _require("dask")
    _require("distributed")
    pd = _require("pandas")
    import dask.bag as db
    import dask.dataframe as dd
    from dask.distributed import Client, LocalCluster

    import qa
    import qa.dask
    half = 2000
    data = records(2 * half)  # two partitions: each one document, as lint_records over its records
    serial = qa.lint_records(data[:half]) + qa.lint_records(data[half:])
    expected_scores = [(r.id, r.words, r.penalty, r.score, len(r.findings)) for r in serial]
    expected_findings = [(r.id, f.rule, f.start, f.end, f.text) for r in serial for f in r.findings]
    assert expected_findings

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, Client(cluster) as client:
        pids = set(client.run(os.getpid).values())
        assert len(pids) == 2 and os.getpid() not in pids  # workers are separate processes
        bag = db.from_sequence(data, partition_size=half)
        frame = dd.from_pandas(pd.DataFrame(data), npartitions=2)
        for collection in (bag, frame):
            findings, scores = qa.dask.lint(collection)
            assert isinstance(findings, pd.DataFrame) and isinstance(scores, pd.DataFrame)
            assert list(scores.columns) == list(qa.dask.SCORE_COLUMNS)
            got = list(scores[["id", "words", "penalty", "score", "findings"]].itertuples(index=False, name=None))
            assert got == expected_scores
            got = list(findings[["id", "rule", "start", "end", "text"]].itertuples(index=False, name=None))
            assert got == expected_findings
            assert sorted(set(scores.partition)) == [0, 1]
