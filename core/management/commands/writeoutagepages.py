from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand
from django.template.loader import render_to_string
from django.utils import translation


class Command(BaseCommand):
    help = (
        "Write the outage page, in each language, into the static files' folder "
        "(outage/<language>.html), for nginx to serve when no instance answers. "
        "Run after collectstatic."
    )

    def handle(self, **options):
        folder = Path(settings.STATIC_ROOT) / "outage"
        folder.mkdir(parents=True, exist_ok=True)
        for code, _name in settings.LANGUAGES:
            with translation.override(code):
                (folder / f"{code}.html").write_text(render_to_string("503.html"))
        if options["verbosity"]:
            self.stdout.write(f"Outage pages written to {folder}.")
