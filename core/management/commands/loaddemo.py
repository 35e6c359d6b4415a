from importlib import import_module

from django.apps import apps
from django.core.management.base import BaseCommand
from django.utils.module_loading import module_has_submodule


class Command(BaseCommand):
    help = (
        "Load the demo content of every app that has some (its demo.load()): the seed press "
        "release, the topics and the agency's contacts. Idempotent."
    )

    def handle(self, *args, **options):
        for app in apps.get_app_configs():
            if module_has_submodule(app.module, "demo"):
                demo = import_module(f"{app.name}.demo")
                created = demo.load()
                self.stdout.write(f"{demo.CONTENT}: {'created' if created else 'already present'}")
