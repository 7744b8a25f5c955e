from oscar.apps.customer.forms import *  # noqa: F403
from oscar.apps.customer.forms import EmailUserCreationForm as OscarEmailUserCreationForm
from oscar.apps.customer.utils import normalise_email
from oscar.core.compat import get_user_model

User = get_user_model()


class EmailUserCreationForm(OscarEmailUserCreationForm):
    """Oscar's sign-up form without "A user with that email address already exists".

    Whether the address is taken is decided after validation, by `account_signup`, which mails
    the address either way; the page the visitor sees is the same.
    """

    def clean_email(self):
        return normalise_email(self.cleaned_data["email"])

    def validate_unique(self):
        # The model's unique email check would reveal the account too; account_signup handles it.
        pass
