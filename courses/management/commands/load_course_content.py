from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Site

from courses.loader.pages import CONTENT_ROOT, load_course
from courses.loader.printables import PRINTABLES_ROOT, load_printables
from courses.models import CourseIndexPage
from kits.content.source import ContentError


class Command(BaseCommand):
    help = (
        "Create or refresh the courses in courses/content/ as published pages. Safe to "
        "run again: unchanged files change nothing, and pages an editor has changed "
        "are left alone."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "courses", nargs="*", help="Course folder names (default: every course)."
        )

    def handle(self, *args, **options):
        site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
        home = site.root_page.specific if site else None
        if home is None or not CourseIndexPage.can_exist_under(home):
            raise CommandError("There is no home page yet: run `manage.py seed_demo` first.")
        if PRINTABLES_ROOT.is_dir():
            try:
                report = load_printables(home=home)
            except ContentError as error:
                raise CommandError(str(error)) from error
            self.stdout.write(self.style.SUCCESS(f"printables: {report.summary()} pages."))
        names = options["courses"] or sorted(
            path.name for path in CONTENT_ROOT.iterdir() if (path / "course.md").exists()
        )
        for name in names:
            folder = CONTENT_ROOT / name
            if not (folder / "course.md").exists():
                raise CommandError(f"No course at {folder}")
            try:
                report = load_course(folder=folder, home=home)
            except ContentError as error:
                raise CommandError(str(error)) from error
            self.stdout.write(self.style.SUCCESS(f"{name}: {report.summary()} pages."))
            for key in report.kept:
                self.stdout.write(f"  kept {key}: changed by an editor since it was loaded")
