from wagtail import hooks

from .choosers import cooperative_chooser_viewset, product_chooser_viewset


@hooks.register("register_admin_viewset")
def register_shop_choosers():
    return [product_chooser_viewset, cooperative_chooser_viewset]
