"""Commercial invoice of a vendor order, as a PDF (fpdf2).

What customs needs with each parcel: the seller cooperative (legal name, ICE, address), the
buyer and the destination, every line with its HS code, origin, quantity, unit value and
weight, the totals and the incoterm. The built-in PDF fonts cover Latin-1 only, so other
scripts (an Arabic or Japanese name) are transliterated; customs forms are read in Latin script.
"""

from decimal import Decimal

from anyascii import anyascii
from django.conf import settings
from django.utils import timezone
from fpdf import FPDF
from fpdf.enums import XPos, YPos

from .models import MAD
from .selectors import order_charge

INCOTERM = "DAP"
ORIGIN = "MA"


def _text(value) -> str:
    text = str(value or "")
    try:
        text.encode("latin-1")
    except UnicodeEncodeError:
        text = "".join(ch if ord(ch) < 256 else anyascii(ch) for ch in text)
    return text


def _address_lines(address) -> list[str]:
    if address is None:
        return []
    lines = [address.name] if hasattr(address, "name") else []
    for field in ("line1", "line2", "line3"):
        value = getattr(address, field, "")
        if value:
            lines.append(value)
    city = " ".join(v for v in (getattr(address, "postcode", ""), getattr(address, "line4", "")) if v)
    if city:
        lines.append(city)
    if getattr(address, "state", ""):
        lines.append(address.state)
    country = getattr(address, "country", None)
    if country is not None:
        lines.append(f"{country.printable_name or country.name} ({country.iso_3166_1_a2})")
    if getattr(address, "phone_number", None):
        lines.append(f"Tel. {address.phone_number}")
    return [line for line in lines if line]


def _fit(pdf: FPDF, text: str, width: float) -> str:
    """The text cut to fit a table cell, with an ellipsis when something was cut."""
    if pdf.get_string_width(text) <= width:
        return text
    while text and pdf.get_string_width(text + "...") > width:
        text = text[:-1]
    return text.rstrip(" ,") + "..."


def _line_customs(line):
    """Customs facts checkout fixed for the line at placement (`checkout.OrderLineCustoms`), if any."""
    from django.core.exceptions import ObjectDoesNotExist

    try:
        return line.customs
    except (AttributeError, ObjectDoesNotExist):
        return None


class _InvoicePDF(FPDF):
    def footer(self):
        self.set_y(-14)
        self.set_font("Helvetica", "", 7)
        self.set_text_color(110, 100, 90)
        self.cell(
            0,
            5,
            _text(
                f"{getattr(settings, 'SOUK_PLATFORM_LEGAL_NAME', 'Souk Marketplace')} - "
                f"marketplace of Moroccan artisan cooperatives - page {self.page_no()}/{{nb}}"
            ),
            align="C",
        )


