from django.db import migrations

from news.search import indexed_text


def index_again(apps, schema_editor):
    Article = apps.get_model("news", "Article")
    for article in Article.objects.only("title", "lead", "body").iterator():
        article.search_text = indexed_text(
            {"title": article.title, "lead": article.lead, "body": article.body}
        )
        article.save(update_fields=["search_text"])


class Migration(migrations.Migration):
    """The fallback search's text is now made of word starts, with the title's words apart."""

    dependencies = [("news", "0007_unguessable_upload_names")]

    operations = [migrations.RunPython(index_again, migrations.RunPython.noop)]
