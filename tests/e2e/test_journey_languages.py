"""The job seeker's journey in Russian, Estonian, Arabic (right to left), Ukrainian and Somali.

The crawler signs in as each demo job seeker reading each journey language and opens every page it can
reach from the front page. While it does, every interface string and every engine message the pages look
up is checked: a string the language's catalogue lacks would be shown in English (a message in Finnish),
so each one found is a failure, named with the page. The browser tests walk the journey's pages and scan
them with axe; Arabic is laid out right to left.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from django.test import Client

from kohtaanto.core.language import JOURNEY_LANGUAGES
from tests.e2e.conftest import choose_language, sign_in
from tests.e2e.test_accessibility import scan
from tests.e2e.test_crawl import crawl

pytestmark = pytest.mark.e2e
SHOTS = Path(__file__).resolve().parents[2] / "build" / "screenshots"
SEEKERS = [f"tyonhakija{i}" for i in range(1, 7)]


class Untranslated:
    """Records the interface strings and engine messages a page looked up without a translation."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, language: str) -> None:
        from django.utils.translation import trans_real

        from kohtaanto.core import messages

        self.found: dict[str, set[str]] = {}
        self.url = ""
        gettext, ngettext = trans_real.DjangoTranslation.gettext, trans_real.DjangoTranslation.ngettext
        template = messages.Catalogue.template

        def has(catalogue, key) -> bool:
            # the merged catalogue of the language: ours and Django's own (form errors and the like)
            return key in catalogue._catalog

        def checked_gettext(catalogue, message):
            if catalogue.language() == language and message.strip() and not has(catalogue, message):
                self.found.setdefault(message.replace("\x04", " | "), set()).add(self.url)
            return gettext(catalogue, message)

        def checked_ngettext(catalogue, singular, plural, number):
            if catalogue.language() == language and not has(catalogue, (singular, 0)):
                self.found.setdefault(singular.replace("\x04", " | "), set()).add(self.url)
            return ngettext(catalogue, singular, plural, number)

        def checked_template(catalogue, code, asked):
            if asked == language and not catalogue.entries[code].get(language):
                self.found.setdefault(f"{catalogue.path.parent.name} message {code}", set()).add(self.url)
            return template(catalogue, code, asked)

        monkeypatch.setattr(trans_real.DjangoTranslation, "gettext", checked_gettext)
        monkeypatch.setattr(trans_real.DjangoTranslation, "ngettext", checked_ngettext)
        monkeypatch.setattr(messages.Catalogue, "template", checked_template)

    def report(self) -> list[str]:
        return [f"{text!r} on {', '.join(sorted(urls)[:3])}" for text, urls in sorted(self.found.items())]


@pytest.mark.parametrize("language", JOURNEY_LANGUAGES)
def test_every_page_of_the_journey_is_translated(demo_world, monkeypatch, language):
    from kohtaanto.web.accounts.models import User

    untranslated = Untranslated(monkeypatch, language)
    problems: list[str] = []
    for username in SEEKERS:
        user = User.objects.get(username=username)
        user.language = language
        user.save(update_fields=["language"])
        client = Client()
        client.force_login(user)
        original = client.get

        def get(url, *args, _original=original, _problems=problems, **kwargs):
            untranslated.url = url
            response = _original(url, *args, **kwargs)
            if response.status_code == 200 and "text/html" in response.get("Content-Type", ""):
                html = response.content.decode()
                rtl = ' dir="rtl"' if language == "ar" else ""
                if f'<html lang="{language}"{rtl}>' not in html:
                    _problems.append(f"{url}: not laid out as {language}")
            return response

        client.get = get
        untranslated.url = "/my-matches/ (searched)"
        client.post("/my-matches/")  # the jobs that fit, and jobs that could be carved, stay on the page
        report = crawl(client)
        # English sentences the catalogues do not hold (a name or an address is not one)
        problems += [f"{url}: {i}" for url, issues in report.items() for i in issues if "English" in i]
    lines = untranslated.report() + problems
    assert lines == [], "\n".join(lines)


@pytest.mark.parametrize("language", JOURNEY_LANGUAGES)
def test_before_signing_in_the_pages_a_person_may_meet_are_translated(demo_world, monkeypatch, language):
    """The sign-in page, an open carved job's page reached from a job board, the public results and the
    languages page, for someone who chose the language before signing in."""
    from kohtaanto.web.matching.models import JobPosting

    untranslated = Untranslated(monkeypatch, language)
    client = Client()
    client.cookies["kohtaanto_language"] = language
    job = next(
        p for p in JobPosting.objects.order_by("pk") if client.get(f"/jobs/{p.pk}/").status_code == 200
    )
    report = {}
    for start in ("/login/", f"/jobs/{job.pk}/", "/results/", "/languages/"):
        untranslated.url = start
        html = client.get(start).content.decode()
        assert f'<html lang="{language}"' in html, start
        report.update(crawl(client, start))
    english = [f"{url}: {i}" for url, issues in report.items() for i in issues if "English" in i]
    assert untranslated.report() + english == []


