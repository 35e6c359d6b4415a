from django.contrib import admin
from modeltranslation.admin import TranslationAdmin

from ..models import Topic


@admin.register(Topic)
class TopicAdmin(TranslationAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name_ru"]}
