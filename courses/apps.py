from django.apps import AppConfig
from django.db.models.signals import post_save


class CoursesConfig(AppConfig):
    name = "courses"
    verbose_name = "Courses"

    def ready(self):
        # Cache invalidation is the one cross-cutting concern handled by a signal.
        from courses.models import SignpostingSettings
        from courses.signposting import forget_site_default_contacts

        post_save.connect(
            forget_site_default_contacts,
            sender=SignpostingSettings,
            dispatch_uid="courses.forget_site_default_contacts",
        )
