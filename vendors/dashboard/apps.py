import oscar.apps.dashboard.apps as apps
from django.urls import path
from oscar.core.loading import get_class


class DashboardConfig(apps.DashboardConfig):
    """Oscar's dashboard, forked so cooperative staff see only their own share of the shop.

    Oscar's class loader looks up `dashboard.<sub-app>.<module>` overrides under this app's
    name, so vendors/dashboard/orders/views.py replaces the order views for every sub-app.
    """

    name = "vendors.dashboard"

    def configure_permissions(self):
        super().configure_permissions()
        DashboardPermission = get_class("dashboard.permissions", "DashboardPermission")
        self.permissions_map["hang-tags"] = (
            DashboardPermission.staff,
            DashboardPermission.partner_dashboard_access,
        )
        # Each cooperative's own insights (marketplace/observatory/insight_views.py).
        self.permissions_map["cooperative-insights"] = (
            DashboardPermission.staff,
            DashboardPermission.partner_dashboard_access,
        )
        # A cooperative's own shipping rates per zone (checkout/shipping/views.py).
        self.permissions_map["shipping-rates"] = (
            DashboardPermission.staff,
            DashboardPermission.partner_dashboard_access,
        )
        # The review queue, applicants' documents and the export observatory are for platform staff only.
        for name in (
            "observatory-sales",
            "observatory-demand",
            "observatory-funnel",
            "cooperative-application-list",
            "cooperative-application-detail",
            "cooperative-application-document",
        ):
            self.permissions_map[name] = DashboardPermission.staff

    def get_urls(self):
        from checkout.shipping.views import ShippingRatesView
        from marketplace.observatory.insight_views import CooperativeInsightsView
        from marketplace.observatory.views import DemandView, FunnelView, SalesView

        from .views import (
            ApplicationDocumentView,
            CooperativeApplicationDetailView,
            CooperativeApplicationListView,
            HangTagSheetView,
        )

        urls = [
            path("hang-tags/", HangTagSheetView.as_view(), name="hang-tags"),
            path("shipping/", ShippingRatesView.as_view(), name="shipping-rates"),
            path("insights/", CooperativeInsightsView.as_view(), name="cooperative-insights"),
            path("observatory/", SalesView.as_view(), name="observatory-sales"),
            path("observatory/demand/", DemandView.as_view(), name="observatory-demand"),
            path("observatory/funnel/", FunnelView.as_view(), name="observatory-funnel"),
            path(
                "cooperatives/applications/",
                CooperativeApplicationListView.as_view(),
                name="cooperative-application-list",
            ),
            path(
                "cooperatives/applications/<int:pk>/",
                CooperativeApplicationDetailView.as_view(),
                name="cooperative-application-detail",
            ),
            path(
                "cooperatives/applications/<int:pk>/documents/<int:document_pk>/",
                ApplicationDocumentView.as_view(),
                name="cooperative-application-document",
            ),
        ]
        return self.post_process_urls(urls) + super().get_urls()
