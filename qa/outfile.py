"""Files the command line writes (reports, baselines, TBX): never one of the inputs, and written
atomically, so that a failed or interrupted run leaves the previous file as it was."""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Iterable, Iterator
from typing import IO

from .errors import QAError, UsageError


def _identity(path: str) -> tuple[int, int] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return (st.st_dev, st.st_ino)


def check_output(path: str | None, inputs: Iterable[str], option: str = "--output") -> None:
    """Refuse an output path that is empty or is one of ``inputs`` (the same file, also through a
    symbolic or hard link): writing there would destroy what is being checked."""
    if path is None:
        return
    if not path.strip():
        raise UsageError(f"{option} needs a file name")
    target = _identity(path)
    real = os.path.realpath(path)
    for name in inputs:
        if name == "-":
            continue
        same = target is not None and target == _identity(name)
        if same or real == os.path.realpath(name):
            raise UsageError(f"{option} {path}: that is an input ({name}); refusing to overwrite it")


@contextlib.contextmanager
def open_output(path: str) -> Iterator[IO[str]]:
    """A text stream (UTF-8, ``\\n`` line ends) whose content replaces ``path`` only when the
    block ends without an error: it is written to a temporary file in the same folder and renamed.
    A device or FIFO (``/dev/stdout``, ``/dev/full``) is written directly."""
    try:
        st = os.stat(path)
    except FileNotFoundError:
        st = None
    except OSError as exc:
        raise QAError(f"{path}: cannot write it ({exc.strerror})") from None
    if st is not None and not stat.S_ISREG(st.st_mode):
        if stat.S_ISDIR(st.st_mode):
            raise QAError(f"{path}: cannot write it (is a directory)")
        try:
            with open(path, "w", encoding="utf-8", newline="\n") as fh:
                yield fh
        except OSError as exc:
            raise QAError(f"{path}: cannot write it ({exc.strerror})") from None
        return
    folder = os.path.dirname(os.path.abspath(path))
    try:
        fd, tmp = tempfile.mkstemp(prefix=".qa-", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise QAError(f"{path}: cannot write it ({exc.strerror})") from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            yield fh
        os.chmod(tmp, stat.S_IMODE(st.st_mode) if st is not None else 0o666 & ~_umask())
        os.replace(tmp, path)
    except OSError as exc:
        _remove(tmp)
        raise QAError(f"{path}: cannot write it ({exc.strerror})") from None
    except BaseException:
        _remove(tmp)
        raise


def write_text(path: str, text: str) -> None:
    with open_output(path) as fh:
        fh.write(text)


def _remove(path: str) -> None:
    with contextlib.suppress(OSError):
        os.unlink(path)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
