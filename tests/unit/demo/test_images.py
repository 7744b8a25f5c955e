"""Demo photos: deterministic, the requested size and mode, and real pictures rather than flat colour.

marketplace.demo.images imports only Pillow and the standard library, so these tests need neither
a database nor Django settings (run them with ``-p no:django`` while the project is half-built).
"""

import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image, ImageChops, ImageFilter, ImageStat

from catalogue import crafts as catalogue
from marketplace.demo import images
from marketplace.demo.images import CRAFT_CODES, cooperative_image, hero_image, product_image

SIZE = 128

DEFAULT_STYLE = {
    "rug": "Beni Ourain",
    "zellige": "Square 10×10",
    "ceramics": "Tagine",
    "leather": "Babouches",
    "lighting": "Lantern",
    "jewellery": "Necklace",
    "woodwork": "Box",
    "textiles": "Caftan",
    "basketry": "Basket",
}


def _structure(img: Image.Image) -> float:
    """Standard deviation of the picture seen at 16x16: grain averages out, shapes and shading don't."""
    small = img.convert("L").resize((16, 16), Image.Resampling.BOX)
    return ImageStat.Stat(small).stddev[0]


def _busyness(img: Image.Image) -> float:
    """Mean local detail: how far the picture is from a blurred copy (smooth light doesn't count)."""
    grey = img.convert("L")
    return ImageStat.Stat(ImageChops.difference(grey, grey.filter(ImageFilter.GaussianBlur(2)))).mean[0]


def _distinct_colours(img: Image.Image) -> int:
    return len(img.getcolors(maxcolors=img.width * img.height))


def _assert_is_a_picture(img: Image.Image, size: tuple[int, int]) -> None:
    assert img.mode == "RGB"
    assert img.size == size
    assert _distinct_colours(img) > 400
    assert max(ImageStat.Stat(img).stddev) > 10
    assert _structure(img) > 4


def _product(**overrides) -> Image.Image:
    args = {"craft": "rug", "style": "Azilal", "colour": "Red", "seed": 7, "view": 0, "size": SIZE}
    return product_image(**(args | overrides))


@pytest.mark.parametrize("craft", CRAFT_CODES)
@pytest.mark.parametrize("view", [0, 1, 2])
def test_every_craft_in_every_view_is_an_rgb_picture_of_the_requested_size(craft, view):
    img = _product(craft=craft, style=DEFAULT_STYLE[craft], colour="Green", view=view)

    _assert_is_a_picture(img, (SIZE, SIZE))


@pytest.mark.parametrize("craft", ["rug", "zellige", "lighting", "textiles"])
@pytest.mark.parametrize("view", [0, 1, 2])
def test_the_same_arguments_always_give_the_same_pixels(craft, view):
    first = _product(craft=craft, style=DEFAULT_STYLE[craft], view=view)
    second = _product(craft=craft, style=DEFAULT_STYLE[craft], view=view)

    assert first.tobytes() == second.tobytes()


@pytest.mark.parametrize("craft", CRAFT_CODES)
def test_different_seeds_draw_different_pieces(craft):
    one = _product(craft=craft, style=DEFAULT_STYLE[craft], seed=1)
    other = _product(craft=craft, style=DEFAULT_STYLE[craft], seed=2)

    assert one.tobytes() != other.tobytes()


def test_a_different_seed_changes_the_design_not_just_the_grain():
    one = _product(craft="rug", style="Boucherouite", seed=1)
    other = _product(craft="rug", style="Boucherouite", seed=2)

    assert _structure(ImageChops.difference(one, other)) > 3


@pytest.mark.parametrize(
    ("craft", "styles"),
    [
        ("rug", catalogue.RUG_STYLES),
        ("zellige", images.ZELLIGE_SHAPES),
        ("ceramics", images.CERAMIC_OBJECTS + images.CERAMIC_TRADITIONS),
        ("leather", images.LEATHER_ITEMS),
        ("lighting", images.LIGHTING_ITEMS),
        ("jewellery", images.JEWELLERY_PIECES),
        ("woodwork", images.WOODWORK_OBJECTS + images.WOODS),
        ("textiles", images.TEXTILE_ITEMS),
        ("basketry", images.BASKETRY_ITEMS),
    ],
)
def test_every_catalogue_style_of_a_craft_is_drawn(craft, styles):
    for style in styles:
        _assert_is_a_picture(_product(craft=craft, style=style, size=96), (96, 96))


