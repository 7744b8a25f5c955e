"""The crafts Souk sells: one Oscar product class per craft, with the attributes buyers filter on.

This is the single source of truth for product classes. `catalogue_sync_product_classes`
(catalogue/services.py) writes it to the database; demo data, the product editor and search
facets all read the attribute codes defined here.
"""

from dataclasses import dataclass, field

# Oscar attribute types used below (oscar.apps.catalogue.abstract_models.AbstractProductAttribute).
TEXT, INTEGER, FLOAT, BOOLEAN, OPTION, MULTI_OPTION = (
    "text",
    "integer",
    "float",
    "boolean",
    "option",
    "multi_option",
)


@dataclass(frozen=True)
class AttributeSpec:
    code: str
    name: str
    type: str
    options: tuple[str, ...] = ()
    required: bool = False
    # Unit of a numeric value, used to show metric and imperial sizes side by side.
    unit: str = ""


@dataclass(frozen=True)
class CraftSpec:
    code: str
    name: str
    name_fr: str
    # Harmonized System heading used on the commercial invoice (see shared/DOMAIN.md §4).
    hs_code: str
    attributes: tuple[AttributeSpec, ...] = field(default_factory=tuple)


COLOURS = (
    "Ivory",
    "Black",
    "Red",
    "Orange",
    "Saffron",
    "Green",
    "Blue",
    "Turquoise",
    "Pink",
    "Brown",
    "Grey",
    "Multicolour",
)

RUG_STYLES = (
    "Beni Ourain",
    "Azilal",
    "Boucherouite",
    "Kilim",
    "Hanbel",
    "Boujad",
    "Taznakht",
    "Zanafi",
    "Talsint",
)

