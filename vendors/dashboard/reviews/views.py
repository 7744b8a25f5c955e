from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.views.generic import ListView
from oscar.views.generic import BulkEditMixin

from catalogue.reviews.rules import FOR_MODERATION
from catalogue.reviews.selectors import cooperative_reviews_for_moderation
from catalogue.reviews.services import cooperative_reviews_moderate

from .forms import CooperativeReviewSearchForm, CooperativeReviewStatusForm


class CooperativeReviewListView(BulkEditMixin, ListView):
    """Reviews of cooperatives, filtered by status or keyword; staff approve or reject the
    selected ones at once, as Oscar's product review list does."""

    template_name = "oscar/dashboard/reviews/cooperative_review_list.html"
    context_object_name = "review_list"
    paginate_by = settings.OSCAR_DASHBOARD_ITEMS_PER_PAGE
    actions = ("update_selected_review_status",)
    checkbox_object_name = "review"

    def get_queryset(self):
        self.form = CooperativeReviewSearchForm(self.request.GET or None)
        filters = self.form.cleaned_data if self.form.is_valid() else {}
        return cooperative_reviews_for_moderation(
            status=filters.get("status"), query=filters.get("keyword", "")
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["form"] = self.form
        context["status_form"] = CooperativeReviewStatusForm()
        context["pending_count"] = cooperative_reviews_for_moderation(status=FOR_MODERATION).count()
        return context

    def update_selected_review_status(self, request, reviews):
        form = CooperativeReviewStatusForm(request.POST)
        if not form.is_valid():
            messages.error(request, _("Choose the new status of the selected reviews."))
            return redirect(self.get_error_url(request))
        count = cooperative_reviews_moderate(
            reviews=reviews, status=form.cleaned_data["status"], moderator=request.user
        )
        messages.success(
            request,
            ngettext("%(count)d review updated.", "%(count)d reviews updated.", count) % {"count": count},
        )
        return redirect(self.get_success_url(request))
