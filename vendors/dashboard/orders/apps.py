import oscar.apps.dashboard.orders.apps as apps
from django.urls import path
from oscar.core.loading import get_class


class OrdersDashboardConfig(apps.OrdersDashboardConfig):
    """Oscar's order dashboard plus the marketplace split: vendor orders, the ledger, payouts.

    Cooperative staff reach vendor orders, invoices and their ledger (the views scope every
    object to their cooperative); refunds and payout batches are for platform staff.
    """

    name = "vendors.dashboard.orders"

    def configure_permissions(self):
        super().configure_permissions()
        DashboardPermission = get_class("dashboard.permissions", "DashboardPermission")
        vendor = (DashboardPermission.staff, DashboardPermission.partner_dashboard_access)
        staff = (DashboardPermission.staff,)
        self.permissions_map.update(
            {
                "vendor-order-list": vendor,
                "vendor-order-detail": vendor,
                "vendor-order-invoice": vendor,
                "ledger": vendor,
                "payout-batch-list": staff,
                "payout-batch-detail": staff,
                "payout-batch-csv": staff,
                "payout-batch-xml": staff,
            }
        )

    def get_urls(self):
        from checkout.ledger import views

        split = [
            path("vendor/", views.VendorOrderListView.as_view(), name="vendor-order-list"),
            path("vendor/<int:pk>/", views.VendorOrderDetailView.as_view(), name="vendor-order-detail"),
            path(
                "vendor/<int:pk>/invoice.pdf",
                views.VendorOrderInvoiceView.as_view(),
                name="vendor-order-invoice",
            ),
            path("ledger/", views.LedgerView.as_view(), name="ledger"),
            path("payouts/", views.PayoutBatchListView.as_view(), name="payout-batch-list"),
            path("payouts/<int:pk>/", views.PayoutBatchDetailView.as_view(), name="payout-batch-detail"),
            path(
                "payouts/<int:pk>/export.csv",
                views.PayoutBatchFileView.as_view(kind="csv"),
                name="payout-batch-csv",
            ),
            path(
                "payouts/<int:pk>/pain001.xml",
                views.PayoutBatchFileView.as_view(kind="xml"),
                name="payout-batch-xml",
            ),
        ]
        # Ours first: Oscar's `<str:number>/` would otherwise take "vendor/" for an order number.
        return self.post_process_urls(split) + super().get_urls()
