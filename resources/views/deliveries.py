"""The delivery log: teachers log, list, edit and delete their lessons; those
who see a school's whole log list and export it."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.utils.text import slugify
from django.views.decorators.http import require_GET, require_http_methods

from accounts.reauthentication import require_recent_authentication
from resources import services
from resources.access import (
    delivery_for_editing,
    school_log_for_user,
    schools_for_teacher,
    schools_with_log_visible_to,
)
from resources.export import csv_lines, delivery_rows
from resources.forms import DeliveryForm
from resources.selectors.deliveries import (
    deliveries_of_school,
    deliveries_of_teacher,
    delivery_export_rows,
)

PAGE_SIZE = 50
FIELDS = ["organisation", "plan", "year_group", "class_name", "delivered_on", "pupils", "notes"]


def _page(request, deliveries):
    return Paginator(deliveries, PAGE_SIZE).get_page(request.GET.get("page"))


@login_required
@require_GET
def delivery_list(request):
    """The lessons the user logged, and the schools whose whole log they see."""
    return render(
        request,
        "resources/delivery_list.html",
        {
            "deliveries": _page(request, deliveries_of_teacher(user=request.user)),
            "schools": list(schools_with_log_visible_to(request.user)),
            "can_log": schools_for_teacher(request.user).exists(),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def delivery_create(request):
    schools = schools_for_teacher(request.user)
    if not schools.exists():
        raise Http404("Only teachers at a school can log lessons.")
    initial = {"plan": request.GET.get("plan")} if request.GET.get("plan", "").isdigit() else {}
    form = DeliveryForm(request.POST or None, schools=schools, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.delivery_create(
                teacher=request.user,
                submission_token=data["submission_token"],
                confirm_duplicate=data["confirm_duplicate"],
                **{name: data[name] for name in FIELDS},
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, "Lesson logged")
            return redirect("resources:delivery_list")
    return render(request, "resources/delivery_form.html", {"form": form, "creating": True})


@login_required
@require_http_methods(["GET", "POST"])
def delivery_edit(request, pk: int):
    delivery = delivery_for_editing(request.user, pk)
    form = DeliveryForm(
        request.POST or None, instance=delivery, schools=schools_for_teacher(request.user)
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.delivery_update(
                delivery=delivery,
                confirm_duplicate=data["confirm_duplicate"],
                **{name: data[name] for name in FIELDS},
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, "Lesson updated")
            return redirect("resources:delivery_list")
    return render(request, "resources/delivery_form.html", {"form": form, "delivery": delivery})


@login_required
@require_http_methods(["GET", "POST"])
def delivery_delete(request, pk: int):
    delivery = delivery_for_editing(request.user, pk)
    if request.method == "POST":
        delivery.delete()
        messages.success(request, "Lesson deleted from your log")
        return redirect("resources:delivery_list")
    return render(request, "resources/delivery_confirm_delete.html", {"delivery": delivery})


@login_required
@require_GET
def school_log(request, school_id: int):
    """Every lesson logged at a school, for its managers and partnership leads."""
    school = school_log_for_user(request.user, school_id)
    return render(
        request,
        "resources/school_log.html",
        {"school": school, "deliveries": _page(request, deliveries_of_school(school=school))},
    )


@login_required
@require_GET
def school_log_export(request, school_id: int):
    """The school's log as CSV, streamed row by row so any size fits in memory."""
    school = school_log_for_user(request.user, school_id)
    require_recent_authentication(request)  # personal data leaves the service
    rows = delivery_rows(delivery_export_rows(school=school))
    response = StreamingHttpResponse(csv_lines(rows), content_type="text/csv; charset=utf-8")
    filename = f"rse-delivery-log-{slugify(school.name) or school.pk}.csv"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    return response
