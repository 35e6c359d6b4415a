from django.db import models
from django.db.models import Count, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class TopicQuerySet(models.QuerySet):
    def in_use(self, language):
        """The topics with published articles in `language`, each with how many
        (`published_count`)."""
        articles = self.model._meta.get_field("articles").related_model
        published = Q(articles__in=articles.objects.published().written_in(language))
        # Meta.ordering does not apply to an aggregation: it is asked for again.
        return (
            self.annotate(published_count=Count("articles", filter=published))
            .filter(published_count__gt=0)
            .order_by(*self.model._meta.ordering)
        )


class Topic(models.Model):
    """One of the agency's rubrics, e.g. Innovation or International cooperation."""

    name = models.CharField(_("name"), max_length=100, unique=True)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    description = models.TextField(
        _("description"), blank=True, help_text=_("Shown at the top of the topic's page.")
    )

    objects = TopicQuerySet.as_manager()

    class Meta:
        verbose_name = _("topic")
        verbose_name_plural = _("topics")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("news:topic", kwargs={"slug": self.slug})
