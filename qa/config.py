"""Configuration: ``qa.toml``, or the ``[tool.qa]`` table of ``pyproject.toml``, found from the
working directory upward (the first directory holding either wins), or named with ``--config``.

Keys (kebab-case; anything else is an error that names it)::

    select = ["QA1", "spelling"]      # codes, code prefixes, rule names or categories
    ignore = ["QA703"]
    threshold = 95                     # lowest passing MQM score, 0-100
    fail-on = "minor"                  # qa lint: info, minor, major, critical or none
    glossaries = ["terms/team.tsv"]    # added to the shipped glossaries (relative to this file)
    default-glossaries = true          # false: use only `glossaries`, replacing the shipped ones
    window = 40                        # paragraphs either side that document-level rules compare
                                       # (QA204 document vocabulary, QA550); 0: the whole document
    paragraph-documents = false        # true: every paragraph is a document of its own (a corpus
                                       # of unrelated segments: no repeats or consistency across)

    [severity]                         # per-rule severity overrides (code or rule name)
    QA701 = "minor"

    [rules.QA204]                      # a rule's options (code or rule name); `qa explain CODE`
    min-zipf = 3.5                     # lists them with their types and defaults

    [[overrides]]                      # per-path settings; later tables win
    paths = ["drafts/*.txt"]           # fnmatch patterns relative to this file's folder
    threshold = 80

A pattern without ``/`` also matches the file name alone; ``*`` crosses folders. An override may
set every key but ``fail-on`` (a property of the whole run); each replaces the value above it,
except ``severity`` and ``rules``, which are merged rule by rule (and option by option). Command-line flags override the file
(``--glossary`` adds to its glossaries).

This module reads and validates; it never prints or exits. ``tomllib`` is imported only when a
file is actually read, so a run without a configuration file pays nothing for it.
"""

from __future__ import annotations

import fnmatch
import os
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from .errors import QAError
from .model import Severity
from .rules.base import DEFAULT_WINDOW
from .scoring import DEFAULT_THRESHOLD

FAIL_ON = ("info", "minor", "major", "critical", "none")
CONFIG_NAMES = ("qa.toml", "pyproject.toml")
SETTING_KEYS = ("select", "ignore", "severity", "threshold", "fail-on", "glossaries", "default-glossaries",
                "window", "paragraph-documents", "rules")
TOP_KEYS = (*SETTING_KEYS, "overrides")
OVERRIDE_KEYS = ("paths", *(k for k in SETTING_KEYS if k != "fail-on"))  # fail-on is per run


class ConfigError(QAError):
    """A configuration file that cannot be read or holds an unknown key, rule or value."""


@dataclass(frozen=True)
class Settings:
    """The settings that apply to one file, after the file, its overrides and the flags."""

    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    severities: Mapping[str, Severity] = field(default_factory=dict)  # rule code -> severity
    threshold: float = DEFAULT_THRESHOLD
    fail_on: str = "minor"
    glossaries: tuple[str, ...] = ()
    default_glossaries: bool = True
    window: int = DEFAULT_WINDOW
    paragraph_documents: bool = False
    rule_options: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)  # code -> {option: value}

    def updated(self, values: Mapping[str, Any]) -> Settings:
        """These settings with ``values`` (Settings field names) applied: ``severities`` are
        merged rule by rule, ``rule_options`` rule by rule and option by option, everything else
        replaces."""
        values = dict(values)
        if "severities" in values:
            values["severities"] = {**self.severities, **values["severities"]}
        if "rule_options" in values:
            merged = dict(self.rule_options)
            for code, opts in values["rule_options"].items():
                merged[code] = {**merged.get(code, {}), **opts}
            values["rule_options"] = merged
        return replace(self, **values)


@dataclass(frozen=True)
class Override:
    patterns: tuple[str, ...]
    values: Mapping[str, Any]


@dataclass(frozen=True)
class Config:
    """A loaded configuration: the base settings and per-path overrides."""

    path: Path | None = None
    root: Path = field(default_factory=Path.cwd)
    base: Mapping[str, Any] = field(default_factory=dict)
    overrides: tuple[Override, ...] = ()

    def settings_for(self, file: str, flags: Mapping[str, Any] | None = None) -> Settings:
        """The settings for ``file``: defaults, the file's keys, matching overrides, then ``flags``
        (Settings field names; ``glossaries`` from flags are added, not replaced)."""
        settings = Settings().updated(self.base)
        for ov in self.overrides:
            if self._matches(file, ov.patterns):
                settings = settings.updated(ov.values)
        if flags:
            flags = dict(flags)
            if "glossaries" in flags:
                flags["glossaries"] = settings.glossaries + tuple(flags["glossaries"])
            settings = settings.updated(flags)
        return settings

    def _matches(self, file: str, patterns: tuple[str, ...]) -> bool:
        if file in ("-", "<stdin>"):
            return False
        rel = os.path.relpath(os.path.abspath(file), self.root).replace(os.sep, "/")
        name = rel.rsplit("/", 1)[-1]
        return any(fnmatch.fnmatchcase(rel, p) or ("/" not in p and fnmatch.fnmatchcase(name, p)) for p in patterns)


