"""Every attribute name and option value the product page shows from catalogue.crafts is
marked for translation, so makemessages puts it in the French and Arabic catalogues."""

from django.utils import translation

from catalogue.crafts import CRAFTS
from catalogue.crafts_messages import ATTRIBUTE_NAMES, OPTION_VALUES


def _listed(messages) -> set[str]:
    with translation.override(None):
        return {str(message) for message in messages}


def test_every_attribute_name_of_the_crafts_is_marked_for_translation():
    names = {spec.name for craft in CRAFTS for spec in craft.attributes}

    assert names <= _listed(ATTRIBUTE_NAMES)


def test_every_option_value_of_the_crafts_is_marked_for_translation():
    options = {option for craft in CRAFTS for spec in craft.attributes for option in spec.options}

    assert options <= _listed(OPTION_VALUES)
