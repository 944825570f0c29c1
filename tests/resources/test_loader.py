import shutil

import pytest
from django.core.management import CommandError, call_command
from wagtail.models import Revision

from lms.models import HomePage
from resources.loader import CONTENT_DIR, lesson_plans_load
from resources.models import LessonPlanPage, ResourceIndexPage
from resources.sources import lesson_plan_source_read
from tests.accounts.factories import UserFactory

pytestmark = pytest.mark.django_db

CONSENT = "ks3-consent-getting-and-giving.md"
GANGS = "ks4-gangs-and-groups.md"


@pytest.fixture
def sources(tmp_path):
    for name in (CONSENT, GANGS):
        shutil.copy(CONTENT_DIR / name, tmp_path / name)
    return tmp_path


def test_every_lesson_plan_in_the_repository_loads(home, modules):
    report = lesson_plans_load()
    assert report.errors == []
    assert len(report.created) >= 8
    plans = LessonPlanPage.objects.live()
    assert plans.count() == len(report.created)
    index = ResourceIndexPage.objects.get()
    assert index.slug == "schools" and index.live
    assert all(plan.get_parent().pk == index.pk for plan in plans)
    assert HomePage.objects.get().resources_page_id == index.pk
    consent = plans.get(slug="ks3-consent-getting-and-giving")
    assert consent.key_stage == "ks3" and (consent.year_from, consent.year_to) == (8, 9)
    assert {t.slug for t in consent.topics.all()} == {
        "consent",
        "healthy-relationships",
        "peer-pressure",
    }
    assert consent.lesson_format == "scenarios" and consent.duration_minutes == 55
    assert [b.block_type for b in consent.activities][:2] == ["notes", "step"]
    assert "<b>If a pupil discloses:</b>" in consent.safeguarding_notes
    assert [b.value.pk for b in consent.related_modules] == [modules[0].pk, modules[1].pk]


def test_a_plan_loaded_before_its_course_gains_the_links_on_the_next_run(home, sources):
    from tests.resources.conftest import module_pages

    lesson_plans_load(directory=sources)
    consent = LessonPlanPage.objects.get(slug="ks3-consent-getting-and-giving")
    assert list(consent.related_modules) == []
    loaded = module_pages(home)
    report = lesson_plans_load(directory=sources)
    assert "ks3-consent-getting-and-giving" in report.updated
    consent.refresh_from_db()
    assert [b.value.pk for b in consent.related_modules] == [loaded[0].pk, loaded[1].pk]


def test_a_second_run_changes_nothing(home, sources):
    lesson_plans_load(directory=sources)
    revisions = Revision.objects.count()
    stamps = dict(LessonPlanPage.objects.values_list("pk", "last_published_at"))
    report = lesson_plans_load(directory=sources)
    assert report.created == report.updated == []
    assert sorted(report.unchanged) == ["ks3-consent-getting-and-giving", "ks4-gangs-and-groups"]
    assert Revision.objects.count() == revisions
    assert dict(LessonPlanPage.objects.values_list("pk", "last_published_at")) == stamps


def test_a_changed_source_updates_its_page(home, sources):
    lesson_plans_load(directory=sources)
    path = sources / CONSENT
    path.write_text(path.read_text().replace("duration_minutes: 55", "duration_minutes: 50"))
    report = lesson_plans_load(directory=sources)
    assert report.updated == ["ks3-consent-getting-and-giving"]
    assert report.unchanged == ["ks4-gangs-and-groups"]
    page = LessonPlanPage.objects.get(slug="ks3-consent-getting-and-giving")
    assert page.duration_minutes == 50 and page.live and not page.has_unpublished_changes