# -- finding and reading ---------------------------------------------------------------------


def find_config(start: Path | None = None) -> Path | None:
    """The nearest ``qa.toml`` or ``pyproject.toml`` with a ``[tool.qa]`` table, from ``start``
    (default: the working directory) upward; None if there is none."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        candidate = folder / "qa.toml"
        if candidate.is_file():
            return candidate
        candidate = folder / "pyproject.toml"
        if candidate.is_file() and _has_tool_qa(candidate):
            return candidate
    return None


def _has_tool_qa(path: Path) -> bool:
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return False
    if "tool.qa" not in text:  # cheap test first: most pyproject.toml files have no [tool.qa]
        return False
    tool = _read_toml(path).get("tool", {})
    return isinstance(tool, dict) and "qa" in tool


def load(explicit: str | None = None, enabled: bool = True, start: Path | None = None) -> Config:
    """The configuration to use: ``explicit`` (``--config``) if given, else the nearest file,
    else an empty configuration. ``enabled=False`` (``--no-config``) ignores files."""
    if explicit is not None:
        path = Path(explicit)
        if path.is_dir():
            raise ConfigError(f"{explicit}: is a directory; --config takes a qa.toml or pyproject.toml file")
        if not path.is_file():
            raise ConfigError(f"{explicit}: no such configuration file")
    elif not enabled:
        return Config()
    else:
        found = find_config(start)
        if found is None:
            return Config()
        path = found
    data = _read_toml(path)
    where = str(path)
    if path.name == "pyproject.toml":
        tool = data.get("tool", {})
        if not isinstance(tool, dict) or "qa" not in tool:
            raise ConfigError(f"{path}: no [tool.qa] table")
        data = tool["qa"]
        where = f"{path} [tool.qa]"
    if not isinstance(data, dict):
        raise ConfigError(f"{where}: expected a table of settings")
    return parse(data, where, path.resolve().parent, path)


def _read_toml(path: Path) -> dict:
    import tomllib

    try:
        with open(path, "rb") as fh:
            return tomllib.load(fh)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML ({exc})") from None
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: not UTF-8; save it as UTF-8") from None
    except RecursionError:
        raise ConfigError(f"{path}: not a configuration qa reads (TOML nested too deep)") from None
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read it ({exc.strerror})") from None


# -- validation ------------------------------------------------------------------------------


def parse(data: Mapping[str, Any], where: str, root: Path, path: Path | None = None) -> Config:
    """Validate a configuration table; every problem is a ConfigError naming the key."""
    _check_keys(data, TOP_KEYS, where)
    base = _settings(data, where, root)
    overrides = []
    raw = data.get("overrides", [])
    if not isinstance(raw, list) or not all(isinstance(t, dict) for t in raw):
        raise ConfigError(f"{where}: `overrides` must be an array of tables ([[overrides]])")
    for n, table in enumerate(raw, 1):
        ov_where = f"{where} [[overrides]] #{n}"
        _check_keys(table, OVERRIDE_KEYS, ov_where)
        patterns = _string_list(table.get("paths"), "paths", ov_where)
        if not patterns:
            raise ConfigError(f"{ov_where}: `paths` is required (a list of file patterns)")
        overrides.append(Override(tuple(patterns), _settings(table, ov_where, root)))
    return Config(path=path, root=root, base=base, overrides=tuple(overrides))


def _check_keys(table: Mapping[str, Any], allowed: tuple[str, ...], where: str) -> None:
    for key in table:
        if key not in allowed:
            import difflib

            close = difflib.get_close_matches(key.replace("_", "-"), allowed, n=1, cutoff=0.6)
            hint = f"; did you mean {close[0]!r}?" if close else f"; known keys: {', '.join(allowed)}"
            raise ConfigError(f"{where}: unknown key {key!r}{hint}")


def _settings(table: Mapping[str, Any], where: str, root: Path) -> dict[str, Any]:
    """Settings field values for the keys present in ``table``."""
    out: dict[str, Any] = {}
    for key in ("select", "ignore"):
        if key in table:
            specs = list(dict.fromkeys(_string_list(table[key], key, where)))  # 2 million copies: one check
            check_rule_specs(specs, f"{where}: {key}")
            out[key] = tuple(specs)
    if "severity" in table:
        out["severities"] = parse_severities(table["severity"], f"{where}: [severity]")
    if "threshold" in table:
        out["threshold"] = check_threshold(table["threshold"], f"{where}: threshold")
    if "fail-on" in table:
        out["fail_on"] = check_fail_on(table["fail-on"], f"{where}: fail-on")
    if "glossaries" in table:
        paths = _string_list(table["glossaries"], "glossaries", where)
        resolved = []
        for p in paths:
            full = (root / p) if not os.path.isabs(p) else Path(p)
            if not full.is_file():
                raise ConfigError(f"{where}: glossaries: {p!r} is not a file (paths are relative to {root})")
            resolved.append(str(full))
        out["glossaries"] = tuple(resolved)
    for key in ("default-glossaries", "paragraph-documents"):
        if key in table:
            value = table[key]
            if not isinstance(value, bool):
                raise ConfigError(f"{where}: {key} must be true or false, not {value!r}")
            out[key.replace("-", "_")] = value
    if "window" in table:
        value = table["window"]
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise ConfigError(f"{where}: window must be a whole number of paragraphs (0: the whole "
                              f"document), not {value!r}")
        out["window"] = value
    if "rules" in table:
        out["rule_options"] = parse_rule_options(table["rules"], f"{where}: ")
    return out


def _string_list(value: Any, key: str, where: str) -> list[str]:
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        shown = repr(value)
        shown = shown if len(shown) <= 80 else shown[:77] + "..."  # a message stays one short line
        raise ConfigError(f"{where}: {key} must be a list of strings, not {shown}")
    return [v.strip() for v in value if v.strip()]


def check_rule_specs(specs: list[str], what: str) -> None:
    """Every spec must match a rule code, code prefix, rule name or category."""
    from .rules import select_rules

    for spec in specs:
        try:
            select_rules([spec])
        except QAError:
            raise ConfigError(
                f"{what}: unknown rule or category {spec!r}; `qa rules` lists codes, names and categories"
            ) from None


def parse_severities(table: Any, what: str) -> dict[str, Severity]:
    """``{rule code or name: severity}`` to ``{rule code: Severity}``; unknown rules or values
    are errors naming them."""
    from .rules import get_rule

    if not isinstance(table, dict):
        raise ConfigError(f"{what}: expected a table of rule = severity, not {table!r}")
    out: dict[str, Severity] = {}
    for rule, value in table.items():
        try:
            code = get_rule(rule).code
        except QAError:
            raise ConfigError(f"{what}: unknown rule {rule!r}; `qa rules` lists them") from None
        if not isinstance(value, str):
            raise ConfigError(f"{what}: {rule} = {value!r} is not a severity (info, minor, major, critical)")
        try:
            out[code] = Severity.parse(value)
        except ValueError as exc:
            raise ConfigError(f"{what}: {rule}: {exc}") from None
    return out


def parse_rule_options(table: Any, where: str) -> dict[str, dict[str, Any]]:
    """``[rules.CODE]`` tables (``{rule code or name: {option: value}}``) to ``{rule code:
    {option: value}}``, each value checked against the rule's declaration (``Rule.options``);
    an unknown rule or option, or a value of the wrong type, is an error naming it."""
    from .rules import get_rule

    if not isinstance(table, dict) or not all(isinstance(v, dict) for v in table.values()):
        raise ConfigError(f"{where}rules: expected tables of options, [rules.CODE] (e.g. [rules.QA204])")
    out: dict[str, dict[str, Any]] = {}
    for rule, values in table.items():
        try:
            cls = get_rule(rule)
        except QAError:
            raise ConfigError(f"{where}[rules.{rule}]: unknown rule {rule!r}; `qa rules` lists them") from None
        known = {o.name: o for o in cls.options}
        for key, value in values.items():
            if key not in known:
                listed = ", ".join(known) if known else "none"
                raise ConfigError(f"{where}[rules.{rule}]: unknown option {key!r}; {cls.code} options: {listed} "
                                  f"(`qa explain {cls.code}`)")
            try:
                parsed = known[key].parse(value)
            except ValueError as exc:
                shown = repr(value)
                shown = shown if len(shown) <= 60 else shown[:57] + "..."
                raise ConfigError(f"{where}[rules.{rule}]: {key} {exc}, not {shown}") from None
            out.setdefault(cls.code, {})[key] = parsed
    return out


def check_threshold(value: Any, what: str) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 100:
        raise ConfigError(f"{what}: {value!r} is not a number from 0 to 100")
    return float(value)


def check_fail_on(value: Any, what: str) -> str:
    if value not in FAIL_ON:
        raise ConfigError(f"{what}: {value!r} is not one of: {', '.join(FAIL_ON)}")
    return value
