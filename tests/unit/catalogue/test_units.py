"""Sizes and weights read naturally in centimetres or in feet and inches."""

from decimal import Decimal

import pytest

from catalogue.units import IMPERIAL, METRIC, length_text, units_from_accept_language, weight_text


@pytest.mark.parametrize(
    ("value", "unit", "expected"),
    [
        (200, "cm", "6 ft 7 in"),
        (300, "cm", "9 ft 10 in"),
        (244, "cm", "8 ft"),
        (30, "cm", "11.8 in"),
        (13, "mm", "0.5 in"),
    ],
)
def test_imperial_lengths_use_feet_and_inches(value, unit, expected):
    assert length_text(value, unit, IMPERIAL) == expected


def test_metric_lengths_keep_their_unit():
    assert length_text(200, "cm", METRIC) == "200 cm"
    assert length_text(12.5, "cm", METRIC) == "12.5 cm"


def test_weights_convert_to_pounds():
    assert weight_text(Decimal("10"), IMPERIAL) == "22 lb"
    assert weight_text(Decimal("6.4"), IMPERIAL) == "14.1 lb"
    assert weight_text(Decimal("6.4"), METRIC) == "6.4 kg"


def test_american_browsers_get_imperial_and_everyone_else_metric():
    assert units_from_accept_language("en-US,en;q=0.9") == IMPERIAL
    assert units_from_accept_language("en-GB") == METRIC
    assert units_from_accept_language("fr-FR") == METRIC
    assert units_from_accept_language("") == METRIC
