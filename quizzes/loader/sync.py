"""Writing knowledge checks from their source files, and leaving editors' work alone.

A check is found by its module. It is created if missing, skipped if its
``source_hash`` matches the file, and otherwise refreshed and published only if
it is still exactly as the loader left it (the loader kit's rule,
``kits.content.sync``). A check an editor made in the admin is never replaced.
"""

from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import transaction

from courses.models import CoursePage, ModulePage
from kits.content.source import ContentError
from kits.content.sync import LoadReport, load_outcome, publish
from quizzes.loader.source import QuizSource, read_quiz
from quizzes.models import KnowledgeCheck

CONTENT_ROOT = Path(__file__).resolve().parent.parent / "content"


def _module(course_slug: str, source: QuizSource) -> ModulePage:
    """The module the course loader made from the same course, or failing that the
    module with that slug in the course with that slug."""
    module = ModulePage.objects.filter(source_key=f"{course_slug}/{source.module}").first()
    course = CoursePage.objects.filter(slug=course_slug).first()
    if module is None and course is not None:
        module = ModulePage.objects.child_of(course).filter(slug=source.module).first()
    if module is None:
        raise ContentError(
            f"{source.path}: no module {source.module!r} in course {course_slug!r}. "
            "Load the course first (manage.py load_course_content)."
        )
    return module


def _sync(source: QuizSource, *, module: ModulePage, key: str, report: LoadReport) -> None:
    quiz = KnowledgeCheck.objects.filter(module=module).first()
    outcome = load_outcome(quiz, digest=source.hash)
    if quiz is not None and quiz.source_key != key and outcome != "unchanged":
        outcome = "kept"  # made by an editor in the admin, not by the loader
    report.record(outcome, key)
    if outcome in ("unchanged", "kept"):
        return
    created = outcome == "created"
    if created:
        quiz = KnowledgeCheck(module=module, source_key=key, live=False)
    for name, value in {**source.fields, "source_hash": source.hash}.items():
        setattr(quiz, name, value)
    try:
        quiz.full_clean()
    except ValidationError as error:
        raise ContentError(f"{source.path}: {error}") from error
    if created:
        quiz.save()
    publish(quiz)


@transaction.atomic
def load_knowledge_checks(*, folder: Path) -> LoadReport:
    """Create or refresh the checks in ``folder`` (named after its course's slug),
    one per ``.yaml`` file, each on the module its ``module`` slug names."""
    report = LoadReport()
    for path in sorted(folder.glob("*.yaml")):
        source = read_quiz(path, course_slug=folder.name)
        key = f"{folder.name}/{source.module}"
        _sync(source, module=_module(folder.name, source), key=key, report=report)
    return report
