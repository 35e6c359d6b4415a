from django.contrib.auth.management import create_permissions
from django.db import migrations

# Addresses are personal data: publishers see them and delete one on its owner's request; editors
# see only what was sent for each article.
GRANTS = {
    "Editors": ["view_sendinglog"],
    "Publishers": ["view_sendinglog", "view_subscriber", "delete_subscriber"],
}


def grant(apps, schema_editor):
    alerts = apps.get_app_config("alerts")
    alerts.models_module = True
    create_permissions(alerts, apps=apps, verbosity=0)
    alerts.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in GRANTS.items():
        permissions = Permission.objects.filter(content_type__app_label="alerts", codename__in=codenames)
        assert permissions.count() == len(codenames), f"missing permissions for {name}"
        Group.objects.get(name=name).permissions.add(*permissions)


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in GRANTS.items():
        permissions = Permission.objects.filter(content_type__app_label="alerts", codename__in=codenames)
        Group.objects.get(name=name).permissions.remove(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("alerts", "0001_subscribers_and_alerts"),
        ("news", "0009_roles_manage_documents_and_topics"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
