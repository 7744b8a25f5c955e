"""Authentication that shuts suspended cooperatives out.

Django asks the backend on every request whether a logged-in user may still authenticate
(`get_user` calls `user_can_authenticate`), so suspending a cooperative also ends the
sessions its members already have.
"""

from django.contrib.auth.backends import ModelBackend
from oscar.apps.customer.auth_backends import EmailBackend as OscarEmailBackend

from .models import Cooperative


def user_is_blocked_by_suspension(user) -> bool:
    """Members of a suspended cooperative may not log in; platform staff always may."""
    if user.is_staff:
        return False
    return Cooperative.objects.filter(partner__users=user, status=Cooperative.Status.SUSPENDED).exists()


class _SuspensionAwareMixin:
    def user_can_authenticate(self, user):
        return super().user_can_authenticate(user) and not user_is_blocked_by_suspension(user)


class EmailBackend(_SuspensionAwareMixin, OscarEmailBackend):
    pass


class SuspensionAwareModelBackend(_SuspensionAwareMixin, ModelBackend):
    pass
