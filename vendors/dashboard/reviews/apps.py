import oscar.apps.dashboard.reviews.apps as apps
from django.urls import path
from oscar.core.loading import get_class


class ReviewsDashboardConfig(apps.ReviewsDashboardConfig):
    """Oscar's review moderation, plus the same for reviews of cooperatives (platform staff
    with the cooperative review permissions, as product reviews need theirs)."""

    name = "vendors.dashboard.reviews"

    def configure_permissions(self):
        super().configure_permissions()
        DashboardPermission = get_class("dashboard.permissions", "DashboardPermission")
        self.permissions_map["cooperative-reviews-list"] = DashboardPermission.get(
            "partner", "view_cooperativereview", "change_cooperativereview"
        )

    def get_urls(self):
        from .views import CooperativeReviewListView

        urls = [
            path("cooperatives/", CooperativeReviewListView.as_view(), name="cooperative-reviews-list"),
        ]
        return self.post_process_urls(urls) + super().get_urls()
