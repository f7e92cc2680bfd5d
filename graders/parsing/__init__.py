"""Safe reading of student answers in plain text or LaTeX: a grammar, never `eval`.

parse(text) runs four small steps: normalise (length, control characters, unicode maths as
LaTeX, look-alike letters refused), lexer (context-aware tokens), Lark LALR grammar
(grammar.lark) whose rules build an immutable Term tree with every limit checked as it is
built (build.py), and a Node that prints LaTeX/text, evaluates with NumPy, or converts to SymPy.

How ambiguous spellings are read (the same rule for text and LaTeX):
- A run of letters is split into the fewest known pieces: functions, constants (e, pi),
  Greek words, declared names, single letters. `2xy` is 2*x*y, `nlogn` is n*log(n). A run of
  three or more undeclared single letters (`foo`, `xyz`) is refused as an unknown symbol,
  except inside O(...) where every letter is a size (`O(dkHW)`).
- `1/2x` is (1/2)*x: implicit products bind like `*` and `/`, left to right.
- `e` is Euler's number unless the question declares a symbol `e`; `i` is a plain symbol.
- Superscripts that name (part of ONE symbol, never a power): `c^{(t)}`; a letters-only
  superscript on a symbol that has a subscript (`W_0^f`), on a capital letter (`W^f`), or of
  two or more letters in braces (`W^{hf}`). Not inside O(...), where `N^k` is a power.
- `\\bar`, `\\overline`, `\\tilde`, `\\hat`, `\\nabla` and subscripts are parts of a name.
- A question's aliases (Vocabulary) are matched first, so `c(t)` or `h[t]` can be a name.
- In the tuple target `x`, `×`, `\\times` between numbers separate elements (`9x13`).
  A name or derivative before `\\in \\mathbb{R}^{...}` is a label naming the quantity, not part of the value, and
  `\\boxed{}` around the whole shape is a box, not a group.
- Look-alike letters (Cyrillic `х`, Greek capital `Α`) are refused with their unicode name
  rather than mapped, so a student sees why.
- Around the answer (forms.py, prose.py, normalize.py): `N = 5` and chains `a = b = c` grade
  the last side once every other side is shown equal to it (a bare first name, or a derivative
  such as `\\frac{\\partial L}{\\partial z}`, is a label); `$...$`, `\\boxed{}`, a final full stop
  and `\\text{}` prose at either end are dropped unless a word in it changes the value.
- One table of built-in functions (builtins.py), one table of LaTeX command handlers
  (commands.HANDLERS); Terms (terms.Op) and Nodes (node.NodeKind) are enums dispatched with match.
- Bank text (references, known mistakes) is read inside `trusted_input()`, with limits.TRUSTED.
"""
from graders.parsing.errors import LimitExceeded, ParseError, Unexpected, UnknownSymbol, Unsupported
from graders.parsing.limits import Limits, trusted_input
from graders.parsing.node import Node
from graders.parsing.parser import detect_syntax, parse
from graders.parsing.vocabulary import FunctionDef, Vocabulary

__all__ = ["FunctionDef", "LimitExceeded", "Limits", "Node", "ParseError", "Unexpected", "UnknownSymbol",
           "Unsupported", "Vocabulary", "detect_syntax", "parse", "trusted_input"]
