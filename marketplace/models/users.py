from oscar.apps.customer.abstract_models import AbstractUser


class User(AbstractUser):
    """Everyone who logs in: buyers, cooperative staff, editors and platform staff.

    Login is by email address (Oscar's AbstractUser has no username). Roles come from
    groups and permissions, and cooperative staff from `Partner.users`.
    """

    class Meta(AbstractUser.Meta):
        swappable = "AUTH_USER_MODEL"
        verbose_name = "user"
        verbose_name_plural = "users"
        ordering = ["email"]
