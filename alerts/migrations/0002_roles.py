from django.db import migrations

from core.grants import grant_to_groups

# Addresses are personal data: publishers see them and delete one on its owner's request; editors
# see only what was sent for each article.
GRANTS = {
    "Editors": ["view_sendinglog"],
    "Publishers": ["view_sendinglog", "view_subscriber", "delete_subscriber"],
}


class Migration(migrations.Migration):
    dependencies = [
        ("alerts", "0001_subscribers_and_alerts"),
        ("news", "0009_roles_manage_documents_and_topics"),
    ]

    operations = [grant_to_groups("alerts", GRANTS)]
