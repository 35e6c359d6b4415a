from django.core.management.base import BaseCommand

from news.models import Article


class Command(BaseCommand):
    help = (
        "Rebuild the search columns of every article. Run it after changing DJANGO_LANGUAGE_CODE: "
        "on PostgreSQL the search vector is made with that language's text-search configuration."
    )

    def handle(self, **options):
        count = Article.objects.all().update_search_index()
        self.stdout.write(f"Search index rebuilt for {count} articles.")
