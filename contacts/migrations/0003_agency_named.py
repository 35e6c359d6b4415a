import django.db.models.functions.text
import django.db.models.lookups
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ("contacts", "0002_agency_short_name"),
    ]

    operations = [
        migrations.AddConstraint(
            model_name="agency",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    django.db.models.lookups.GreaterThan(
                        django.db.models.functions.text.Length(
                            django.db.models.functions.text.Trim("name")
                        ),
                        0,
                    ),
                    django.db.models.lookups.GreaterThan(
                        django.db.models.functions.text.Length(
                            django.db.models.functions.text.Trim("short_name")
                        ),
                        0,
                    ),
                ),
                name="contacts_agency_named",
                violation_error_message="Give both the full name and the short name.",
            ),
        ),
    ]
