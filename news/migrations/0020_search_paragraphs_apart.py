from django.db import migrations

from news import search

# What readers read of an article (TYPED_TEXT) when its paragraphs came to be indexed apart.
TEXTS = ("title", "lead", "body", "author", "image_alt", "image_caption", "image_credit")


def index_again(apps, schema_editor):
    Article = apps.get_model("news", "Article")
    articles = list(Article.objects.only("pk", "language", *TEXTS))
    for article in articles:
        texts = {name: getattr(article, name) for name in TEXTS}
        for name, value in search.columns(texts, article.language).items():
            setattr(article, name, value)
    Article.objects.bulk_update(articles, search.COLUMNS, batch_size=500)


class Migration(migrations.Migration):
    """The last word of a paragraph and the first of the next were indexed as one word."""

    dependencies = [("news", "0019_gallery")]

    operations = [migrations.RunPython(index_again, migrations.RunPython.noop)]
