default_app_config = "checkout.shipping.apps.ShippingConfig"
