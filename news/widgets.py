"""How the article's form shows what an editor writes and uploads: the body's editor, and photos
as photos."""

import posixpath

from django import forms
from django.contrib.admin.widgets import AdminFileWidget
from django.templatetags.static import static
from django.utils.html import format_html, html_safe
from django_prose_editor.widgets import AdminProseEditorWidget

from . import renditions

THUMBNAIL_BOX = (160, 120)  # CSS pixels: a thumbnail is as large as fits in it


class BodyEditorWidget(AdminProseEditorWidget):
    """django-prose-editor's widget, sized for an article (news/editor/editor.css), with Tiptap's
    base styles from a stylesheet rather than the inline <style> the CSP refuses (stylesheet.js)."""

    @property
    def media(self):
        stylesheets = ["tiptap.css", "editor.css", "language.css"]
        return super().media + forms.Media(
            css={"all": [f"news/editor/{name}" for name in stylesheets]}
        )

    def get_config(self):
        config = super().get_config()
        return config | {
            "extensions": config["extensions"] | {"StylesheetOnly": True},
            "js_modules": [*config["js_modules"], static("news/editor/stylesheet.js")],
        }


@html_safe
class Thumbnail:
    """A stored photo as Django's file widget names it, `<a href="{{ url }}">{{ photo }}</a>`: its
    smallest copy and its file name instead of its path in the storage."""

    def __init__(self, photo):
        self.photo = photo
        self.url = photo.url

    def __str__(self):
        name = posixpath.basename(self.photo.name)
        width = getattr(self.photo.instance, self.photo.field.width_field or "", None)
        height = getattr(self.photo.instance, self.photo.field.height_field or "", None)
        # None for a photo of unknown size, whose copies are unknown too: its name alone.
        if not (found := renditions.sources(self.photo, width)) or not height:
            return name
        scale = min(1, THUMBNAIL_BOX[0] / width, THUMBNAIL_BOX[1] / height)
        return format_html(
            '<img src="{}" alt="" width="{}" height="{}" class="photo-thumbnail">{}',
            found[0][0],
            round(width * scale),
            round(height * scale),
            name,
        )


class ThumbnailImageWidget(AdminFileWidget):
    """A photo already stored is shown as a thumbnail with its file name, a link to the full image,
    rather than as its path; the rest is Django's: clear it, or upload another."""

    class Media:
        css = {"all": ["news/editor/thumbnail.css"]}

    def format_value(self, value):
        value = super().format_value(value)
        return Thumbnail(value) if value else value
