from django.conf import settings
from django.urls import include, path
from django.views.decorators.cache import never_cache
from django.views.generic import RedirectView, TemplateView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls
from wagtail.documents.views.serve import serve as wagtaildocs_serve

from compliance.views import learner as compliance_learner
from courses import views as course_views
from lms.health import healthz

# Failures outside views (middleware) still say "unavailable" when the
# database is the cause (kits/outage.py).
handler500 = "kits.outage.server_error_or_outage"

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    # The admin has no login form of its own: everyone signs in through allauth.
    path("admin/login/", RedirectView.as_view(url="/accounts/login/", query_string=True)),
    path("admin/", include(wagtailadmin_urls)),
    # Documents are checked before serving (resources/documents.py) and never
    # cached: a revoked parent link must stop working at once.
    path(
        "documents/<int:document_id>/<str:document_filename>",
        never_cache(wagtaildocs_serve),
        name="wagtaildocs_serve",
    ),
    path("documents/", include(wagtaildocs_urls)),
    path("accounts/", include("allauth.urls")),
    path("organisations/", include("organisations.urls")),
    path("rse/", include("resources.urls")),
    path("my-learning/", course_views.my_learning, name="my_learning"),
    path("my-learning/reminders/", compliance_learner.reminders_sent, name="reminders_sent"),
    path("learning/", include("courses.urls")),
    path("knowledge-checks/", include("quizzes.urls")),
    path("certificates/", include("certificates.urls")),
    path("mandatory-training/", include("compliance.urls")),
    path("reports/", include("reports.urls")),
    path(
        "accessibility/",
        TemplateView.as_view(template_name="lms/accessibility.html"),
        name="accessibility",
    ),
]

if settings.DEBUG:
    from django.urls import re_path
    from django.views.static import serve as serve_media

    # Development serves images only: documents go through their checked view,
    # and certificates live in private storage outside MEDIA_ROOT.
    urlpatterns += [
        re_path(
            r"^media/(?P<path>(?:images|original_images)/.*)$",
            serve_media,
            {"document_root": settings.MEDIA_ROOT},
        )
    ]

urlpatterns += [path("", include(wagtail_urls))]
