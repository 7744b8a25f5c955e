"""Login lockout (django-axes) adapted to Oscar's email login form.

Axes counts failed logins per account and address and refuses further attempts for a cool-off
period once the limit is reached. It guards HTTP logins; `authenticate()` called from code
without a request (the test client, management commands) is not a login attempt and passes.
"""

from axes.backends import AxesStandaloneBackend


class LockoutBackend(AxesStandaloneBackend):
    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)


def login_identifier(request, credentials: dict | None) -> str | None:
    """The email a login attempt is for, from Oscar's prefixed form, Django's or Wagtail's.

    Lower-cased, so "Buyer@Souk.test" and "buyer@souk.test" share one failure count.
    """
    value = None
    if credentials:
        value = credentials.get("username") or credentials.get("email")
    if value is None and request is not None:
        data = getattr(request, "POST", {})
        value = data.get("login-username") or data.get("username") or data.get("email")
    return value.strip().lower() if value else None
