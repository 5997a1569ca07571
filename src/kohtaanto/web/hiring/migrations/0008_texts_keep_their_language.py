"""Role titles and task names keep the language they were written in.

Until now an employer's own words were stored under ``fi`` whatever language they were typed in. The
language they were typed in is not recorded; the best evidence is the language of the person who started
the case, which is the interface language they used. Texts of cases started by a Swedish- or
English-speaking user, stored under ``fi`` only, move to that language. Cases started by Finnish speakers
or by no one (the command line, removed accounts) stay as they are. Backwards, every single-language text
goes back under ``fi``.
"""

from django.db import migrations

LANGUAGES = ("fi", "sv", "en")


def _texts(inventory):
    for role in (inventory or {}).get("workplace", {}).get("roles", []):
        yield role, "title"
        for task in role.get("tasks", []):
            yield task, "name"


def _rekey(case, source, target):
    changed = False
    for owner, key in _texts(case.inventory):
        text = owner.get(key)
        if isinstance(text, dict) and set(k for k, v in text.items() if v) == {source}:
            owner[key] = {target: text[source]}
            changed = True
    return changed


def forwards(apps, schema_editor):
    HiringCase = apps.get_model("hiring", "HiringCase")
    for case in HiringCase.objects.select_related("created_by").exclude(created_by=None).iterator():
        language = getattr(case.created_by, "language", "fi")
        if language in LANGUAGES and language != "fi" and _rekey(case, "fi", language):
            case.save(update_fields=["inventory"])


def backwards(apps, schema_editor):
    HiringCase = apps.get_model("hiring", "HiringCase")
    for case in HiringCase.objects.iterator():
        if [language for language in ("sv", "en") if _rekey(case, language, "fi")]:
            case.save(update_fields=["inventory"])


class Migration(migrations.Migration):
    dependencies = [("hiring", "0007_hiringcase_version"), ("accounts", "0006_sign_in_failures")]

    operations = [migrations.RunPython(forwards, backwards)]
