"""The dashboard's Jinja environment, its filters, and the one way a page is sent (with its security headers)."""

import json
from pathlib import Path
from zoneinfo import ZoneInfo

from fastapi import Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader

from app.dashboard import markup

HERE = Path(__file__).parent
STATIC = HERE / "static"
# No inline script anywhere, so a student's text can never become one; KaTeX needs inline styles and fonts.
CSP = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; font-src 'self'; "
       "img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")


def plural(count: int, noun: str, nouns: str | None = None) -> str:
    """`1 student`, `2 students`, `0 answers waiting`."""
    return f"{count} {noun if count == 1 else nouns or noun + 's'}"


def values(stored: str | dict[str, int] | None) -> str:
    """A part's per-student values (stored canonical JSON, or a dict): `kernel = 5, stride = 3`."""
    found = json.loads(stored) if isinstance(stored, str) else stored or {}
    return ", ".join(f"{name} = {value}" for name, value in found.items())


def _environment() -> Environment:
    env = Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=True)
    env.filters.update(markdown=markup.markdown, inline=markup.inline, heading=markup.heading, plural=plural,
                       zone=ZoneInfo, values=values)
    return env


templates = Jinja2Templates(env=_environment())


# What a form did, shown once on the page it returns to (`?notice=...&changed=N`): only these texts can appear,
# so a crafted link cannot make the page say anything else.
NOTICES = {
    "grade": "Grade saved.",
    "graded": "Saved: {changed} graded.",
    "mistake-saved": "Known mistake saved and the part regraded: {changed} changed.",
    "mistake-removed": "Known mistake deleted and the part regraded: {changed} changed.",
    "extension": "Extension saved and this student's submissions reassessed: {changed} changed.",
    "extension-removed": "Extension taken back and this student's submissions reassessed: {changed} changed.",
    "regraded": "Regraded: {changed} changed.",
    "edited": "Assignment saved and {of} regraded: {changed} changed (the last regrade is below; each change is in "
              "its submission's history).",
    "saved": "Assignment saved; nothing that changes a score was edited, so nothing was regraded.",
    "released": "Results released: students now see their scores and feedback.",
    "created": "Assignment created. Give the LMS its id, or edit it from here.",
}


def notice_of(request: Request) -> str | None:
    text = NOTICES.get(request.query_params.get("notice", ""))
    if text is None:
        return None
    counts = {name: request.query_params.get(name, "0") for name in ("changed", "of")}
    changed, of = (int(value) if value.isdigit() else 0 for value in counts.values())
    return text.format(changed=plural(changed, "score"), of=plural(of, "submission"))


def page(request: Request, name: str, status_code: int = 200, **context: object) -> HTMLResponse:
    context.setdefault("notice", notice_of(request))
    response = templates.TemplateResponse(request, name, context, status_code=status_code)
    response.headers["Content-Security-Policy"] = CSP
    response.headers["X-Content-Type-Options"] = "nosniff"
    return response
