from django.db import migrations, models

FULL_NAME = "State Committee for Science and Technology of the Republic of Belarus"
# The site wrote the full name less the country wherever it was short of room.
COUNTRY = " of the Republic of Belarus"


def name_the_existing_record(apps, schema_editor):
    # The site used to write the name itself: a record saved before (by an editor opening the
    # admin, say) may have none.
    Agency = apps.get_model("contacts", "Agency")
    for agency in Agency.objects.all():
        agency.name = agency.name or FULL_NAME
        agency.short_name = agency.name.removesuffix(COUNTRY)[:100]
        agency.save(update_fields=["name", "short_name"])


class Migration(migrations.Migration):

    dependencies = [
        ("contacts", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="agency",
            name="short_name",
            field=models.CharField(
                default="State Committee for Science and Technology",
                help_text="In the header, the titles of the pages, the news feeds and the "
                "authenticator app with which staff sign in.",
                max_length=100,
                verbose_name="short name",
            ),
        ),
        migrations.AlterField(
            model_name="agency",
            name="name",
            field=models.CharField(
                default=FULL_NAME,
                help_text="The full official name: on the home page, in the footer and the contacts.",
                max_length=200,
                verbose_name="name",
            ),
        ),
        migrations.RunPython(name_the_existing_record, migrations.RunPython.noop),
    ]
