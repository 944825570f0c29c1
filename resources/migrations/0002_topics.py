from django.db import migrations

TOPICS = [
    "healthy-relationships",
    "consent",
    "online-safety",
    "grooming",
    "peer-pressure",
    "gangs-and-groups",
    "getting-help",
]


def create_topics(apps, schema_editor):
    Topic = apps.get_model("resources", "Topic")
    for position, slug in enumerate(TOPICS):
        Topic.objects.update_or_create(slug=slug, defaults={"position": position})


class Migration(migrations.Migration):
    dependencies = [("resources", "0001_initial")]

    operations = [migrations.RunPython(create_topics, migrations.RunPython.noop)]
