"""The cooperative's insights page in the vendor dashboard, and its CSV export.

Cooperative staff see their own cooperative only: asking for another with `?cooperative=`
answers 404, as if it did not exist. Platform staff pick any cooperative with
`?cooperative=<id>` (their own by default if they run one).
"""

import csv
import re
from datetime import date

from django import forms
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils import formats, timezone
from django.utils.translation import get_language_bidi, pgettext_lazy
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from . import charts, insights
from .summary import month_summary_sentences

MONTH = re.compile(r"^(\d{4})-(\d{2})$")
# A period longer than this says nothing a cooperative can act on, and costs more to read.
MAX_MONTHS = 60

CSV_TABLES = ("months", "products", "countries", "searches", "unmet")


def _month(value: str) -> date | None:
    match = MONTH.match(value or "")
    if not match:
        return None
    year, month = int(match[1]), int(match[2])
    if not (2000 <= year <= 2100 and 1 <= month <= 12):
        return None
    return date(year, month, 1)


class InsightPeriodForm(forms.Form):
    """From one month to another (`YYYY-MM`, as `<input type="month">` sends them)."""

    start = forms.CharField(label=pgettext_lazy("first month of a period", "From"), required=False)
    end = forms.CharField(label=pgettext_lazy("last month of a period", "To"), required=False)

    def __init__(self, *args, default: insights.Period, **kwargs):
        kwargs.setdefault("initial", {"start": f"{default.first:%Y-%m}", "end": f"{default.last:%Y-%m}"})
        super().__init__(*args, **kwargs)
        self.default = default
        for field in self.fields.values():
            field.widget.input_type = "month"
            field.widget.attrs.update(
                {
                    "class": "form-control form-control-sm",
                    "placeholder": "YYYY-MM",
                    "pattern": r"\d{4}-\d{2}",
                }
            )

    def clean_start(self):
        return self._month_field("start")

    def clean_end(self):
        return self._month_field("end")

    def _month_field(self, name: str) -> date | None:
        value = self.cleaned_data.get(name, "")
        if not value:
            return None
        month = _month(value)
        if month is None:
            raise forms.ValidationError(_("Give a month as YYYY-MM."))
        return month

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start"), cleaned.get("end")
        if start and end and start > end:
            raise forms.ValidationError(_("The first month comes after the last one."))
        return cleaned

    def period(self) -> insights.Period:
        """The period asked for, the default one when the form is empty or wrong."""
        if not self.is_bound or not self.is_valid():
            return self.default
        end = self.cleaned_data.get("end") or self.default.last
        start = self.cleaned_data.get("start") or insights.month_add(end, -(len(self.default.months) - 1))
        start = max(start, insights.month_add(end, -(MAX_MONTHS - 1)))
        return insights.Period(first=min(start, end), last=end)


