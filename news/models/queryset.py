from django.db import models
from django.db.models import Min, Q
from django.utils import timezone

from .. import search
from .field_groups import TYPED_TEXT
from .states import State, Status, state_conditions


class ArticleQuerySet(models.QuerySet):
    def in_state(self, state):
        return self.filter(state_conditions(timezone.now())[state])

    def published(self):
        """The one definition of what the public may see."""
        return self.in_state(State.LIVE).defer(*search.COLUMNS)

    def written_in(self, language):
        """The articles of one language's pages: its lists, feeds, search and home page."""
        return self.filter(language=language)

    def on_record(self):
        """Published or withdrawn: the articles whose address answers the public (200 or 410)."""
        now = timezone.now()
        return self.filter(
            state_conditions(now)[State.LIVE] | Q(status=Status.WITHDRAWN, pub_date__lte=now)
        ).defer(*search.COLUMNS)

    def update_search_index(self):
        """Rebuild these articles' search columns: after a bulk load (which skips save()), or once
        their language's text-search configuration has changed (search.prepare_languages)."""
        articles = list(self.only("pk", "language", *TYPED_TEXT))
        for article in articles:
            article.index_for_search()
        self.bulk_update(articles, search.COLUMNS, batch_size=500)
        return len(articles)

    def next_change(self):
        """The next moment an article goes live or expires: nothing public may be cached past it."""
        now = timezone.now()
        upcoming = self.filter(status=Status.PUBLISHED).aggregate(
            go_live=Min("pub_date", filter=Q(pub_date__gt=now)),
            expiry=Min("expires_at", filter=Q(expires_at__gt=now)),
        )
        return min(filter(None, upcoming.values()), default=None)
