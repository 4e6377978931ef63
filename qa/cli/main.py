"""The entry point: run the application, turn every error into one line and an exit code, stop
cleanly on a signal, and report a standard output that cannot be written."""

from __future__ import annotations

import io
import os
import sys

import typer

from ..errors import QAError
from . import check, fix, info  # noqa: F401  (they register their commands)
from .app import _one_line, app


def main() -> None:
    """Console entry point: one line on stderr and exit 2 for every error of input or usage.

    ``sys.exit`` is called outside the ``try``: a ``SystemExit`` must never travel through the
    ``except`` clauses (their expressions are evaluated as it passes)."""
    import signal

    # Ctrl-C and SIGTERM unwind the run (workers stopped, no output half-written) and end it with
    # one line; typer would turn Ctrl-C into a silent exit 130.
    stops = (signal.SIGINT, signal.SIGTERM)
    previous = {s: signal.signal(s, _stop) for s in stops}
    try:
        code = run()
    finally:
        for s, handler in previous.items():
            signal.signal(s, handler)
    sys.exit(code)


def console() -> None:
    """The ``qa`` program (console script and ``python -m qa``): :func:`main`, then a fast exit.

    Once the output is flushed the process ends with ``os._exit``: the interpreter's teardown
    (freeing the word lists, glossaries and caches object by object) cost about 0.03 s of every
    run, a fifth of a short lint, and does nothing the run needs (worker pools, output files and
    temporary files are closed by the commands themselves). mypy ends the same way."""
    try:
        main()
        code = 0
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 2)
    for stream in (sys.stdout, sys.stderr):
        try:
            if stream is not None:  # None: closed when the program started (``>&-``)
                stream.flush()
        except (OSError, ValueError):  # a reader gone after the last write: nothing left to say
            pass
    os._exit(code)


class _Stopped(Exception):
    """A signal that stops the run (SIGINT, SIGTERM)."""

    def __init__(self, signum: int):
        super().__init__(signum)
        self.signum = signum


def _stop(signum, frame):
    raise _Stopped(signum)


class _Output:
    """Standard output as the commands see it: a failed write (closed with ``>&-``, a full disk)
    becomes an ``_OutputError`` (one line, exit 2); a reader gone (``BrokenPipeError``) stays
    itself."""

    def __init__(self, stream):
        self._stream = stream
        self.broken = False  # the reader went away (the parser turns that into exit 1: see run)

    def _call(self, name: str, *args):
        if self._stream is None:
            raise _OutputError("it is closed")
        try:
            return getattr(self._stream, name)(*args)
        except BrokenPipeError:
            self.broken = True
            raise
        except (OSError, ValueError) as exc:  # ValueError: a closed file object
            raise _OutputError(getattr(exc, "strerror", None) or str(exc)) from None

    def write(self, text: str) -> int:
        return self._call("write", text)

    def writelines(self, lines) -> None:
        self._call("writelines", lines)

    def flush(self) -> None:
        if self._stream is not None:
            self._call("flush")

    def isatty(self) -> bool:
        try:
            return self._stream is not None and self._stream.isatty()
        except (OSError, ValueError):
            return False

    def __getattr__(self, name):
        if self._stream is None:
            raise _OutputError("it is closed")
        return getattr(self._stream, name)


class _OutputError(Exception):
    """Standard output cannot be written (closed, a full disk): one line, exit 2."""


def run(argv: list[str] | None = None) -> int:
    """Run the command line on ``argv`` (default ``sys.argv[1:]``) and return the exit code.

    Standard output closed (``>&-``) or failing (a full disk): one line on standard error, exit 2.
    A reader that stops reading (``qa lint … | head``): a quiet end, exit 141 (128 + SIGPIPE, what
    the shell reports for a tool the broken pipe killed), never 1, which would mean findings."""
    real = sys.stdout
    sys.stdout = out = _Output(real)
    try:
        code = _run(argv)
        if out.broken:  # the parser caught it (click: EPIPE -> exit 1)
            raise BrokenPipeError
        return code
    except BrokenPipeError:
        _quiet_stdout(real)
        return 141
    except _OutputError as exc:
        _quiet_stdout(real)
        sys.stderr.write(f"qa: cannot write to standard output: {exc}\n")
        return 2
    finally:
        sys.stdout = real


