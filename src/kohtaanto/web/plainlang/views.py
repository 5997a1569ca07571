"""The plain-language page: paste or type a text, see the score, the reasons and the findings marked
inline (numbered, with the severity in words, so colour is never the only cue). Texts are checked in
memory and never stored or logged."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import pgettext, pgettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from kohtaanto.plainlang import TextFinding, TextReport
from kohtaanto.plainlang.check import band_meaning, rules
from kohtaanto.web.accounts.http import AuthenticatedRequest
from kohtaanto.web.core.ui import ui_language
from kohtaanto.web.plainlang import services


class CheckForm(forms.Form):
    text = forms.CharField(
        label=pgettext_lazy("plain language", "Your text"),
        max_length=services.MAX_CHARACTERS,
        strip=False,
        widget=forms.Textarea(attrs={"rows": 12, "spellcheck": "true"}),
        help_text=pgettext_lazy(
            "plain language",
            "Plain text, Markdown or HTML. Links, e-mail addresses and numbers are not judged.",
        ),
    )
    profile = forms.ChoiceField(
        label=pgettext_lazy("plain language", "Kind of text"),
        choices=[
            (
                "instructions",
                pgettext_lazy(
                    "plain language", "Instructions, onboarding or a message (close to selkokieli)"
                ),
            ),
            ("job-ad", pgettext_lazy("plain language", "Job ad (clear standard language)")),
        ],
    )
    language = forms.ChoiceField(
        label=pgettext_lazy("plain language", "Language of the text"),
        choices=[
            ("auto", pgettext_lazy("plain language", "Recognise automatically")),
            ("fi", "suomi"),
            ("sv", "svenska"),
            ("en", "English"),
        ],
    )

    def clean_text(self) -> str:
        text = str(self.cleaned_data["text"])
        if not text.strip():
            raise forms.ValidationError(pgettext("plain language", "Write or paste a text to check."))
        return text


@dataclass(frozen=True)
class Piece:
    kind: str  # text, open, close
    text: str = ""
    number: int = 0
    severity: str = ""


def pieces(text: str, findings: tuple[TextFinding, ...]) -> list[Piece]:
    """The text with nested marks for findings that nest; partly overlapping ones are only listed."""
    marked: list[tuple[int, TextFinding]] = []
    stack: list[TextFinding] = []
    for number, finding in sorted(enumerate(findings, 1), key=lambda item: (item[1].start, -item[1].end)):
        if finding.start == finding.end or (
            finding.category in ("document", "sentence", "structure") and (finding.end - finding.start > 80)
        ):
            continue  # long sentence-level spans are listed, not painted over the text
        while stack and stack[-1].end <= finding.start:
            stack.pop()
        if stack and finding.end > stack[-1].end:
            continue
        marked.append((number, finding))
        stack.append(finding)
    events: list[tuple[int, int, int, TextFinding]] = []  # (offset, order, number, finding)
    for number, finding in marked:
        events.append((finding.start, 1, number, finding))
        events.append((finding.end, 0, number, finding))
    events.sort(key=lambda e: (e[0], e[1], -e[3].end if e[1] else e[3].start))
    out: list[Piece] = []
    position = 0
    for offset, order, number, finding in events:
        if offset > position:
            out.append(Piece("text", text[position:offset]))
            position = offset
        out.append(Piece("open" if order else "close", number=number, severity=str(finding.severity)))
    out.append(Piece("text", text[position:]))
    return out


SEVERITY_LABELS = {
    "suggestion": pgettext_lazy("plain language severity", "Suggestion"),
    "warning": pgettext_lazy("plain language severity", "Warning"),
    "problem": pgettext_lazy("plain language severity", "Problem"),
}


def report_context(report: TextReport, text: str) -> dict[str, Any]:
    """The marked text, the five fixes to show first and the rest: every number in the text has its
    explanation on the page (a mark's link never points at nothing)."""
    number = {id(f): n for n, f in enumerate(report.findings, 1)}
    top = report.top(5)
    chosen = {id(f) for f in top}
    names = {rule: spec["name"][ui_language()] for rule, spec in rules().items()}

    def row(f: TextFinding) -> tuple[int, TextFinding, object, str]:
        return number[id(f)], f, SEVERITY_LABELS[f.severity], names[f.rule]  # the rule's name, never its id

    return {
        "report": report,
        "band_meaning": band_meaning(report.band, ui_language()),
        "pieces": pieces(text, report.findings),
        "top": [row(f) for f in top],
        "rest": [row(f) for f in report.findings if id(f) not in chosen],
    }


def _rule_choices(language: str) -> list[tuple[str, str]]:
    return [(rule, spec["name"][language]) for rule, spec in rules().items()]


@login_required
@require_http_methods(["GET", "POST"])
def check_page(request: AuthenticatedRequest) -> HttpResponse:
    form = CheckForm(request.POST or None, initial={"profile": "instructions", "language": "auto"})
    context: dict[str, Any] = {"form": form, "disabled": services.disabled_for(request.user)}
    ok = True
    if request.method == "POST":
        if form.is_valid():
            data = form.cleaned_data
            report = services.check_for(
                request.user, data["text"], data["profile"], data["language"], "auto", ui_language()
            )
            context.update(report_context(report, data["text"]))
        else:
            ok = False
    mine = set(services.user_disabled(request.user))
    context["rule_choices"] = [(rule, name, rule in mine) for rule, name in _rule_choices(ui_language())]
    partial = bool(getattr(request, "htmx", False))
    template = "plainlang/results.html" if partial else "plainlang/check.html"
    return render(request, template, context, status=200 if ok or partial else 400)


@login_required
@require_POST
def rule_settings(request: AuthenticatedRequest) -> HttpResponse:
    chosen = request.POST.getlist("disabled")
    try:
        services.set_user_rules(request.user, chosen)
    except services.InvalidRules as exc:
        messages.error(request, str(exc))
        return redirect("plainlang:check")
    messages.success(request, pgettext("plain language", "Your rule choices were saved."))
    return redirect("plainlang:check")


class WordReportForm(forms.Form):
    suggestion = forms.CharField(
        label=pgettext_lazy("word report", "A better word (optional)"), max_length=120, required=False
    )
    comment = forms.CharField(
        label=pgettext_lazy("word report", "What is wrong (optional)"),
        max_length=300,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


@login_required
@require_http_methods(["GET", "POST"])
def report_word(request: AuthenticatedRequest, word: str, language: str) -> HttpResponse:
    """Tell that a word of the language kit is wrong in a language; back to the kit afterwards."""
    from django.http import Http404
    from django.utils.html import format_html
    from django.utils.http import url_has_allowed_host_and_scheme

    from kohtaanto.plainlang.work_words import GLOSS_LANGUAGES, NAMES, find_word, is_rtl, work_words

    found = find_word(word)
    if found is None or language not in GLOSS_LANGUAGES:
        raise Http404
    back = request.POST.get("next") or request.GET.get("next") or "/"
    if not url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}, require_https=False):
        back = "/"
    form = WordReportForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        services.report_word(
            actor=request.user,
            word=word,
            language=language,
            suggestion=form.cleaned_data["suggestion"],
            comment=form.cleaned_data["comment"],
        )
        messages.success(request, pgettext("word report", "Thank you. A reviewer checks the word."))
        return redirect(back)
    text = found.text("sv" if ui_language() == "sv" else "fi")
    context = {
        "form": form,
        "text": text,
        "gloss": found.gloss[language],
        "language": language,
        # the language's own name inside the reader's sentence, marked for screen readers
        "language_name": format_html(
            '<span lang="{}" dir="{}">{}</span>',
            language,
            "rtl" if is_rtl(language) else "ltr",
            NAMES[language],
        ),
        "rtl": is_rtl(language),
        "next": back,
        "review": work_words().review.get(language, ""),
    }
    return render(
        request, "plainlang/report_word.html", context, status=400 if request.method == "POST" else 200
    )


