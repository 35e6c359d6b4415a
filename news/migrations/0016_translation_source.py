import django.db.models.deletion
from django.db import migrations, models


def link_translations_to_their_original(apps, schema_editor):
    """Translations started before this step were not linked: each is linked to the first-written
    version of its group, from which translating began (translate() alone shares a key)."""
    Article = apps.get_model("news", "Article")
    first = {}
    articles = Article.objects.order_by("created", "pk").values_list("pk", "translation_key")
    for pk, key in articles.iterator():
        if key in first:
            Article.objects.filter(pk=pk).update(source_id=first[key])
        else:
            first[key] = pk


class Migration(migrations.Migration):
    dependencies = [
        ("news", "0015_topic_translations"),
    ]

    operations = [
        migrations.AddField(
            model_name="article",
            name="source",
            field=models.ForeignKey(
                blank=True,
                editable=False,
                help_text="The version this translation was started from.",
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to="news.article",
                verbose_name="original",
            ),
        ),
        migrations.AddField(
            model_name="historicalarticle",
            name="source",
            field=models.ForeignKey(
                blank=True,
                db_constraint=False,
                editable=False,
                help_text="The version this translation was started from.",
                null=True,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                to="news.article",
                verbose_name="original",
            ),
        ),
        migrations.RunPython(link_translations_to_their_original, migrations.RunPython.noop),
    ]
