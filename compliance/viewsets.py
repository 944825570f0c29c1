"""The Wagtail admin for requirements (administrators). Saving one recomputes
its audience on commit, as the leads' screen does; retiring happens there."""

from django.db import transaction
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet

from compliance.models import Requirement


def _recompute_on_commit(requirement) -> None:
    from compliance.tasks import recompute_requirement

    transaction.on_commit(lambda: recompute_requirement.delay(requirement.pk))


class RequirementCreateView(generic.CreateView):
    def save_instance(self):
        instance = super().save_instance()
        instance.created_by = instance.created_by or self.request.user
        instance.save(update_fields=["created_by"])
        _recompute_on_commit(instance)
        return instance


class RequirementEditView(generic.EditView):
    def save_instance(self):
        instance = super().save_instance()
        _recompute_on_commit(instance)
        return instance


class RequirementViewSet(ModelViewSet):
    model = Requirement
    icon = "tasks"
    menu_label = "Mandatory training"
    add_to_admin_menu = True
    menu_order = 310
    add_view_class = RequirementCreateView
    edit_view_class = RequirementEditView
    inspect_view_enabled = True
    copy_view_enabled = False
    form_fields = [
        "partnership",
        "owner_organisation",
        "course",
        "renewal_course",
        "organisations",
        "groups",
        "starts_on",
        "due_within_days",
        "due_by",
        "validity_months",
        "window_days",
    ]
    list_display = [
        Column("course", label="Course"),
        "partnership",
        DateColumn("starts_on", label="Starts"),
        DateColumn("retired_at", label="Retired"),
    ]
    list_filter = ["partnership"]