def _quiet_stdout(stream) -> None:
    """Point standard output at /dev/null, so that Python's flush at exit has nothing to report."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, stream.fileno())
    except (OSError, ValueError, AttributeError, io.UnsupportedOperation):
        pass


def _invoke(argv: list[str] | None) -> int:
    try:
        code = app(args=argv, prog_name="qa", standalone_mode=False)
        code = code if isinstance(code, int) else 0
    except typer.Exit as exc:
        code = exc.exit_code
    sys.stdout.flush()  # a write error shows here (and is handled as one), not as a message at exit
    return code


def _run(argv: list[str] | None) -> int:
    try:
        return _invoke(argv)
    except typer.Exit as exc:
        return exc.exit_code
    except SystemExit as exc:  # raised by code outside typer (never expected): keep its code
        return exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 2)
    except QAError as exc:
        sys.stderr.write(_one_line(str(exc), "qa: ") + "\n")
        return 2
    except _PARSER.ClickException as exc:  # usage errors from the argument parser
        return _usage_error(exc)
    except KeyboardInterrupt:
        sys.stderr.write("qa: interrupted\n")
        return 130
    except _Stopped as exc:
        import signal

        sys.stderr.write("qa: interrupted\n" if exc.signum == signal.SIGINT else "qa: terminated\n")
        return 128 + exc.signum
    except (BrokenPipeError, _OutputError):
        raise  # standard output: ``run`` says it
    except (typer.Abort, EOFError):
        sys.stderr.write("qa: aborted\n")
        return 2
    except Exception as exc:  # a bug: still one line, never a traceback (QA_DEBUG=1 shows it)
        if os.environ.get("QA_DEBUG"):
            raise
        sys.stderr.write(f"qa: internal error: {type(exc).__name__}: {_one_line(str(exc))} (set QA_DEBUG=1 for details)\n")
        return 2


#: The module of the argument parser's exceptions, as typer exposes it: ``typer.BadParameter`` is
#: click's class where typer uses click (before 0.26) and typer's own copy of click's where it does
#: not (0.26 and later), so the exceptions are found from it rather than by importing click.
_PARSER = sys.modules[typer.BadParameter.__module__]


def _close(a: str, b: str) -> bool:
    from difflib import SequenceMatcher

    return SequenceMatcher(None, a, b).ratio() >= 0.8



def _usage_error(exc) -> int:
    """Print a parser error as one line, ``qa lint: no such option --bogus (see qa lint --help)``;
    with no arguments at all, the help (exit 2, as ruff does)."""
    ctx = getattr(exc, "ctx", None)
    no_args = getattr(_PARSER, "NoArgsIsHelpError", None)
    if no_args is not None and isinstance(exc, no_args):
        assert ctx is not None  # click's NoArgsIsHelpError always carries its context
        sys.stdout.write(ctx.get_help() + "\n")
        return 2
    command = ctx.command_path if ctx is not None else "qa"
    if isinstance(exc, _PARSER.NoSuchOption):
        message = f"no such option {exc.option_name}"
        close = sorted(p for p in getattr(exc, "possibilities", None) or () if _close(p, exc.option_name))
        if close:
            message += "; did you mean " + " or ".join(close) + "?"
    else:
        message = _one_line(exc.format_message())
        message = message[:1].lower() + message[1:]
    hint = f" (see {command} --help)" if ctx is not None else ""
    sys.stderr.write(f"{command}: {message.rstrip('.')}{hint}\n")
    return exc.exit_code if isinstance(exc.exit_code, int) and exc.exit_code else 2
