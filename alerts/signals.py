"""Alerts are queued in the transaction of the newsroom's step, so that none is lost or sent for a
step that was rolled back: the worker (sending.py) shares them out when their article is public."""

from news.models import Status

from .models import Alert


def remember_stored_status(sender, instance, raw=False, **kwargs):
    if raw or instance.pk is None:
        instance._stored_status = None
    else:
        stored = sender.objects.filter(pk=instance.pk).values_list("status", flat=True)
        instance._stored_status = stored.first()


def queue_publication(sender, instance, raw=False, **kwargs):
    """Published now or scheduled: announced when it goes live. Only a step into "published"
    counts, so that a typo fixed in an old release never announces it."""
    stored = getattr(instance, "_stored_status", None)
    if not raw and instance.status == Status.PUBLISHED and stored != Status.PUBLISHED:
        Alert.objects.get_or_create(article=instance, kind=Alert.Kind.PUBLISHED)


def queue_update(sender, instance, created, raw=False, **kwargs):
    """A change note on a live article is a significant change (a minor edit has none)."""
    if created and not raw and instance.article.is_published:
        Alert.objects.create(
            article=instance.article, kind=Alert.Kind.UPDATED, change_note=instance
        )
