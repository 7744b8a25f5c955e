"""Translated fields of cooperatives (django-modeltranslation adds `<field>_<lang>` columns)."""

from modeltranslation.translator import TranslationOptions, register

from .models import Cooperative


@register(Cooperative)
class CooperativeTranslationOptions(TranslationOptions):
    fields = ("tagline", "story")
