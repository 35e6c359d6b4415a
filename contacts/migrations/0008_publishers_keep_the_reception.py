from django.contrib.auth.management import create_permissions
from django.db import migrations

# The press office keeps the reception of citizens, the direct lines and the appeals text; the
# agency's own contacts and office hours stay with the site's administrators.
RECEPTION = [
    f"{action}_{model}"
    for action in ("view", "add", "change", "delete")
    for model in ("official", "receptionsession", "directline")
]
GRANTS = {"Publishers": [*RECEPTION, "view_appealspage", "change_appealspage"]}


def grant(apps, schema_editor):
    contacts = apps.get_app_config("contacts")
    contacts.models_module = True
    create_permissions(contacts, apps=apps, verbosity=0)
    contacts.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in GRANTS.items():
        permissions = Permission.objects.filter(content_type__app_label="contacts", codename__in=codenames)
        assert permissions.count() == len(codenames), f"missing permissions for {name}"
        Group.objects.get(name=name).permissions.add(*permissions)


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in GRANTS.items():
        permissions = Permission.objects.filter(content_type__app_label="contacts", codename__in=codenames)
        Group.objects.get(name=name).permissions.remove(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("contacts", "0007_plausible_dates_one_working_day_per_day_off"),
        ("news", "0009_roles_manage_documents_and_topics"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
