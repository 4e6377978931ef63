"""qa: a translation-quality checker for machine-translated Italian→Hindi press releases."""

__version__ = "0.1.0"

__all__ = ["__version__", "lint_records", "lint_text"]


def __getattr__(name: str):
    """``qa.lint_text`` and ``qa.lint_records`` (qa/api.py), imported on first use so that
    ``import qa`` stays cheap."""
    if name in ("lint_text", "lint_records"):
        from . import api

        return getattr(api, name)
    raise AttributeError(f"module 'qa' has no attribute {name!r}")
