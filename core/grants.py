"""Roles are groups with permissions, given by data migrations: one helper for every app's."""

from django.contrib.auth.management import create_permissions
from django.db import migrations


def grant_to_groups(app_label, grants):
    """A migration operation that gives each group (name → codenames) these permissions of
    `app_label`'s models, and takes them back when reversed."""

    def permissions(apps, codenames):
        Permission = apps.get_model("auth", "Permission")
        return Permission.objects.filter(content_type__app_label=app_label, codename__in=codenames)

    def grant(apps, schema_editor):
        # Permissions are normally created after all migrations: these are needed now.
        app = apps.get_app_config(app_label)
        app.models_module = True
        create_permissions(app, apps=apps, verbosity=0)
        app.models_module = None
        Group = apps.get_model("auth", "Group")
        for name, codenames in grants.items():
            given = permissions(apps, codenames)
            assert given.count() == len(codenames), f"missing permissions for {name}"
            Group.objects.get(name=name).permissions.add(*given)

    def revoke(apps, schema_editor):
        Group = apps.get_model("auth", "Group")
        for name, codenames in grants.items():
            Group.objects.get(name=name).permissions.remove(*permissions(apps, codenames))

    return migrations.RunPython(grant, revoke)
