"""The card page's code path for the real Stripe.js, driven by a stand-in served at js.stripe.com.

With a production configuration (no local Stripe) the page loads https://js.stripe.com/v3/ and
confirms the PaymentIntent with `stripe.confirmCardPayment(clientSecret, {payment_method:
{card}})`, finishing a `requires_action` answer with `stripe.handleNextAction`. The browser's
request for Stripe.js is answered here with a small object of the same interface whose answers
are scripted (declined, authentication failed, then authenticated), so the page's branching is
tested: errors shown, the button disabled while Stripe works, never two confirmations at once.
Nothing leaves the machine: every request outside the live server is refused and recorded.
"""

import json
from decimal import Decimal
from importlib import import_module

import pytest
from django.conf import settings as django_settings
from playwright.sync_api import expect

from checkout.models import StripePayment
from tests.checkout_support import basket_create, order_place
from tests.factories import CooperativeFactory, ProductFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

CLIENT_SECRET = "pi_3Fake_secret_Souk"

# Stripe.js as the page uses it: Stripe(key).elements().create("card").mount(selector),
# confirmCardPayment(secret, data) and handleNextAction({clientSecret}), each resolving after a
# moment (as the real one does while it talks to Stripe) with the next scripted answer.
FAKE_STRIPE_JS = """
(function () {
  var answers = {
    confirmCardPayment: [
      {error: {type: "card_error", code: "card_declined", message: "Your card was declined."}},
      {paymentIntent: {id: "pi_3Fake", object: "payment_intent", status: "requires_action"}},
      {paymentIntent: {id: "pi_3Fake", object: "payment_intent", status: "requires_action"}}
    ],
    handleNextAction: [
      {error: {type: "card_error", code: "payment_intent_authentication_failure",
               message: "We are unable to authenticate your payment method."}},
      {paymentIntent: {id: "pi_3Fake", object: "payment_intent", status: "succeeded"}}
    ]
  };
  function record(entry) {
    var calls = JSON.parse(sessionStorage.getItem("stripeCalls") || "[]");
    calls.push(entry);
    sessionStorage.setItem("stripeCalls", JSON.stringify(calls));
  }
  window.Stripe = function (key) {
    var cardElement = null;
    record({method: "Stripe", key: key});
    function answer(method, detail) {
      record(Object.assign({method: method}, detail));
      return new Promise(function (resolve) {
        setTimeout(function () { resolve(answers[method].shift()); }, 1500);
      });
    }
    return {
      elements: function () {
        return {create: function (type) {
          cardElement = {type: type, mount: function (selector) {
            var box = document.querySelector(selector);
            box.innerHTML = '<input aria-label="Card number" placeholder="1234 1234 1234 1234">';
            record({method: "mount", selector: selector});
          }};
          return cardElement;
        }};
      },
      confirmCardPayment: function (clientSecret, data) {
        return answer("confirmCardPayment", {
          clientSecret: clientSecret,
          withCardElement: !!(data && data.payment_method && data.payment_method.card === cardElement)
        });
      },
      handleNextAction: function (options) {
        return answer("handleNextAction", {clientSecret: options.clientSecret});
      }
    };
  };
})();
"""


@pytest.fixture
def pending_order(settings):
    """An order awaiting its card, with its PaymentIntent created (as Stripe answered it)."""
    settings.STRIPE_API_BASE = ""
    settings.STRIPE_SECRET_KEY = "sk_test_souk"
    settings.STRIPE_PUBLISHABLE_KEY = "pk_test_souk"
    rug = ProductFactory(
        title="Taznakht rug",
        weight_kg=Decimal("9.000"),
        stockrecord__cooperative=CooperativeFactory(),
        stockrecord__price=Decimal("4800.00"),
        stockrecord__stock=1,
    )
    order = order_place(basket_create((rug, 1)))
    StripePayment.objects.create(
        order=order,
        currency="MAD",
        amount=order.total_incl_tax,
        amount_minor=int(order.total_incl_tax * 100),
        exchange_rate=1,
        payment_intent_id="pi_3Fake",
        client_secret=CLIENT_SECRET,
    )
    return order


def _browser_session(page, live_server, order):
    """The buyer's session, as checkout left it: it placed `order`."""
    store = import_module(django_settings.SESSION_ENGINE).SessionStore()
    store["checkout_order_id"] = order.id
    store.save()
    page.context.add_cookies(
        [{"name": django_settings.SESSION_COOKIE_NAME, "value": store.session_key, "url": live_server.url}]
    )


def test_the_card_page_confirms_with_stripe_js_shows_errors_and_never_confirms_twice(
    live_server, pending_order, page, screenshot
):
    outside = []

    def fake_stripe_js(route):
        route.fulfill(status=200, content_type="application/javascript", body=FAKE_STRIPE_JS)

    def refuse_the_internet(route):
        if route.request.url.startswith(live_server.url):
            return route.continue_()
        outside.append(route.request.url)
        return route.abort()

    page.route("**/*", refuse_the_internet)
    page.route("https://js.stripe.com/v3/**", fake_stripe_js)
    _browser_session(page, live_server, pending_order)
    button = page.locator("#pay-button")
    error = page.locator("#payment-error")

    # given the card page, in production mode: Stripe.js from js.stripe.com, our key, the intent's secret
    page.goto(f"{live_server.url}/shop/checkout/pay/{pending_order.number}/")
    assert page.locator("#card-element input").count() == 1
    screenshot(page, "checkout-stripe-js-card")

    # when the buyer clicks Pay, then clicks again and presses Enter while Stripe.js works
    button.click()
    assert button.is_disabled() and button.get_attribute("aria-busy") == "true"
    page.evaluate("document.getElementById('payment-form').requestSubmit()")
    page.locator("#card-element input").press("Enter")

    # then one confirmation only, and the decline is shown with the button back
    error.wait_for(state="visible")
    assert error.inner_text() == "Your card was declined."
    assert button.is_enabled() and "Pay" in button.inner_text()
    screenshot(page, "checkout-stripe-js-declined")

    # when the bank asks for 3-D Secure and the buyer fails it
    button.click()
    expect(error).to_have_text("We are unable to authenticate your payment method.")
    assert button.is_enabled()

    # when they try again and authenticate
    button.click()
    assert error.is_hidden()
    page.wait_for_url("**/checkout/thank-you/")

    # then the buyer waits for the webhook on the confirmation page
    assert page.locator(".order-status[data-status='Pending payment']").count() == 1
    calls = json.loads(page.evaluate("sessionStorage.getItem('stripeCalls')"))
    assert calls[0] == {"method": "Stripe", "key": "pk_test_souk"}
    assert calls[1] == {"method": "mount", "selector": "#card-element"}
    assert [(c["method"], c.get("clientSecret"), c.get("withCardElement")) for c in calls[2:]] == [
        ("confirmCardPayment", CLIENT_SECRET, True),
        ("confirmCardPayment", CLIENT_SECRET, True),
        ("handleNextAction", CLIENT_SECRET, None),
        ("confirmCardPayment", CLIENT_SECRET, True),
        ("handleNextAction", CLIENT_SECRET, None),
    ]
    assert outside == []
    assert page.console_errors == []
