from django.apps import AppConfig


class ResourcesConfig(AppConfig):
    name = "resources"
    verbose_name = "Resources"

    def ready(self):
        # Registers the document serving check with Wagtail's hooks.
        from resources import documents  # noqa: F401
