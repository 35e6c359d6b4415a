from django.core.management.base import BaseCommand

from contacts import demo as contacts_demo
from news import demo as news_demo


class Command(BaseCommand):
    help = (
        "Load the demo content: the seed press release, the topics and the agency's contacts. "
        "Idempotent."
    )

    def handle(self, *args, **options):
        loaders = {"seed article": news_demo.load, "agency contacts": contacts_demo.load}
        for name, load in loaders.items():
            created = load()
            self.stdout.write(f"{name}: {'created' if created else 'already present'}")
