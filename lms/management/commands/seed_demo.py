from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from lms.demo import DEMO_USERS, seed_demo


class Command(BaseCommand):
    help = "Create the demo partnership, organisations, home page and one user per role."

    def add_arguments(self, parser):
        parser.add_argument(
            "--allow-demo-accounts",
            action="store_true",
            help="Run even with DEBUG off. The demo accounts (a superuser among them) "
            "have published passwords: never use this on a site people can reach.",
        )

    def handle(self, *args, **options):
        # The demo passwords are in the README, so a superuser made with one on a
        # reachable site is an open door.
        if not (settings.DEBUG or options["allow_demo_accounts"]):
            raise CommandError(
                "seed_demo creates accounts with published passwords, including a "
                "superuser, so it runs only with DEBUG on. Pass --allow-demo-accounts "
                "to run it on a private test site."
            )
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
