"""An article's revisions in the admin: the list, two of them compared, and one restored; and what
a save changes beyond the article's own fields (its gallery photos, documents and topics, which
the revisions do not hold), written into the revision it made."""

from django.contrib import messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.db import router, transaction
from django.db.models import Q
from django.http import Http404, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin
from simple_history.models import is_historic

from core.csp import allow_import_map

from ..models import ArticlePhoto, Attachment, ChangeNote
from ..revisions import changed_labels, compare, moment
from ..workflow import one_line
from .reasons import RENAMED, in_readers_words


class ArticleHistoryAdmin(SimpleHistoryAdmin):
    object_history_template = "admin/news/article/object_history.html"

    def get_urls(self):
        compare_view = self.admin_site.admin_view(self.compare_view)
        return [
            path("<path:object_id>/history/compare/", compare_view, name="news_article_compare"),
            *super().get_urls(),
        ]

    def current_article(self, request, object_id):
        """The article as it is stored, or a 404 for an id that names none (or is no number)."""
        article = self.get_object(request, unquote(object_id))
        if article is None:
            raise Http404(_("No article has this address."))
        return article

    def compare_view(self, request, object_id):
        """Two revisions, the older before the newer; by default the latest and the one before."""
        article = self.current_article(request, object_id)
        if not self.has_view_history_or_change_history_permission(request, article):
            raise PermissionDenied
        # The choices need no bodies: only the two compared are read whole. A step is told by
        # where it left the article (its status and times).
        fields = ["history_id", "history_date", "history_user", "history_change_reason"]
        fields += ["status", "pub_date", "expires_at"]
        records = list(article.history.select_related("history_user").only(*fields))
        if not records:  # made outside the admin (a bulk load), and never saved since
            self.message_user(
                request,
                _("This article has no revisions yet: the first is recorded at its next save."),
                messages.INFO,
            )
            return HttpResponseRedirect(reverse("admin:news_article_change", args=[article.pk]))
        notes = _change_notes(article.pk)
        for record in records:
            _named(record, notes)
        position = {str(record.history_id): index for index, record in enumerate(records)}
        newer = position.get(request.GET.get("new"), 0)
        older = position.get(request.GET.get("old"), min(newer + 1, len(records) - 1))
        newer, older = sorted((newer, older))  # newest first: the older has the larger index
        old, new = records[older], records[newer]
        whole = article.history.filter(history_id__in=[old.history_id, new.history_id])
        whole = {record.history_id: record for record in whole}
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "original": article,
            "title": _("Compare revisions of “%(title)s”") % {"title": article.title},
            "records": records,
            "old": old,
            "new": new,
            # What each save in between recorded: its reason, photos, documents and topics.
            "between": records[newer:older],
            "earlier": records[older + 1] if older + 1 < len(records) else None,
            "later": records[newer - 1] if newer > 0 else None,
            "changes": compare(whole[old.history_id], whole[new.history_id]),
        }
        return TemplateResponse(request, "admin/news/article/compare.html", context)

    def history_view(self, request, object_id, extra_context=None):
        self.current_article(request, object_id)
        return super().history_view(request, object_id, extra_context)

    # The titles in the project's words: Django's Belarusian catalogue, which simple_history's
    # titles fall back on, is in the classical orthography.
    def history_view_title(self, request, obj):
        return _("History of “%(title)s”") % {"title": obj}

    def history_form_view_title(self, request, obj):
        return _("A revision of “%(title)s”") % {"title": obj}

    def set_history_delta_changes(self, request, historical_records, foreign_keys_are_objs=True):
        """Each revision listed with its time to the second, what it changed from the one before
        (on the next page, for the last of a page), and its change note told apart."""
        records = list(historical_records)
        if not records:
            return
        notes = _change_notes(records[0].id)
        for record, previous in zip(records, [*records[1:], _previous(records[-1])], strict=True):
            _named(record, notes)
            record.previous = previous
            record.changed = changed_labels(previous, record) if previous else []

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        """A revision, and restoring it: an edit of the article as it is now, so the same rules
        (who may change it, validation, the edit-conflict check, the change note) and, as for
        any admin write, one transaction."""
        current = self.current_article(request, object_id)
        if not (version_id.isascii() and version_id.isdigit()):  # "²" is a digit, and no number
            raise Http404(_("No revision has this address."))
        if request.method == "POST" and not self.has_change_permission(request, current):
            raise PermissionDenied
        with transaction.atomic(using=router.db_for_write(self.model)):
            return super().history_form_view(request, object_id, version_id, extra_context)

    def get_form(self, request, obj=None, **kwargs):
        # A revision reaches the admin here, from history_form_view, before its form reads it.
        if obj is not None and is_historic(obj):
            obj.prepare_restore(self.current_article(request, str(obj.pk)))
        return super().get_form(request, obj, **kwargs)

    def render_history_view(self, request, template, context, **kwargs):
        response = super().render_history_view(request, template, context, **kwargs)
        return allow_import_map(response, context.get("media", ""))

    def save_related(self, request, form, formsets, change):
        """The photos, documents and topics saved with the article, recorded in the revision the
        save made: the revisions hold the article's own fields only."""
        super().save_related(request, form, formsets, change)
        parts = (formset for formset in formsets if formset.model in PARTS)
        lines = [
            *_topic_changes(form, change),
            *(line for formset in parts for line in _part_changes(formset)),
        ]
        if lines:
            _add_to_revision(form.instance, lines)


