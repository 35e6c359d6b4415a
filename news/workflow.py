"""Who may change an article, and the steps of its life: one rule for every path that writes.

The change form offers the steps `actions()` allows as its buttons, the list offers some of them
as actions, and a script calls the functions below: each asks the same table, with the article as
it is stored (a revision or a forged form says nothing about what the article is now). The same
goes for the inlines (documents, change notes, preview links), restoring a revision and deletion,
through may_change() and can_publish().

A step that the article's rules refuse (a schedule in the past, a withdrawal without a reason, an
expiry before the publication time) raises a ValidationError naming the field, before anything is
saved.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import ChangeNote, State, Status

UNSEEN_WITHDRAWAL = _("Only an article readers have seen can be withdrawn: return it to draft.")
# What the history says of a step and of an edit readers are not told about.
STATUS_CHANGED = _("Status changed to “%(status)s”")
MINOR_EDIT = _("Minor edit")


class Action(models.TextChoices):
    SAVE_DRAFT = "save_draft", _("Save draft")
    SUBMIT = "submit", _("Submit for review")
    SAVE = "save", _("Save changes")
    PUBLISH = "publish", _("Publish now")
    SCHEDULE = "schedule", _("Schedule for the publication time")
    SEND_BACK = "send_back", _("Send back to the editor")
    RETURN_TO_DRAFT = "return_to_draft", _("Return to draft")
    WITHDRAW = "withdraw", _("Withdraw")


# By role and by where the article stands, in the order the form offers them: the first is the
# step of a form sent without choosing one (Enter in a field), and never changes the status.
EDITOR_ACTIONS = {
    State.DRAFT: [Action.SAVE_DRAFT, Action.SUBMIT],
    State.REVIEW: [Action.SAVE],
}
PUBLISHER_ACTIONS = {
    State.DRAFT: [Action.SAVE_DRAFT, Action.PUBLISH, Action.SCHEDULE],
    State.REVIEW: [Action.SAVE, Action.PUBLISH, Action.SCHEDULE, Action.SEND_BACK],
    State.SCHEDULED: [Action.SAVE, Action.PUBLISH, Action.SCHEDULE, Action.RETURN_TO_DRAFT],
    State.LIVE: [Action.SAVE, Action.RETURN_TO_DRAFT, Action.WITHDRAW],
    State.EXPIRED: [Action.SAVE, Action.RETURN_TO_DRAFT, Action.WITHDRAW],
    State.WITHDRAWN: [Action.SAVE, Action.RETURN_TO_DRAFT],
}


def can_publish(user):
    """Publish, schedule, send back, return to draft, withdraw, delete and share previews."""
    return user.has_perm("news.publish_article")


def may_change(user, article):
    """Editors work on drafts and on what they submitted; once an article has been published,
    only publishers touch it."""
    return article is None or article.status in (Status.DRAFT, Status.REVIEW) or can_publish(user)


def can_be_withdrawn(article):
    """Withdrawing tells readers why a page they saw is gone; a page nobody saw is not announced
    (its title and the reason would be public at its address)."""
    return article.state in (State.LIVE, State.EXPIRED, State.WITHDRAWN)


def actions(user, article):
    """The steps `user` may take with `article` as stored (None or unsaved: one being written)."""
    if article is not None and not may_change(user, article):
        return []
    state = State.DRAFT if article is None or article._state.adding else article.state
    return (PUBLISHER_ACTIONS if can_publish(user) else EDITOR_ACTIONS).get(state, [])


def apply(action, article):
    """Make `article`, in memory, what `action` makes it (the caller has checked that the step is
    allowed, and saves it)."""
    now = timezone.now()
    if action == Action.SUBMIT:
        article.status, article.review_comment = Status.REVIEW, ""
    elif action == Action.PUBLISH:
        article.status, article.pub_date, article.review_comment = Status.PUBLISHED, now, ""
    elif action == Action.SCHEDULE:
        if article.pub_date <= now:
            raise ValidationError(
                {"pub_date": _("To schedule the article, set a publication time in the future.")},
                code="schedule_past",
            )
        article.status, article.review_comment = Status.PUBLISHED, ""
    elif action == Action.SEND_BACK:
        if not article.review_comment.strip():
            raise ValidationError(
                {"review_comment": _("Tell the editor what to change.")}, code="no_comment"
            )
        article.status, article.review_comment = Status.DRAFT, article.review_comment.strip()
    elif action == Action.RETURN_TO_DRAFT:
        article.status = Status.DRAFT
    elif action == Action.WITHDRAW:
        if not article.withdrawal_reason.strip():
            raise ValidationError(
                {"withdrawal_reason": _("Give readers the reason for the withdrawal.")},
                code="no_reason",
            )
        article.status, article.withdrawal_reason = (
            Status.WITHDRAWN,
            article.withdrawal_reason.strip(),
        )
    article.validate_constraints()
    article._change_reason = change_reason(action, article)


def one_line(text):
    """Text as one line: a revision's reason keeps one change per line (news/admin/history.py),
    and a newline typed into a comment, a note or a description must not make a line of its own
    ("Status changed to …")."""
    return " ".join(str(text).split())


def change_reason(action, article):
    """What the history says of a step, in the language of whoever took it."""
    if action in (Action.SAVE, Action.SAVE_DRAFT):
        return ""
    reason = str(STATUS_CHANGED) % {"status": article.get_status_display()}
    if action == Action.SEND_BACK:
        return f"{reason}: {one_line(article.review_comment)}"
    return reason


def take(action, article, user):
    """Take one step with an article as stored, and save it: as the change form does, for scripts
    and the list's actions."""
    if action not in actions(user, article):
        if not can_publish(user) or not may_change(user, article):
            raise PermissionDenied
        if action == Action.WITHDRAW:
            raise ValidationError(UNSEEN_WITHDRAWAL, code="withdraw_unseen")
        raise ValidationError(
            _("“%(step)s” is not a step an article in the state “%(state)s” can take."),
            params={"step": action.label, "state": article.state.label},
            code="not_available",
        )
    apply(action, article)
    article._history_user = user
    # One by one, not update(): save() keeps history, aliases and caches right.
    article.save(update_fields=["status", "pub_date", "review_comment", "withdrawal_reason"])


