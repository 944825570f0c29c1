"""Editors and moderators may work on knowledge checks as they do on pages:
editors edit and submit them for moderation, moderators also publish. Knowledge
checks go through the same moderation workflow as the page tree."""

from django.db import migrations

EDITOR_ACTIONS = ["add", "change", "delete", "view", "lock", "unlock"]
MODERATOR_ACTIONS = [*EDITOR_ACTIONS, "publish"]


def grant(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    WorkflowContentType = apps.get_model("wagtailcore", "WorkflowContentType")

    content_type, _ = ContentType.objects.get_or_create(app_label="quizzes", model="knowledgecheck")

    def permissions(actions):
        return [
            Permission.objects.get_or_create(
                content_type=content_type,
                codename=f"{action}_knowledgecheck",
                defaults={"name": f"Can {action} knowledge check"},
            )[0]
            for action in actions
        ]

    for group in Group.objects.filter(name="Editors"):
        group.permissions.add(*permissions(EDITOR_ACTIONS))
    for group in Group.objects.filter(name="Moderators"):
        group.permissions.add(*permissions(MODERATOR_ACTIONS))
    tree_workflow = WorkflowPage.objects.filter(page__depth=1).select_related("workflow").first()
    if tree_workflow is not None:
        WorkflowContentType.objects.get_or_create(
            content_type=content_type, defaults={"workflow": tree_workflow.workflow}
        )


class Migration(migrations.Migration):
    dependencies = [
        ("quizzes", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
