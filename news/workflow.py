"""Who may change an article: one rule for every path that writes one.

The change form, the add form, a revision being restored, the actions, the inlines (documents,
change notes, preview links) and deletion all ask these functions, with the article as it is
stored: a revision or a forged form says nothing about what the article is now.
"""

from .models import Status


def can_publish(user):
    """Publish, schedule, return to draft, withdraw, delete and share previews."""
    return user.has_perm("news.publish_article")


def may_change(user, article):
    """Editors work on drafts; once an article has been published, only publishers touch it."""
    return article is None or article.status == Status.DRAFT or can_publish(user)