def test_a_page_an_editor_changed_is_left_alone(home, sources):
    lesson_plans_load(directory=sources)
    page = LessonPlanPage.objects.get(slug="ks3-consent-getting-and-giving")
    page.title = "Consent (edited by the partnership)"
    page.slug = "consent"
    page.save_revision(user=UserFactory(is_staff=True)).publish()
    path = sources / CONSENT
    path.write_text(path.read_text().replace("duration_minutes: 55", "duration_minutes: 50"))
    report = lesson_plans_load(directory=sources)
    assert report.kept == ["ks3-consent-getting-and-giving"]
    page.refresh_from_db()
    assert page.title == "Consent (edited by the partnership)"
    assert page.duration_minutes == 55
    assert LessonPlanPage.objects.count() == 2  # no second copy under the old slug


def test_an_unpublished_page_stays_unpublished(home, sources):
    lesson_plans_load(directory=sources)
    page = LessonPlanPage.objects.get(slug="ks4-gangs-and-groups")
    page.unpublish()
    path = sources / GANGS
    path.write_text(path.read_text() + "\nMore notes.\n")
    assert lesson_plans_load(directory=sources).kept == ["ks4-gangs-and-groups"]
    assert not LessonPlanPage.objects.get(pk=page.pk).live


@pytest.mark.parametrize("hold", ["lock", "draft"])
def test_a_plan_an_editor_has_locked_or_drafted_is_left_alone(home, sources, hold):
    lesson_plans_load(directory=sources)
    page = LessonPlanPage.objects.get(slug="ks4-gangs-and-groups")
    editor = UserFactory(is_staff=True)
    if hold == "lock":
        page.locked, page.locked_by = True, editor
        page.save()
    else:
        page.title = "Gangs and groups (draft in hand)"
        page.save_revision(user=editor)
    path = sources / GANGS
    path.write_text(path.read_text() + "\nA new paragraph of notes.\n")
    report = lesson_plans_load(directory=sources)
    assert report.kept == ["ks4-gangs-and-groups"]
    page.refresh_from_db()
    assert "A new paragraph of notes." not in str(page.activities.raw_data)
    assert page.get_latest_revision().user_id == editor.pk or page.locked


@pytest.mark.parametrize(
    ("find", "replace", "message"),
    [
        ("key_stage: ks3", "key_stage: ks9", "unknown key_stage"),
        ("year_groups: [8, 9]", "year_groups: [6, 7]", "not all in ks3"),
        ("  - consent\n", "  - kindness\n", "unknown or missing topics"),
        ("type: worksheet", "type: quiz", "unknown block type"),
        ("minutes: 15\n", "", "step block lacks minutes"),
        ("---\ntitle", "title", "must start with '---' front matter"),
    ],
)
def test_a_format_error_is_reported_and_the_rest_still_load(home, sources, find, replace, message):
    path = sources / CONSENT
    text = path.read_text()
    assert find in text
    path.write_text(text.replace(find, replace, 1))
    report = lesson_plans_load(directory=sources)
    assert report.created == ["ks4-gangs-and-groups"]
    assert len(report.errors) == 1
    assert CONSENT in report.errors[0] and message in report.errors[0]


def test_the_command_reports_and_fails_on_errors(home, sources, capsys):
    call_command("load_lesson_plans", directory=sources)
    assert "2 created, 0 updated, 0 unchanged" in capsys.readouterr().out
    (sources / "broken.md").write_text("no front matter")
    with pytest.raises(CommandError, match="broken.md"):
        call_command("load_lesson_plans", directory=sources)
    assert "0 created, 0 updated, 2 unchanged" in capsys.readouterr().out


def test_markdown_becomes_sanitised_rich_text(tmp_path):
    path = tmp_path / "plan.md"
    text = (CONTENT_DIR / CONSENT).read_text()
    path.write_text(
        text.replace("differentiation: |\n", "differentiation: |\n  <script>alert(1)</script>\n", 1)
    )
    source = lesson_plan_source_read(path)
    assert "<script>" not in source.fields["differentiation"]
    assert "<ul>" in source.fields["differentiation"]
