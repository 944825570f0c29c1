"""Memberships made before states existed were trusted, so they become active
from the day they were made, in their partnership's default workforce group."""

from django.db import migrations
from django.db.models import F

from organisations.workforce_defaults import DEFAULT_POSITION, STANDARD_GROUPS


def forwards(apps, schema_editor):
    Partnership = apps.get_model("organisations", "Partnership")
    WorkforceGroup = apps.get_model("organisations", "WorkforceGroup")
    Membership = apps.get_model("organisations", "Membership")
    for partnership in Partnership.objects.all():
        for position, (name, description) in enumerate(STANDARD_GROUPS):
            WorkforceGroup.objects.get_or_create(
                partnership=partnership,
                name=name,
                defaults={
                    "description": description,
                    "position": position,
                    "is_default": position == DEFAULT_POSITION,
                },
            )
        default = WorkforceGroup.objects.get(partnership=partnership, is_default=True)
        Membership.objects.filter(organisation__partnership=partnership, group=None).update(
            group=default
        )
    Membership.objects.update(state="active", joined_at=F("created_at"))


class Migration(migrations.Migration):
    dependencies = [("organisations", "0002_workforce")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
