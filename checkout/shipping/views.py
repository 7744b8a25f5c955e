"""The dashboard's "Shipping rates" page: a cooperative's own rate per zone over the platform defaults.

Cooperative staff see and change their own cooperative's rates; platform staff pick any
cooperative with `?partner=<id>`. Another cooperative's rates answer 404.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from checkout.destination import country_name
from checkout.models import RATE_MAX_BASE_CHARGE, RATE_MAX_DAYS, RATE_MAX_PER_KG, ShippingRate
from checkout.zones import Zone

from . import selectors, services
from .forms import CRAFT_LABELS, ExampleParcelForm, ZoneRateForm


def _initial(rate: ShippingRate | None) -> dict:
    if rate is None:
        return {}
    return {
        "method_name": rate.method_name,
        "base_charge": rate.base_charge,
        "per_kg": rate.per_kg,
        "days_min": rate.days_min,
        "days_max": rate.days_max,
    }


class ShippingRatesView(TemplateView):
    template_name = "oscar/dashboard/shipping/shipping_rates.html"

    def get_partner(self):
        partners = selectors.shipping_partners_for_user(user=self.request.user)
        wanted = self.request.POST.get("partner") or self.request.GET.get("partner")
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

    def _forms(self, partner, data=None) -> dict[str, ZoneRateForm]:
        own = {rate.zone: rate for rate in ShippingRate.objects.filter(partner=partner)}
        return {
            zone: ZoneRateForm(data, prefix=zone, initial=_initial(own.get(zone))) for zone in Zone.values
        }

    def _url(self, partner) -> str:
        url = reverse("dashboard:shipping-rates")
        return f"{url}?partner={partner.pk}" if self.request.user.is_staff else url

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        partner = kwargs["partner"] if "partner" in kwargs else self.get_partner()
        context["partner"] = partner
        if partner is None:
            context["partners"] = selectors.shipping_partners_overview()
            return context
        example_form = ExampleParcelForm(self.request.GET if "craft" in self.request.GET else None)
        craft, weight = example_form.example()
        rows = selectors.shipping_rate_rows(
            partner=partner, example=selectors.shipping_example_item(craft=craft, weight_kg=weight)
        )
        forms = kwargs.get("forms") or self._forms(partner)
        language = get_language() or "en"
        headline = next(row for row in rows if row.zone == Zone.EU)
        context.update(
            cooperative=getattr(partner, "cooperative", None),
            rows=[
                (row, forms[row.zone], country_name(row.example_country, language=language)) for row in rows
            ],
            headline=headline,
            headline_country=country_name(headline.example_country, language=language),
            example_form=example_form,
            example_craft=CRAFT_LABELS[craft],
            example_weight=weight,
            own_count=sum(1 for row in rows if row.own is not None),
            has_errors=any(form.errors for form in forms.values()),
            limits={"base": RATE_MAX_BASE_CHARGE, "per_kg": RATE_MAX_PER_KG, "days": RATE_MAX_DAYS},
        )
        return context

    def post(self, request, *args, **kwargs):
        partner = self.get_partner()
        if partner is None:
            raise Http404
        zone = request.POST.get("reset")
        if zone:
            if zone not in Zone.values:
                raise Http404
            if services.shipping_rate_clear(partner=partner, zone=zone, by=request.user):
                messages.success(
                    request,
                    _("%(zone)s now charges the platform default.") % {"zone": Zone(zone).label},
                )
            return HttpResponseRedirect(self._url(partner))
        forms = self._forms(partner, request.POST)
        if all(form.is_valid() for form in forms.values()):
            try:
                changed = services.shipping_rates_save(
                    partner=partner,
                    rates={zone: form.rate_fields() for zone, form in forms.items()},
                    by=request.user,
                )
            except ValidationError as error:
                messages.error(request, " ".join(error.messages))
            else:
                if changed:
                    messages.success(
                        request,
                        _("Shipping rates saved: %(zones)s. New baskets are charged these rates.")
                        % {"zones": ", ".join(str(Zone(zone).label) for zone in changed)},
                    )
                else:
                    messages.info(request, _("Nothing changed."))
                return HttpResponseRedirect(self._url(partner))
        else:
            messages.error(request, _("Some rates could not be saved: see the highlighted fields."))
        return self.render_to_response(self.get_context_data(partner=partner, forms=forms), status=400)
