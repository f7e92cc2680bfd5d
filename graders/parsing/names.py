"""A symbol's name as read: a letter or Greek word with accents, subscript, name-superscript."""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from graders.parsing.words import GREEK

_PLAIN_SUBSCRIPTED = re.compile(r"([A-Za-z]+)_([A-Za-z0-9]{2,})")


@dataclass(frozen=True)
class Name:
    core: str  # canonical spelling of the letter / Greek word / accented name
    core_latex: str
    sub: str | None = None
    sup: str | None = None  # a superscript that is part of the name: `c^{(t)}`, `W^{hf}`
    nabla: bool = False
    declared: bool = False  # a vocabulary alias: `core` is the canonical name

    @classmethod
    def letter(cls, word: str) -> Name:
        """`\\varepsilon`, `\\epsilon` and `epsilon` are one name, shown as written."""
        if word not in GREEK:
            return cls(word, word)
        plain = word[3:] if word.startswith("var") and word[3:] in GREEK else word
        return cls(plain, "\\" + word)

    @classmethod
    def alias(cls, canonical: str, spelling: str) -> Name:
        return cls(canonical, _braced_plain_script(spelling), declared=True)

    def accented(self, accent: str) -> Name:
        return Name(f"\\{accent}{{{self.canonical}}}", f"\\{accent}{{{self.latex}}}")

    def with_nabla(self) -> Name:
        return replace(self, nabla=True)

    @property
    def canonical(self) -> str:
        return ("\\nabla " if self.nabla else "") + self.core + _scripts(self.sub, self.sup)

    @property
    def latex(self) -> str:
        return ("\\nabla " if self.nabla else "") + self.core_latex + _scripts(self.sub, self.sup)


def _braced_plain_script(spelling: str) -> str:
    """`x_in` typed as plain text is `x_{in}` in LaTeX (bare, only the `i` would be lowered)."""
    found = _PLAIN_SUBSCRIPTED.fullmatch(spelling)
    return f"{found[1]}_{{{found[2]}}}" if found else spelling


def _scripts(sub: str | None, sup: str | None) -> str:
    return (f"_{_brace(sub)}" if sub else "") + (f"^{_brace(sup)}" if sup else "")


def _brace(script: str) -> str:
    return script if len(script) == 1 else "{" + script + "}"
