"""What an attack found in the file cache: a folder it may not make took every page down."""

import pytest

from tests.news.test_attack_newsroom import quiet

pytestmark = pytest.mark.django_db


def test_a_file_cache_whose_folder_cannot_be_made_serves_from_the_database(
    settings, tmp_path, client
):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")  # as a read-only parent or a folder the app user may not create
    original = settings.CACHES
    settings.CACHES = {
        "default": {
            "BACKEND": "pagecache.backends.ResilientFileBasedCache",
            "LOCATION": str(blocker / "cache"),
        }
    }
    try:
        response = quiet(client).get("/healthz")
        assert response.status_code == 200, response.status_code  # 500 today, every page too
        assert quiet(client).get("/en/").status_code == 200
    finally:
        settings.CACHES = original
