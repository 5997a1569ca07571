"""The study question first named labour market support ``labour_market_subsidy``; the part-time question
had already named it ``labour_market_support``. One name now: plans kept under the old one are renamed."""

from django.db import migrations

OLD, NEW = "labour_market_subsidy", "labour_market_support"


def rename(apps, schema_editor, old=OLD, new=NEW):
    profiles = apps.get_model("matching", "SeekerProfile")
    for profile in profiles.objects.only("pk", "study_plan").iterator():
        plan = profile.study_plan if isinstance(profile.study_plan, dict) else {}
        situation = plan.get("situation")
        if isinstance(situation, dict) and situation.get("benefit") == old:
            situation["benefit"] = new
            profile.save(update_fields=["study_plan"])


def rename_back(apps, schema_editor):
    rename(apps, schema_editor, old=NEW, new=OLD)


class Migration(migrations.Migration):
    dependencies = [("matching", "0008_study_plan")]

    operations = [migrations.RunPython(rename, rename_back)]
