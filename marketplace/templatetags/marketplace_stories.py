from django import template
from django.utils.translation import get_language

from marketplace.selectors import stories_for_cooperative

register = template.Library()


@register.simple_tag
def cooperative_stories(cooperative) -> list:
    """The cooperative's stories in the visitor's language (or the default one when untranslated)."""
    return stories_for_cooperative(cooperative=cooperative, language=get_language() or "en")