def submit(article, user):
    take(Action.SUBMIT, article, user)


def publish(article, user):
    """On the site now (a scheduled article too); an article already live stays as it is."""
    if article.state != State.LIVE:
        take(Action.PUBLISH, article, user)


def schedule(article, user, moment):
    """On the site at `moment`, a time still to come (and off it until then)."""
    article.pub_date = moment
    take(Action.SCHEDULE, article, user)


def send_back(article, user, comment):
    article.review_comment = comment
    take(Action.SEND_BACK, article, user)


def return_to_draft(article, user):
    """Off the site, back with the editors."""
    if article.status != Status.DRAFT:
        take(Action.RETURN_TO_DRAFT, article, user)


def withdraw(article, user, reason):
    """Off the site for good: its address tells readers that it was withdrawn, and why."""
    article.withdrawal_reason = reason
    take(Action.WITHDRAW, article, user)


def each(step, articles, user):
    """Take `step` (publish, return_to_draft) for each article, each in a transaction of its own;
    the articles it refused, each with its ValidationError.

    Articles chosen together are still separate releases: one that cannot go out (its expiry has
    passed) must not hold back the others, nor leave some done and some not without a word."""
    refused = []
    for article in articles:
        try:
            with transaction.atomic():
                step(article, user)
        except ValidationError as error:
            refused.append((article, error))
    return refused


def record_change(article, note, user):
    """Save a significant change to a published article, telling its readers what changed: the
    note is shown on the article as "Updated …" and moves the feeds' date."""
    if not may_change(user, article):
        raise PermissionDenied
    change_note = ChangeNote(article=article, note=one_line(note), author=user)
    change_note.full_clean()  # an empty note tells readers nothing
    article.revised_at = change_note.created
    article._history_user = user
    # After the step's own reason, if the change came with one (a live article withdrawn).
    article._change_reason = "; ".join(
        filter(None, [getattr(article, "_change_reason", ""), change_note.note])
    )
    with transaction.atomic():
        # The whole article, not update_fields: the note tells of the change saved with it.
        article.save()
        change_note.save()
