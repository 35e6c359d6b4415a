from importlib import import_module

from django.apps import apps
from django.core.management.base import BaseCommand
from django.utils.module_loading import module_has_submodule


class Command(BaseCommand):
    help = (
        "Load the demo content of every app that has some (its demo.load()): a dozen press "
        "releases with their translations, pictures and documents, the topics and the agency's "
        "contacts. Into an empty site only: what staff changed or deleted is left alone."
    )

    def handle(self, *args, **options):
        for app in apps.get_app_configs():
            if module_has_submodule(app.module, "demo"):
                demo = import_module(f"{app.name}.demo")
                # load() says what it did: "created", "already present" or why it left it alone.
                self.stdout.write(f"{demo.CONTENT}: {demo.load()}")
