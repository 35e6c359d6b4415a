from django.core.management.base import BaseCommand

from news.models import Article


class Command(BaseCommand):
    help = (
        "Rebuild the search columns of every article: after loading articles in bulk, or after "
        "changing a text-search configuration by hand (migrate rebuilds them itself when it "
        "gives Belarusian its dictionary)."
    )

    def handle(self, **options):
        count = Article.objects.all().update_search_index()
        self.stdout.write(f"Search index rebuilt for {count} articles.")
