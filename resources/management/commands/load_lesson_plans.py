from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from resources.loader import CONTENT_DIR, lesson_plans_load


class Command(BaseCommand):
    help = "Create or update the lesson plan pages from resources/content/lesson-plans/."

    def add_arguments(self, parser):
        parser.add_argument("--directory", type=Path, default=CONTENT_DIR)

    def handle(self, *args, directory: Path, **options):
        if not directory.is_dir():
            raise CommandError(f"No such directory: {directory}")
        report = lesson_plans_load(directory=directory)
        self.stdout.write(
            f"Lesson plans: {len(report.created)} created, {len(report.updated)} updated, "
            f"{len(report.unchanged)} unchanged, {len(report.kept)} left alone "
            "(changed in the admin)."
        )
        for slug in report.kept:
            self.stdout.write(f"  left alone: {slug}")
        if report.errors:
            raise CommandError("Some lesson plans could not be read:\n" + "\n".join(report.errors))
