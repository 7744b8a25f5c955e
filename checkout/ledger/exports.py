"""Files for the platform's bank: a CSV and an ISO 20022 pain.001.001.03 credit transfer.

Both list the pending bank-transfer payouts of a batch in MAD: debtor the platform, creditor
each cooperative with its RIB (also given as a Moroccan IBAN, MA + 2 check digits + RIB).
"""

import csv
import io
from decimal import Decimal
from xml.etree import ElementTree as ET

from django.conf import settings
from django.utils import timezone

from .models import MAD, Payout, PayoutBatch
from .rib import rib_normalize

PAIN_001_NS = "urn:iso:std:iso:20022:tech:xsd:pain.001.001.03"
CSV_HEADER = [
    "end_to_end_id",
    "beneficiary",
    "rib",
    "iban",
    "bic",
    "amount",
    "currency",
    "reference",
]


def iban_from_rib(rib: str) -> str:
    """A Moroccan IBAN: 'MA', check digits (ISO 7064 mod 97-10), then the 24-digit RIB."""
    rib = rib_normalize(rib)
    # M=22, A=10; the country code and '00' go to the end before taking mod 97.
    check = 98 - int(f"{rib}221000") % 97
    return f"MA{check:02d}{rib}"


def platform_debtor() -> dict[str, str]:
    return {
        "name": getattr(settings, "SOUK_PLATFORM_LEGAL_NAME", "Souk Marketplace SARL"),
        "rib": rib_normalize(getattr(settings, "SOUK_PLATFORM_RIB", "011780000019210016805555")),
        "bic": getattr(settings, "SOUK_PLATFORM_BIC", "BMCEMAMC"),
        "city": getattr(settings, "SOUK_PLATFORM_CITY", "Casablanca"),
    }


def _bank_payouts(batch: PayoutBatch):
    return (
        batch.payouts.filter(rail="bank_transfer")
        .exclude(status=Payout.Status.FAILED)
        .select_related("partner__cooperative")
        .order_by("pk")
    )


def _end_to_end_id(batch: PayoutBatch, payout: Payout) -> str:
    return f"{batch.message_id}-{payout.pk}"[:35]


def _remittance(batch: PayoutBatch) -> str:
    return f"Souk payout to {batch.cut_off:%Y-%m-%d}"


def payout_batch_csv(*, batch: PayoutBatch) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_HEADER)
    for payout in _bank_payouts(batch):
        writer.writerow(
            [
                _end_to_end_id(batch, payout),
                payout.account_holder,
                payout.rib,
                iban_from_rib(payout.rib),
                payout.bic,
                f"{payout.amount:.2f}",
                MAD,
                _remittance(batch),
            ]
        )
    return out.getvalue()


def _sub(parent, tag: str, text: str | None = None, **attrs):
    element = ET.SubElement(parent, f"{{{PAIN_001_NS}}}{tag}", attrs)
    if text is not None:
        element.text = text
    return element


def _agent(parent, tag: str, bic: str) -> None:
    institution = _sub(_sub(parent, tag), "FinInstnId")
    if bic:
        _sub(institution, "BIC", bic)
    else:
        _sub(_sub(institution, "Othr"), "Id", "NOTPROVIDED")


def payout_batch_pain001(*, batch: PayoutBatch) -> bytes:
    """The batch as a pain.001.001.03 document (one payment information block, MAD)."""
    ET.register_namespace("", PAIN_001_NS)
    payouts = list(_bank_payouts(batch))
    total = sum((p.amount for p in payouts), Decimal("0.00"))
    debtor = platform_debtor()
    created = timezone.localtime(batch.created_at or timezone.now()).replace(microsecond=0)

    document = ET.Element(f"{{{PAIN_001_NS}}}Document")
    initiation = _sub(document, "CstmrCdtTrfInitn")
    header = _sub(initiation, "GrpHdr")
    _sub(header, "MsgId", batch.message_id)
    _sub(header, "CreDtTm", created.strftime("%Y-%m-%dT%H:%M:%S"))
    _sub(header, "NbOfTxs", str(len(payouts)))
    _sub(header, "CtrlSum", f"{total:.2f}")
    _sub(_sub(header, "InitgPty"), "Nm", debtor["name"][:140])

    info = _sub(initiation, "PmtInf")
    _sub(info, "PmtInfId", f"{batch.message_id}-1"[:35])
    _sub(info, "PmtMtd", "TRF")
    _sub(info, "BtchBookg", "true")
    _sub(info, "NbOfTxs", str(len(payouts)))
    _sub(info, "CtrlSum", f"{total:.2f}")
    _sub(_sub(info, "PmtTpInf"), "InstrPrty", "NORM")
    _sub(info, "ReqdExctnDt", timezone.localdate().isoformat())
    dbtr = _sub(info, "Dbtr")
    _sub(dbtr, "Nm", debtor["name"][:140])
    address = _sub(dbtr, "PstlAdr")
    _sub(address, "Ctry", "MA")
    _sub(address, "AdrLine", debtor["city"][:70])
    account = _sub(info, "DbtrAcct")
    _sub(_sub(account, "Id"), "IBAN", iban_from_rib(debtor["rib"]))
    _sub(account, "Ccy", MAD)
    _agent(info, "DbtrAgt", debtor["bic"])
    _sub(info, "ChrgBr", "DEBT")

    for payout in payouts:
        cooperative = getattr(payout.partner, "cooperative", None)
        transaction = _sub(info, "CdtTrfTxInf")
        ids = _sub(transaction, "PmtId")
        _sub(ids, "InstrId", _end_to_end_id(batch, payout))
        _sub(ids, "EndToEndId", _end_to_end_id(batch, payout))
        _sub(_sub(transaction, "Amt"), "InstdAmt", f"{payout.amount:.2f}", Ccy=MAD)
        _agent(transaction, "CdtrAgt", payout.bic)
        creditor = _sub(transaction, "Cdtr")
        _sub(creditor, "Nm", (payout.account_holder or str(payout.partner))[:140])
        creditor_address = _sub(creditor, "PstlAdr")
        _sub(creditor_address, "Ctry", "MA")
        if cooperative is not None and cooperative.city:
            _sub(creditor_address, "AdrLine", cooperative.city[:70])
        _sub(_sub(_sub(transaction, "CdtrAcct"), "Id"), "IBAN", iban_from_rib(payout.rib))
        _sub(_sub(transaction, "RmtInf"), "Ustrd", _remittance(batch)[:140])

    ET.indent(document)
    return ET.tostring(document, encoding="UTF-8", xml_declaration=True)
