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
        # The review queue and applicants' documents are for platform staff only.
        for name in (
            "cooperative-application-list",
            "cooperative-application-detail",
            "cooperative-application-document",
        ):
            self.permissions_map[name] = DashboardPermission.staff

    def get_urls(self):
        from .views import (
            ApplicationDocumentView,
            CooperativeApplicationDetailView,
            CooperativeApplicationListView,
            HangTagSheetView,
        )

        urls = [
            path("hang-tags/", HangTagSheetView.as_view(), name="hang-tags"),
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