def _change_notes(article_id):
    return set(ChangeNote.objects.filter(article=article_id).values_list("note", flat=True))


def _named(record, notes):
    """A revision's time, to the second, who saved it and why, as both pages show them, the change
    note told readers told apart: news/workflow.py writes it last on the reason's first line,
    after the step's own reason ("Status changed to …; <note>")."""
    record.moment = moment(record.history_date)
    user = record.history_user
    record.who = (user.get_full_name() or user.get_username()) if user else _("unknown")
    first, *rest = (record.history_change_reason or "").splitlines() or [""]
    record.change_note = next(
        (note for note in notes if first == note or first.endswith(f"; {note}")), ""
    )
    step = first.removesuffix(record.change_note).removesuffix("; ")
    record.reasons = in_readers_words([line for line in (step, *rest) if line], record)


def _previous(record):
    """The revision before `record`, in the order the history lists them."""
    earlier = Q(history_date__lt=record.history_date) | Q(
        history_date=record.history_date, history_id__lt=record.history_id
    )
    return type(record)._default_manager.filter(earlier, id=record.id).first()


# The parts of an article saved with it, each: its word in the reason, the field that names it
# and the field that holds its file.
PARTS = {ArticlePhoto: ("photo", "alt", "image"), Attachment: ("document", "title", "file")}


def _topic_changes(form, change):
    if "topics" not in form.changed_data:
        return []
    before = set(form.initial.get("topics", [])) if change else set()
    after = set(form.cleaned_data["topics"])
    return [
        *(f"topic added: {one_line(topic)}" for topic in sorted(after - before, key=str)),
        *(f"topic removed: {one_line(topic)}" for topic in sorted(before - after, key=str)),
    ]


def _part_changes(formset):
    part, name, file = PARTS[formset.model]
    lines = [f"{part} added: {one_line(saved)}" for saved in formset.new_objects]
    for form in formset.initial_forms:
        was = one_line(form.initial.get(name, ""))
        if form in formset.deleted_forms:
            lines.append(f"{part} removed: {was}")
            continue
        if name in form.changed_data:
            lines.append(f"{part} renamed: {was}{RENAMED}{one_line(form.cleaned_data[name])}")
        if file in form.changed_data:
            lines.append(f"{part} replaced: {one_line(form.cleaned_data[name])}")
    return lines


def _add_to_revision(article, lines):
    """Add `lines` to the reason of the revision this save made: the article's latest, as the
    admin's transaction holds the article's row."""
    record = article.history.first()
    record.history_change_reason = "\n".join(filter(None, [record.history_change_reason, *lines]))
    record.save(update_fields=["history_change_reason"])
