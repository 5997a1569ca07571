"""A crawler signs in as every role in Finnish and Swedish, opens every page it can reach from the front
page, and fails on what a person should never read there: snake_case or dotted codes, "None", English
sentences, a decimal point or an ungrouped amount in a number, an ISO date in running text, or a decimal
comma inside an SVG number.

It uses Django's test client over the demo data (no browser: the checks read the served HTML), so it
sees exactly what the server sends, including text only screen readers read.
"""

from __future__ import annotations

import re
from collections import deque
from html.parser import HTMLParser
from urllib.parse import urldefrag, urlsplit

import pytest
from django.test import Client

pytestmark = pytest.mark.e2e

USERS = ("tyonhakija1", "tyonantaja1", "ammattilainen1", "analyytikko", "yllapitaja")
SKIP = ("/logout", "/api/", "/admin/", "/static/", "/language/", "/oidc/", "/health")
SUBMIT = ("/supports/",)  # calculators: their forms change nothing, so the crawler submits the defaults
# pages whose answer is only reached by a post: the search, check or carve each of them runs (the
# hidden "action" field, where the page has several forms, names the one to send)
ANSWERS = (
    (re.compile(r"^/hire/\d+/carve/$"), "carve"),
    (re.compile(r"^/jobs/\d+/matches/$"), ""),
    (re.compile(r"^/my-matches/$"), ""),
    (re.compile(r"^/selko/$"), ""),
)
# what a person would type where a calculator's field starts empty, so the answer (not an error) is read
FILL = {
    "monthly_wage": "2100",
    "age": "58",
    "unemployment_months": "14",
    "tools_cost": "1200",
    "earnings": "900",
    "text": "Työvuoro alkaa kello 7. Pakkaa leivät laatikoihin ja vie ne kylmiöön.",
}
DOWNLOADS = (".pdf", ".csv", ".json", ".jsonld", ".xml", ".zip")
MAX_PAGES = 80

SNAKE = re.compile(r"(?<![\w@./-])[a-z]+(?:_[a-z0-9]+)+(?![\w@/-])")
DOTTED = re.compile(
    r"(?<![\w@./-])[a-z]+_?[a-z]*\.[a-z]+_[a-z_]+(?![\w@/-])|(?<![\w@./-])[a-z]+\.[a-z]+ \d+\b"
)
NONE = re.compile(r"\bNone\b")
ENGLISH = re.compile(
    r"\b(the|and|with|your|you|is|are|this|that|from|have|must|please|should|which|it|after|before|an|at|or"
    r"|not|can|will|be|of|first|least)\b",
    re.I,
)
POINT_DECIMAL = re.compile(r"(?<![\d.,:/])\d+\.\d{1,2}(?![\d.])")
UNGROUPED_MONEY = re.compile(r"(?<![\d\xa0 ])\d{4,},\d{2}\s*€")
ISO_DATE = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")
SVG_NUMBER_ATTRIBUTES = {
    "x",
    "y",
    "x1",
    "x2",
    "y1",
    "y2",
    "cx",
    "cy",
    "r",
    "width",
    "height",
    "points",
    "d",
    "viewbox",
    "transform",
}
SVG_COMMA = re.compile(r"\d,\d")
# words that look like codes but are what a person reads: e-mail-like addresses and product names
ALLOWED = re.compile(r"https?://\S+|kohtaanto|esco|e-?mail|example|\.fi\b|\.se\b|\.org\b|\.com\b", re.I)
# a date with a time as Finnish and Finland-Swedish write it: 7.12.2026 9.05 (the time's dot is right)
DATE_TIME = re.compile(r"\b\d{1,2}\.\d{1,2}\.\d{4}(?:,?\s+(?:klo|kl\.)?\s*\d{1,2}\.\d{2})?")


