"""Zellige is bought by the area: boxes are always rounded up, waste included."""

from decimal import Decimal

import pytest

from catalogue.zellige import ZelligeAreaError, zellige_boxes


def test_ten_square_metres_with_ten_percent_waste_need_eleven_one_metre_boxes():
    quote = zellige_boxes(area_m2="10", coverage_per_box_m2="1", waste_percent="10")

    assert quote.boxes == 11
    assert quote.area_with_waste_m2 == Decimal("11.00")
    assert quote.covered_m2 == Decimal("11.00")


def test_a_sliver_over_a_whole_box_costs_one_more_box():
    assert zellige_boxes(area_m2="10.01", coverage_per_box_m2="1", waste_percent="10").boxes == 12


def test_the_default_waste_allowance_is_ten_percent():
    assert zellige_boxes(area_m2="4.5", coverage_per_box_m2="0.5").boxes == 10  # 4.95 m² / 0.5


def test_no_waste_allowance_covers_exactly_the_area():
    assert zellige_boxes(area_m2="3", coverage_per_box_m2="0.5", waste_percent="0").boxes == 6


def test_the_total_price_is_boxes_times_the_box_price():
    quote = zellige_boxes(
        area_m2="2", coverage_per_box_m2="0.5", waste_percent="10", box_price=Decimal("450.00")
    )

    assert quote.boxes == 5
    assert quote.total_price == Decimal("2250.00")


def test_a_comma_decimal_area_is_understood():
    assert zellige_boxes(area_m2="2,5", coverage_per_box_m2="1", waste_percent="0").boxes == 3


@pytest.mark.parametrize(
    ("area", "waste", "coverage"),
    [
        ("0", "10", "1"),
        ("-3", "10", "1"),
        ("abc", "10", "1"),
        ("5", "60", "1"),
        ("5", "-1", "1"),
        ("5", "10", "0"),
        ("20000", "10", "1"),
        ("nan", "10", "1"),
    ],
)
def test_impossible_inputs_are_refused_with_a_reason(area, waste, coverage):
    with pytest.raises(ZelligeAreaError) as error:
        zellige_boxes(area_m2=area, coverage_per_box_m2=coverage, waste_percent=waste)

    assert str(error.value)
