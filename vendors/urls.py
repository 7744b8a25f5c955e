from django.urls import path

from catalogue.reviews.views import CooperativeReviewCreateView, CooperativeReviewListView

from . import views

urlpatterns = [
    path("", views.CooperativeListView.as_view(), name="cooperative-list"),
    path("<slug:slug>/", views.CooperativeDetailView.as_view(), name="cooperative-detail"),
    path("<slug:slug>/reviews/", CooperativeReviewListView.as_view(), name="cooperative-review-list"),
    path("<slug:slug>/reviews/add/", CooperativeReviewCreateView.as_view(), name="cooperative-review-create"),
]
