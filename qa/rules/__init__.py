"""The rule registry: every ``Rule`` subclass defined in a module of this package is a rule.

Adding a rule means adding one class (with a unique code and name) to a module here.
"""

from __future__ import annotations

import importlib
import pkgutil
from functools import lru_cache

from ..errors import UsageError
from ..model import Category
from .base import Context, Hit, Rule

__all__ = ["Context", "Hit", "Rule", "all_rules", "get_rule", "select_rules"]


@lru_cache(maxsize=1)
def all_rules() -> tuple[type[Rule], ...]:
    """Every registered rule class, sorted by code."""
    for mod in pkgutil.iter_modules(__path__):
        if mod.name != "base":
            importlib.import_module(f"{__name__}.{mod.name}")
    found: list[type[Rule]] = []
    stack = list(Rule.__subclasses__())
    while stack:
        cls = stack.pop()
        stack.extend(cls.__subclasses__())
        if "code" in cls.__dict__:
            found.append(cls)
    return tuple(sorted(found, key=lambda c: c.code))


def get_rule(code: str) -> type[Rule]:
    wanted = code.strip().upper()
    for cls in all_rules():
        if cls.code == wanted or cls.name == code.strip().lower():
            return cls
    raise UsageError(f"unknown rule {code!r}; `qa rules` lists them")


def _matches(spec: str, cls: type[Rule]) -> bool:
    s = spec.strip()
    return (
        s.lower() == cls.category.value
        or s.lower() == cls.name
        or (s.upper().startswith("QA") and cls.code.startswith(s.upper()))
    )


def _check_specs(specs: list[str], option: str) -> None:
    categories = {c.value for c in Category}
    for spec in specs:
        if spec.strip().lower() in categories:
            continue
        if not any(_matches(spec, cls) for cls in all_rules()):
            raise UsageError(
                f"{option} {spec!r} matches no rule code, code prefix, rule name or category; "
                "`qa rules` lists them"
            )


def select_rules(select: list[str] | None = None, ignore: list[str] | None = None) -> list[type[Rule]]:
    """The rules chosen by ``select`` (codes, code prefixes, names or categories; default all)
    minus those matched by ``ignore``. An unknown spec is a UsageError naming it."""
    select = [s for s in (select or []) if s.strip()]
    ignore = [s for s in (ignore or []) if s.strip()]
    _check_specs(select, "--select")
    _check_specs(ignore, "--ignore")
    chosen = [c for c in all_rules() if not select or any(_matches(s, c) for s in select)]
    return [c for c in chosen if not any(_matches(s, c) for s in ignore)]
