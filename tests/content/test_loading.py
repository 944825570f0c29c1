"""Every course, printable, knowledge check and lesson plan in the repository
loads, and loading it all again changes nothing."""

from io import StringIO

import pytest
from django.core.management import call_command

from courses.models import CoursePage, ModulePage
from quizzes.models import KnowledgeCheck

pytestmark = pytest.mark.django_db

COMMANDS = ["load_course_content", "load_knowledge_checks", "load_lesson_plans"]


def load_everything() -> str:
    out = StringIO()
    for command in COMMANDS:
        call_command(command, stdout=out)
    return out.getvalue()


def test_all_content_loads_and_a_second_load_changes_nothing(home):
    first = load_everything()
    assert " 0 kept" in first and "created" in first
    courses = set(CoursePage.objects.live().values_list("slug", flat=True))
    assert courses == {
        "cse-awareness",
        "licensed-businesses",
        "delivering-rse-safely",
        "cse-refresher",
    }
    # Every module of every course has its published check.
    modules = ModulePage.objects.live().count()
    assert KnowledgeCheck.objects.filter(live=True).count() == modules == 13
    second = load_everything()
    for line in second.splitlines():
        if "created" in line:
            assert line.split(":", 1)[1].strip().startswith("0 created, 0 updated"), line
