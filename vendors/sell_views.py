"""The public /sell/ application: a cooperative applies in four steps, or amends on request."""

import logging

from django.contrib import messages
from django.core.files.storage import storages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from formtools.wizard.views import SessionWizardView

from marketplace.s3_storage import STORAGE_ERRORS

from .forms import (
    ApplicationAmendConfirmForm,
    ApplicationConfirmForm,
    ApplicationContactForm,
    ApplicationCooperativeForm,
    ApplicationDocumentFormSet,
    ApplicationExtraDocumentFormSet,
)
from .models import Certificate, spoken_language_names
from .regions import Region
from .selectors import application_for_amend_token
from .services import DocumentUpload, application_resubmit, application_submit
from .uploads import upload_discard, upload_open

logger = logging.getLogger(__name__)

STEP_TITLES = {
    "cooperative": _("Your cooperative"),
    "documents": _("Documents"),
    "contact": _("Contact person"),
    "review": _("Review and send"),
}
SUBMITTED_SESSION_KEY = "sell_submitted"


class CooperativeApplicationWizard(SessionWizardView):
    """Four steps kept in the session; a step that fails keeps what was typed and the scans
    that passed their checks (see ApplicationDocumentForm)."""

    form_list = [
        ("cooperative", ApplicationCooperativeForm),
        ("documents", ApplicationDocumentFormSet),
        ("contact", ApplicationContactForm),
        ("review", ApplicationConfirmForm),
    ]
    template_name = "vendors/sell/wizard.html"

    @property
    def file_storage(self):
        # Scans never reach the wizard's own file storage (process_step_files keeps none), but
        # formtools insists on one whenever a step has a file field.
        return storages["private"]

    def process_step(self, form):
        data = super().process_step(form)
        if self.steps.current == "documents":
            data = data.copy()
            for document_form in form.forms:
                if document_form.cleaned_data:
                    data[document_form.add_prefix("document_ref")] = document_form.cleaned_data[
                        "document_ref"
                    ]
        return data

    def process_step_files(self, form):
        return {}

    def get_context_data(self, form, **kwargs):
        context = super().get_context_data(form=form, **kwargs)
        context["step_titles"] = [
            (name, STEP_TITLES[name], index) for index, name in enumerate(self.get_form_list(), start=1)
        ]
        context["step_title"] = STEP_TITLES[self.steps.current]
        if self.steps.current == "review":
            context["summary"] = self._summary()
        return context

    def _summary(self) -> dict:
        cooperative = self.get_cleaned_data_for_step("cooperative") or {}
        documents = self.get_cleaned_data_for_step("documents") or []
        return {
            "cooperative": cooperative,
            "region": Region(cooperative["region"]).label if cooperative.get("region") else "",
            "languages": spoken_language_names(cooperative.get("languages", "")),
            "documents": [
                {
                    **document,
                    "type_label": Certificate.Type(document["type"]).label,
                    "filename": _ref_filename(document["document_ref"]),
                }
                for document in documents
                if document
            ],
            "contact": self.get_cleaned_data_for_step("contact") or {},
        }

    def _details_and_documents(self, form_dict):
        details = {**form_dict["cooperative"].cleaned_data, **form_dict["contact"].cleaned_data}
        crafts = details.pop("crafts")
        refs, documents = [], []
        for document in form_dict["documents"].cleaned_data:
            if not document:
                continue
            scan = upload_open(ref=document["document_ref"])
            if scan is None:
                continue
            refs.append(document["document_ref"])
            documents.append(
                DocumentUpload(
                    type=document["type"],
                    number=document["number"].strip(),
                    issuing_body=document["issuing_body"].strip(),
                    issued_on=document["issued_on"],
                    expires_on=document["expires_on"],
                    file=scan,
                )
            )
        return details, crafts, documents, refs

    def render_done(self, form, **kwargs):
        """Send the application; if the file store fails meanwhile, nothing is saved (the service
        is one transaction), every step is kept and the applicant is asked to send it again."""
        try:
            return super().render_done(form, **kwargs)
        except STORAGE_ERRORS as error:
            logger.warning("Application not sent, documents could not be stored: %s", error)
            messages.error(
                self.request,
                _(
                    "We could not store your documents just now, so your application was not sent. "
                    "Everything you entered is kept: please press Send again in a few minutes."
                ),
            )
            return self.render(form)

    def done(self, form_list, form_dict, **kwargs):
        details, crafts, documents, refs = self._details_and_documents(form_dict)
        try:
            application = application_submit(
                details=details,
                crafts=crafts,
                documents=documents,
                language=get_language(),
                site_url=self.request.build_absolute_uri("/"),
            )
        finally:
            _close(documents)
        _discard(refs)
        self.request.session[SUBMITTED_SESSION_KEY] = {
            "name": application.name,
            "email": application.contact_email,
            "amended": False,
        }
        return redirect("sell-done")


