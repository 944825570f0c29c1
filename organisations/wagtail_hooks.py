from wagtail import hooks

from organisations.viewsets import OrganisationsViewSetGroup


@hooks.register("register_admin_viewset")
def register_organisation_admin():
    return OrganisationsViewSetGroup()
