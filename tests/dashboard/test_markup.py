"""Feedback, prompts and titles: a safe Markdown subset, LaTeX handed to KaTeX as an escaped attribute."""

import pytest

from app.dashboard.markup import heading, inline, markdown
from app.dashboard.templating import plural

MARKDOWN = {
    "emphasis": ("Check *each* gate", "Check <em>each</em> gate"),
    "strong": ("**no**", "<strong>no</strong>"),
    "code": ("type `x^2`", "type <code>x^2</code>"),
    "list": ("- one\n- two", "<ul>\n<li>one</li>\n<li>two</li>\n</ul>"),
    "inline-math": ("$W^f(d) \\cdot x_t$ moves", '<span class="math" data-latex="W^f(d) \\cdot x_t">'),
    "display-math": ("$$a<b$$", '<span class="math" data-display="true" data-latex="a&lt;b">'),
    "underscores-in-math-are-not-emphasis": ("$x_t$ and $h_t$", 'data-latex="x_t"'),
    "dollars-of-money": ("costs $5 and $10", "costs $5 and $10"),
}
HOSTILE = {
    "script": "<script>alert(1)</script>",
    "img": '<img src=x onerror="alert(1)">',
    "link": "[click](javascript:alert(1))",
    "autolink": "<javascript:alert(1)>",
    "image": "![x](http://evil.example/x.png)",
    "math-breakout": '$"><script>alert(1)</script>$',
}


@pytest.mark.parametrize(("text", "html"), MARKDOWN.values(), ids=MARKDOWN.keys())
def test_the_markdown_subset(text: str, html: str) -> None:
    assert html in markdown(text)


@pytest.mark.parametrize("text", HOSTILE.values(), ids=HOSTILE.keys())
def test_hostile_text_stays_text(text: str) -> None:
    for render in (markdown, inline, heading):
        html = str(render(text))
        assert "<script" not in html and "<img" not in html and "<a " not in html and 'href=' not in html


@pytest.mark.parametrize(("title", "latex"), [
    ("1.2.1(c) The Jacobian dh_t/dh_{t-1}", "dh_t/dh_{t-1}"),
    ("the derivative of h_t with respect to h_{t-1}", "h_{t-1}"),
    ("Q1 Gradient of $h_t$", "h_t"),
    ("output x^2, then y_1.", "y_1"),
], ids=["slash", "braces", "dollars", "trailing-punctuation"])
def test_a_heading_typesets_bare_subscripts(title: str, latex: str) -> None:
    assert f'data-latex="{latex}"' in heading(title)


def test_a_plain_heading_is_left_alone() -> None:
    assert heading("Task 2: output size") == "Task 2: output size"


@pytest.mark.parametrize(("count", "words"), [(0, "0 students"), (1, "1 student"), (2, "2 students")])
def test_plural(count: int, words: str) -> None:
    assert plural(count, "student") == words