CRAFTS: tuple[CraftSpec, ...] = (
    CraftSpec(
        code="rug",
        name="Rug",
        name_fr="Tapis",
        hs_code="5701",
        attributes=(
            AttributeSpec("style", "Style", OPTION, RUG_STYLES, required=True),
            AttributeSpec(
                "weave", "Weave", OPTION, ("Hand-knotted pile", "Flat-woven", "Mixed"), required=True
            ),
            AttributeSpec(
                "material",
                "Material",
                OPTION,
                ("Sheep wool", "Cotton", "Recycled textile", "Sabra (cactus silk)"),
                required=True,
            ),
            AttributeSpec("dye", "Dye", OPTION, ("Natural", "Synthetic")),
            AttributeSpec("colour", "Main colour", OPTION, COLOURS),
            AttributeSpec("width_cm", "Width", INTEGER, required=True, unit="cm"),
            AttributeSpec("length_cm", "Length", INTEGER, required=True, unit="cm"),
            AttributeSpec("pile_height_mm", "Pile height", INTEGER, unit="mm"),
            AttributeSpec("knots_per_dm2", "Knots per dm²", INTEGER),
            AttributeSpec("region", "Region or tribe", TEXT),
            AttributeSpec("one_of_a_kind", "One of a kind", BOOLEAN),
        ),
    ),
    CraftSpec(
        code="zellige",
        name="Zellige",
        name_fr="Zellige",
        hs_code="6907",
        attributes=(
            AttributeSpec(
                "shape",
                "Shape",
                OPTION,
                ("Square 10×10", "Square 5×5", "Hexagon", "Fish scale", "Star"),
                required=True,
            ),
            AttributeSpec("tile_size_cm", "Tile size", FLOAT, required=True, unit="cm"),
            AttributeSpec("colour", "Colour", OPTION, COLOURS, required=True),
            AttributeSpec("finish", "Finish", OPTION, ("Glossy", "Matte", "Crackle")),
            AttributeSpec("coverage_per_box_m2", "Coverage per box", FLOAT, required=True, unit="m2"),
            AttributeSpec("weight_per_m2_kg", "Weight per m²", FLOAT, unit="kg"),
            AttributeSpec("samples_available", "Samples available", BOOLEAN),
        ),
    ),
    CraftSpec(
        code="ceramics",
        name="Ceramics",
        name_fr="Céramique",
        hs_code="6913",
        attributes=(
            AttributeSpec(
                "tradition",
                "Tradition",
                OPTION,
                ("Safi", "Fes blue", "Tamegroute green", "Tadelakt"),
                required=True,
            ),
            AttributeSpec("object_type", "Object", OPTION, ("Tagine", "Bowl", "Plate", "Vase", "Jar", "Cup")),
            AttributeSpec("colour", "Main colour", OPTION, COLOURS),
            AttributeSpec("diameter_cm", "Diameter", INTEGER, unit="cm"),
            AttributeSpec("height_cm", "Height", INTEGER, unit="cm"),
            AttributeSpec("food_safe", "Food safe", BOOLEAN),
        ),
    ),
    CraftSpec(
        code="leather",
        name="Leather",
        name_fr="Maroquinerie",
        hs_code="4202",
        attributes=(
            AttributeSpec(
                "item", "Item", OPTION, ("Babouches", "Pouf", "Bag", "Belt", "Wallet"), required=True
            ),
            AttributeSpec("leather", "Leather", OPTION, ("Goat", "Cow", "Sheep")),
            AttributeSpec("colour", "Colour", OPTION, COLOURS),
            AttributeSpec("size", "Size", TEXT),
            AttributeSpec("vegetable_tanned", "Vegetable tanned", BOOLEAN),
        ),
    ),
    CraftSpec(
        code="lighting",
        name="Lighting & metal",
        name_fr="Luminaires et métal",
        hs_code="9405",
        attributes=(
            AttributeSpec(
                "item",
                "Item",
                OPTION,
                ("Lantern", "Pendant lamp", "Table lamp", "Wall sconce", "Tray"),
                required=True,
            ),
            AttributeSpec("metal", "Metal", OPTION, ("Brass", "Copper", "Iron", "Silver-plated")),
            AttributeSpec("height_cm", "Height", INTEGER, unit="cm"),
            AttributeSpec("diameter_cm", "Diameter", INTEGER, unit="cm"),
            AttributeSpec("electrified", "Wired for electricity", BOOLEAN),
        ),
    ),
    CraftSpec(
        code="jewellery",
        name="Jewellery",
        name_fr="Bijoux",
        hs_code="7113",
        attributes=(
            AttributeSpec(
                "piece",
                "Piece",
                OPTION,
                ("Necklace", "Bracelet", "Earrings", "Ring", "Fibula"),
                required=True,
            ),
            AttributeSpec("metal", "Metal", OPTION, ("Tiznit silver", "Silver", "Brass", "Gold-plated")),
            AttributeSpec("stones", "Stones and enamel", TEXT),
            AttributeSpec("weight_g", "Weight", INTEGER, unit="g"),
        ),
    ),
    CraftSpec(
        code="woodwork",
        name="Woodwork",
        name_fr="Travail du bois",
        hs_code="4420",
        attributes=(
            AttributeSpec("wood", "Wood", OPTION, ("Thuya", "Cedar", "Walnut", "Lemonwood"), required=True),
            AttributeSpec("object_type", "Object", OPTION, ("Box", "Bowl", "Tray", "Chess set", "Mirror")),
            AttributeSpec("length_cm", "Length", INTEGER, unit="cm"),
            AttributeSpec("width_cm", "Width", INTEGER, unit="cm"),
            AttributeSpec("inlay", "Inlay", TEXT),
        ),
    ),
    CraftSpec(
        code="textiles",
        name="Textiles & clothing",
        name_fr="Textiles et vêtements",
        hs_code="6211",
        attributes=(
            AttributeSpec(
                "item",
                "Item",
                OPTION,
                ("Caftan", "Djellaba", "Cushion cover", "Throw", "Scarf"),
                required=True,
            ),
            AttributeSpec(
                "material", "Material", OPTION, ("Sabra (cactus silk)", "Cotton", "Wool", "Silk", "Linen")
            ),
            AttributeSpec("colour", "Colour", OPTION, COLOURS),
            AttributeSpec("size", "Size", TEXT),
        ),
    ),
    CraftSpec(
        code="basketry",
        name="Basketry",
        name_fr="Vannerie",
        hs_code="4602",
        attributes=(
            AttributeSpec(
                "item", "Item", OPTION, ("Basket", "Market bag", "Hat", "Mat", "Bread basket"), required=True
            ),
            AttributeSpec("material", "Material", OPTION, ("Doum palm", "Raffia", "Reed")),
            AttributeSpec("diameter_cm", "Diameter", INTEGER, unit="cm"),
            AttributeSpec("height_cm", "Height", INTEGER, unit="cm"),
        ),
    ),
)

CRAFTS_BY_CODE = {craft.code: craft for craft in CRAFTS}
