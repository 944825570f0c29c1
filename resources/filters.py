"""The library's filters: read from GET parameters, applied to lesson plans.

Filters combine with AND; the values chosen within one filter combine with OR.
Values that are not on the list are dropped, so a hand-edited address never
fails, it just filters on what it can.
"""

from dataclasses import dataclass, fields

from django.db.models import Q
from django.http import QueryDict
from wagtail.models import PageQuerySet

from resources.models.taxonomy import (
    DURATION_BAND_MINUTES,
    YEAR_GROUP_CHOICES,
    DurationBand,
    KeyStage,
    LessonFormat,
    TopicChoice,
)

# GET parameter -> (legend, options); the order here is the order on screen.
FILTER_OPTIONS = {
    "key_stage": ("Key stage", KeyStage.choices),
    "year": ("Year group", [(str(value), label) for value, label in YEAR_GROUP_CHOICES]),
    "topic": ("Topic", TopicChoice.choices),
    "format": ("Format", LessonFormat.choices),
    "duration": ("Duration", DurationBand.choices),
}


@dataclass(frozen=True)
class FilterGroup:
    """One filter as the form shows it: a fieldset of checkboxes."""

    name: str
    legend: str
    options: list[tuple[str, str, bool]]  # value, label, checked

    @property
    def selected_count(self) -> int:
        return sum(checked for _, _, checked in self.options)


@dataclass(frozen=True)
class LibraryFilters:
    key_stage: tuple[str, ...] = ()
    year: tuple[str, ...] = ()
    topic: tuple[str, ...] = ()
    format: tuple[str, ...] = ()
    duration: tuple[str, ...] = ()

    @classmethod
    def from_query(cls, query: QueryDict) -> "LibraryFilters":
        """Keep the known values of each filter, each once, in list order."""
        chosen = {}
        for name, (_, options) in FILTER_OPTIONS.items():
            asked = set(query.getlist(name))
            chosen[name] = tuple(value for value, _ in options if value in asked)
        return cls(**chosen)

    @property
    def active(self) -> bool:
        return any(getattr(self, f.name) for f in fields(self))

    def groups(self) -> list[FilterGroup]:
        return [
            FilterGroup(
                name=name,
                legend=legend,
                options=[(value, label, value in getattr(self, name)) for value, label in options],
            )
            for name, (legend, options) in FILTER_OPTIONS.items()
        ]


def _any_of(conditions: list[Q]) -> Q:
    combined = Q()
    for condition in conditions:
        combined |= condition
    return combined


def _minutes_in(band: str) -> Q:
    low, high = DURATION_BAND_MINUTES[band]
    condition = Q()
    if low is not None:
        condition &= Q(duration_minutes__gte=low)
    if high is not None:
        condition &= Q(duration_minutes__lte=high)
    return condition


class LessonPlanQuerySet(PageQuerySet):
    def matching(self, filters: LibraryFilters) -> "LessonPlanQuerySet":
        """Plans that pass every active filter (one query, however many match)."""
        plans = self
        if filters.key_stage:
            plans = plans.filter(key_stage__in=filters.key_stage)
        if filters.year:
            years = [int(year) for year in filters.year]
            plans = plans.filter(
                _any_of([Q(year_from__lte=year, year_to__gte=year) for year in years])
            )
        if filters.topic:
            # A subquery rather than a join, so a plan with two chosen topics
            # appears once without DISTINCT.
            tagged = self.model.topics.through.objects.filter(topic__slug__in=filters.topic)
            plans = plans.filter(pk__in=tagged.values("lessonplanpage_id"))
        if filters.format:
            plans = plans.filter(lesson_format__in=filters.format)
        if filters.duration:
            plans = plans.filter(_any_of([_minutes_in(band) for band in filters.duration]))
        return plans
