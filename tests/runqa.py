"""Run the `qa` command line in this process (fast: no interpreter start, rules already loaded),
capturing exit code, standard output and standard error as a user would see them."""

import contextlib
import io
import os
import sys
from dataclasses import dataclass


@dataclass
class Run:
    returncode: int
    out: str
    err: str


def run(*args, cwd=None, stdin: str | None = None) -> Run:
    from qa import cli

    stdout, stderr = io.StringIO(), io.StringIO()
    argv, old_stdin = sys.argv, sys.stdin
    sys.argv = ["qa", *map(str, args)]
    if stdin is not None:
        sys.stdin = io.TextIOWrapper(io.BytesIO(stdin.encode("utf-8")), encoding="utf-8")
    env_color = os.environ.pop("NO_COLOR", None)
    os.environ["NO_COLOR"] = "1"
    try:
        with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr), contextlib.chdir(cwd or os.getcwd()):
            try:
                cli.main()
                code = 0
            except SystemExit as exc:
                code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 2)
    finally:
        sys.argv, sys.stdin = argv, old_stdin
        if env_color is None:
            os.environ.pop("NO_COLOR", None)
        else:
            os.environ["NO_COLOR"] = env_color
    return Run(code, stdout.getvalue(), stderr.getvalue())
