"""Parent links: a school's managers share a plan's materials with parents, who
need no account to read them."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from accounts.reauthentication import require_recent_authentication
from resources import services
from resources.access import parent_link_for_token, parent_links_managed_by, schools_managed_by
from resources.forms import ParentLinkForm


@login_required
@require_GET
def parent_link_list(request):
    """The open links of the schools the user manages, with a way to revoke each."""
    schools = schools_managed_by(request.user)
    if not schools.exists():
        raise Http404("Only a school's managers share plans with parents.")
    links = parent_links_managed_by(request.user).open().select_related("plan", "organisation")
    return render(request, "resources/parent_link_list.html", {"links": list(links)})


@login_required
@require_POST
def parent_link_create(request):
    form = ParentLinkForm(request.POST, schools=schools_managed_by(request.user))
    if not form.is_valid():
        raise Http404("No such plan or school.")
    link = services.parent_link_create(
        organisation=form.cleaned_data["organisation"],
        plan=form.cleaned_data["plan"],
        created_by=request.user,
    )
    messages.success(request, f"Parents of {link.organisation} can now see “{link.plan.title}”")
    return redirect("resources:parent_link_list")


@login_required
@require_POST
def parent_link_revoke(request, pk: int):
    link = get_object_or_404(parent_links_managed_by(request.user).open(), pk=pk)
    require_recent_authentication(request)
    link.revoke()
    messages.success(request, "Link turned off. Anyone who has it will see “Page not found”")
    return redirect("resources:parent_link_list")


@never_cache
@require_GET
def parent_view(request, token: str):
    """A plan's materials for parents: no teacher notes, no log, no sign-in."""
    link = parent_link_for_token(token)
    plan = link.plan
    response = render(
        request,
        "resources/parent_view.html",
        {
            "school": link.organisation,
            "plan": plan,
            "worksheets": plan.worksheets(),
            "documents": list(plan.documents.all().select_related("document")),
            # Document links carry the token: documents are served only to
            # those who may see the plan (resources/documents.py).
            "parent_token": link.token,
        },
    )
    # The token is the key: keep it out of search engines and other sites' logs.
    response["X-Robots-Tag"] = "noindex, nofollow"
    response["Referrer-Policy"] = "no-referrer"
    return response