class CooperativeInsightsView(TemplateView):
    """Revenue, buyers, products, searches and payouts of one cooperative, with the month in words."""

    template_name = "observatory/cooperative_insights.html"

    def get_cooperative(self):
        """The cooperative to show, or None when platform staff have not picked one yet."""
        user = self.request.user
        wanted = self.request.GET.get("cooperative", "")
        visible = insights.cooperatives_for_user(user=user)
        if wanted:
            if not wanted.isdigit():
                raise Http404
            return get_object_or_404(visible, pk=wanted)
        own = insights.cooperative_of_user(user=user)
        if own is not None:
            return own
        if user.is_staff:
            return None
        raise Http404

    def get(self, request, *args, **kwargs):
        self.cooperative = self.get_cooperative()
        today = timezone.localdate()
        self.form = InsightPeriodForm(
            {key: request.GET[key] for key in ("start", "end") if key in request.GET} or None,
            default=insights.period_default(today=today),
        )
        self.insights = None
        if self.cooperative is not None:
            self.insights = insights.cooperative_insights(
                cooperative=self.cooperative, period=self.form.period(), today=today
            )
            if request.GET.get("format") == "csv":
                return self.csv_response(request.GET.get("table", ""))
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        context.update(
            cooperative=self.cooperative,
            form=self.form,
            data=self.insights,
            cooperatives=insights.cooperatives_for_user(user=user) if user.is_staff else None,
        )
        data = self.insights
        if data is not None:
            context.update(
                summary=month_summary_sentences(facts=data.facts),
                query=self._query(),
                products_chart=self._products_chart(data.products.top),
            )
        return context

    @staticmethod
    def _products_chart(rows):
        # Product titles are long ("Beni Ourain rug, plain ivory, 200 × 300 cm"): a wide chart
        # with room for them, where the shared template tag would cut them at 28 letters.
        def printed(amount) -> str:
            return f"{formats.number_format(amount, decimal_pos=0, use_l10n=True, force_grouping=True)} MAD"

        items = [
            charts.Item(row.title or f"#{row.product_id}", float(row.net_mad), printed(row.net_mad))
            for row in rows
        ]
        return charts.hbar_svg(items, width=1040, label_width=400, rtl=get_language_bidi())

    def _query(self) -> str:
        """The page's own query string (cooperative and period), for the export links."""
        params = []
        if self.request.user.is_staff:
            params.append(f"cooperative={self.cooperative.pk}")
        period = self.insights.period
        params += [f"start={period.first:%Y-%m}", f"end={period.last:%Y-%m}"]
        return "&".join(params)

    # --- CSV ------------------------------------------------------------------------------

    def csv_response(self, table: str) -> HttpResponse:
        tables = [table] if table in CSV_TABLES else list(CSV_TABLES)
        period = self.insights.period
        name = f"insights-{self.cooperative.slug}-{period.first:%Y-%m}-{period.last:%Y-%m}"
        if len(tables) == 1:
            name += f"-{tables[0]}"
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{name}.csv"'
        response.write("\ufeff")  # so spreadsheet programs read UTF-8 (Arabic names, accents)
        writer = csv.writer(response)
        for index, key in enumerate(tables):
            if len(tables) > 1:
                if index:
                    writer.writerow([])
                writer.writerow([dict(self.csv_titles())[key]])
            for row in getattr(self, f"_csv_{key}")():
                writer.writerow(row)
        return response

    def csv_titles(self):
        return [
            ("months", _("Sales by month")),
            ("products", _("Products")),
            ("countries", _("Buyer countries")),
            ("searches", _("Searches that led to your products")),
            ("unmet", _("Searches that found nothing")),
        ]

    def _csv_months(self):
        yield [_("Month"), _("Orders"), _("Units"), _("Revenue (MAD)"), _("Refunds (MAD)")]
        for row in self.insights.months:
            totals = row.totals
            yield [f"{row.month:%Y-%m}", totals.orders, totals.units, totals.net_mad, totals.refunds_mad]

    def _csv_products(self):
        yield [
            _("Product id"),
            _("Product"),
            _("Units"),
            _("Revenue (MAD)"),
            _("Views"),
            _("Basket additions"),
            _("Orders"),
            _("Orders per 100 views"),
        ]
        rows = sorted(self.insights.products.rows, key=lambda row: (-row.net_mad, -row.views, row.product_id))
        for row in rows:
            conversion = "" if row.conversion is None else f"{row.conversion * 100:.1f}"
            yield [
                row.product_id,
                row.title,
                row.units,
                row.net_mad,
                row.views,
                row.basket_adds,
                row.orders,
                conversion,
            ]

    def _csv_countries(self):
        yield [
            _("Country code"),
            _("Country"),
            _("Orders"),
            _("Units"),
            _("Revenue (MAD)"),
            _("Share of orders"),
        ]
        for row in self.insights.countries:
            totals = row.totals
            yield [row.code, row.name, totals.orders, totals.units, totals.net_mad, f"{row.share:.4f}"]

    def _csv_searches(self):
        yield [_("Search words"), _("Clicks on your products"), _("Products clicked")]
        for row in self.insights.search_terms:
            yield [row.text, row.clicks, row.products]

    def _csv_unmet(self):
        yield [_("Search words"), _("Searches that found nothing"), _("Languages")]
        for row in self.insights.unmet:
            yield [row.text, row.zero_results, " ".join(row.languages)]
