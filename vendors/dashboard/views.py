"""Dashboard pages of our own for cooperatives."""

import filetype
import segno
from django.contrib import messages
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.generic import TemplateView, View
from oscar.core.loading import get_model

from vendors.forms import ApplicationDecisionForm
from vendors.provenance import provenance_token
from vendors.regions import Region
from vendors.selectors import application_detail, application_queue, application_status_counts
from vendors.services import (
    InvalidApplicationDecision,
    application_approve,
    application_reject,
    application_request_information,
)

Product = get_model("catalogue", "Product")
Cooperative = get_model("partner", "Cooperative")
CooperativeApplication = get_model("partner", "CooperativeApplication")
ApplicationDocument = get_model("partner", "ApplicationDocument")


class HangTagSheetView(TemplateView):
    """A printable sheet of hang-tags: each piece's name, reference and provenance QR code.

    Cooperative staff get their own products; platform staff pick a cooperative with
    `?cooperative=<slug>`.
    """

    template_name = "oscar/dashboard/hang_tags.html"

    def get_products(self):
        user = self.request.user
        products = Product.objects.filter(parent=None).order_by("product_class__name", "title")
        if user.is_staff:
            slug = self.request.GET.get("cooperative", "")
            return products.filter(stockrecords__partner__cooperative__slug=slug).distinct()
        return products.filter(stockrecords__partner__users=user).distinct()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        tags = []
        for product in self.get_products().select_related("product_class"):
            url = self.request.build_absolute_uri(
                reverse("provenance-detail", kwargs={"token": provenance_token(product)})
            )
            qr = segno.make(url, error="m")
            tags.append({"product": product, "url": url, "qr_svg": qr.svg_inline(scale=3, border=1)})
        context["tags"] = tags
        if self.request.user.is_staff:
            context["cooperatives"] = Cooperative.objects.order_by("name")
            context["selected"] = self.request.GET.get("cooperative", "")
        return context


class CooperativeApplicationListView(TemplateView):
    """Platform staff's review queue: applications by status, oldest waiting first."""

    template_name = "oscar/dashboard/cooperatives/application_list.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        status = self.request.GET.get("status", CooperativeApplication.Status.SUBMITTED)
        if status not in CooperativeApplication.Status.values:
            status = CooperativeApplication.Status.SUBMITTED
        counts = application_status_counts()
        context["status"] = status
        context["tabs"] = [
            {"value": value, "label": label, "count": counts[value]}
            for value, label in CooperativeApplication.Status.choices
        ]
        context["applications"] = application_queue(status=status)
        return context


class CooperativeApplicationDetailView(TemplateView):
    """Everything an applicant sent, the history of decisions, and the three decisions."""

    template_name = "oscar/dashboard/cooperatives/application_detail.html"

    def dispatch(self, request, *args, **kwargs):
        self.application = application_detail(pk=kwargs["pk"])
        if self.application is None:
            raise Http404("No such application")
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["application"] = self.application
        context["region"] = Region(self.application.region).label
        context["form"] = kwargs.get("form") or ApplicationDecisionForm()
        context["actions"] = ApplicationDecisionForm.Action
        return context

    def post(self, request, *args, **kwargs):
        form = ApplicationDecisionForm(request.POST)
        if not form.is_valid():
            messages.error(request, _("The decision was not recorded: see the message below."))
            return self.render_to_response(
                self.get_context_data(form=form, failed_action=form.data.get("action"))
            )
        action, message = form.cleaned_data["action"], form.cleaned_data["message"]
        site_url = request.build_absolute_uri("/")
        try:
            if action == ApplicationDecisionForm.Action.APPROVE:
                cooperative = application_approve(
                    application=self.application, reviewer=request.user, site_url=site_url
                )
                messages.success(
                    request,
                    _(
                        "%(name)s is approved: its cooperative and dashboard account exist "
                        "and the invitation is sent."
                    )
                    % {"name": cooperative.name},
                )
            elif action == ApplicationDecisionForm.Action.REJECT:
                application_reject(
                    application=self.application, reviewer=request.user, reason=message, site_url=site_url
                )
                messages.success(request, _("The application is rejected and the applicant told why."))
            else:
                application_request_information(
                    application=self.application, reviewer=request.user, message=message, site_url=site_url
                )
                messages.success(request, _("The applicant has been asked for more information."))
        except InvalidApplicationDecision as error:
            messages.error(request, str(error))
        return redirect("dashboard:cooperative-application-detail", pk=self.application.pk)


class ApplicationDocumentView(View):
    """A scanned document, shown to platform staff only (the URL is staff-only in the
    dashboard's permissions map); the files themselves have no public URL."""

    def get(self, request, pk: int, document_pk: int):
        document = get_object_or_404(ApplicationDocument, pk=document_pk, application_id=pk)
        handle = document.document.open("rb")
        kind = filetype.guess(handle.read(8192))
        handle.seek(0)
        response = FileResponse(
            handle,
            content_type=kind.mime if kind else "application/octet-stream",
            as_attachment=request.GET.get("download") == "1",
            filename=document.filename,
        )
        response["Cache-Control"] = "private, no-store"
        return response
