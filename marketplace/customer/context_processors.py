from django.utils.functional import SimpleLazyObject
from oscar.core.loading import get_model

Notification = get_model("communication", "Notification")


def notifications(request):
    """Oscar's `num_unread_notifications`, counted only when a template shows it (Oscar's account
    menu does; the storefront header does not), not on every page a signed-in buyer opens."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {
        "num_unread_notifications": SimpleLazyObject(
            lambda: Notification.objects.filter(recipient=user, date_read=None).count()
        )
    }
