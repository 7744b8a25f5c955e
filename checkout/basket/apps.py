import oscar.apps.basket.apps as apps


class BasketConfig(apps.BasketConfig):
    """Oscar's basket app, forked so adding to the basket loads each row it needs once
    (views.py, models.py, middleware.py). Migrations are Oscar's, copied unchanged."""

    name = "checkout.basket"
