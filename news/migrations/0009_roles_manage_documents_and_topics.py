from django.contrib.auth.management import create_permissions
from django.db import migrations

# A press officer attaches a decree to a draft; a publisher creates the topics it is filed under.
DOCUMENTS = [f"{action}_attachment" for action in ("view", "add", "change", "delete")]
GRANTS = {
    "Editors": DOCUMENTS + ["view_topic"],
    "Publishers": DOCUMENTS + [f"{action}_topic" for action in ("view", "add", "change", "delete")],
}


def grant(apps, schema_editor):
    # Permissions are normally created after all migrations (as in 0003): these are needed now.
    news = apps.get_app_config("news")
    news.models_module = True
    create_permissions(news, apps=apps, verbosity=0)
    news.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in GRANTS.items():
        permissions = Permission.objects.filter(content_type__app_label="news", codename__in=codenames)
        assert permissions.count() == len(codenames), f"missing permissions for {name}"
        Group.objects.get(name=name).permissions.add(*permissions)


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in GRANTS.items():
        permissions = Permission.objects.filter(content_type__app_label="news", codename__in=codenames)
        Group.objects.get(name=name).permissions.remove(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("news", "0008_search_text_at_word_starts"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
