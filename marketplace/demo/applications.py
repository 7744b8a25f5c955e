"""Demo applications to sell: what the staff review queue shows after `make demo`.

Two applications wait for review and one waits for the applicant's answer to a question, so
every state of the queue and of an application page can be seen. Idempotent: an application
is recognised by its registration number and left alone once it exists.
"""

from dataclasses import dataclass
from datetime import date, timedelta
from types import SimpleNamespace

from django.contrib.auth import get_user_model
from django.utils import timezone
from oscar.core.loading import get_model

from vendors.regions import Region

CooperativeApplication = get_model("partner", "CooperativeApplication")
ApplicationDecision = get_model("partner", "ApplicationDecision")
Certificate = get_model("partner", "Certificate")


@dataclass(frozen=True)
class ApplicationSeed:
    name: str
    legal_name: str
    registration_number: str
    rna_number: str
    ice: str
    region: str
    city: str
    crafts: tuple[str, ...]
    founded: int
    members: int
    women_members: int
    women_led: bool
    languages: str
    story: str
    contact_name: str
    contact_role: str
    contact_email: str
    contact_phone: str
    language: str
    days_ago: int
    label: bool
    question: str = ""


SEEDS = (
    ApplicationSeed(
        name="Coopérative Tamaynut",
        legal_name="Coopérative artisanale Tamaynut des bijoutiers de Tiznit",
        registration_number="ODCO-2016-3381",
        rna_number="RNA-09-44120",
        ice="002154870000061",
        region=Region.SOUSS_MASSA,
        city="Tiznit",
        crafts=("jewellery",),
        founded=2016,
        members=14,
        women_members=9,
        women_led=True,
        languages="zgh,ar,fr",
        story=(
            "Nine women and five men who learnt filigree from the old silversmiths of the Tiznit medina. "
            "Each fibula and pair of earrings is drawn, soldered and polished by hand in our workshop "
            "behind the souk."
        ),
        contact_name="Khadija Ouhmad",
        contact_role="Présidente",
        contact_email="tamaynut@applicants.souk.test",
        contact_phone="+212661204587",
        language="fr",
        days_ago=2,
        label=True,
    ),
    ApplicationSeed(
        name="Coopérative Al Fakhar",
        legal_name="Coopérative Al Fakhar de poterie de Tamegroute",
        registration_number="ODCO-2009-1174",
        rna_number="RNA-21-10982",
        ice="001873650000037",
        region=Region.DRAA_TAFILALET,
        city="Tamegroute",
        crafts=("ceramics",),
        founded=2009,
        members=22,
        women_members=4,
        women_led=False,
        languages="ar,fr,en",
        story=(
            "Potters of Tamegroute, famous for the green glaze our grandfathers made "
            "from manganese and copper. "
            "We still fire in the village's wood kilns."
        ),
        contact_name="Brahim Nasiri",
        contact_role="Responsable des ventes",
        contact_email="alfakhar@applicants.souk.test",
        contact_phone="+212670118244",
        language="en",
        days_ago=5,
        label=True,
    ),
    ApplicationSeed(
        name="Coopérative Aghbalou",
        legal_name="Coopérative féminine Aghbalou de vannerie",
        registration_number="ODCO-2019-0457",
        rna_number="",
        ice="",
        region=Region.DRAA_TAFILALET,
        city="Zagora",
        crafts=("basketry", "textiles"),
        founded=2019,
        members=31,
        women_members=31,
        women_led=True,
        languages="ar,zgh",
        story="Thirty-one women who weave palm leaves into baskets, mats and bags in the oasis of Zagora.",
        contact_name="Aicha Bensaid",
        contact_role="Trésorière",
        contact_email="aghbalou@applicants.souk.test",
        contact_phone="+212655873012",
        language="fr",
        days_ago=9,
        label=False,
        question=(
            "Thank you for your application. Your registration certificate is clear, but we also need the "
            "national artisan register (RNA) number of the cooperative, or the artisan professional card "
            "of at least one member. Add it to your application with the link below."
        ),
    ),
)


def applications_load(report, *, classes: dict) -> None:
    """Create the demo applications that do not exist yet (see SEEDS)."""
    from .loader import _certificate_document_attach

    reviewer = get_user_model().objects.get(email="admin@souk.test")
    for seed in SEEDS:
        if CooperativeApplication.objects.filter(registration_number=seed.registration_number).exists():
            report.count("applications", False)
            continue
        submitted_at = timezone.now() - timedelta(days=seed.days_ago, hours=3)
        application = CooperativeApplication.objects.create(
            name=seed.name,
            legal_name=seed.legal_name,
            registration_number=seed.registration_number,
            rna_number=seed.rna_number,
            ice=seed.ice,
            region=seed.region,
            city=seed.city,
            founded_year=seed.founded,
            members_count=seed.members,
            women_members_count=seed.women_members,
            is_women_led=seed.women_led,
            languages=seed.languages,
            story=seed.story,
            contact_name=seed.contact_name,
            contact_role=seed.contact_role,
            contact_email=seed.contact_email,
            contact_phone=seed.contact_phone,
            language=seed.language,
            submitted_at=submitted_at,
        )
        application.crafts.set([classes[code] for code in seed.crafts if code in classes])
        scan_seed = SimpleNamespace(legal_name=seed.legal_name, city=seed.city)
        registry = application.documents.create(
            type=Certificate.Type.REGISTRATION,
            number=seed.registration_number,
            issuing_body="Office du Développement de la Coopération",
            issued_on=date(seed.founded, 3, 1),
        )
        _certificate_document_attach(registry, title="Certificat d'immatriculation", seed=scan_seed)
        if seed.label:
            issued = timezone.localdate() - timedelta(days=120)
            label = application.documents.create(
                type=Certificate.Type.LABEL,
                number=f"MIM-{issued.year}-{seed.registration_number[-4:]}",
                issuing_body="Ministère du Tourisme, de l'Artisanat et de l'Économie sociale",
                issued_on=issued,
                expires_on=issued + timedelta(days=730),
            )
            _certificate_document_attach(label, title="Label « Made in Morocco »", seed=scan_seed)
        ApplicationDecision.objects.create(
            application=application, action=ApplicationDecision.Action.SUBMITTED
        )
        if seed.question:
            application.status = CooperativeApplication.Status.INFORMATION_REQUESTED
            application.revision += 1
            application.save(update_fields=["status", "revision", "updated_at"])
            ApplicationDecision.objects.create(
                application=application,
                action=ApplicationDecision.Action.INFORMATION_REQUESTED,
                by=reviewer,
                message=seed.question,
            )
        report.count("applications", True)
