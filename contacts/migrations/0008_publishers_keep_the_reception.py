from django.db import migrations

from core.grants import grant_to_groups

# The press office keeps the reception of citizens, the direct lines and the appeals text; the
# agency's own contacts and office hours stay with the site's administrators.
RECEPTION = [
    f"{action}_{model}"
    for action in ("view", "add", "change", "delete")
    for model in ("official", "receptionsession", "directline")
]
GRANTS = {"Publishers": [*RECEPTION, "view_appealspage", "change_appealspage"]}


class Migration(migrations.Migration):
    dependencies = [
        ("contacts", "0007_plausible_dates_one_working_day_per_day_off"),
        ("news", "0009_roles_manage_documents_and_topics"),
    ]

    operations = [grant_to_groups("contacts", GRANTS)]
