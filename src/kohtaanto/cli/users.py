"""Users: create a user with one role."""

from __future__ import annotations

import sys

import click

from kohtaanto.cli.base import LANGUAGE_CHOICE, Failure, django_setup

ROLES = ("job_seeker", "employer", "professional", "analyst", "administrator")


@click.command()
@click.option("--role", required=True, type=click.Choice(ROLES), help="The user's one role.")
@click.option("--username", required=True, help="Sign-in name.")
@click.option("--email", default="", help="E-mail address.")
@click.option("--first-name", default="")
@click.option("--last-name", default="")
@click.option("--language", type=LANGUAGE_CHOICE, default="fi", show_default=True)
@click.option("--organisation", "business_id", default=None, help="Employer's business ID (employer users).")
@click.option("--area", default=None, help="Employment area's Finnish name (professionals, job seekers).")
@click.option("--password-stdin", is_flag=True, help="Read the password from standard input.")
def createuser(
    role: str,
    username: str,
    email: str,
    first_name: str,
    last_name: str,
    language: str,
    business_id: str | None,
    area: str | None,
    password_stdin: bool,
) -> None:
    """Create a user with one role. Prompts for the password unless --password-stdin is given."""
    if role == "employer" and not business_id:
        raise click.UsageError("--organisation is required for --role employer")
    if role == "professional" and not area:
        raise click.UsageError("--area is required for --role professional")
    if business_id and role != "employer":
        raise click.UsageError("--organisation is only for --role employer")
    django_setup()
    from django.core.exceptions import ValidationError

    from kohtaanto.core.identifiers import BusinessId, InvalidBusinessId
    from kohtaanto.web.accounts import services
    from kohtaanto.web.accounts.models import EmploymentArea, Organisation

    organisation = employment_area = None
    if business_id:
        try:
            organisation = Organisation.objects.get(business_id=BusinessId.parse(business_id).value)
        except (InvalidBusinessId, Organisation.DoesNotExist):
            raise Failure(f"no organisation with business ID {business_id!r}") from None
    if area:
        employment_area = EmploymentArea.objects.filter(name_fi=area).first()
        if employment_area is None:
            raise Failure(f"no employment area named {area!r}")
    if password_stdin:
        password = sys.stdin.readline().rstrip("\n")
    else:
        password = click.prompt("Password", hide_input=True, confirmation_prompt=True)
    try:
        user = services.create_user(
            None,
            username=username,
            role=role,
            password=password,
            email=email,
            first_name=first_name,
            last_name=last_name,
            language=language,
            organisation=organisation,
            employment_area=employment_area,
        )
    except ValidationError as exc:
        problems = [f"{field}: {' '.join(messages)}" for field, messages in exc.message_dict.items()]
        raise Failure("; ".join(problems)) from None
    click.echo(f"Created {user.username} ({role}).")