def test_every_catalogue_keeps_the_placeholders_and_markup():
    import re

    from babel.messages.pofile import read_po

    from kohtaanto.web.core.i18n import catalogues

    placeholder = re.compile(r"%\(\w+\)[sd]|%[sd]|</?(?:a|abbr|b|br|code|em|i|mark|q|span|strong)\b[^>]*>")
    wrong = []
    for path in catalogues():
        with path.open("rb") as handle:
            catalogue = read_po(handle)
        for message in catalogue:
            if not message.id or not message.string:
                continue
            ids = [message.id] if isinstance(message.id, str) else list(message.id)
            strings = [message.string] if isinstance(message.string, str) else list(message.string)
            wanted = set().union(*(placeholder.findall(i) for i in ids))
            for text in strings:
                if not text:
                    continue
                have = set(placeholder.findall(text))
                if have - wanted or (len(strings) == 1 and have != wanted):
                    wrong.append(f"{path.parts[-3]}: {ids[0]!r} -> {text!r}")
    assert wrong == []


def test_the_vocabularies_speak_every_journey_language():
    from kohtaanto.taxonomy.vocabulary import demands, starter

    missing = []
    for language in JOURNEY_LANGUAGES:
        missing += [f"{language} skill {s.id}" for s in starter().skills if not getattr(s.labels, language)]
        for attribute in demands().attributes:
            texts = [attribute.labels, attribute.question, *attribute.levels.values()]
            texts += [m.text for m in attribute.measures]
            if not all(getattr(t, language) for t in texts):
                missing.append(f"{language} {attribute.id}")
        missing += [f"{language} group {g.id}" for g in demands().groups if not getattr(g.title, language)]
    assert missing == []


def test_journey_languages_are_a_job_seekers_and_the_employer_keeps_their_own(demo_world):
    from kohtaanto.web.accounts.models import User

    employer = User.objects.get(username="tyonantaja1")
    client = Client()
    client.force_login(employer)
    html = client.get("/").content.decode()
    assert 'value="ar"' not in html and 'value="sv"' in html  # not offered to an employer
    assert client.post("/language/", {"language": "ar", "next": "/"}).status_code == 400
    employer.refresh_from_db()
    assert employer.language == "fi"
    User.objects.filter(pk=employer.pk).update(language="uk")  # e.g. set in the admin by mistake
    html = client.get("/").content.decode()
    assert '<html lang="fi">' in html

    seeker = User.objects.get(username="tyonhakija4")  # Amina reads Arabic
    reader = Client()
    reader.force_login(seeker)
    assert '<html lang="ar" dir="rtl">' in reader.get("/me/").content.decode()


def test_a_consent_is_given_in_the_language_it_was_shown_in(demo_world):
    import hashlib

    from django.utils import translation

    from kohtaanto.web.accounts.models import User
    from kohtaanto.web.matching.consent import TEXTS
    from kohtaanto.web.matching.models import ConsentPurpose, ConsentRecord

    person = User.objects.get(username="tyonhakija6")  # Daria reads Ukrainian
    client = Client()
    client.force_login(person)
    with translation.override("uk"):
        shown = str(TEXTS[ConsentPurpose.COACH_READS][0].text)
        label = str(
            translation.pgettext("seeker", "My employment coach may read my own words and my work history")
        )
    assert label in client.get("/me/sharing/").content.decode()  # what she ticks, in her language
    client.post("/me/sharing/", {"share_with_coach": "on", "open_to_employers": "on"})
    row = ConsentRecord.objects.filter(profile__person=person, purpose=ConsentPurpose.COACH_READS).first()
    assert row is not None and row.granted and row.language == "uk"
    assert row.shown_digest == hashlib.sha256(shown.encode()).hexdigest() != row.text_digest
    history = client.get("/me/sharing/").content.decode()
    assert f'<p lang="uk">{shown}</p>' in history


JOURNEY = ("/me/", "/me/skills/", "/me/capacity/physical/", "/me/work/", "/me/income/", "/me/sharing/")


