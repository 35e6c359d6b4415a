"""The news app's system checks, run by `migrate` and `manage.py check --database default` (they ask
the database, so Django runs them only where one is named)."""

from django.core import checks
from django.db import connections

from . import search


def belarusian_search_stems(app_configs, databases=None, **kwargs):
    """On PostgreSQL without the Belarusian dictionary, "навукі" does not find "навука"."""
    return [
        checks.Warning(
            "Belarusian articles are searched word for word (as with PostgreSQL's `simple` "
            f"configuration): the database {connections[alias].settings_dict['NAME']!r} has no "
            "Belarusian Hunspell dictionary, so a word is not found in another form.",
            hint=(
                "Install Debian's hunspell-be where PostgreSQL runs, so that it reads "
                f"tsearch_data/{search.HUNSPELL_FILES}.dict and .affix (README, Search), then run "
                "`manage.py migrate`, which makes the dictionary and indexes the articles again."
            ),
            id="news.W001",
        )
        for alias in databases or ()
        if connections[alias].vendor == "postgresql" and not search.stems_belarusian(alias)
    ]