def svg_comma(name: str, value: str) -> bool:
    """A decimal comma in an SVG number. In ``points``, ``d`` and ``viewBox`` a comma may separate the
    two numbers of a pair ("64,178.9"), so only a second comma in one pair ("64,178,9") is wrong."""
    if name in ("points", "d", "viewbox", "transform"):
        return any(token.count(",") > 1 for token in re.split(r"[\s()A-Za-z]+", value))
    return bool(SVG_COMMA.search(value))


class Page(HTMLParser):
    """The text a person reads (or hears) in <main>, the links, and SVG attributes."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.texts: list[str] = []
        self.links: list[str] = []
        self.svg_problems: list[str] = []
        self.forms: list[dict[str, object]] = []  # post forms: action and default values
        self._skip = 0
        self._main = 0
        self._svg = 0
        self._select: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag in ("script", "style", "template", "textarea"):  # a textarea holds what someone typed
            self._skip += 1
        if tag == "main":
            self._main += 1
        if tag == "svg":
            self._svg += 1
        if self._svg:
            for name, value in attrs:
                if name.lower() in SVG_NUMBER_ATTRIBUTES and value and svg_comma(name.lower(), value):
                    self.svg_problems.append(f'<{tag} {name}="{value}">')
        if tag == "a" and values.get("href"):
            self.links.append(values["href"] or "")
        self._form_field(tag, values)
        if self._main:
            for name in ("aria-label", "title", "placeholder", "alt"):
                if values.get(name):
                    self.texts.append(values[name] or "")

    def _form_field(self, tag: str, values: dict[str, str | None]) -> None:
        """Remember each post form's defaults: what a person submits without changing anything."""
        if tag == "form" and (values.get("method") or "").lower() == "post":
            self.forms.append({"action": values.get("action") or "", "data": {}})
            return
        if not self.forms:
            return
        data: dict[str, object] = self.forms[-1]["data"]  # type: ignore[assignment]
        name = values.get("name")
        kind = (values.get("type") or "text").lower()
        if tag == "input" and name and kind not in ("submit", "button", "file"):
            if kind in ("checkbox", "radio"):
                if "checked" in values:
                    data.setdefault(name, values.get("value") or "on")
            else:
                data[name] = values.get("value") or ""
        if tag == "select" and name:
            self._select = name
        if tag == "option" and self._select and (self._select not in data or "selected" in values):
            data[self._select] = values.get("value") or ""

    def handle_endtag(self, tag: str) -> None:
        if tag == "select":
            self._select = None
        if tag in ("script", "style", "template", "textarea"):
            self._skip = max(0, self._skip - 1)
        if tag == "main":
            self._main = max(0, self._main - 1)
        if tag == "svg":
            self._svg = max(0, self._svg - 1)

    def handle_data(self, data: str) -> None:
        if self._main and not self._skip and data.strip():
            self.texts.append(" ".join(data.split()))


def problems_in(text: str) -> list[str]:
    """What a Finnish or Swedish reader should not meet in one piece of text."""
    found = []
    text = DATE_TIME.sub(" ", ALLOWED.sub(" ", text))
    for pattern, what in (
        (SNAKE, "code"),
        (DOTTED, "code"),
        (NONE, "None"),
        (POINT_DECIMAL, "decimal point"),
        (UNGROUPED_MONEY, "ungrouped amount"),
        (ISO_DATE, "ISO date"),
    ):
        match = pattern.search(text)
        if match:
            found.append(what if what == "None" else f"{what} {match.group(0)!r}")
    words = re.findall(r"[A-Za-zÅÄÖåäö]+", text)
    english = ENGLISH.findall(text)
    if len(words) >= 4 and len(english) >= 2:  # a sentence, not a name
        found.append("English")
    return found


def _read(html: str) -> tuple[Page, list[str]]:
    parser = Page()
    parser.feed(html)
    issues = [f"SVG {p}" for p in parser.svg_problems]
    for text in parser.texts:
        issues += [f"{p} in {text[:90]!r}" for p in problems_in(text)]
    return parser, issues


