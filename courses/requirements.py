"""What a module requires beyond its lessons: the plug-in point for knowledge checks.

Courses cannot import the apps that depend on it, so they register here through
a Wagtail hook instead. Quizzes registers one in ``quizzes/wagtail_hooks.py``:
it returns a ModuleRequirement per knowledge check on the given modules, done
once the enrolment has a passing attempt, in a constant number of queries; and,
when an attempt passes, it calls
``courses.services.enrolment_complete_if_finished(enrolment=...)`` so that passing
the last check completes the course just as finishing the last lesson does.
"""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from wagtail import hooks

MODULE_REQUIREMENTS_HOOK = "courses_module_requirements"


@dataclass(frozen=True)
class ModuleRequirement:
    """One required item in a module that is not a lesson, e.g. a knowledge check."""

    module_id: int
    title: str
    url: str
    done: bool
    noun: str = "check"  # what it is, for "2 lessons and the knowledge check to go"


def module_requirements(*, enrolment, module_ids: Iterable[int]) -> dict[int, list]:
    """Each module's extra requirements, and whether ``enrolment`` (or None, for
    someone not enrolled) has met them, keyed by module id."""
    module_ids = list(module_ids)
    found: dict[int, list[ModuleRequirement]] = defaultdict(list)
    for provider in hooks.get_hooks(MODULE_REQUIREMENTS_HOOK):
        for requirement in provider(enrolment=enrolment, module_ids=module_ids):
            found[requirement.module_id].append(requirement)
    return dict(found)
