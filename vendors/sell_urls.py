from django.urls import path

from . import sell_views

urlpatterns = [
    path("", sell_views.CooperativeApplicationWizard.as_view(), name="sell"),
    path("amend/<str:token>/", sell_views.CooperativeApplicationAmendWizard.as_view(), name="sell-amend"),
    path("thank-you/", sell_views.SellDoneView.as_view(), name="sell-done"),
]