def submits(url: str, form: dict[str, object]) -> bool:
    """Is this a form whose answer the crawler reads: a calculator's, or a search, check or carve?"""
    action = str(form["action"])
    if action.startswith(SKIP):  # signing out or switching language
        return False
    if url.startswith(SUBMIT):
        return True
    target = urlsplit(action).path or url
    kind = str(dict(form["data"]).get("action", ""))  # type: ignore[call-overload]
    return any(pattern.match(target) and kind == wanted for pattern, wanted in ANSWERS)


answered: set[str] = set()  # the pages whose answers were read, across the crawls of a session


def crawl(client: Client, start: str = "/") -> dict[str, list[str]]:
    seen: set[str] = set()
    queue = deque([start])
    report: dict[str, list[str]] = {}
    while queue and len(seen) < MAX_PAGES:
        url = queue.popleft()
        if url in seen:
            continue
        seen.add(url)
        response = client.get(url)
        if response.status_code != 200 or "text/html" not in response.get("Content-Type", ""):
            continue
        parser, issues = _read(response.content.decode())
        for form in parser.forms:
            if not submits(url, form):
                continue
            data = {k: (v or FILL.get(k, "")) for k, v in dict(form["data"]).items()}  # type: ignore[call-overload]
            answer = client.post(str(form["action"]) or url, data, follow=True)
            assert answer.status_code in (200, 400), (url, answer.status_code)
            if "text/html" in answer.get("Content-Type", ""):
                issues += [f"after submitting: {i}" for i in _read(answer.content.decode())[1]]
            answered.add(urlsplit(str(form["action"])).path or url)
        if issues:
            report[url] = sorted(set(issues))
        for href in parser.links:
            link = urldefrag(href)[0]
            parts = urlsplit(link)
            if parts.netloc or not parts.path.startswith("/") or link in seen:
                continue
            if parts.path.startswith(SKIP) or parts.path.endswith(DOWNLOADS):
                continue
            queue.append(link)
    return report


@pytest.mark.parametrize("language", ["fi", "sv"])
@pytest.mark.parametrize("username", USERS)
def test_no_codes_english_or_foreign_numbers_on_any_reachable_page(demo_world, username, language):
    from kohtaanto.web.accounts.models import User

    user = User.objects.get(username=username)
    user.language = language
    user.save(update_fields=["language"])
    client = Client()
    client.force_login(user)
    answered.clear()
    report = crawl(client)
    lines = [f"{url}: {issue}" for url, issues in sorted(report.items()) for issue in issues]
    assert lines == [], "\n".join(lines)
    # the answers behind a post were read too, not only the forms
    expected = {
        "tyonantaja1": ("/supports/", "/carve/", "/matches/"),
        "tyonhakija1": ("/supports/", "/my-matches/"),
        "ammattilainen1": ("/selko/",),
    }.get(username, ())
    for part in expected:
        assert any(part in url for url in answered), (part, sorted(answered))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kirjautui sisään", []),
        ("session.signed_in", ["code 'session.signed_in'"]),
        ("accounts.user 5", ["code 'accounts.user 5'"]),
        ("Tuki: None €", ["None"]),
        ("20.0 tuntia", ["decimal point '20.0'"]),
        ("8400,00 €", ["ungrouped amount '8400,00 €'"]),
        ("alkaa 2026-12-07", ["ISO date '2026-12-07'"]),
        ("the trial ends after it starts", ["English"]),
        ("Versio 0.1.0, 7.12.2026, 1\xa0414,61 €", []),
        ("7.12.2026 3.19", []),
        ("matti@example.org", []),
    ],
)
def test_the_crawlers_eye(text, expected):
    assert problems_in(text) == expected


@pytest.mark.parametrize(
    ("name", "value", "wrong"),
    [
        ("points", "64,178.9 92,173.1", False),
        ("points", "64,178,9 92,173", True),
        ("y1", "272,0", True),
        ("x", "12.5", False),
        ("d", "M 10,20.5 L 30,40", False),
        ("d", "M 10,20,5 L 30,40", True),
    ],
)
def test_the_crawler_reads_svg_numbers(name, value, wrong):
    assert svg_comma(name, value) is wrong
