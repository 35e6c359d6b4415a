from django.db import migrations

from news import search

# What readers read of an article (READER_FIELDS) when the search came to find all of it.
TEXTS = ("title", "lead", "body", "author", "image_alt", "image_caption", "image_credit")


def index_again(apps, schema_editor):
    Article = apps.get_model("news", "Article")
    articles = list(Article.objects.only("pk", *TEXTS))
    for article in articles:
        columns = search.columns({name: getattr(article, name) for name in TEXTS})
        for name, value in columns.items():
            setattr(article, name, value)
    Article.objects.bulk_update(articles, search.COLUMNS, batch_size=500)


class Migration(migrations.Migration):
    """The search finds the author and the photo's description, caption and credit too."""

    dependencies = [("news", "0012_plausible_note_and_preview_times")]

    operations = [migrations.RunPython(index_again, migrations.RunPython.noop)]
