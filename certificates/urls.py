from django.urls import path

from certificates.views import learner, verify

app_name = "certificates"
urlpatterns = [
    path("", learner.certificate_list, name="list"),
    path("<int:certificate_id>/download/", learner.certificate_download, name="download"),
    path("verify/", verify.verify_form, name="verify"),
    path("verify/<str:code>/", verify.verify_result, name="verify_result"),
]
