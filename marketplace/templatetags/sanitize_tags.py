from django import template
from django.utils.safestring import mark_safe

from marketplace.sanitize import html_sanitize

register = template.Library()


@register.filter
def sanitize_html(value):
    """Render vendor or editor rich text: `{{ product.description|sanitize_html }}`."""
    # Safe to mark: nh3 has just removed everything but the allow-listed markup.
    return mark_safe(html_sanitize(str(value or "")))
