"""The change form's buttons: the steps of an article's life (news/workflow.py) that the staff
member may take, each saved with the article's changes in one submission."""

from django.contrib import messages
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .. import review_mail, workflow
from ..workflow import Action
from .states import in_words

# The buttons that say the article leaves the site or goes back, styled apart from the others.
RETREATS = {Action.SEND_BACK, Action.RETURN_TO_DRAFT, Action.WITHDRAW}
DONE = {
    Action.SUBMIT: _("“%(title)s” was submitted for review."),
    Action.PUBLISH: _("“%(title)s” is live on the site."),
    Action.SCHEDULE: _("“%(title)s” is scheduled to go live on %(time)s."),
    Action.SEND_BACK: _("“%(title)s” was sent back to its editor with your comment."),
    Action.RETURN_TO_DRAFT: _("“%(title)s” is a draft again, off the site."),
    Action.WITHDRAW: _("“%(title)s” was withdrawn: its page tells readers why."),
}


class WorkflowAdminMixin:
    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        form.user = request.user  # a class made for this request
        return form

    def render_change_form(self, request, context, *args, obj=None, **kwargs):
        context["workflow_actions"] = [
            (action, action.label, action in RETREATS)
            for action in context["adminform"].form.actions
        ]
        return super().render_change_form(request, context, *args, obj=obj, **kwargs)

    def save_model(self, request, obj, form, change):
        action = form.chosen_action()
        if note := form.public_change_note():
            workflow.record_change(obj, note, request.user)
        else:
            if form.cleaned_data.get("minor_edit") and not getattr(obj, "_change_reason", ""):
                obj._change_reason = str(workflow.MINOR_EDIT)
            super().save_model(request, obj, form, change)
        if action in DONE:
            # Said instead of Django's "… was changed successfully" (message_user).
            request.step_done = DONE[action] % {"title": obj.title, "time": in_words(obj.pub_date)}
        link = request.build_absolute_uri(reverse("admin:news_article_change", args=[obj.pk]))
        if action == Action.SUBMIT:
            review_mail.tell_publishers(request, obj, link)
        elif action == Action.SEND_BACK:
            review_mail.tell_editor(request, obj, link)

    def message_user(self, request, message, level=messages.INFO, *args, **kwargs):
        if level == messages.SUCCESS and hasattr(request, "step_done"):
            message = request.step_done
        super().message_user(request, message, level, *args, **kwargs)

    def response_post_save_add(self, request, obj):
        return self._back_to_the_article(obj)

    def response_post_save_change(self, request, obj):
        return self._back_to_the_article(obj)

    def _back_to_the_article(self, obj):
        # Where the step's result (the state, the message) shows, and the next step is offered.
        return HttpResponseRedirect(reverse("admin:news_article_change", args=[obj.pk]))
