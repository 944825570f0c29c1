"""Coverage table cells, written in Python rather than by an include per cell:
the partnership dashboard lists every organisation (200 at the largest), and
building its rows was most of the page's time.

Each row is one ``format_html`` call over a markup pattern built once. The
whole-number figures are written into the pattern first with ``%d`` (which
takes nothing but numbers), so only the text (name, sector, link) pays for
escaping."""

from django import template
from django.urls import get_script_prefix, reverse
from django.utils.html import format_html

register = template.Library()

FIGURES = ("headcount", "members", "assigned", "completed", "due_soon", "overdue", "exempt")
NUMBER = '<td class="govuk-table__cell govuk-table__cell--numeric">{}</td>'
WHOLE = NUMBER.replace("{}", "%d")
CELLS = WHOLE * len(FIGURES) + NUMBER + '<td class="govuk-table__cell">{}</td>'
ROW = (
    '<tr class="govuk-table__row"><th scope="row" class="govuk-table__header">'
    '<a class="govuk-link" href="{}">{}</a></th>'
    '<td class="govuk-table__cell">{}</td>' + CELLS + "</tr>"
)
NONE = format_html(
    '<span aria-hidden="true">{}</span><span class="govuk-visually-hidden">{}</span>', "–", "none"
)
# Below or meeting the target, in words and by a shape, never colour alone.
NO_ONE = format_html('<span class="govuk-body-s">{}</span>', "No one to count")
BELOW = format_html(
    '<strong class="govuk-tag govuk-tag--red reports-target">'
    '<span aria-hidden="true">▼ </span>{}</strong>',
    "Below target",
)
MEETS = format_html(
    '<strong class="govuk-tag govuk-tag--green reports-target">'
    '<span aria-hidden="true">✓ </span>{}</strong>',
    "Meets target",
)
# The organisation's staff report, from a link reversed once per script
# prefix: a reverse() for each of 200 rows was a tenth of the page's time.
PLACEHOLDER = "2147483647"
_links: dict[str, str] = {}


def percent(value):
    return NONE if value is None else f"{value}%"


def organisation_link(pk: int) -> str:
    prefix = get_script_prefix()
    if prefix not in _links:
        _links[prefix] = reverse("reports:organisation", args=[PLACEHOLDER])
    return _links[prefix].replace(PLACEHOLDER, str(int(pk)))


def _figures(counts) -> tuple:
    return tuple(getattr(counts, name) for name in FIGURES)


def _rest(counts, below: bool) -> tuple:
    """Coverage, then the target in words."""
    target = NO_ONE if not counts.denominator else BELOW if below else MEETS
    return percent(counts.coverage), target


@register.simple_tag
def coverage_cells(counts, below):
    """The figure cells of one coverage row, then coverage and the target."""
    return format_html(CELLS % _figures(counts), *_rest(counts, below))


@register.simple_tag
def organisation_coverage_row(row):
    """One organisation's row: its name linked to its staff report, sector and
    figures."""
    return format_html(
        ROW % _figures(row.counts),
        organisation_link(row.organisation.pk),
        row.label,
        row.sector_label,
        *_rest(row.counts, row.below_target),
    )
