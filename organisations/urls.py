from django.urls import path

from organisations import views

app_name = "organisations"
urlpatterns = [
    path("suggest/", views.organisation_suggest, name="suggest"),
]
