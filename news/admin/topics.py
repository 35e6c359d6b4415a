from django.contrib import admin
from modeltranslation.admin import TranslationAdmin

from core.admin_actions import ChecksSelectionMixin

from ..models import Topic


@admin.register(Topic)
class TopicAdmin(ChecksSelectionMixin, TranslationAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name_ru"]}