class TranslationReportForm(forms.Form):
    language = forms.ChoiceField(
        label=pgettext_lazy("translation report", "Language"), choices=settings.LANGUAGES
    )
    page = forms.CharField(
        label=pgettext_lazy("translation report", "On which page (optional)"), max_length=200, required=False
    )
    shown = forms.CharField(
        label=pgettext_lazy("translation report", "What the page says"),
        help_text=pgettext_lazy("translation report", "Copy or write the words that are wrong."),
        max_length=300,
        widget=forms.Textarea(attrs={"rows": 2, "dir": "auto"}),
    )
    suggestion = forms.CharField(
        label=pgettext_lazy("translation report", "Better words (optional)"),
        max_length=300,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2, "dir": "auto"}),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)


@require_http_methods(["GET", "POST"])
def languages(request: AuthenticatedRequest) -> HttpResponse:
    """The languages kohtaanto speaks, how far each translation has come, and a way to report a wrong
    translation (signed in: the report names who sent it, so a reviewer can ask)."""
    from django.contrib.auth.views import redirect_to_login
    from django.utils.http import url_has_allowed_host_and_scheme
    from django.utils.translation import get_language

    from kohtaanto.core.language import is_right_to_left
    from kohtaanto.web.core.errors import InvalidInput
    from kohtaanto.web.core.i18n import translation_status

    came_from = request.POST.get("page") or request.GET.get("from") or ""
    if not url_has_allowed_host_and_scheme(
        came_from, allowed_hosts={request.get_host()}, require_https=False
    ):
        came_from = ""
    if request.method == "POST" and not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    form = TranslationReportForm(
        request.POST if request.method == "POST" else None,
        initial={"language": get_language(), "page": came_from},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.report_translation(actor=request.user, **form.cleaned_data)
        except InvalidInput as exc:
            for field, problems in exc.errors.items():
                form.add_error(field if field in form.fields else None, "; ".join(problems))
        else:
            messages.success(
                request, pgettext("translation report", "Thank you. A reviewer checks the words.")
            )
            return redirect(came_from or "plainlang:languages")
    names = dict(settings.LANGUAGES)
    rows = [
        {
            "status": status,
            "name": names.get(status.code, status.code),
            "rtl": is_right_to_left(status.code),
            "percent": round(100 * status.share),
        }
        for status in translation_status()
    ]
    return render(
        request,
        "plainlang/languages.html",
        {"rows": rows, "form": form},
        status=400 if request.method == "POST" else 200,
    )
