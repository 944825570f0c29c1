from django.conf import settings
from django.urls import include, path
from django.views.generic import RedirectView, TemplateView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from compliance.views import learner as compliance_learner
from courses import views as course_views

urlpatterns = [
    # The admin has no login form of its own: everyone signs in through allauth.
    path("admin/login/", RedirectView.as_view(url="/accounts/login/", query_string=True)),
    path("admin/", include(wagtailadmin_urls)),
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
    path(
        "accessibility/",
        TemplateView.as_view(template_name="lms/accessibility.html"),
        name="accessibility",
    ),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += [path("", include(wagtail_urls))]
