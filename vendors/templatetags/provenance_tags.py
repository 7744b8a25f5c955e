from django import template
from django.urls import reverse

from vendors.provenance import provenance_token

register = template.Library()


@register.filter
def verify_url(obj) -> str:
    """The public provenance page of a product or cooperative."""
    return reverse("provenance-detail", kwargs={"token": provenance_token(obj)})
