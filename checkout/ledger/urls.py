from django.urls import path

from .views import BuyerInvoiceView

urlpatterns = [
    path("invoices/<str:number>.pdf", BuyerInvoiceView.as_view(), name="vendor-order-buyer-invoice"),
]
