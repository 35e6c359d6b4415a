from django.db import migrations, models

FULL_NAME = "State Committee for Science and Technology of the Republic of Belarus"
# The site wrote the full name less the country wherever it was short of room.
COUNTRY = " of the Republic of Belarus"
SHORT_NAME_LENGTH = 100  # the field's max_length


def names(stored):
    """The full name and the short name of a record that has `stored` as its name. The site used
    to write the name itself: a record saved before (by an editor opening the admin, say) may
    have none."""
    full = stored.strip() or FULL_NAME
    short = full.removesuffix(COUNTRY)
    if len(short) > SHORT_NAME_LENGTH:
        # Cut after the last whole word that fits: the name is read in the header and titles.
        head = short[:SHORT_NAME_LENGTH]
        if not short[SHORT_NAME_LENGTH].isspace():
            head = head.rpartition(" ")[0] or head
        short = head.rstrip(" ,;:-") or head
    return full, short


def name_the_existing_record(apps, schema_editor):
    Agency = apps.get_model("contacts", "Agency")
    for agency in Agency.objects.all():
        agency.name, agency.short_name = names(agency.name)
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
