import datetime

import django.core.validators
import django.utils.timezone
from django.db import migrations, models

STATUS = models.CharField(
    choices=[
        ("draft", "Draft"),
        ("review", "Submitted for review"),
        ("published", "Published"),
        ("withdrawn", "Withdrawn"),
    ],
    default="draft",
    help_text="Changed by the steps under the form: submit, publish, schedule, withdraw.",
    max_length=10,
    verbose_name="status",
)
REVIEW_COMMENT = models.TextField(
    blank=True,
    help_text="Required to send the article back: what should the editor change?",
    verbose_name="comment for the editor",
)
PUB_DATE = models.DateTimeField(
    db_index=True,
    default=django.utils.timezone.now,
    help_text="“Schedule” puts the article on the site at this time (Minsk time).",
    validators=[
        django.core.validators.MinValueValidator(
            datetime.datetime(1990, 1, 1, 0, 0, tzinfo=datetime.UTC),
            message="Choose a date from 1990 on.",
        ),
        django.core.validators.MaxValueValidator(
            datetime.datetime(2999, 12, 31, 0, 0, tzinfo=datetime.UTC),
            message="Choose a date before the year 3000.",
        ),
    ],
    verbose_name="publication time",
)


class Migration(migrations.Migration):
    dependencies = [
        ("news", "0017_listing_per_language"),
    ]

    operations = [
        migrations.RemoveConstraint(model_name="article", name="news_article_status_valid"),
        migrations.AddField(model_name="article", name="review_comment", field=REVIEW_COMMENT),
        migrations.AddField(
            model_name="historicalarticle", name="review_comment", field=REVIEW_COMMENT
        ),
        migrations.AlterField(model_name="article", name="status", field=STATUS),
        migrations.AlterField(model_name="historicalarticle", name="status", field=STATUS),
        migrations.AlterField(model_name="article", name="pub_date", field=PUB_DATE),
        migrations.AlterField(model_name="historicalarticle", name="pub_date", field=PUB_DATE),
        migrations.AlterField(
            model_name="historicalarticle",
            name="history_change_reason",
            field=models.TextField(null=True),
        ),
        migrations.AddConstraint(
            model_name="article",
            constraint=models.CheckConstraint(
                condition=models.Q(("status__in", ["draft", "review", "published", "withdrawn"])),
                name="news_article_status_valid",
            ),
        ),
    ]
