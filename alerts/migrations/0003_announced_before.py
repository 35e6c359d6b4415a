from django.db import migrations
from django.utils import timezone


def announced_before(apps, schema_editor):
    """The articles that went out before the alerts existed count as announced: one taken back
    and published again must not reach every subscriber as news. A scheduled one still will."""
    Article = apps.get_model("news", "Article")
    Alert = apps.get_model("alerts", "Alert")
    now = timezone.now()
    out = Article.objects.filter(status__in=["published", "withdrawn"], pub_date__lte=now)
    Alert.objects.bulk_create(
        (Alert(article_id=pk, kind="published", created_at=now, shared_at=now) for pk in out.values_list("pk", flat=True).iterator()),
        batch_size=1000,
        ignore_conflicts=True,
    )


class Migration(migrations.Migration):
    dependencies = [
        ("alerts", "0002_roles"),
        ("news", "0019_gallery"),
    ]

    operations = [migrations.RunPython(announced_before, migrations.RunPython.noop)]
