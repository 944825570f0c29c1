"""Coverage table cells, written in Python rather than by an include per cell:
the partnership dashboard lists every organisation (200 at the largest), and
an include per cell made the table most of the page's time. Every value is
escaped by ``format_html``."""

from django import template
from django.urls import reverse
from django.utils.html import format_html, format_html_join

register = template.Library()

NUMBER = '<td class="govuk-table__cell govuk-table__cell--numeric">{}</td>'
FIGURES = ("headcount", "members", "assigned", "completed", "due_soon", "overdue", "exempt")
NONE = format_html(
    '<span aria-hidden="true">{}</span><span class="govuk-visually-hidden">{}</span>', "–", "none"
)


def percent(value):
    return NONE if value is None else f"{value}%"


def _target(counts, below: bool):
    """Below or meeting the target, in words and by a shape, never colour alone."""
    if not counts.denominator:
        return format_html('<span class="govuk-body-s">{}</span>', "No one to count")
    if below:
        return format_html(
            '<strong class="govuk-tag govuk-tag--red reports-target">'
            '<span aria-hidden="true">▼ </span>{}</strong>',
            "Below target",
        )
    return format_html(
        '<strong class="govuk-tag govuk-tag--green reports-target">'
        '<span aria-hidden="true">✓ </span>{}</strong>',
        "Meets target",
    )


@register.simple_tag
def coverage_cells(counts, below):
    """The figure cells of one coverage row, then coverage and the target."""
    cells = format_html_join("", NUMBER, ((getattr(counts, name),) for name in FIGURES))
    return format_html(
        '{}<td class="govuk-table__cell govuk-table__cell--numeric">{}</td>'
        '<td class="govuk-table__cell">{}</td>',
        cells,
        percent(counts.coverage),
        _target(counts, below),
    )


@register.simple_tag
def organisation_coverage_row(row):
    """One organisation's row: its name linked to its staff report, sector and
    figures."""
    link = reverse("reports:organisation", args=[row.organisation.pk])
    return format_html(
        '<tr class="govuk-table__row"><th scope="row" class="govuk-table__header">'
        '<a class="govuk-link" href="{}">{}</a></th>'
        '<td class="govuk-table__cell">{}</td>{}</tr>',
        link,
        row.label,
        row.sector_label,
        coverage_cells(row.counts, row.below_target),
    )
