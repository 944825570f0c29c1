from django.urls import path

from resources.views import deliveries, parents

app_name = "resources"
urlpatterns = [
    path("log/", deliveries.delivery_list, name="delivery_list"),
    path("log/new/", deliveries.delivery_create, name="delivery_create"),
    path("log/<int:pk>/edit/", deliveries.delivery_edit, name="delivery_edit"),
    path("log/<int:pk>/delete/", deliveries.delivery_delete, name="delivery_delete"),
    path("log/schools/<int:school_id>/", deliveries.school_log, name="school_log"),
    path(
        "log/schools/<int:school_id>/export/",
        deliveries.school_log_export,
        name="school_log_export",
    ),
    path("parent-links/", parents.parent_link_list, name="parent_link_list"),
    path("parent-links/new/", parents.parent_link_create, name="parent_link_create"),
    path("parent-links/<int:pk>/revoke/", parents.parent_link_revoke, name="parent_link_revoke"),
    path("for-parents/<str:token>/", parents.parent_view, name="parent_view"),
]
