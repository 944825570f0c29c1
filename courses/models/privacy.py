"""Page privacy (Wagtail's view restrictions) checked in fewer queries.

Serving a lesson must stay within a small, constant query budget (design.md).
Wagtail checks privacy in two queries (the ancestors, then their restrictions);
course pages answer the same question in one, or in none when the route that
found the page already knew that nothing restricts it.
"""

from django.db.models import Exists, OuterRef, Q
from django.db.models.functions import Length, Substr
from wagtail.models import PageViewRestriction


def restrictions_apply():
    """An expression for a page query: True when a view restriction is set on the
    page or an ancestor (their paths are prefixes of its path), or on the
    original of an alias among them. For pages that are not aliases themselves."""

    def prefix_of_outer(field):
        return Substr(OuterRef("path"), 1, Length(field))

    return Exists(
        PageViewRestriction.objects.filter(
            Q(page__path=prefix_of_outer("page__path"))
            | Q(page__aliases__path=prefix_of_outer("page__aliases__path"))
        )
    )


class ViewRestrictionsInOneQuery:
    def get_view_restrictions(self):
        if self.alias_of_id:
            return super().get_view_restrictions()
        if getattr(self, "restricted", None) is False:
            # Annotated by CourseIndexPage.route with restrictions_apply().
            return PageViewRestriction.objects.none()
        paths = [self.path[: self.steplen * depth] for depth in range(1, self.depth + 1)]
        return PageViewRestriction.objects.filter(
            Q(page__path__in=paths) | Q(page__aliases__path__in=paths)
        ).distinct()
