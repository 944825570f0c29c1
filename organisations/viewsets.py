from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup

from organisations.models import Membership, Organisation, Partnership, PartnershipLead


class PartnershipViewSet(ModelViewSet):
    model = Partnership
    icon = "group"
    menu_label = "Partnerships"
    list_display = ["name", "label", "referral_phone"]
    search_fields = ["name"]
    add_to_admin_menu = False


class OrganisationViewSet(ModelViewSet):
    model = Organisation
    icon = "home"
    menu_label = "Organisations"
    list_display = ["name", "sector", "partnership", "headcount"]
    list_filter = ["partnership", "sector"]
    search_fields = ["name"]


class MembershipViewSet(ModelViewSet):
    model = Membership
    icon = "user"
    menu_label = "Memberships"
    list_display = ["user", "organisation", "job_role", "is_manager"]
    list_filter = ["organisation", "is_manager"]
    search_fields = ["user__full_name", "user__email", "job_role"]


class PartnershipLeadViewSet(ModelViewSet):
    model = PartnershipLead
    icon = "crosshairs"
    menu_label = "Partnership leads"
    list_display = ["user", "partnership"]


class OrganisationsViewSetGroup(ModelViewSetGroup):
    menu_label = "Organisations"
    menu_icon = "group"
    menu_order = 300
    items = (
        PartnershipViewSet("partnership_admin"),
        OrganisationViewSet("organisation_admin"),
        MembershipViewSet("membership_admin"),
        PartnershipLeadViewSet("partnership_lead_admin"),
    )
