import news.models.translations
import uuid
from django.db import migrations, models


def separate_keys(apps, schema_editor):
    """The field's default gave every existing article the same key: each gets its own (an
    article written before this step has no translations), and its revisions the same one."""
    Article = apps.get_model("news", "Article")
    HistoricalArticle = apps.get_model("news", "HistoricalArticle")
    for article in Article.objects.only("pk").iterator():
        key = uuid.uuid4()
        Article.objects.filter(pk=article.pk).update(translation_key=key)
        HistoricalArticle.objects.filter(id=article.pk).update(translation_key=key)


class Migration(migrations.Migration):
    dependencies = [
        ("news", "0013_search_what_readers_see"),
    ]

    operations = [
        migrations.AddField(
            model_name="article",
            name="language",
            field=models.CharField(
                choices=[("ru", "Russian"), ("be", "Belarusian"), ("en", "English")],
                db_index=True,
                default=news.models.translations.site_language,
                help_text="The language this article is written in.",
                max_length=7,
                verbose_name="language",
            ),
        ),
        migrations.AddField(
            model_name="article",
            name="translation_key",
            field=models.UUIDField(
                default=uuid.uuid4,
                editable=False,
                help_text="Shared by an article and its translations.",
                verbose_name="translation key",
            ),
        ),
        migrations.AddField(
            model_name="historicalarticle",
            name="language",
            field=models.CharField(
                choices=[("ru", "Russian"), ("be", "Belarusian"), ("en", "English")],
                db_index=True,
                default=news.models.translations.site_language,
                help_text="The language this article is written in.",
                max_length=7,
                verbose_name="language",
            ),
        ),
        migrations.AddField(
            model_name="historicalarticle",
            name="translation_key",
            field=models.UUIDField(
                default=uuid.uuid4,
                editable=False,
                help_text="Shared by an article and its translations.",
                verbose_name="translation key",
            ),
        ),
        # Existing articles are in the language the site was set to until now.
        migrations.RunPython(separate_keys, migrations.RunPython.noop),
        migrations.AddConstraint(
            model_name="article",
            constraint=models.UniqueConstraint(
                fields=("translation_key", "language"),
                name="news_article_one_version_per_language",
                violation_error_message="This article already has a version in this language.",
            ),
        ),
    ]
