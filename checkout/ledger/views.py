"""Dashboard pages of vendor orders, the ledger and payouts, and the buyer's invoice download.

Every object is looked up through a selector scoped to the user: a cooperative asking for
another cooperative's vendor order, ledger or invoice gets a 404, as if it did not exist.
"""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Sum
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import DetailView, ListView, TemplateView
from oscar.core.loading import get_model

from . import selectors, services
from .exports import payout_batch_csv, payout_batch_pain001
from .forms import (
    CancelForm,
    PayoutAccountForm,
    PayoutBatchForm,
    RefundForm,
    ShipForm,
    VendorOrderFilterForm,
)
from .invoices import vendor_order_invoice_pdf
from .models import PayoutAccount, PayoutBatch, VendorOrder

Order = get_model("order", "Order")


def _error_text(error: ValidationError) -> str:
    return " ".join(error.messages)


class VendorOrderListView(ListView):
    template_name = "oscar/dashboard/orders/vendor_order_list.html"
    context_object_name = "vendor_orders"
    paginate_by = 25

    def get_queryset(self):
        self.form = VendorOrderFilterForm(self.request.GET or None)
        status = query = ""
        if self.form.is_valid():
            status, query = self.form.cleaned_data["status"], self.form.cleaned_data["q"]
        self.status = status
        # What was refunded of each, so a partly refunded order says so in the list.
        return selectors.vendor_orders_for_user(user=self.request.user, status=status, query=query).annotate(
            refunded=Sum("refunds__amount")
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        counts = selectors.vendor_order_status_counts(user=self.request.user)
        context.update(
            form=self.form,
            status=self.status,
            partly_refunded=_("Partially refunded"),
            query=self.request.GET.get("q", ""),
            tabs=[("", _("All"), sum(counts.values()))]
            + [(value, label, counts.get(value, 0)) for value, label in VendorOrder.Status.choices],
        )
        return context


class VendorOrderMixin:
    def get_vendor_order(self) -> VendorOrder:
        return get_object_or_404(
            selectors.vendor_orders_for_user(user=self.request.user), pk=self.kwargs["pk"]
        )


class VendorOrderDetailView(VendorOrderMixin, DetailView):
    """A vendor order with only its own lines; its status actions, and the refund form for staff."""

    template_name = "oscar/dashboard/orders/vendor_order_detail_split.html"
    context_object_name = "vendor_order"

    def get_object(self, queryset=None):
        return self.get_vendor_order()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        vendor_order = self.object
        refundable = selectors.vendor_order_refundable(vendor_order=vendor_order)
        lines = list(
            vendor_order.lines.select_related("product__product_class", "product__parent__product_class")
        )
        context.update(
            order=vendor_order.order,
            lines=lines,
            total_weight=sum(
                (
                    line.product.weight_kg * line.quantity
                    for line in lines
                    if line.product and line.product.weight_kg
                ),
                0,
            ),
            address=vendor_order.order.shipping_address,
            history=vendor_order.status_changes.select_related("changed_by"),
            refunds=vendor_order.refunds.prefetch_related(
                "lines__line", "payout_reversals__payout"
            ).select_related("created_by"),
            refundable=refundable,
            earned=vendor_order.ledger_entries.exclude(kind__in=selectors.PAID_OUT).balance(),
            ship_form=kwargs.get("ship_form") or ShipForm(),
            cancel_form=kwargs.get("cancel_form") or CancelForm(),
            refund_form=(
                kwargs.get("refund_form") or RefundForm(vendor_order=vendor_order, refundable=refundable)
                if self.request.user.is_staff and refundable > 0
                else None
            ),
            allowed=services.TRANSITIONS.get(vendor_order.status, frozenset()),
            Status=VendorOrder.Status,
        )
        return context

    def post(self, request, *args, **kwargs):
        self.object = vendor_order = self.get_vendor_order()
        action = request.POST.get("action", "")
        forms = {}
        try:
            if action == "accept":
                services.vendor_order_accept(vendor_order=vendor_order, by=request.user)
                messages.success(request, _("Order accepted: the buyer sees that you are preparing it."))
            elif action == "ship":
                form = forms["ship_form"] = ShipForm(request.POST)
                if not form.is_valid():
                    return self.render_to_response(self.get_context_data(**forms), status=400)
                services.vendor_order_ship(vendor_order=vendor_order, by=request.user, **form.cleaned_data)
                messages.success(request, _("Marked shipped: the buyer has been sent the tracking number."))
            elif action == "deliver":
                services.vendor_order_deliver(vendor_order=vendor_order, by=request.user)
                messages.success(request, _("Marked delivered."))
            elif action == "cancel":
                form = forms["cancel_form"] = CancelForm(request.POST)
                if not form.is_valid():
                    return self.render_to_response(self.get_context_data(**forms), status=400)
                services.vendor_order_cancel(vendor_order=vendor_order, by=request.user, **form.cleaned_data)
                messages.warning(request, _("Order cancelled. Platform staff will refund the buyer."))
            elif action == "refund":
                if not request.user.is_staff:
                    raise PermissionDenied(_("Only platform staff refund buyers."))
                refundable = selectors.vendor_order_refundable(vendor_order=vendor_order)
                form = forms["refund_form"] = RefundForm(
                    request.POST, vendor_order=vendor_order, refundable=refundable
                )
                if not form.is_valid():
                    return self.render_to_response(self.get_context_data(**forms), status=400)
                refund = services.vendor_order_refund(
                    vendor_order=vendor_order,
                    amount=form.cleaned_data["amount"],
                    reason=form.cleaned_data["reason"],
                    lines=form.restock_lines(),
                    by=request.user,
                )
                messages.success(
                    request,
                    _("Refunded %(amount)s MAD (%(charge)s %(currency)s to the buyer).")
                    % {
                        "amount": refund.amount,
                        "charge": refund.charge_amount,
                        "currency": refund.charge_currency,
                    },
                )
                for reversal in refund.payout_reversals.all():
                    if reversal.status == reversal.Status.REVERSED:
                        messages.info(
                            request,
                            _(
                                "%(amount)s MAD taken back from the cooperative's "
                                "Stripe transfer %(transfer)s."
                            )
                            % {"amount": reversal.amount, "transfer": reversal.payout.reference},
                        )
                    else:
                        messages.warning(
                            request,
                            _(
                                "Stripe did not reverse transfer %(transfer)s (%(error)s): the "
                                "cooperative's next payouts will be reduced by %(amount)s MAD instead."
                            )
                            % {
                                "transfer": reversal.payout.reference,
                                "error": reversal.failure_message,
                                "amount": reversal.amount,
                            },
                        )
            else:
                messages.error(request, _("Unknown action."))
        except ValidationError as error:
            messages.error(request, _error_text(error))
            return self.render_to_response(self.get_context_data(**forms), status=400)
        return HttpResponseRedirect(reverse("dashboard:vendor-order-detail", kwargs={"pk": vendor_order.pk}))


def _pdf_response(vendor_order: VendorOrder) -> HttpResponse:
    response = HttpResponse(
        vendor_order_invoice_pdf(vendor_order=vendor_order), content_type="application/pdf"
    )
    response["Content-Disposition"] = f'attachment; filename="invoice-{vendor_order.number}.pdf"'
    return response


class VendorOrderInvoiceView(VendorOrderMixin, View):
    def get(self, request, *args, **kwargs):
        return _pdf_response(self.get_vendor_order())


class BuyerInvoiceView(LoginRequiredMixin, View):
    """The buyer downloads the commercial invoice of one shipment of their own order."""

    def get(self, request, number):
        vendor_order = VendorOrder.objects.filter(number=number, order__user=request.user).first()
        if vendor_order is None:
            raise Http404
        return _pdf_response(vendor_order)


class GuestInvoiceView(View):
    """A guest buyer downloads one shipment's commercial invoice from Oscar's order-status page.

    The link carries the order's verification hash (Oscar's signed order number) and, as on
    that page, the browser must have given the order's email address in this session. A wrong
    hash, another order's shipment or an order with an account answers 404; a right hash
    without the email asks for it first.
    """

    def get(self, request, order_number, hash, number):
        order = Order.objects.filter(number=order_number, user=None).first()
        if order is None or not order.check_verification_hash(hash):
            raise Http404
        vendor_order = VendorOrder.objects.filter(order=order, number=number).first()
        if vendor_order is None:
            raise Http404
        given = (request.session.get("anon_order_email") or "").strip().lower()
        if not given or given != (order.email or "").strip().lower():
            return redirect("customer:anon-order-form", order_number=order.number, hash=hash)
        return _pdf_response(vendor_order)


class LedgerView(TemplateView):
    """A cooperative's balance, ledger entries, payouts and payout account.

    Cooperative staff see their own; platform staff see the overview of every cooperative and
    open one with `?partner=<id>`.
    """

    template_name = "oscar/dashboard/orders/ledger.html"

    def get_partner(self):
        partners = selectors.partners_for_user(user=self.request.user)
        wanted = self.request.GET.get("partner") or self.request.POST.get("partner")
        if wanted:
            if not str(wanted).isdigit():
                raise Http404
            return get_object_or_404(partners, pk=wanted)
        if self.request.user.is_staff:
            return None
        partner = partners.order_by("pk").first()
        if partner is None:
            raise Http404
        return partner

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        partner = self.get_partner()
        context["partner"] = partner
        if partner is None:
            context["balances"] = selectors.cooperative_balances()
            return context
        account = PayoutAccount.objects.filter(partner=partner).first()
        entries = selectors.ledger_entries(partner=partner)
        context.update(
            cooperative=getattr(partner, "cooperative", None),
            balance=selectors.cooperative_balance(partner=partner),
            entries=entries[:200],
            entries_count=entries.count(),
            payouts=selectors.payouts_for_partner(partner=partner)[:50],
            account=account,
            account_form=kwargs.get("account_form") or PayoutAccountForm(instance=account),
        )
        return context

    def post(self, request, *args, **kwargs):
        partner = self.get_partner()
        if partner is None:
            raise Http404
        account = PayoutAccount.objects.filter(partner=partner).first()
        form = PayoutAccountForm(request.POST, instance=account)
        if form.is_valid():
            try:
                services.payout_account_save(partner=partner, by=request.user, **form.cleaned_data)
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _("Payout account saved."))
                url = reverse("dashboard:ledger")
                return HttpResponseRedirect(f"{url}?partner={partner.pk}" if request.user.is_staff else url)
        return self.render_to_response(self.get_context_data(account_form=form), status=400)


