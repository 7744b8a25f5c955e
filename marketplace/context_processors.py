from django.conf import settings

from catalogue.selectors import navigation_categories


def site_chrome(request):
    """What every page's header and footer need: the theme and the top categories."""
    return {
        "souk_theme": settings.SOUK_THEME,
        "nav_categories": navigation_categories(),
    }
