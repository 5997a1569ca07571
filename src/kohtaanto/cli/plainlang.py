"""``kohtaanto selko``: check a text for plain language, with the findings marked in their sentences."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from kohtaanto.cli.base import LANGUAGE_CHOICE
from kohtaanto.core.language import LANGUAGES

PROFILES = ("instructions", "job-ad")
MAX_BYTES = 2_000_000


def _read(source: str) -> str:
    if source == "-":
        data = sys.stdin.buffer.read(MAX_BYTES + 1)
        name = "standard input"
    else:
        path = Path(source)
        if not path.is_file():
            raise click.UsageError(f"{source}: no such file")
        data = path.read_bytes()[: MAX_BYTES + 1]
        name = source
    if len(data) > MAX_BYTES:
        raise click.UsageError(f"{name}: the text is over {MAX_BYTES // 1_000_000} MB")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise click.UsageError(f"{name}: not UTF-8 text (byte {exc.start})") from None


def _marked(text: str, start: int, end: int) -> str:
    """The line around a finding with the span in [[double brackets]]."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    left, right = max(line_start, start - 60), min(line_end, end + 60)
    prefix = "…" if left > line_start else ""
    suffix = "…" if right < line_end else ""
    return f"{prefix}{text[left:start]}[[{text[start:end]}]]{text[end:right]}{suffix}"


@click.command("selko")
@click.argument("source", metavar="FILE|-")
@click.option("--profile", type=click.Choice(PROFILES), default="instructions", show_default=True)
@click.option("--lang", type=click.Choice(["auto", *LANGUAGES]), default="auto", show_default=True)
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option(
    "--input-format",
    type=click.Choice(["auto", "text", "markdown", "html"]),
    default="auto",
    show_default=True,
    help="How to read the input; markup is masked, never judged.",
)
@click.option("--messages", type=LANGUAGE_CHOICE, default=None, help="Language of the messages.")
@click.option("--disable", multiple=True, metavar="RULE", help="Switch a rule off (repeatable).")
@click.option("--no-voikko", is_flag=True, help="Use the heuristic mode even when Voikko is installed.")
@click.option("--all", "show_all", is_flag=True, help="Show every finding, not only the top five.")
def selko(
    source: str,
    profile: str,
    lang: str,
    fmt: str,
    input_format: str,
    messages: str | None,
    disable: tuple[str, ...],
    no_voikko: bool,
    show_all: bool,
) -> None:
    """Check a text (a file or - for standard input) for plain language: score, reasons and findings."""
    from kohtaanto.plainlang.check import check, report_dict, rule_ids

    unknown = sorted(set(disable) - set(rule_ids()))
    if unknown:
        raise click.UsageError(f"unknown rule {unknown[0]!r}; rules: {', '.join(rule_ids())}")
    text = _read(source)
    report = check(text, profile, lang, input_format, disable, messages, not no_voikko)  # type: ignore[arg-type]
    if fmt == "json":
        click.echo(json.dumps(report_dict(report), ensure_ascii=False, indent=2))
        return
    click.echo(
        f"{report.score}/100 ({report.band_label}) · {report.language} · {report.profile}"
        f" · mode {report.mode} · LIX {report.lix}"
    )
    for reason in report.reasons:
        click.echo(f"  - {reason}")
    shown = report.findings if show_all else report.top(5)
    if shown:
        click.echo("")
    for finding in shown:
        click.echo(f"[{finding.severity}] {finding.rule} ({finding.start}-{finding.end}): {finding.message}")
        click.echo(f"    {_marked(text, finding.start, finding.end)}")
        if finding.suggestion:
            click.echo(f"    → {finding.suggestion}")
    hidden = len(report.findings) - len(shown)
    if hidden > 0:
        click.echo(f"\n… and {hidden} more (--all shows them)")
    click.echo(f"\n{report.disclaimer}")
