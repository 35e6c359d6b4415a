"""Two translators at once, each in a connection of its own and outside any test transaction."""

import threading
import time

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, transaction

from news.models import Article
from news.translating import translate

# The tests' SQLite database lives in memory, where a second writer fails at once ("table is
# locked") instead of waiting as it does on the site's file (tested through gunicorn elsewhere).
on_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="concurrent writers need a database server (CI runs it on PostgreSQL)",
)


@on_postgresql
@pytest.mark.django_db(transaction=True)
def test_two_translations_into_one_language_at_once_make_one_draft(make_article, admin_user):
    # Outside a test transaction the roles' groups may be gone (an earlier such test flushed the
    # database): a superuser stands for any translator.
    original = make_article(language="en")
    into_russian = lambda: translate(original, "ru", admin_user)  # noqa: E731
    assert at_once(into_russian, into_russian) == ["done", "refused"]
    assert Article.objects.filter(translation_key=original.translation_key).count() == 2


def at_once(*steps):
    """Run each step in a thread of its own (its own connection), started together: what each
    gave ("done", "refused") or the error it raised."""
    start = threading.Barrier(len(steps))
    outcomes = []

    def run(step):
        try:
            start.wait()
            step()
            outcomes.append("done")
        except ValidationError:
            outcomes.append("refused")
        except Exception as error:  # noqa: BLE001 (anything else is the failure under test)
            outcomes.append(repr(error))
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(step,)) for step in steps]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return sorted(outcomes)


@on_postgresql
@pytest.mark.django_db(transaction=True)
def test_two_versions_changed_into_one_language_at_once_give_a_form_error(make_article):
    first = make_article(language="ru", status=Article.Status.DRAFT)
    second = make_article(
        language="en", status=Article.Status.DRAFT, translation_key=first.translation_key
    )

    def into_belarusian(article):
        def step():
            with transaction.atomic():  # as the admin saves
                article.language = "be"
                article.full_clean()
                time.sleep(0.3)  # the other save checks meanwhile
                article.save()

        return step

    assert at_once(into_belarusian(first), into_belarusian(second)) == ["done", "refused"]


@on_postgresql
@pytest.mark.django_db(transaction=True)
def test_two_translations_wanting_one_address_at_once_never_fail_with_an_error(
    make_article, admin_user
):
    # Both addresses are cut to the same 190 characters before their language is added.
    originals = [make_article(language="ru", slug="x" * length) for length in (195, 196)]
    outcomes = at_once(
        *(lambda o=original: translate(o, "en", admin_user) for original in originals)
    )
    assert set(outcomes) <= {"done", "refused"} and "done" in outcomes