@pytest.mark.parametrize("language", JOURNEY_LANGUAGES)
def test_the_journey_in_the_browser(page, demo_world, language):
    sign_in(page, "tyonhakija2", demo_world.PASSWORD)
    choose_language(page, language)
    assert page.locator("html").get_attribute("lang") == language
    for number, path in enumerate((*JOURNEY, "/supports/study/", "/my-matches/"), start=1):
        page.goto(path)
        SHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SHOTS / f"journey-{language}-{number}.png"), full_page=True)
        blocking = [f"{v['id']}: {v['help']}" for v in scan(page) if v["impact"] in ("serious", "critical")]
        assert blocking == [], (language, path)
        body = page.locator("main").inner_text()
        assert "None" not in body, (language, path)
    if language == "ar":
        assert page.locator("html").get_attribute("dir") == "rtl"
        width = page.viewport_size["width"]
        brand = page.locator(".brand").bounding_box()
        assert brand["x"] > width / 2  # the name of the service stands at the right, where a line starts


def test_arabic_on_a_phone_and_a_story_in_arabic(page, demo_world):
    """Amina reads Arabic on a phone: the skills page is right to left, her own words are marked as
    Arabic, and skills found in them are shown with the words that show each one."""
    page.set_viewport_size({"width": 360, "height": 780})
    sign_in(page, "tyonhakija4", demo_world.PASSWORD)
    page.goto("/me/skills/")
    assert page.locator("html").get_attribute("dir") == "rtl"
    story = page.locator("#id_text")
    assert story.get_attribute("lang") == "ar" and story.get_attribute("dir") == "rtl"
    page.locator("form.card button[type=submit]").first.click()
    found = page.locator("main").inner_text()
    marks = page.locator("main mark")
    assert marks.count() >= 1, found  # the person's own words that show a skill
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / "journey-ar-360-skills.png"), full_page=True)
    blocking = [f"{v['id']}: {v['help']}" for v in scan(page) if v["impact"] in ("serious", "critical")]
    assert blocking == []
    overflow = page.evaluate("document.documentElement.scrollWidth > window.innerWidth + 1")
    assert not overflow


@pytest.mark.parametrize(("language", "width"), [("fi", 1280), ("sv", 360), ("uk", 360)])
def test_a_person_reports_a_wrong_translation_from_the_page_they_read(page, demo_world, language, width):
    from kohtaanto.web.audit.models import AuditEvent
    from kohtaanto.web.plainlang.models import TranslationReport

    page.set_viewport_size({"width": width, "height": 900})
    sign_in(page, "tyonhakija6", demo_world.PASSWORD)
    choose_language(page, language)
    page.goto("/me/skills/")
    if language in JOURNEY_LANGUAGES:  # the note on the page leads to the form, with the page filled in
        page.locator(".translation-note a").click()
    else:
        assert page.locator(".translation-note").count() == 0
        page.goto("/languages/?from=/me/skills/")
    rows = page.locator("tbody tr")
    assert rows.count() == 8
    assert page.locator("tbody th[lang='ar']").get_attribute("dir") == "rtl"
    assert page.locator("#id_page").input_value() == "/me/skills/"
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"languages-{language}-{width}.png"), full_page=True)
    blocking = [f"{v['id']}: {v['help']}" for v in scan(page) if v["impact"] in ("serious", "critical")]
    assert blocking == []
    page.locator("#id_suggestion").fill("Мої навички")
    page.locator("#report button[type=submit]").click()  # "what the page says" left empty
    assert page.locator("#id_suggestion").input_value() == "Мої навички"  # kept
    assert page.locator(".error-summary, .errorlist").count() >= 1
    page.locator("#id_shown").fill("Мої вміння")
    page.locator("#report button[type=submit]").click()
    page.wait_for_url(lambda url: "/me/skills/" in url)  # back where they were
    report = TranslationReport.objects.get()
    assert (report.page, report.shown, report.suggestion) == ("/me/skills/", "Мої вміння", "Мої навички")
    assert report.language == language and report.reported_by.username == "tyonhakija6"
    assert AuditEvent.objects.filter(action="translation.reported").count() == 1


def test_a_finnish_job_title_on_an_arabic_page_is_marked_finnish(demo_world):
    from kohtaanto.web.accounts.models import User

    seeker = User.objects.get(username="tyonhakija2")
    seeker.language = "ar"
    seeker.save(update_fields=["language"])
    client = Client()
    client.force_login(seeker)
    html = client.post("/my-matches/").content.decode()
    assert '<html lang="ar" dir="rtl">' in html
    assert '<span lang="fi" dir="ltr">' in html  # the employers' titles, in the language they were written in
