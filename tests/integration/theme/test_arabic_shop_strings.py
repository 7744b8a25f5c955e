"""The shop's own words on /ar/ and /fr/ where Oscar's catalogues left English: the stock line
of the product page, the messages after adding to the basket, the most a buyer may take, and
the notice when a guest's basket joins the buyer's at sign-in (vendors/availability.py, the
theme's basket message templates, marketplace/oscar_messages.py)."""

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import translation

from tests.factories import PASSWORD, ProductFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def cushion():
    return ProductFactory(
        title_en="Sabra cushion cover",
        title_fr="Housse de coussin en sabra",
        title_ar="غطاء وسادة من الصبرة",
        stockrecord__price="540.00",
        stockrecord__stock=36,
    )


def _url(language, name, **kwargs):
    with translation.override(language):
        return reverse(name, kwargs=kwargs)


def _add(client, language, product, quantity=1):
    return client.post(_url(language, "basket:add", pk=product.pk), {"quantity": quantity})


def _messages(response) -> str:
    """The flash messages the response queued, as one line of text."""
    return " ".join(" ".join(str(message).split()) for message in get_messages(response.wsgi_request))


def _product_page(client, language, product) -> str:
    with translation.override(language):
        url = product.get_absolute_url()
    return client.get(url).content.decode()


def test_the_product_page_says_how_many_are_in_stock_in_arabic_and_french(client, cushion):
    pair = ProductFactory(title_en="Brass lanterns", stockrecord__stock=2)

    assert "متوفر (36 قطعة متاحة)" in _product_page(client, "ar", cushion)
    assert "متوفر (قطعتان متاحتان)" in _product_page(client, "ar", pair)
    assert "En stock (36 disponibles)" in _product_page(client, "fr", cushion)
    assert "In stock (36 available)" in _product_page(client, "en", cushion)


def test_the_buy_button_is_ours_in_arabic(client, cushion):
    html = _product_page(client, "ar", cushion)

    assert "أضف إلى السلة" in html
    assert "In stock" not in html


def test_adding_to_the_basket_is_confirmed_in_arabic(client, cushion):
    response = _add(client, "ar", cushion)

    shown = _messages(response)
    assert "تمت إضافة <strong>غطاء وسادة من الصبرة</strong> إلى سلتك." in shown
    assert "أصبح مجموع سلتك" in shown
    assert "added to your" not in shown


def test_adding_several_to_the_basket_counts_them_in_arabic(client, cushion):
    response = _add(client, "ar", cushion, quantity=3)

    assert "تمت إضافة 3 قطع من <strong>غطاء وسادة من الصبرة</strong> إلى سلتك." in _messages(response)


def test_adding_to_the_basket_is_confirmed_in_french(client, cushion):
    response = _add(client, "fr", cushion)

    shown = _messages(response)
    assert "Nous avons ajouté <strong>Housse de coussin en sabra</strong> à votre panier." in shown
    assert "Le total de votre panier est maintenant de" in shown


def test_asking_for_more_than_the_stock_says_the_most_a_buyer_may_take_in_arabic(client):
    rug = ProductFactory(title_ar="زربية أزيلال", stockrecord__stock=3)

    response = _add(client, "ar", rug, quantity=5)

    assert "يمكن شراء 3 قطع كحد أقصى" in _messages(response)


def test_a_guest_basket_joining_the_buyers_at_sign_in_is_told_in_arabic(client, cushion):
    buyer = UserFactory()
    _add(client, "ar", cushion)

    client.login(username=buyer.email, password=PASSWORD)
    html = client.get(_url("ar", "basket:summary")).content.decode()

    assert "أضفنا إلى سلتك قطعة واحدة من زيارتك السابقة." in html


def test_saving_a_piece_to_a_wish_list_and_taking_it_out_is_told_in_arabic(client, cushion):
    client.login(username=UserFactory().email, password=PASSWORD)

    saved = client.post(_url("ar", "customer:wishlists-add-product", product_pk=cushion.pk))
    line = cushion.wishlists_lines.get()
    removed = client.post(
        _url("ar", "customer:wishlists-remove-product", key=line.wishlist.key, line_pk=line.pk)
    )

    assert "تم حفظ «غطاء وسادة من الصبرة» في قائمة أمنياتك." in _messages(saved)
    assert "تمت إزالة «غطاء وسادة من الصبرة» من قائمة الأمنيات" in _messages(removed)


def test_a_buyer_asking_to_hear_when_a_sold_out_piece_is_back_is_answered_in_arabic(client):
    tagine = ProductFactory(title_ar="طاجين آسفي", stockrecord__stock=0)
    client.login(username=UserFactory().email, password=PASSWORD)

    assert "غير متوفر" in _product_page(client, "ar", tagine)
    response = client.post(_url("ar", "customer:alert-create", pk=tagine.pk))

    assert "سجّلنا تنبيهك" in _messages(response)


@pytest.mark.parametrize(("language", "home"), [("ar", "/ar/"), ("fr", "/fr/"), ("en", "/")])
def test_logging_out_lands_on_the_home_page_in_the_buyers_language(client, language, home):
    client.force_login(UserFactory())

    response = client.get(_url(language, "customer:logout"))

    assert response.status_code == 302
    assert response["Location"] == home
    assert "_auth_user_id" not in client.session


def test_the_platforms_carrier_is_named_in_the_buyers_language(client, cushion):
    _add(client, "ar", cushion)

    basket = client.get(_url("ar", "basket:summary")).content.decode()

    assert "شحن سريع" in basket
    assert "Express courier" not in basket


@pytest.mark.parametrize(("language", "home"), [("ar", "/ar/"), ("fr", "/fr/"), ("en", "/")])
def test_home_links_stay_in_the_buyers_language(client, language, home):
    basket = client.get(_url(language, "basket:summary")).content.decode()
    missing = client.get(f"{home}shop/no-such-page/").content.decode()

    assert f'class="brand" href="{home}"' in basket
    assert f'<li class="breadcrumb-item"><a href="{home}">' in basket
    assert f'<a href="{home}">' in missing
