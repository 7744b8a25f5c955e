"""Server-side SVG charts: well-formed, proportional, escaped, mirrored for right-to-left pages."""

from xml.etree import ElementTree as ET

from marketplace.observatory.charts import Item, columns_svg, hbar_svg, nice_max, stacked_svg

SVG = "{http://www.w3.org/2000/svg}"


def _parse(svg) -> ET.Element:
    return ET.fromstring(str(svg))


def _bars(root) -> list[ET.Element]:
    return [rect for rect in root.iter(f"{SVG}rect") if "obs-bar__fill" in rect.get("class", "")]


def test_horizontal_bars_are_well_formed_svg_hidden_from_screen_readers():
    root = _parse(hbar_svg([("France", 300, "300 MAD"), ("Japan", 150, "150 MAD")]))

    assert root.tag == f"{SVG}svg"
    assert root.get("aria-hidden") == "true"
    assert len(_bars(root)) == 2


def test_bar_lengths_are_proportional_to_the_values():
    root = _parse(hbar_svg([("A", 400), ("B", 200), ("C", 100)]))

    widths = [float(rect.get("width")) for rect in _bars(root)]

    assert widths[0] == 2 * widths[1] == 4 * widths[2]


def test_labels_are_escaped_so_a_query_cannot_inject_markup():
    svg = hbar_svg([('<script>alert("x")</script> & co', 5)])

    assert "<script>" not in str(svg)
    root = _parse(svg)
    labels = [text.text for text in root.iter(f"{SVG}text") if "obs-label" in text.get("class", "")]
    assert labels[0].startswith("<script>")


def test_right_to_left_bars_grow_from_the_right_and_keep_their_lengths():
    items = [Item("فرنسا", 300, "300"), Item("اليابان", 100, "100")]
    ltr = _bars(_parse(hbar_svg(items, width=500)))
    rtl = _bars(_parse(hbar_svg(items, width=500, rtl=True)))

    assert [r.get("width") for r in ltr] == [r.get("width") for r in rtl]
    # LTR bars start at the label column's edge; RTL bars end at the mirrored edge.
    assert len({r.get("x") for r in ltr}) == 1
    rtl_ends = {round(float(r.get("x")) + float(r.get("width")), 1) for r in rtl}
    assert len(rtl_ends) == 1
    # The mirror image: where LTR bars start from the left, RTL bars start from the right.
    assert rtl_ends.pop() == 500 - float(ltr[0].get("x"))
    assert float(rtl[0].get("x")) < float(rtl[1].get("x"))


def test_columns_are_proportional_to_the_axis_and_run_right_to_left_in_rtl():
    items = [("Jan", 100), ("Feb", 50), ("Mar", 25)]
    root = _parse(columns_svg(items, height=240))
    columns = [r for r in root.iter(f"{SVG}rect") if "obs-col__fill" in r.get("class", "")]
    heights = [float(r.get("height")) for r in columns]

    assert heights[0] == 2 * heights[1] == 4 * heights[2]
    xs = [float(r.get("x")) for r in columns]
    assert xs == sorted(xs)
    rtl_columns = [
        r
        for r in _parse(columns_svg(items, rtl=True)).iter(f"{SVG}rect")
        if "obs-col__fill" in r.get("class", "")
    ]
    rtl_xs = [float(r.get("x")) for r in rtl_columns]
    assert rtl_xs == sorted(rtl_xs, reverse=True)


def test_columns_draw_a_line_with_one_point_per_column():
    root = _parse(columns_svg([("Jan", 10), ("Feb", 20)], line=[3, 4]))

    assert len(list(root.iter(f"{SVG}circle"))) == 2
    assert root.find(f"{SVG}polyline") is not None


def test_negative_values_and_empty_series_draw_nothing_broken():
    assert _bars(_parse(hbar_svg([("Refunds", -50), ("Sales", 100)])))[0].get("width") == "0.0"
    assert _parse(hbar_svg([])).tag == f"{SVG}svg"
    assert _parse(columns_svg([])).tag == f"{SVG}svg"


def test_a_stacked_bar_splits_its_width_by_share():
    parts = list(_parse(stacked_svg([("Women-led", 30), ("Others", 70)], width=200)).iter(f"{SVG}rect"))

    assert [float(r.get("width")) for r in parts] == [60.0, 140.0]


def test_the_axis_maximum_is_a_round_number_at_or_above_the_largest_value():
    assert [nice_max(v) for v in (0, 7, 10, 11, 180, 2300, 0.3)] == [
        1.0,
        10.0,
        10.0,
        20.0,
        200.0,
        2500.0,
        0.5,
    ]