def test_every_catalogue_colour_is_drawn():
    for colour in catalogue.COLOURS:
        _assert_is_a_picture(_product(craft="ceramics", style="Bowl", colour=colour, size=96), (96, 96))


@pytest.mark.parametrize("craft", CRAFT_CODES)
def test_an_unknown_style_falls_back_to_the_crafts_typical_piece(craft):
    fallback = _product(craft=craft, style="Flying carpet deluxe")
    typical = _product(craft=craft, style=DEFAULT_STYLE[craft])

    assert fallback.tobytes() == typical.tobytes()


def test_an_empty_style_falls_back_too():
    assert (
        _product(craft="leather", style="").tobytes()
        == _product(craft="leather", style="Babouches").tobytes()
    )


def test_styles_are_matched_regardless_of_case_spacing_and_the_letter_x():
    assert _product(style=" beni ourain ").tobytes() == _product(style="Beni Ourain").tobytes()
    tiles = _product(craft="zellige", style="Square 5x5").tobytes()
    assert tiles == _product(craft="zellige", style="Square 5×5").tobytes()
    assert tiles != _product(craft="zellige", style="Square 10×10").tobytes()


def test_an_unknown_colour_still_gives_a_picture():
    _assert_is_a_picture(_product(colour="Chartreuse"), (SIZE, SIZE))


def test_the_default_size_is_960_pixels_square():
    assert product_image(craft="basketry", style="Mat", colour="Blue", seed=1, view=0).size == (960, 960)


def test_an_unknown_craft_is_rejected_with_the_valid_codes():
    with pytest.raises(ValueError, match="rug"):
        _product(craft="pottery")


@pytest.mark.parametrize("view", [-1, 3])
def test_only_views_zero_to_two_exist(view):
    with pytest.raises(ValueError, match="view"):
        _product(view=view)


def test_cooperative_banner_is_a_deterministic_picture_of_the_requested_size():
    first = cooperative_image(crafts=["rug", "ceramics", "lighting"], seed=3, size=(360, 240))
    second = cooperative_image(crafts=["rug", "ceramics", "lighting"], seed=3, size=(360, 240))

    _assert_is_a_picture(first, (360, 240))
    assert first.tobytes() == second.tobytes()


def test_cooperative_banner_follows_the_crafts_and_the_seed():
    weavers = cooperative_image(crafts=["rug"], seed=3, size=(360, 240))

    assert weavers.tobytes() != cooperative_image(crafts=["woodwork"], seed=3, size=(360, 240)).tobytes()
    assert weavers.tobytes() != cooperative_image(crafts=["rug"], seed=4, size=(360, 240)).tobytes()


def test_cooperative_banner_defaults_to_1200_by_800_and_ignores_unknown_crafts():
    img = cooperative_image(crafts=["spaceships", "basketry"], seed=1)

    _assert_is_a_picture(img, (1200, 800))


def test_cooperative_banner_without_any_known_craft_still_shows_a_workshop():
    _assert_is_a_picture(cooperative_image(crafts=[], seed=1, size=(300, 200)), (300, 200))


def test_hero_is_a_wide_deterministic_picture():
    first = hero_image(size=(480, 225))

    _assert_is_a_picture(first, (480, 225))
    assert first.tobytes() == hero_image(size=(480, 225)).tobytes()


def test_hero_keeps_its_left_side_calm_for_overlaid_text():
    hero = hero_image(size=(480, 225))
    above_floor = 170
    left = hero.crop((0, 0, 168, above_floor))
    right = hero.crop((168, 0, 480, above_floor))

    assert _busyness(left) < 3
    assert _busyness(right) > 2.5 * _busyness(left)


def test_the_module_needs_only_pillow_the_standard_library_and_the_craft_definitions():
    code = (
        "import sys; import marketplace.demo.images; "
        "print(sorted({m.split('.')[0] for m in sys.modules} - set(sys.stdlib_module_names)))"
    )
    root = Path(__file__).resolve().parents[3]
    out = subprocess.run([sys.executable, "-c", code], cwd=root, capture_output=True, text=True, check=True)

    assert set(eval(out.stdout)) <= {"PIL", "marketplace", "catalogue", "__main__", "_distutils_hack"}
