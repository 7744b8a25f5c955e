import oscar.apps.catalogue.apps as apps


class CatalogueConfig(apps.CatalogueConfig):
    name = "catalogue"

    def ready(self):
        super().ready()
        from django.db.models.signals import post_delete, post_save

        from .selectors import categories_forget

        # Cached category lists (header navigation, breadcrumbs) show names, slugs and the tree.
        category = self.get_model("Category")
        post_save.connect(categories_forget, sender=category, dispatch_uid="categories-forget-save")
        post_delete.connect(categories_forget, sender=category, dispatch_uid="categories-forget-delete")