def vendor_order_invoice_pdf(*, vendor_order) -> bytes:
    order = vendor_order.order
    cooperative = vendor_order.cooperative
    currency, rate = order_charge(order=order)
    lines = list(
        vendor_order.lines.select_related("product__product_class", "product__parent__product_class")
    )

    pdf = _InvoicePDF(format="A4")
    pdf.set_title(f"Commercial invoice {vendor_order.number}")
    pdf.set_author(_text(cooperative.legal_name if cooperative else vendor_order.partner.name))
    pdf.set_auto_page_break(auto=True, margin=18)
    pdf.add_page()
    pdf.set_text_color(31, 27, 22)

    pdf.set_font("Helvetica", "B", 18)
    pdf.cell(0, 10, "COMMERCIAL INVOICE", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_font("Helvetica", "", 9)
    pdf.cell(
        0, 5, _text(f"Facture commerciale no. {vendor_order.number}"), new_x=XPos.LMARGIN, new_y=YPos.NEXT
    )
    placed = timezone.localtime(order.date_placed) if order.date_placed else timezone.localtime()
    pdf.cell(
        0,
        5,
        f"Date: {placed:%Y-%m-%d}   Order: {order.number}   Incoterm: {INCOTERM} (Incoterms 2020)",
        new_x=XPos.LMARGIN,
        new_y=YPos.NEXT,
    )
    pdf.ln(4)

    seller = [cooperative.legal_name if cooperative else vendor_order.partner.name]
    if cooperative:
        if cooperative.ice:
            seller.append(f"ICE: {cooperative.ice}")
        if cooperative.registration_number:
            seller.append(f"Registration: {cooperative.registration_number}")
        seller.append(", ".join(v for v in (cooperative.city, cooperative.get_region_display()) if v))
        seller.append("Morocco (MA)")
        if cooperative.email:
            seller.append(cooperative.email)
    buyer = _address_lines(order.shipping_address)
    email = order.user.email if order.user_id else order.guest_email
    if email:
        buyer.append(email)

    top = pdf.get_y()
    for x, title, rows in (
        (10, "SELLER / EXPORTER", seller),
        (110, "BUYER / CONSIGNEE - DESTINATION", buyer),
    ):
        pdf.set_xy(x, top)
        pdf.set_font("Helvetica", "B", 8)
        pdf.set_text_color(126, 58, 33)
        pdf.cell(90, 5, title, new_x=XPos.LEFT, new_y=YPos.NEXT)
        pdf.set_text_color(31, 27, 22)
        pdf.set_font("Helvetica", "", 9)
        for row in rows:
            pdf.set_x(x)
            pdf.multi_cell(90, 4.6, _text(row), new_x=XPos.LEFT, new_y=YPos.NEXT)
    pdf.set_y(max(pdf.get_y(), top + 40) + 4)

    widths = (62, 18, 14, 12, 26, 26, 22)
    headers = ("Description", "HS code", "Origin", "Qty", "Unit value", "Value", "Weight kg")
    pdf.set_font("Helvetica", "B", 8)
    pdf.set_fill_color(246, 240, 230)
    for width, header in zip(widths, headers, strict=True):
        pdf.cell(width, 7, header, border=1, fill=True, align="L" if header == "Description" else "C")
    pdf.ln()
    pdf.set_font("Helvetica", "", 8)
    total_weight = Decimal("0")
    weight_known = True
    for line in lines:
        product = line.product
        customs = _line_customs(line)
        hs_code = customs.hs_code if customs else (product.effective_hs_code if product else "")
        unit_weight = (
            customs.unit_weight_kg if customs else (getattr(product, "weight_kg", None) if product else None)
        )
        origin = customs.origin_country if customs else ORIGIN
        if unit_weight is None:
            weight_known = False
            weight = "-"
        else:
            total_weight += unit_weight * line.quantity
            weight = f"{unit_weight * line.quantity:.2f}"
        unit_value = line.unit_price_incl_tax or (line.line_price_incl_tax / line.quantity)
        cells = (
            _fit(pdf, _text(line.title), widths[0] - 2),
            hs_code or "-",
            origin,
            str(line.quantity),
            f"{unit_value:,.2f}",
            f"{line.line_price_incl_tax:,.2f}",
            weight,
        )
        for width, value, header in zip(widths, cells, headers, strict=True):
            pdf.cell(width, 6.5, value, border=1, align="L" if header == "Description" else "R")
        pdf.ln()

    pdf.ln(2)
    totals = [
        ("Goods", vendor_order.subtotal),
        ("Shipping and packing", vendor_order.shipping_charge),
        ("Total invoice value", vendor_order.total),
    ]
    for label, amount in totals:
        bold = label.startswith("Total")
        pdf.set_font("Helvetica", "B" if bold else "", 9)
        pdf.cell(sum(widths[:5]), 6, label, align="R")
        pdf.cell(
            widths[5] + widths[6], 6, f"{amount:,.2f} {MAD}", align="R", new_x=XPos.LMARGIN, new_y=YPos.NEXT
        )
    if currency != MAD:
        pdf.set_font("Helvetica", "", 8)
        converted = (vendor_order.total * rate).quantize(Decimal("0.01"))
        pdf.cell(
            sum(widths),
            5,
            f"Paid by the buyer in {currency}: about {converted:,.2f} {currency} (rate {rate:.6f} per MAD)",
            align="R",
            new_x=XPos.LMARGIN,
            new_y=YPos.NEXT,
        )
    pdf.ln(3)
    pdf.set_font("Helvetica", "", 8.5)
    facts = [
        f"Country of origin of all goods: Morocco ({ORIGIN}). Handmade by the seller's artisan members.",
        f"Total gross weight: {total_weight:.2f} kg"
        + ("" if weight_known else " (lines without a weight excluded)"),
        f"Terms of delivery: {INCOTERM}. Import duties and taxes at destination are paid by the consignee.",
        f"Shipping: {vendor_order.shipping_method or 'as agreed'}"
        + (
            f", carrier {vendor_order.carrier}, tracking {vendor_order.tracking_number}"
            if vendor_order.carrier
            else ""
        ),
        "I declare that the information on this invoice is true and correct.",
    ]
    for fact in facts:
        pdf.multi_cell(0, 4.8, _text(fact), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.ln(6)
    pdf.cell(0, 5, _text(f"For {seller[0]}: ______________________"), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    return bytes(pdf.output())
