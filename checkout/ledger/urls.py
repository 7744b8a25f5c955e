from django.urls import path

from .views import BuyerInvoiceView, GuestInvoiceView

urlpatterns = [
    path("invoices/<str:number>.pdf", BuyerInvoiceView.as_view(), name="vendor-order-buyer-invoice"),
    path(
        "status/<str:order_number>/<str:hash>/invoices/<str:number>.pdf",
        GuestInvoiceView.as_view(),
        name="vendor-order-guest-invoice",
    ),
]
