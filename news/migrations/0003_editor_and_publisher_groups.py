from django.contrib.auth.management import create_permissions
from django.db import migrations

ARTICLE = ["view_article", "add_article", "change_article"]
ROLES = {
    # Editors write and revise drafts; the admin keeps them off anything published.
    "Editors": ARTICLE + ["view_historicalarticle", "view_changenote", "view_previewlink"],
    "Publishers": ARTICLE
    + ["delete_article", "publish_article", "view_historicalarticle"]
    + [f"{action}_{model}" for action in ("view", "add", "change", "delete")
       for model in ("changenote", "previewlink")],
}


def create_groups(apps, schema_editor):
    # Permissions are normally created after all migrations; these groups need them now.
    news = apps.get_app_config("news")
    news.models_module = True  # the migration state's app stub has no module of its own
    create_permissions(news, apps=apps, verbosity=0)
    news.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in ROLES.items():
        group, _ = Group.objects.get_or_create(name=name)
        permissions = Permission.objects.filter(content_type__app_label="news", codename__in=codenames)
        assert permissions.count() == len(codenames), f"missing permissions for {name}"
        group.permissions.set(permissions)


def remove_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=ROLES).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("news", "0002_editorial_workflow"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_groups, remove_groups)]
