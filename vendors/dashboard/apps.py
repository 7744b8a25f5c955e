import oscar.apps.dashboard.apps as apps


class DashboardConfig(apps.DashboardConfig):
    """Oscar's dashboard, forked so cooperative staff see only their own share of the shop.

    Oscar's class loader looks up `dashboard.<sub-app>.<module>` overrides under this app's
    name, so vendors/dashboard/orders/views.py replaces the order views for every sub-app.
    """

    name = "vendors.dashboard"
