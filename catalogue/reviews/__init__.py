"""Buyer reviews: Oscar's reviews app, with the rule that only buyers who bought may review.

Oscar's `get_class("catalogue.reviews.views", ...)` looks here first because the catalogue app
is forked, so the reviews app itself stays Oscar's (same models, migrations and URLs).
"""
