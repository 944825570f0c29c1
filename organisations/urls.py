from django.urls import path

from organisations.views import imports, invitations, running, staff, suggest

app_name = "organisations"
urlpatterns = [
    path("suggest/", suggest.organisation_suggest, name="suggest"),
    path("", staff.organisation_list, name="list"),
    path("<int:org>/staff/", staff.staff_list, name="staff"),
    path("<int:org>/staff/<int:pk>/", staff.member_detail, name="member"),
    path("<int:org>/staff/<int:pk>/end/", staff.member_end, name="member_end"),
    path("<int:org>/requests/", staff.request_list, name="requests"),
    path("<int:org>/requests/<int:pk>/<str:decision>/", staff.request_decide, name="decide"),
    path("<int:org>/invitations/", invitations.invitation_list, name="invitations"),
    path("<int:org>/invitations/new/", invitations.invitation_new, name="invite"),
    path(
        "<int:org>/invitations/<int:pk>/resend/",
        invitations.invitation_resend,
        name="invitation_resend",
    ),
    path(
        "<int:org>/invitations/<int:pk>/withdraw/",
        invitations.invitation_withdraw,
        name="invitation_withdraw",
    ),
    path("<int:org>/import/", imports.import_upload, name="import"),
    path("<int:org>/import/<int:pk>/", imports.import_detail, name="import_detail"),
    path("<int:org>/import/<int:pk>/status/", imports.import_status, name="import_status"),
    path("<int:org>/settings/", running.organisation_settings, name="settings"),
    path("partnerships/<int:partnership>/groups/", running.group_list, name="groups"),
    path("partnerships/<int:partnership>/groups/<int:pk>/", running.group_edit, name="group_edit"),
    path(
        "partnerships/<int:partnership>/groups/<int:pk>/<str:action>/",
        running.group_action,
        name="group_action",
    ),
    path("invitations/<str:token>/", invitations.invitation_accept, name="invitation_accept"),
]
