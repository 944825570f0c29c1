"""Admin screens that list what needs a person and offer one action on each row
(retry a stuck certificate, send an email again): a list, and a view that asks
to confirm on GET and acts on POST. Nothing else of the model's admin (add,
edit, delete, copy, inspect) is routed."""

from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.views.generic import TemplateView
from wagtail.admin import messages
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.views import generic
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.admin.viewsets.model import ModelViewSet


class ActionIndexView(generic.IndexView):
    """The list, each row with the action's button for those allowed it."""

    action_url_name = None  # set by the viewset
    action_label = ""
    permission_action = ""

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if self.permission_policy.user_has_permission(self.request.user, self.permission_action):
            url = reverse(self.action_url_name, args=[instance.pk])
            buttons.append(MenuItem(self.action_label, url=url, icon_name="resubmit", priority=10))
        return buttons


class ConfirmActionView(PermissionCheckedMixin, WagtailAdminTemplateMixin, TemplateView):
    """GET asks to confirm; POST calls ``act`` and goes back to the list with
    ``done`` or, when there was nothing to do, ``nothing``. A foreign id is 404."""

    header_icon = "resubmit"
    index_url_name = None  # set by the viewset
    done = "{} is done."
    nothing = "{} has nothing left to do."

    def setup(self, request, *args, pk, **kwargs):
        super().setup(request, *args, pk=pk, **kwargs)
        self.object = get_object_or_404(self.model, pk=pk)

    def act(self, user) -> bool:
        raise NotImplementedError

    def described(self) -> str:
        return str(self.object)

    def post(self, request, *args, **kwargs):
        if self.act(request.user):
            messages.success(request, self.done.format(self.described()))
        else:
            messages.warning(request, self.nothing.format(self.described()))
        return redirect(self.index_url_name)


class ActionListViewSet(ModelViewSet):
    """A model's list of rows needing attention, and ``action_view_class`` at
    ``<action>/<pk>/``."""

    action = "retry"
    action_view_class = ConfirmActionView
    copy_view_enabled = False
    inspect_view_enabled = False

    def get_index_view_kwargs(self, **kwargs):
        kwargs["action_url_name"] = self.get_url_name(self.action)
        return super().get_index_view_kwargs(**kwargs)

    @property
    def action_view(self):
        return self.action_view_class.as_view(index_url_name=self.get_url_name("index"))

    def get_urlpatterns(self):
        kept = [url for url in super().get_urlpatterns() if url.name in ("index", "index_results")]
        return [*kept, path(f"{self.action}/<str:pk>/", self.action_view, name=self.action)]
