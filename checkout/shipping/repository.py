from oscar.apps.shipping.repository import Repository as CoreRepository

from checkout.destination import COUNTRY, DEFAULT_COUNTRY

from .methods import CooperativeShipping


class Repository(CoreRepository):
    """One method: every cooperative ships its parcel at its rate to the destination's zone.

    The destination is the shipping address once known, else the country the buyer chose (or
    their browser suggests), so the basket already shows what checkout will charge.
    """

    def get_available_shipping_methods(self, basket, shipping_addr=None, **kwargs):
        if shipping_addr is not None and getattr(shipping_addr, "country_id", None):
            country = shipping_addr.country_id
        elif kwargs.get("request") is not None:
            country = COUNTRY.get(kwargs["request"])
        else:
            country = DEFAULT_COUNTRY
        return [CooperativeShipping(country_code=country)]
