from django.core.management.base import BaseCommand

from lms.demo import DEMO_USERS, seed_demo


class Command(BaseCommand):
    help = "Create the demo partnership, organisations, home page and one user per role."

    def handle(self, *args, **options):
        created = seed_demo()
        summary = ", ".join(f"{count} {kind}" for kind, count in created.items())
        self.stdout.write(self.style.SUCCESS(f"Demo content ready ({summary} added)."))
        self.stdout.write("\nDemo accounts (email / password):")
        for demo in DEMO_USERS:
            self.stdout.write(f"  {demo.role:<22} {demo.email:<40} {demo.password}")
        self.stdout.write(
            "\nThe managers, the lead, the editor and the administrator see other "
            "people's records, so they are asked to set up two-factor authentication "
            "when they first sign in."
        )
