from django.urls import path, re_path

from . import verify_views

urlpatterns = [
    path("<str:token>/", verify_views.provenance_detail, name="provenance-detail"),
    re_path(r"^(?P<token>[^/]+)/qr\.(?P<fmt>svg|png)$", verify_views.provenance_qr, name="provenance-qr"),
]