class PayoutBatchListView(ListView):
    template_name = "oscar/dashboard/orders/payout_batch_list.html"
    context_object_name = "batches"
    paginate_by = 20

    def get_queryset(self):
        return selectors.payout_batches()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["form"] = kwargs.get("form") or PayoutBatchForm()
        context["balances"] = selectors.cooperative_balances()
        return context

    def post(self, request, *args, **kwargs):
        form = PayoutBatchForm(request.POST)
        if form.is_valid():
            try:
                run = services.payout_batch_create(cut_off=form.cut_off_datetime(), by=request.user)
            except ValidationError as error:
                form.add_error(None, error)
            else:
                for partner, why in run.skipped:
                    messages.warning(
                        request, _("%(name)s was skipped: %(why)s.") % {"name": partner, "why": why}
                    )
                messages.success(request, _("Payout batch %(id)s created.") % {"id": run.batch.message_id})
                return HttpResponseRedirect(
                    reverse("dashboard:payout-batch-detail", kwargs={"pk": run.batch.pk})
                )
        self.object_list = self.get_queryset()
        return self.render_to_response(self.get_context_data(form=form), status=400)


class PayoutBatchDetailView(DetailView):
    template_name = "oscar/dashboard/orders/payout_batch_detail.html"
    context_object_name = "batch"
    queryset = PayoutBatch.objects.all()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        payouts = self.object.payouts.select_related("partner__cooperative", "vendor_order").order_by(
            "partner__name"
        )
        context["payouts"] = payouts
        context["total"] = sum((p.amount for p in payouts), 0)
        context["bank_count"] = sum(1 for p in payouts if p.rail == "bank_transfer")
        return context

    def post(self, request, *args, **kwargs):
        self.object = batch = self.get_object()
        try:
            services.payout_batch_confirm_paid(batch=batch, by=request.user)
        except ValidationError as error:
            messages.error(request, _error_text(error))
        else:
            messages.success(request, _("Batch marked paid: the cooperatives' ledgers show the payouts."))
        return HttpResponseRedirect(reverse("dashboard:payout-batch-detail", kwargs={"pk": batch.pk}))


class PayoutBatchFileView(View):
    kind = "csv"

    def get(self, request, pk):
        batch = get_object_or_404(PayoutBatch, pk=pk)
        if self.kind == "csv":
            response = HttpResponse(payout_batch_csv(batch=batch), content_type="text/csv; charset=utf-8")
            filename = f"{batch.message_id}.csv"
        else:
            response = HttpResponse(payout_batch_pain001(batch=batch), content_type="application/xml")
            filename = f"{batch.message_id}.pain.001.xml"
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response
