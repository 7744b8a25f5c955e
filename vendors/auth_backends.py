"""Authentication that shuts suspended cooperatives out.

Django asks the backend on every request whether a logged-in user may still authenticate
(`get_user` calls `user_can_authenticate`), so suspending a cooperative also ends the
sessions its members already have.

The signed-in user is loaded once per request (`get_user`) with what every page then asks
about them, in the same query: whether a suspended cooperative shuts them out, and whether
they hold any permission at all (the header's Dashboard link asks; a buyer holds none, and
is then not asked about twice more).
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.db.models import Exists, OuterRef
from oscar.apps.customer.auth_backends import EmailBackend as OscarEmailBackend

from .models import Cooperative


def _suspended_cooperatives(user):
    return Cooperative.objects.filter(partner__users=user, status=Cooperative.Status.SUSPENDED)


def user_is_blocked_by_suspension(user) -> bool:
    """Members of a suspended cooperative may not log in; platform staff always may."""
    if user.is_staff:
        return False
    if "blocked_by_suspension" in user.__dict__:  # loaded by user_for_session
        return user.blocked_by_suspension
    return _suspended_cooperatives(user).exists()


def user_for_session(*, pk):
    """The user with primary key `pk` as a request's session names them, or None: with
    `blocked_by_suspension` and, for someone with no permission of their own, no group and
    not a superuser, Django's permission caches already filled (empty)."""
    User = get_user_model()
    user = (
        User._default_manager.annotate(
            blocked_by_suspension=Exists(_suspended_cooperatives(OuterRef("pk"))),
            has_own_permissions=Exists(User.user_permissions.through.objects.filter(user_id=OuterRef("pk"))),
            in_groups=Exists(User.groups.through.objects.filter(user_id=OuterRef("pk"))),
        )
        .filter(pk=pk)
        .first()
    )
    if user is not None and not (user.has_own_permissions or user.in_groups or user.is_superuser):
        # ModelBackend keeps a user's permissions on these attributes once worked out.
        user._user_perm_cache = user._group_perm_cache = user._perm_cache = set()
    return user


class _SuspensionAwareMixin:
    def user_can_authenticate(self, user):
        return super().user_can_authenticate(user) and not user_is_blocked_by_suspension(user)

    def get_user(self, user_id):
        """ModelBackend's, in one query (`user_for_session`)."""
        user = user_for_session(pk=user_id)
        return user if user is not None and self.user_can_authenticate(user) else None


class EmailBackend(_SuspensionAwareMixin, OscarEmailBackend):
    pass


class SuspensionAwareModelBackend(_SuspensionAwareMixin, ModelBackend):
    pass
