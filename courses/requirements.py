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
# The same for many enrolments at once (My learning): a provider takes
# ``enrolments`` and ``module_ids`` and returns {enrolment id: [requirement, ...]}
# in a constant number of queries.
MODULE_REQUIREMENTS_MANY_HOOK = "courses_module_requirements_many"


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


def module_requirements_many(*, enrolments, module_ids: Iterable[int]) -> dict[int, dict]:
    """``module_requirements`` for each of ``enrolments``, keyed by enrolment id,
    in a constant number of queries whatever the number of enrolments."""
    module_ids = list(module_ids)
    found: dict[int, dict[int, list]] = {e.pk: defaultdict(list) for e in enrolments}
    for provider in hooks.get_hooks(MODULE_REQUIREMENTS_MANY_HOOK):
        for enrolment_id, requirements in provider(
            enrolments=enrolments, module_ids=module_ids
        ).items():
            for requirement in requirements:
                found[enrolment_id][requirement.module_id].append(requirement)
    return {pk: dict(by_module) for pk, by_module in found.items()}
