import oscar.apps.dashboard.catalogue.apps as apps
from django.urls import path
from oscar.core.loading import get_class


class CatalogueDashboardConfig(apps.CatalogueDashboardConfig):
    """Oscar's catalogue dashboard, forked into the cooperative product editor.

    Cooperative staff (partner.dashboard_access) list, create, edit and delete the products
    their own stock records hold; platform staff see everything and alone may unpublish.
    """

    name = "vendors.dashboard.catalogue"

    def ready(self):
        super().ready()
        self.product_unpublish_view = get_class("dashboard.catalogue.views", "ProductUnpublishView")
        self.product_republish_view = get_class("dashboard.catalogue.views", "ProductRepublishView")

    def get_urls(self):
        # Not in permissions_map, so Oscar's default applies: platform staff only.
        urls = [
            path(
                "products/<int:pk>/unpublish/",
                self.product_unpublish_view.as_view(),
                name="catalogue-product-unpublish",
            ),
            path(
                "products/<int:pk>/republish/",
                self.product_republish_view.as_view(),
                name="catalogue-product-republish",
            ),
        ]
        return self.post_process_urls(urls) + super().get_urls()
