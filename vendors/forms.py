import logging

from django import forms
from django.core.validators import MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from oscar.core.loading import get_model
from phonenumber_field.formfields import PhoneNumberField

from marketplace.s3_storage import STORAGE_ERRORS

from .models import SPOKEN_LANGUAGES
from .regions import Region
from .uploads import upload_discard, upload_name, upload_stash
from .validators import validate_certificate_document

logger = logging.getLogger(__name__)

ProductClass = get_model("catalogue", "ProductClass")
Certificate = get_model("partner", "Certificate")
CooperativeApplication = get_model("partner", "CooperativeApplication")


class CooperativeFilterForm(forms.Form):
    region = forms.ChoiceField(label=_("Region"), required=False, choices=[("", _("All regions"))])
    craft = forms.ChoiceField(label=_("Craft"), required=False, choices=[("", _("All crafts"))])
    women_led = forms.BooleanField(label=_("Women-led only"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["region"].choices = [("", _("All regions")), *Region.choices]
        self.fields["craft"].choices = [
            ("", _("All crafts")),
            *ProductClass.objects.order_by("name").values_list("slug", "name"),
        ]


# --- The /sell/ application ---------------------------------------------------------------


class ApplicationCooperativeForm(forms.ModelForm):
    """Step 1: who the cooperative is."""

    crafts = forms.ModelMultipleChoiceField(
        label=_("Crafts"),
        queryset=ProductClass.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Tick every craft your members practise."),
    )
    languages = forms.MultipleChoiceField(
        label=_("Languages spoken"),
        choices=SPOKEN_LANGUAGES,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    class Meta:
        model = CooperativeApplication
        fields = [
            "name",
            "legal_name",
            "registration_number",
            "rna_number",
            "ice",
            "region",
            "city",
            "crafts",
            "founded_year",
            "members_count",
            "women_members_count",
            "is_women_led",
            "languages",
            "story",
        ]
        labels = {"is_women_led": _("The cooperative is led by women")}
        help_texts = {
            "name": _("The name buyers will see, e.g. Coopérative Tifawin."),
            "legal_name": _("As written on your registration certificate."),
            "registration_number": _("From the Office du Développement de la Coopération (ODCo)."),
            "ice": _("Identifiant commun de l'entreprise: 15 digits."),
            "story": _(
                "How the cooperative started, who its members are and how they work. "
                "A few sentences are enough."
            ),
        }
        widgets = {
            "story": forms.Textarea(attrs={"rows": 5}),
            "founded_year": forms.NumberInput(attrs={"inputmode": "numeric", "min": 1900}),
            "members_count": forms.NumberInput(attrs={"inputmode": "numeric", "min": 1}),
            "women_members_count": forms.NumberInput(attrs={"inputmode": "numeric", "min": 0}),
            "ice": forms.TextInput(attrs={"inputmode": "numeric", "maxlength": 15}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["crafts"].queryset = ProductClass.objects.order_by("name")
        self.fields["region"].choices = [("", _("Choose a region")), *Region.choices]
        self.fields["members_count"].min_value = 1
        self.fields["members_count"].validators.append(MinValueValidator(1))
        if isinstance(self.initial.get("languages"), str):
            self.initial["languages"] = [code for code in self.initial["languages"].split(",") if code]

    def clean_founded_year(self):
        year = self.cleaned_data.get("founded_year")
        if year and year > timezone.localdate().year:
            raise forms.ValidationError(_("The year founded cannot be in the future."))
        return year

    def clean_languages(self):
        return ",".join(self.cleaned_data.get("languages") or [])

    def clean(self):
        cleaned = super().clean()
        members, women = cleaned.get("members_count"), cleaned.get("women_members_count")
        if members is not None and women is not None and women > members:
            self.add_error("women_members_count", _("There cannot be more women members than members."))
        return cleaned

    def validate_constraints(self, exclude=None):
        # clean() already explains the one constraint in words the applicant understands.
        pass


STORAGE_DOWN_MESSAGE = _(
    "We could not store your document just now: our file store is not answering. "
    "Nothing was saved; please choose the file again in a few minutes."
)


def _upload_kept(ref: str) -> bool:
    try:
        return upload_name(ref=ref) is not None
    except STORAGE_ERRORS:
        # Validly signed, but the store does not answer: keep it; sending reads the file again.
        return True


class ApplicationDocumentForm(forms.Form):
    """One certificate: what it is, and its scan. A scan that passed its checks is kept (as a
    signed reference) when something else on the page needs fixing."""

    type = forms.ChoiceField(label=_("Type of document"), choices=[("", "—"), *Certificate.Type.choices])
    number = forms.CharField(label=_("Certificate number"), max_length=60)
    issuing_body = forms.CharField(
        label=_("Issued by"),
        max_length=160,
        help_text=_("e.g. Maison de l'Artisan, ODCo, Chambre d'artisanat."),
    )
    issued_on = forms.DateField(
        label=_("Issued on"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    expires_on = forms.DateField(
        label=_("Expires on"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("Leave empty if it does not expire."),
    )
    document = forms.FileField(
        label=_("Scanned document"),
        required=False,
        validators=[validate_certificate_document],
        widget=forms.ClearableFileInput(attrs={"accept": "application/pdf,image/jpeg,image/png"}),
        help_text=_("PDF, JPEG or PNG, at most 10 MB. A clear phone photo is fine."),
    )
    document_ref = forms.CharField(required=False, widget=forms.HiddenInput)

    def has_changed(self):
        # An extra row the applicant left alone (no file, no text) is not a document.
        return any(name != "document_ref" and name in self.changed_data for name in self.fields) or bool(
            self.files.get(self.add_prefix("document"))
        )

    def clean(self):
        cleaned = super().clean()
        upload = cleaned.get("document")
        try:
            self._document_keep(cleaned, upload)
        except STORAGE_ERRORS as error:
            # The file store (S3) is down: nothing is kept, and the applicant is told so.
            logger.warning("Application document not stored: %s", error)
            cleaned["document_ref"] = ""
            self.add_error("document", STORAGE_DOWN_MESSAGE)
        issued, expires = cleaned.get("issued_on"), cleaned.get("expires_on")
        if issued and expires and expires < issued:
            self.add_error("expires_on", _("The expiry date comes before the issue date."))
        if issued and issued > timezone.localdate():
            self.add_error("issued_on", _("The issue date cannot be in the future."))
        return cleaned

    def _document_keep(self, cleaned: dict, upload) -> None:
        if upload:
            old_ref = cleaned.get("document_ref")
            if old_ref:
                upload_discard(ref=old_ref)
            ref = upload_stash(upload=upload)
            cleaned["document_ref"] = ref
            # Rendered again if the page fails, so the file need not be chosen twice.
            self.data = self.data.copy()
            self.data[self.add_prefix("document_ref")] = ref
        elif "document" not in self.errors:
            ref = cleaned.get("document_ref")
            if not ref or not _upload_kept(ref):
                cleaned["document_ref"] = ""
                self.add_error("document", _("Attach the scanned document."))

    @property
    def attached_filename(self) -> str:
        """The name of the scan already kept for this row, if any."""
        ref = self.data.get(self.add_prefix("document_ref")) if self.is_bound else ""
        try:
            name = upload_name(ref=ref) if ref else None
        except STORAGE_ERRORS:
            return ""
        return name.rsplit("/", 1)[-1] if name else ""


class BaseApplicationDocumentFormSet(forms.BaseFormSet):
    def clean(self):
        super().clean()
        if any(self.errors):
            return
        numbers = [
            (form.cleaned_data["type"], form.cleaned_data["number"].strip().lower())
            for form in self.forms
            if form.cleaned_data
        ]
        if len(numbers) != len(set(numbers)):
            raise forms.ValidationError(_("The same certificate is listed twice."))


ApplicationDocumentFormSet = forms.formset_factory(
    ApplicationDocumentForm,
    formset=BaseApplicationDocumentFormSet,
    extra=2,
    min_num=1,
    validate_min=True,
    max_num=8,
    validate_max=True,
)
# When amending, the documents already sent count: new ones are optional.
ApplicationExtraDocumentFormSet = forms.formset_factory(
    ApplicationDocumentForm, formset=BaseApplicationDocumentFormSet, extra=2, max_num=8, validate_max=True
)


class ApplicationContactForm(forms.ModelForm):
    """Step 3: the person we write to, and who gets the first dashboard account."""

    contact_phone = PhoneNumberField(
        label=_("Phone"),
        region="MA",
        help_text=_("A mobile number we can call or message on WhatsApp, e.g. +212 6 12 34 56 78."),
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
    )

    class Meta:
        model = CooperativeApplication
        fields = ["contact_name", "contact_role", "contact_email", "contact_phone"]
        labels = {"contact_name": _("Your full name"), "contact_email": _("Email")}
        help_texts = {
            "contact_role": _("e.g. president, treasurer, member in charge of sales."),
            "contact_email": _("We send our answer here, and your dashboard invitation if approved."),
        }
        widgets = {
            "contact_name": forms.TextInput(attrs={"autocomplete": "name"}),
            "contact_email": forms.EmailInput(attrs={"autocomplete": "email"}),
        }


class ApplicationConfirmForm(forms.Form):
    """Step 4: the applicant reads everything back and confirms."""

    confirm = forms.BooleanField(
        label=_("I confirm that this information is true and that I may apply on behalf of the cooperative."),
    )


class ApplicationAmendConfirmForm(ApplicationConfirmForm):
    note = forms.CharField(
        label=_("What did you change?"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("A short note for the person reviewing your application."),
    )


class ApplicationDecisionForm(forms.Form):
    """A reviewer's decision on an application in the dashboard."""

    class Action(models.TextChoices):
        APPROVE = "approve", _("Approve")
        REQUEST_INFORMATION = "request_information", _("Ask for more information")
        REJECT = "reject", _("Reject")

    action = forms.ChoiceField(choices=Action.choices, widget=forms.HiddenInput)
    message = forms.CharField(
        label=_("Message to the applicant"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def clean(self):
        cleaned = super().clean()
        if (
            cleaned.get("action") in (self.Action.REJECT, self.Action.REQUEST_INFORMATION)
            and not (cleaned.get("message") or "").strip()
        ):
            self.add_error(
                "message", _("Tell the applicant why, or what is missing: they receive this message.")
            )
        return cleaned
