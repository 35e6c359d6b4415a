from django.utils.cache import add_never_cache_headers
from django.views.generic import ListView
from django.views.generic.dates import (
    ArchiveIndexView,
    DateDetailView,
    MonthArchiveView,
    YearArchiveView,
)

from .models import Article


class PublishedArticleMixin:
    date_field = "pub_date"
    month_format = "%m"
    day_format = "%d"
    # Scheduling is decided by Article.objects.published(), not by the view.
    allow_future = True

    def get_queryset(self):
        return Article.objects.published()


class ArchiveMixin(PublishedArticleMixin):
    paginate_by = 10
    allow_empty = True

    def get_queryset(self):
        # Lists show the date, title and lead: the body stays in the database.
        return super().get_queryset().defer("body")


class HomePageView(PublishedArticleMixin, ListView):
    template_name = "home.html"
    context_object_name = "latest_articles"

    def get_queryset(self):
        return super().get_queryset()[:5]


class ArticleArchiveView(ArchiveMixin, ArchiveIndexView):
    pass


class ArticleYearArchiveView(ArchiveMixin, YearArchiveView):
    make_object_list = True
    allow_empty = False


class ArticleMonthArchiveView(ArchiveMixin, MonthArchiveView):
    allow_empty = False


class ArticleDetailView(PublishedArticleMixin, DateDetailView):
    def get_queryset(self):
        # Editors preview drafts and scheduled articles at their real address.
        if self.request.user.has_perm("news.change_article"):
            return Article.objects.all()
        return super().get_queryset()

    def render_to_response(self, context, **response_kwargs):
        response = super().render_to_response(context, **response_kwargs)
        if not self.object.is_published:
            add_never_cache_headers(response)
        return response
