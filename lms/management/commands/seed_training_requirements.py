from django.core.management.base import BaseCommand

from lms.demo_compliance import seed_compliance_demo
from lms.demo_reports import seed_reports_demo


class Command(BaseCommand):
    help = (
        "Require the CSE course of the demo partnership (after load_course_content), "
        "and give its reports a year of snapshots."
    )

    def handle(self, *args, **options):
        summary = seed_compliance_demo()
        self.stdout.write(self.style.SUCCESS(f"Demo mandatory training: {summary}."))
        history = seed_reports_demo()
        self.stdout.write(self.style.SUCCESS(f"Demo report snapshots: {history}."))
