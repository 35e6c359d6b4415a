"""Two translators at once, each in a connection of its own and outside any test transaction."""

import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from news.models import Article
from news.translating import translate


# The tests' SQLite database lives in memory, where a second writer fails at once ("table is
# locked") instead of waiting as it does on the site's file (tested through gunicorn elsewhere).
@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="concurrent writers need a database server (CI runs it on PostgreSQL)",
)
@pytest.mark.django_db(transaction=True)
def test_two_translations_into_one_language_at_once_make_one_draft(make_article, admin_user):
    # Outside a test transaction the roles' groups may be gone (an earlier such test flushed the
    # database): a superuser stands for any translator.
    original = make_article(language="en")
    start = threading.Barrier(2)
    outcomes = []

    def translator():
        try:
            start.wait()
            translate(original, "ru", admin_user)
            outcomes.append("draft")
        except ValidationError:
            outcomes.append("refused")
        except Exception as error:  # noqa: BLE001 (anything else is the failure under test)
            outcomes.append(repr(error))
        finally:
            connection.close()

    threads = [threading.Thread(target=translator) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert sorted(outcomes) == ["draft", "refused"]
    assert Article.objects.filter(translation_key=original.translation_key).count() == 2
