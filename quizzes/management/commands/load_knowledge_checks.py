from django.core.management.base import BaseCommand, CommandError

from kits.content.source import ContentError
from quizzes.loader.sync import CONTENT_ROOT, load_knowledge_checks


class Command(BaseCommand):
    help = (
        "Create or refresh the knowledge checks in quizzes/content/<course>/ on their "
        "modules, published. Run it after load_course_content. Safe to run again: "
        "unchanged files change nothing, and checks an editor has changed are left alone."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "courses", nargs="*", help="Course folder names (default: every course)."
        )

    def handle(self, *args, **options):
        names = options["courses"] or sorted(p.name for p in CONTENT_ROOT.iterdir() if p.is_dir())
        for name in names:
            folder = CONTENT_ROOT / name
            if not folder.is_dir():
                raise CommandError(f"No knowledge checks at {folder}")
            try:
                report = load_knowledge_checks(folder=folder)
            except ContentError as error:
                raise CommandError(str(error)) from error
            self.stdout.write(self.style.SUCCESS(f"{name}: {report.summary()} knowledge checks."))
            for key in report.kept:
                self.stdout.write(f"  kept {key}: changed by an editor since it was loaded")
