"""Knowledge and impact: first-attempt answers to a knowledge check, the
misconceptions behind them, and confidence before and after the course, with
small numbers suppressed."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.views.decorators.http import require_GET

from organisations.models import Sector
from reports.access import partnership_for_reports
from reports.selectors.knowledge import (
    SECTOR_LABELS,
    SUPPRESSED,
    checks_for_reports,
    knowledge_report,
)
from reports.views.common import PeriodForm, export_response

KNOWLEDGE_HEADER = [
    "Sector",
    "Number",
    "Question",
    "Topic",
    "Lesson",
    "First attempts",
    "First-attempt correct (%)",
    "Misconception",
    "Misconception share (%)",
]


class KnowledgeForm(PeriodForm):
    """Which check, which sector, which period. Anything unrecognised is ignored
    with a message, never an error page."""

    check = forms.TypedChoiceField(
        label="Knowledge check", required=False, coerce=int, empty_value=None
    )
    sector = forms.ChoiceField(
        label="Sector", required=False, choices=[("", "All sectors"), *Sector.choices]
    )
    field_order = ["check", "sector", "start", "end"]

    def __init__(self, *args, checks, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["check"].choices = [
            (check.pk, f"{course.title}: {check.title}" if course else check.title)
            for check, course in checks
        ]


def _filters(request):
    checks = checks_for_reports()
    form = KnowledgeForm(request.GET or None, checks=checks)
    valid = form.is_valid()
    if request.GET and not valid:
        messages.warning(request, "Some filters were not recognised and have been ignored.")
    data = form.cleaned_data if valid else {}
    chosen = next(
        (pair for pair in checks if pair[0].pk == data.get("check")),
        checks[0] if checks else (None, None),
    )
    start, end = form.period()
    return form, chosen, data.get("sector") or "", start, end


def _report(partnership, chosen, sector, start, end):
    quiz, course = chosen
    if quiz is None:
        return None
    return knowledge_report(
        partnership=partnership, quiz=quiz, course=course, sector=sector, start=start, end=end
    )


@login_required
@require_GET
def knowledge(request, partnership: int):
    partnership = partnership_for_reports(request.user, partnership)
    form, chosen, sector, start, end = _filters(request)
    return render(
        request,
        "reports/knowledge.html",
        {
            "partnership": partnership,
            "form": form,
            "report": _report(partnership, chosen, sector, start, end),
            "sector_label": SECTOR_LABELS.get(sector, ""),
            "start": start,
            "end": end,
            "suppressed": SUPPRESSED,
            "export_query": request.GET.urlencode() if form.is_valid() else "",
        },
    )


def _cells(figures):
    if figures.suppressed:
        return [SUPPRESSED] * 4
    misconception = figures.misconception
    return [
        figures.first_attempts,
        figures.percent_correct if figures.percent_correct is not None else "",
        misconception[0].text if misconception else "",
        misconception[2] if misconception else "",
    ]


def knowledge_rows(report, sector_label):
    groups = [(sector_label or "All sectors", report.questions)]
    if not sector_label:
        groups += [(entry.label, entry.questions) for entry in report.sectors]
    for label, questions in groups:
        for figures in questions:
            question = figures.item.question
            yield [
                label,
                figures.item.number,
                question.text,
                figures.item.topic,
                question.lesson.title if question.lesson else "",
                *_cells(figures),
            ]


@login_required
@require_GET
def knowledge_export(request, partnership: int, fmt: str):
    """Each question's first-attempt figures for all the sectors shown, then
    for each sector; suppressed cells say so."""
    partnership = partnership_for_reports(request.user, partnership)
    form, chosen, sector, start, end = _filters(request)
    report = _report(partnership, chosen, sector, start, end)
    return export_response(
        request,
        fmt=fmt,
        name=f"knowledge {partnership.name}",
        header=KNOWLEDGE_HEADER,
        rows=knowledge_rows(report, SECTOR_LABELS.get(sector, "")) if report else [],
        instance=partnership,
        what="Knowledge check answers",
        filters={
            "check": chosen[0].pk if chosen[0] else None,
            "sector": sector,
            "start": start.isoformat(),
            "end": end.isoformat(),
        },
    )
