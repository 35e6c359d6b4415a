from django.db import migrations

from news.rich_text import sanitize_body


def sanitize_again(apps, schema_editor):
    """Bodies saved before every link was given rel="noopener noreferrer" (see rich_text.py)."""
    Article = apps.get_model("news", "Article")
    for article in Article.objects.filter(body__contains="<a ").only("pk", "body").iterator():
        Article.objects.filter(pk=article.pk).update(body=sanitize_body(article.body))


class Migration(migrations.Migration):
    dependencies = [("news", "0009_roles_manage_documents_and_topics")]

    operations = [migrations.RunPython(sanitize_again, migrations.RunPython.noop)]
