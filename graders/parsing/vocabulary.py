"""A question's vocabulary: the names it declares, their aliases, and its own functions.

Aliases are matched on the text before it is split into tokens, so an alias may look like a
power (`c^{(t)}`), a call (`c(t)`) or an index (`h[t-1]`) and still be read as ONE symbol.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cached_property

from graders.parsing.words import ACCENTS, GREEK

_ALIAS_TOKEN = re.compile(r"\\[A-Za-z]+|\\.|\S")
_WORD = re.compile(r"[A-Za-z]+")


@dataclass(frozen=True)
class FunctionDef:
    name: str
    argument: str = "x"
    definition: str | None = None  # trusted text, read by the same parser
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class AliasMatch:
    kind: str  # "name" | "function"
    canonical: str
    end: int


class Vocabulary:
    """Declared symbols (canonical name -> aliases) and functions of one question."""

    def __init__(self, symbols: Mapping[str, Iterable[str]] | None = None,
                 functions: Mapping[str, FunctionDef] | None = None,
                 names: Iterable[str] = ()) -> None:
        self.symbols = {name: tuple(aliases) for name, aliases in (symbols or {}).items()}
        self.functions = dict(functions or {})
        self.declared = frozenset([*self.symbols, *names])
        self.words = frozenset(name for name in self.declared if _WORD.fullmatch(name))
        self._aliases = _alias_table(self.symbols, self.functions, self.declared)
        self._patterns = _compile_by_first_token(self._aliases)
        self._by_spelling = {_unbraced(name): name for name in self.declared}
        self.definitions: dict[str, tuple] = {}  # read function definitions, filled by the parser

    @classmethod
    def from_options(cls, options: Mapping | None) -> Vocabulary:
        """Reads options["symbols"], options["functions"], and the names in options["variables"]
        and options["samples"] (all optional)."""
        options = options or {}
        functions = {}
        for name, spec in (options.get("functions") or {}).items():
            spec = spec or {}
            if not spec.get("definition"):  # its values at the sample points would be unknown
                raise ValueError(f"functions: {name!r} needs a definition (its body in its argument)")
            functions[name] = FunctionDef(name, spec.get("argument", "x"), spec.get("definition"),
                                          tuple(spec.get("aliases", ())))
        names = [*(options.get("variables") or ()), *(options.get("samples") or ())]
        return cls(options.get("symbols"), functions, names)

    def match(self, text: str, position: int) -> AliasMatch | None:
        """The longest alias that starts at `position`, if any."""
        # An alias can only match where the text starts with the alias's first token: trying only those keeps a
        # question with a thousand aliases (every step of a long run) as fast as one with ten.
        first = _ALIAS_TOKEN.match(text, position)
        token = first.group() if first else ""
        entry = self._patterns.get(token)
        if entry is None:
            return None
        pattern, aliases = entry
        if pattern is None:  # compiled on first use: a question with thousands of aliases uses few of its buckets
            pattern = _compile(aliases)
            self._patterns[token] = (pattern, aliases)
        found = pattern.match(text, position) if pattern is not None else None
        if found is None:
            return None
        group = found.lastgroup
        assert group is not None, "every alternative of the pattern is a named group"
        kind, canonical = aliases[int(group[1:])][1:]
        return AliasMatch(kind, canonical, found.end())

    def declared_as(self, canonical: str) -> str | None:
        """The declared name spelt `canonical` up to braces (`x_{in}` is `x_in`), if any."""
        return self._by_spelling.get(_unbraced(canonical))

    def named(self, spelling: str) -> str | None:
        """The declared name a LaTeX spelling stands for, whatever its braces, spaces and accent command
        (`\\bar{i^{(1)}}` is `\\overline{i^{(1)}}`); None when no name, or more than one, is spelt so."""
        return self._by_key.get(_key(spelling))

    @cached_property
    def _by_key(self) -> dict[str, str]:
        found: dict[str, set[str]] = {}
        for alias, kind, canonical in self._aliases:
            if kind == "name":
                found.setdefault(_key(alias), set()).add(canonical)
        return {key: names.pop() for key, names in found.items() if len(names) == 1}

    def describe(self) -> str:
        """The allowed names, for error messages."""
        declared = ", ".join(sorted(self.declared | set(self.functions)))
        standard = "single letters, Greek letters, subscripted letters (x_1, w_{ix})"
        return f"{standard}, {declared}" if declared else standard


_COMMAND = re.compile(r"\\([A-Za-z]+)")


def _key(spelling: str) -> str:
    return re.sub(r"[\s{}]", "", _COMMAND.sub(lambda found: "\\" + ACCENTS.get(found[1], found[1]), spelling))


def _unbraced(name: str) -> str:
    return name.replace("{", "").replace("}", "")


def _alias_table(symbols: Mapping[str, tuple[str, ...]], functions: Mapping[str, FunctionDef],
                 declared: Iterable[str]) -> list[tuple[str, str, str]]:
    """(alias, kind, canonical), longest alias first so that `\\nabla c_t` wins over `c_t`."""
    table = {}
    for name, aliases in symbols.items():  # generated first, so that a declared spelling wins
        for alias in aliases:
            table.update(dict.fromkeys(generated_spellings(alias, declared), ("name", name)))
    for name in declared:
        if len(name) > 1:  # a single letter reads as itself anyway
            table[name] = ("name", name)
    for name, aliases in symbols.items():
        table.update({alias: ("name", name) for alias in aliases if alias.strip()})
    for name, function in functions.items():
        table.update(dict.fromkeys((name, *function.aliases), ("function", name)))
    return sorted(((alias, *entry) for alias, entry in table.items()), key=lambda row: -len(row[0]))


def _compile_by_first_token(aliases: list[tuple[str, str, str]]) -> dict[str, tuple[re.Pattern | None, list]]:
    """One pattern per first token of the aliases (compiled when first needed), each with its aliases longest first."""
    buckets: dict[str, list[tuple[str, str, str]]] = {}
    for alias in aliases:
        buckets.setdefault(_ALIAS_TOKEN.findall(alias[0])[0], []).append(alias)
    return {token: (None, bucket) for token, bucket in buckets.items()}


_GREEK_COMMAND = re.compile(r"\\(?:var)?([A-Za-z]+)")
_BARRED = re.compile(r"\\(?:bar|overline)\s*(?:\{([A-Za-z]+)\}|([A-Za-z]))")
_STYLED = re.compile(r"\\(?:mathbf|boldsymbol|bm|mathrm|mathit)\s*\{([^{}]*)\}")
_LETTER_SUPERSCRIPT = re.compile(r"\^\{([A-Za-z]+)\}")
_BRACED_SCRIPT = re.compile(r"([_^])\{([A-Za-z0-9]+)\}")


_VARIANT = re.compile(r"\\(var)?(epsilon|phi|theta|rho)(?![A-Za-z])")


def generated_spellings(alias: str, declared: Iterable[str] = ()) -> set[str]:
    """The other spellings of a declared LaTeX spelling: `\\epsilon` for `\\varepsilon`, and what a
    student types on a keyboard: `\\sigma_B` is `sigma_B`, `\\varepsilon` is `epsilon`,
    `W^{hf}` is `W_hf`, `\\nabla h_t` is `dh_t`, `\\bar{h}_t` is `hbar_t`."""
    variant = _VARIANT.sub(lambda found: "\\" + ("" if found[1] else "var") + found[2], alias)
    return (_plain(alias, declared) | _plain(variant, declared) | {variant}) - {alias}


def _plain(alias: str, declared: Iterable[str]) -> set[str]:
    text = _GREEK_COMMAND.sub(lambda found: found[1] if found[1] in GREEK | {"sigma"} else found[0], alias)
    text = _BARRED.sub(lambda found: (found[1] or found[2]) + "bar", text)
    text = _STYLED.sub(r"\1", text)
    if text.startswith("\\nabla") and "d" not in declared:
        text = "d" + text[len("\\nabla"):].lstrip()
    if "\\" in text or " " in text:
        return set()
    forms = {text, _LETTER_SUPERSCRIPT.sub(r"_\1", text)}
    forms |= {_BRACED_SCRIPT.sub(r"\1\2", form) for form in forms}
    return {form for form in forms if form[:1].isalpha()}  # `\mathbf{1}` typed plain would be the number 1


def _compile(aliases: list[tuple[str, str, str]]) -> re.Pattern:
    return re.compile("|".join(f"(?P<a{index}>{_alias_regex(alias)})"
                               for index, (alias, _, _) in enumerate(aliases)))


def _alias_regex(alias: str) -> str:
    """Spaces anywhere between tokens; `_{t}`, `_t` and `_{ix}`, `_ix` alike; never inside a
    longer word."""
    tokens = _ALIAS_TOKEN.findall(alias)
    parts, index, after = [], 0, ""
    while index < len(tokens):
        script = _script_regex(tokens, index)
        if script is not None:
            parts.append(script[0])
            index, after = script[1], ""
            continue
        token = tokens[index]
        parts.append(re.escape(token) + ("(?![A-Za-z])" if token[0] == "\\" and token[1:].isalpha() else ""))
        index, after = index + 1, "(?![A-Za-z0-9])" if token[-1].isalnum() else ""
    # never inside a longer word; a command may follow another one directly (`\\cdot\\overline{h}`)
    first = tokens[0][0] if tokens else ""
    before = r"(?<![A-Za-z\\])" if first.isalnum() else r"(?<!\\)" if first == "\\" else ""
    return before + r"\s*".join(parts) + after


def _script_regex(tokens: list[str], index: int) -> tuple[str, int] | None:
    """(regex, next index) for a script of letters and digits, braced or not."""
    if tokens[index] not in ("_", "^") or index + 1 >= len(tokens):
        return None
    if tokens[index + 1] != "{":  # `c_prev`: the whole run of letters and digits is the script
        end = index + 1
        while end < len(tokens) and len(tokens[end]) == 1 and tokens[end].isalnum():
            end += 1
        content = tokens[index + 1 : end]
    elif "}" in tokens[index + 1 :]:
        close = tokens.index("}", index + 1)
        content, end = tokens[index + 2 : close], close + 1
    else:
        return None
    if not content or not all(len(token) == 1 and token.isalnum() for token in content):
        return None
    braced = r"\{\s*" + r"\s*".join(content) + r"\s*\}"
    bare = "".join(content) + "(?![A-Za-z0-9])"  # `w_ixy` is another name than `w_ix`
    return re.escape(tokens[index]) + rf"\s*(?:{braced}|{bare})", end
