import django.db.models.deletion
import core.uploads
from django.contrib.auth.management import create_permissions
from django.db import migrations, models

# Whoever may attach a document to an article may add photos to its gallery.
PHOTOS = [f"{action}_articlephoto" for action in ("view", "add", "change", "delete")]
GRANTS = {"Editors": PHOTOS, "Publishers": PHOTOS}


def grant(apps, schema_editor):
    # Permissions are normally created after all migrations (as in 0009): these are needed now.
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
        ('news', '0018_review'),
    ]

    operations = [
        migrations.CreateModel(
            name='ArticlePhoto',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('image', models.ImageField(height_field='image_height', help_text='JPEG, PNG or WebP; smaller copies for phones are made automatically.', max_length=255, upload_to=core.uploads.UploadFolder('news/gallery'), validators=[core.uploads.validate_image], verbose_name='photo', width_field='image_width')),
                ('image_width', models.PositiveIntegerField(blank=True, editable=False, null=True)),
                ('image_height', models.PositiveIntegerField(blank=True, editable=False, null=True)),
                ('image_size', models.PositiveBigIntegerField(blank=True, editable=False, null=True)),
                ('alt', models.CharField(help_text='What the photo shows, for readers who cannot see it.', max_length=250, verbose_name='image description (alt text)')),
                ('caption', models.CharField(blank=True, max_length=300, verbose_name='image caption')),
                ('credit', models.CharField(blank=True, help_text='Shown as “Photo: …”.', max_length=200, verbose_name='image credit')),
                ('position', models.PositiveSmallIntegerField(default=0, verbose_name='position')),
                ('article', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='photos', to='news.article', verbose_name='article')),
            ],
            options={
                'verbose_name': 'gallery photo',
                'verbose_name_plural': 'gallery photos',
                'ordering': ['position', 'id'],
                'constraints': [models.CheckConstraint(condition=models.Q(('alt', ''), _negated=True), name='news_articlephoto_has_alt_text', violation_error_message='Describe the image for readers who cannot see it.')],
            },
        ),
        migrations.RunPython(grant, revoke),
    ]
