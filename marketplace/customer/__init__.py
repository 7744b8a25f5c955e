default_app_config = "marketplace.customer.apps.CustomerConfig"
