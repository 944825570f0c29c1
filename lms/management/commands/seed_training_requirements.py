from django.core.management.base import BaseCommand

from lms.demo_compliance import seed_compliance_demo


class Command(BaseCommand):
    help = "Require the CSE course of the demo partnership (after load_course_content)."

    def handle(self, *args, **options):
        summary = seed_compliance_demo()
        self.stdout.write(self.style.SUCCESS(f"Demo mandatory training: {summary}."))
