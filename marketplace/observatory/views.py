"""The platform's export observatory in Oscar's dashboard (staff only): sales, demand, funnel.

Thin views: the filter form picks the period and filters, a selector builds the report,
the template draws it, and `?format=csv` returns the same report as a CSV file.
"""

from django.http import HttpResponse
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from . import exports, selectors
from .forms import ObservatoryFilterForm


class ObservatoryView(TemplateView):
    section = ""
    filter_fields: tuple[str, ...] = ()

    def build_report(self, *, period, **filters):
        raise NotImplementedError

    def csv_rows(self, report):
        raise NotImplementedError

    def report_context(self, report) -> dict:
        return {}

    def get(self, request, *args, **kwargs):
        form = ObservatoryFilterForm(request.GET or None, fields=self.filter_fields)
        report = self.build_report(period=form.period(), **form.filters())
        if request.GET.get("format") == "csv":
            response = HttpResponse(
                exports.report_csv(report, self.csv_rows(report)), content_type="text/csv; charset=utf-8"
            )
            filename = f"souk-observatory-{self.section}-{report.period.start}-{report.period.end}.csv"
            response["Content-Disposition"] = f'attachment; filename="{filename}"'
            return response
        query = request.GET.copy()
        query["format"] = "csv"
        context = self.get_context_data(
            form=form,
            report=report,
            section=self.section,
            csv_query=query.urlencode(),
            last_run=selectors.rollup_last_run(),
            **self.report_context(report),
        )
        return self.render_to_response(context)


class SalesView(ObservatoryView):
    template_name = "oscar/dashboard/observatory/sales.html"
    section = "sales"
    filter_fields = ("country", "craft", "currency")

    def build_report(self, *, period, **filters):
        return selectors.sales_report(period=period, **filters)

    def csv_rows(self, report):
        return exports.sales_rows(report)


class DemandView(ObservatoryView):
    template_name = "oscar/dashboard/observatory/demand.html"
    section = "demand"
    filter_fields = ("country", "language")

    def build_report(self, *, period, **filters):
        return selectors.demand_report(period=period, **filters)

    def csv_rows(self, report):
        return exports.demand_rows(report)


class FunnelView(ObservatoryView):
    template_name = "oscar/dashboard/observatory/funnel.html"
    section = "funnel"
    filter_fields = ("country", "device")

    def build_report(self, *, period, **filters):
        return selectors.funnel_report(period=period, **filters)

    def csv_rows(self, report):
        return exports.funnel_rows(report)

    def report_context(self, report) -> dict:
        return {
            "tables": [
                (_("By buyer country (top 15 by views)"), report.by_country, "countries", _("Country")),
                (_("By device"), report.by_device, "devices", _("Device")),
            ]
        }
