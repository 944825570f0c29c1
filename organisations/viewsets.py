from wagtail.admin.panels import FieldPanel
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup

from accounts.choosers import UserChooserWidget
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
    list_display = ["user", "organisation", "state", "group", "job_role", "is_manager"]
    list_filter = ["state", "is_manager"]
    search_fields = ["user__full_name", "user__email", "job_role"]
    # A chooser, not a select of every user in the system.
    panels = [
        FieldPanel("user", widget=UserChooserWidget),
        FieldPanel("organisation"),
        FieldPanel("state"),
        FieldPanel("group"),
        FieldPanel("job_role"),
        FieldPanel("is_manager"),
        FieldPanel("joined_at"),
        FieldPanel("left_at"),
        FieldPanel("left_reason"),
    ]

    def get_queryset(self, request):
        return Membership.objects.select_related("user", "organisation", "group")


class PartnershipLeadViewSet(ModelViewSet):
    model = PartnershipLead
    icon = "crosshairs"
    menu_label = "Partnership leads"
    list_display = ["user", "partnership"]
    panels = [FieldPanel("user", widget=UserChooserWidget), FieldPanel("partnership")]


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
