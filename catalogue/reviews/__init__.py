"""Buyer reviews of pieces and of cooperatives: only buyers who bought may review, once, and
platform staff approve each review before it appears.

Reviews of pieces are Oscar's reviews app: `get_class("catalogue.reviews.views", ...)` looks
here first because the catalogue app is forked, so the app itself stays Oscar's (same models,
migrations and URLs). Reviews of cooperatives (`vendors.models.CooperativeReview`) follow the
same rules (`rules.py`); their reads and writes are in `selectors.py` and `services.py`.
"""
