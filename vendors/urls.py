from django.urls import path

from . import views

urlpatterns = [
    path("", views.CooperativeListView.as_view(), name="cooperative-list"),
    path("<slug:slug>/", views.CooperativeDetailView.as_view(), name="cooperative-detail"),
]
