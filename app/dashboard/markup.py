"""Feedback, prompts, rubrics and comments as HTML: a safe Markdown subset with LaTeX between dollars.

The subset is what feedback needs and nothing that can reach out of the page: paragraphs, line breaks,
*emphasis*, **strong**, `code`, lists and backslash escapes. Raw HTML, links and images are not in it, so
`<script>` or `[x](javascript:...)` stays text. `$...$` and `$$...$$` become spans whose LaTeX the dashboard's
script typesets with KaTeX (trust off); without JavaScript the LaTeX shows as text.
"""

import re
from collections.abc import Callable
from functools import lru_cache

from markdown_it import MarkdownIt
from markdown_it.token import Token
from markupsafe import Markup, escape
from mdit_py_plugins.dollarmath import dollarmath_plugin

# The format is documented for API clients in app.schemas.FEEDBACK_FORMAT.


def math_span(latex: str, *, display: bool) -> str:
    """The same element as the `formula` macro of the templates, so one script typesets both."""
    mode = ' data-display="true"' if display else ""
    return f'<span class="math"{mode} data-latex="{escape(latex)}">{escape(latex)}</span>'


def _render_rule(display: bool) -> Callable[..., str]:
    def render(_renderer: object, tokens: list[Token], index: int, _options: object, _env: object) -> str:
        return math_span(tokens[index].content.strip(), display=display)
    return render


@lru_cache(maxsize=1)
def parser() -> MarkdownIt:
    md = MarkdownIt("zero", {"html": False, "breaks": True})
    md.enable(["emphasis", "backticks", "escape", "newline", "list"])
    dollarmath_plugin(md, allow_labels=False, allow_digits=False, double_inline=True)
    for rule, display in (("math_inline", False), ("math_inline_double", True), ("math_block", True)):
        md.add_render_rule(rule, _render_rule(display))
    return md


def markdown(text: str | None) -> Markup:
    """Block Markdown (paragraphs and lists) as safe HTML."""
    return Markup(parser().render(text or ""))


def inline(text: str | None) -> Markup:
    """One line of Markdown (a heading, a title) as safe inline HTML."""
    return Markup(parser().renderInline(text or ""))


# A bank title writes `h_{t-1}` or `dh_t/dh_{t-1}` without dollars: such a word, with its trailing punctuation
# left outside, is typeset as LaTeX too.
TEX_WORD = re.compile(r"(?<!\S)([^\s$]*[_^][^\s$]*?)([,.;:)]*)(?!\S)")


def heading(text: str | None) -> Markup:
    """A title or heading: inline Markdown, with bare sub- and superscripted words read as LaTeX."""
    text = text or ""
    if "$" not in text:
        text = TEX_WORD.sub(lambda m: f"${m.group(1)}${m.group(2)}", text)
    return inline(text)
