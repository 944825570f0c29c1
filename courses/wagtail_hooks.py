from django.shortcuts import redirect
from wagtail import hooks
from wagtail.admin import messages

from courses.models import Enrolment


@hooks.register("before_delete_page")
def keep_courses_with_learners(request, page):
    """A course that learners have enrolled on cannot be deleted (its enrolments are
    evidence, protected in the database too); the editor is told to unpublish it."""
    if Enrolment.objects.filter(course__path__startswith=page.path).exists():
        messages.error(
            request,
            f"'{page.get_admin_display_title()}' cannot be deleted because learners have "
            "enrolled on a course in it. Unpublish it instead: their records are kept.",
        )
        return redirect("wagtailadmin_explore", page.get_parent().id)
    return None