class CooperativeApplicationAmendWizard(CooperativeApplicationWizard):
    """The same steps, filled in from an application staff asked more about, opened through
    the signed link of that email."""

    form_list = [
        ("cooperative", ApplicationCooperativeForm),
        ("documents", ApplicationExtraDocumentFormSet),
        ("contact", ApplicationContactForm),
        ("review", ApplicationAmendConfirmForm),
    ]

    def dispatch(self, request, *args, **kwargs):
        self.application = application_for_amend_token(token=kwargs["token"])
        if self.application is None:
            return render(request, "vendors/sell/amend_invalid.html", status=404)
        return super().dispatch(request, *args, **kwargs)

    def get_prefix(self, request, *args, **kwargs):
        return f"{super().get_prefix(request, *args, **kwargs)}_{self.application.pk}"

    def get_form_initial(self, step):
        application = self.application
        if step == "cooperative":
            return {
                **{field: getattr(application, field) for field in ApplicationCooperativeForm.Meta.fields},
                "crafts": list(application.crafts.all()),
                "languages": application.language_list,
            }
        if step == "contact":
            return {field: getattr(application, field) for field in ApplicationContactForm.Meta.fields}
        return super().get_form_initial(step)

    def get_context_data(self, form, **kwargs):
        context = super().get_context_data(form=form, **kwargs)
        context["application"] = self.application
        context["request_message"] = (
            self.application.decisions.filter(action="information_requested")
            .values_list("message", flat=True)
            .first()
        )
        return context

    def done(self, form_list, form_dict, **kwargs):
        details, crafts, documents, refs = self._details_and_documents(form_dict)
        try:
            application = application_resubmit(
                application=self.application,
                details=details,
                crafts=crafts,
                documents=documents,
                note=form_dict["review"].cleaned_data.get("note", ""),
                site_url=self.request.build_absolute_uri("/"),
            )
        finally:
            _close(documents)
        _discard(refs)
        self.request.session[SUBMITTED_SESSION_KEY] = {
            "name": application.name,
            "email": application.contact_email,
            "amended": True,
        }
        return redirect("sell-done")


def _ref_filename(ref: str) -> str:
    try:
        scan = upload_open(ref=ref)
    except STORAGE_ERRORS:
        return ""
    if scan is None:
        return ""
    scan.close()
    return scan.name


def _close(documents: list[DocumentUpload]) -> None:
    for document in documents:
        document.file.close()


def _discard(refs: list[str]) -> None:
    """Scans live on in the application once it is saved; the pending copies can go."""
    for ref in refs:
        upload_discard(ref=ref)


class SellDoneView(TemplateView):
    template_name = "vendors/sell/done.html"

    def get(self, request, *args, **kwargs):
        submitted = request.session.get(SUBMITTED_SESSION_KEY)
        if not submitted:
            raise Http404("Nothing was submitted in this session")
        return self.render_to_response(self.get_context_data(submitted=submitted))
