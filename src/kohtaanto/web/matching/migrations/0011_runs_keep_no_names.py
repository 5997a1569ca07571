"""Matching runs no longer store names: a name is shown at read time, only while the person's identity
reveal to that employer is in force. Names stored by earlier versions are removed (not restorable)."""

from django.db import migrations


def drop_names(apps, schema_editor):
    runs = apps.get_model("matching", "MatchingRun")
    for run in runs.objects.filter(results__icontains='"name"').only("pk", "results").iterator():
        rows = [
            {k: v for k, v in row.items() if k != "name"} if isinstance(row, dict) else row
            for row in run.results
        ]
        if rows != run.results:
            run.results = rows
            run.save(update_fields=["results"])


class Migration(migrations.Migration):
    dependencies = [("matching", "0010_versions_and_probes")]

    operations = [migrations.RunPython(drop_names, migrations.RunPython.noop)]
