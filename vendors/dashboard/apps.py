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

    def get_urls(self):
        from .views import HangTagSheetView

        hang_tags = [path("hang-tags/", HangTagSheetView.as_view(), name="hang-tags")]
        return self.post_process_urls(hang_tags) + super().get_urls()
