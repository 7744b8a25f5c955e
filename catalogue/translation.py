"""Translated fields of catalogue models (django-modeltranslation adds `<field>_<lang>` columns)."""

from modeltranslation.translator import TranslationOptions, register

from .models import Category, Product, ProductClass


@register(Product)
class ProductTranslationOptions(TranslationOptions):
    fields = ("title", "description")


@register(Category)
class CategoryTranslationOptions(TranslationOptions):
    fields = ("name", "description")


@register(ProductClass)
class ProductClassTranslationOptions(TranslationOptions):
    fields = ("name",)
