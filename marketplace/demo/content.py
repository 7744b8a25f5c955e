"""Demo content for Souk: cooperatives, the category tree and products, as plain data.

Pure Python (no Django): `marketplace.demo.loader` turns these seeds into database rows and
the unit tests check them without a database.

Contracts:
- `cooperatives()` returns 14 fictional cooperatives; every craft in `catalogue.crafts` is made
  by at least one of them.
- `CATEGORY_TREE` holds one root per craft (rugs have one child per main style).
- `products()` is deterministic (it seeds its own `random.Random(2026)`, never the global RNG)
  and returns at least 216 products. Each product's attributes use the attribute codes of its
  craft, with every required attribute present and every option value valid; its cooperative
  makes its craft; its category path exists in `CATEGORY_TREE`; the dimensions in its titles
  are the ones in its attributes. Rugs are one of a kind (stock 1); zellige stock counts boxes.
- Cooperatives and products also carry their Arabic texts (`arabic.py`).
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from decimal import ROUND_HALF_UP, Decimal
from itertools import product as cartesian
from typing import NamedTuple

from catalogue.crafts import COLOURS, CRAFTS_BY_CODE, RUG_STYLES

from . import arabic

REGIONS: tuple[str, ...] = (
    "tanger-tetouan-al-hoceima",
    "oriental",
    "fes-meknes",
    "rabat-sale-kenitra",
    "beni-mellal-khenifra",
    "casablanca-settat",
    "marrakech-safi",
    "draa-tafilalet",
    "souss-massa",
    "guelmim-oued-noun",
    "laayoune-sakia-el-hamra",
    "dakhla-oued-ed-dahab",
)

STATUSES: tuple[str, ...] = ("verified", "in_review", "suspended")


# --- Seed types ---------------------------------------------------------------------------
@dataclass(frozen=True)
class CooperativeSeed:
    slug: str
    name: str
    legal_name: str
    region: str
    city: str
    crafts: tuple[str, ...]
    founded: int
    members: int
    women_members: int
    women_led: bool
    languages: tuple[str, ...]
    tagline_en: str
    tagline_fr: str
    story_en: str
    story_fr: str
    phone: str
    email: str
    registration_number: str
    rna_number: str
    ice: str
    status: str
    tagline_ar: str = ""
    story_ar: str = ""


@dataclass(frozen=True)
class CategorySeed:
    name_en: str
    name_fr: str
    slug: str
    children: tuple[CategorySeed, ...] = ()
    craft: str | None = None
    description_en: str = ""
    description_fr: str = ""


@dataclass(frozen=True)
class ProductSeed:
    upc: str
    craft: str
    category_path: tuple[str, ...]
    cooperative: str
    title_en: str
    title_fr: str
    description_en: str
    description_fr: str
    price_mad: Decimal
    stock: int
    attributes: dict[str, object]
    image_style: str
    image_colour: str
    weight_kg: Decimal
    is_labelled: bool
    lead_time_days: int
    title_ar: str = ""
    description_ar: str = ""


# --- Categories ---------------------------------------------------------------------------
def _rug_style(name_en: str, name_fr: str, slug: str, en: str, fr: str) -> CategorySeed:
    return CategorySeed(name_en, name_fr, slug, craft="rug", description_en=en, description_fr=fr)


# Arabic category names, by slug (the seeds above carry English and French).
CATEGORY_NAMES_AR = {
    "rugs": "زرابي",
    "beni-ourain": "بني وراين",
    "azilal": "أزيلال",
    "boucherouite": "بوشرويط",
    "kilim": "حنبل وكليم",
    "boujad": "بوجعد",
    "taznakht": "تازناخت",
    "zellige": "زليج",
    "ceramics": "خزف",
    "leather": "جلد",
    "jewellery": "حلي",
    "lighting": "إنارة",
    "textiles": "منسوجات",
    "woodwork": "خشب",
    "basketry": "سلال",
}

CATEGORY_TREE: tuple[CategorySeed, ...] = (
    CategorySeed(
        "Rugs",
        "Tapis",
        "rugs",
        craft="rug",
        description_en="Hand-knotted and flat-woven rugs from the Atlas, the Anti-Atlas and the plains.",
        description_fr="Tapis noués main et tissés à plat de l'Atlas, de l'Anti-Atlas et des plaines.",
        children=(
            _rug_style(
                "Beni Ourain",
                "Beni Ourain",
                "beni-ourain",
                "Thick ivory pile in undyed Middle Atlas wool, drawn with dark lozenges.",
                "Velours épais en laine écrue du Moyen Atlas, dessiné de losanges sombres.",
            ),
            _rug_style(
                "Azilal",
                "Azilal",
                "azilal",
                "Soft ivory rugs from the High Atlas, scattered with bright, free-hand symbols.",
                "Tapis ivoire et moelleux du Haut Atlas, parsemés de symboles vifs tracés à main levée.",
            ),
            _rug_style(
                "Boucherouite",
                "Boucherouite",
                "boucherouite",
                "Joyful rag rugs knotted from strips of recycled clothes and fabric.",
                "Tapis joyeux noués avec des bandes de vêtements et de tissus recyclés.",
            ),
            _rug_style(
                "Kilim & hanbel",
                "Kilim et hanbel",
                "kilim",
                "Light flat-woven rugs and hanbels, striped and banded, easy to roll and ship.",
                "Tapis tissés à plat et hanbels rayés, légers, faciles à rouler et à expédier.",
            ),
            _rug_style(
                "Boujad",
                "Boujad",
                "boujad",
                "Pile rugs from the Tadla plains in raspberry, pink and faded orange.",
                "Tapis à velours des plaines du Tadla, en framboise, rose et orange passé.",
            ),
            _rug_style(
                "Taznakht",
                "Taznakht",
                "taznakht",
                "Fine Anti-Atlas rugs dyed with saffron, henna, madder and indigo.",
                "Tapis fins de l'Anti-Atlas teints au safran, au henné, à la garance et à l'indigo.",
            ),
        ),
    ),
    CategorySeed(
        "Zellige",
        "Zellige",
        "zellige",
        craft="zellige",
        description_en="Hand-cut glazed terracotta tiles from Fes, sold by the box for your project.",
        description_fr="Carreaux de terre cuite émaillée taillés à la main à Fès, vendus au carton.",
    ),
    CategorySeed(
        "Ceramics",
        "Céramique",
        "ceramics",
        craft="ceramics",
        description_en="Tagines, bowls, plates and vases thrown and glazed in Safi and Fes.",
        description_fr="Tajines, bols, assiettes et vases tournés et émaillés à Safi et à Fès.",
    ),
    CategorySeed(
        "Leather",
        "Maroquinerie",
        "leather",
        craft="leather",
        description_en="Babouches, poufs and bags cut from leather tanned in the old way.",
        description_fr="Babouches, poufs et sacs taillés dans un cuir tanné à l'ancienne.",
    ),
    CategorySeed(
        "Jewellery",
        "Bijoux",
        "jewellery",
        craft="jewellery",
        description_en="Amazigh silver from Tiznit: fibulas, cuffs, necklaces and earrings.",
        description_fr="Argent amazigh de Tiznit : fibules, bracelets, colliers et boucles d'oreilles.",
    ),
    CategorySeed(
        "Lighting",
        "Luminaires",
        "lighting",
        craft="lighting",
        description_en="Pierced brass and copper lanterns, lamps and trays hammered by hand.",
        description_fr="Lanternes, lampes et plateaux en laiton et en cuivre ajourés et martelés main.",
    ),
    CategorySeed(
        "Textiles",
        "Textiles",
        "textiles",
        craft="textiles",
        description_en="Caftans, djellabas, sabra cushions and handwoven throws.",
        description_fr="Caftans, djellabas, coussins en sabra et plaids tissés main.",
    ),
    CategorySeed(
        "Woodwork",
        "Travail du bois",
        "woodwork",
        craft="woodwork",
        description_en="Thuya and cedar boxes, trays and mirrors from the workshops of Essaouira.",
        description_fr="Coffrets, plateaux et miroirs en thuya et en cèdre des ateliers d'Essaouira.",
    ),
    CategorySeed(
        "Basketry",
        "Vannerie",
        "basketry",
        craft="basketry",
        description_en="Baskets, market bags and hats plaited from doum palm in the Rif.",
        description_fr="Paniers, couffins et chapeaux tressés en palmier doum dans le Rif.",
    ),
)


# --- Cooperatives -------------------------------------------------------------------------
def _ice(company: int) -> str:
    """A 15-digit ICE: 9-digit company number, 4-digit establishment, 2-digit check."""
    return f"{company:09d}0001{company % 97:02d}"


def _cooperative(
    slug: str,
    name: str,
    *,
    legal: str,
    region: str,
    city: str,
    crafts: tuple[str, ...],
    founded: int,
    members: int,
    women: int,
    women_led: bool,
    languages: tuple[str, ...],
    tagline: tuple[str, str],
    story: tuple[str, str],
    phone: str,
    registry: int,
    status: str = "verified",
) -> CooperativeSeed:
    """Build a seed; the email, registry numbers and ICE derive from `slug` and `registry`."""
    return CooperativeSeed(
        slug=slug,
        name=name,
        legal_name=legal,
        region=region,
        city=city,
        crafts=crafts,
        founded=founded,
        members=members,
        women_members=women,
        women_led=women_led,
        languages=languages,
        tagline_en=tagline[0],
        tagline_fr=tagline[1],
        story_en=story[0].strip(),
        story_fr=story[1].strip(),
        phone=phone,
        email=f"{slug}@souk.test",
        registration_number=f"COOP-{founded}-{registry:05d}",
        rna_number=f"RNA-{REGIONS.index(region) + 1:02d}-{registry * 37 % 1000000:06d}",
        ice=_ice(2_014_000_00 + registry * 7919),
        status=status,
        tagline_ar=arabic.COOPERATIVE_TAGLINES_AR[slug],
        story_ar=arabic.COOPERATIVE_STORIES_AR[slug].strip(),
    )


_STORY_TIFAWIN = (
    """
Tifawin means “lights” in Tamazight. The cooperative began in 2009, when eleven women from the
villages around Boulemane carried their looms into a rented room above the weekly souk. Most had
learned to knot from their mothers and sold their rugs to passing dealers for little more than
the price of the wool.

Today thirty-eight members shear, wash and card the fleece of local Beni Ouarain sheep, spin it
on drop spindles and knot it on upright looms. A 200 × 300 cm rug keeps two women busy for about
six weeks; the lozenges are drawn from memory, never from a chart, so no two rugs are alike.

Selling directly means each weaver is paid when her rug is sold, not months later. The
cooperative has bought a second washing basin and a solar water heater, and the older members
now teach knotting to schoolgirls on Wednesday afternoons.
""",
    """
Tifawin signifie « lumières » en tamazight. La coopérative est née en 2009, quand onze femmes des
villages autour de Boulemane ont installé leurs métiers dans une pièce louée au-dessus du souk
hebdomadaire. La plupart avaient appris à nouer auprès de leur mère et vendaient leurs tapis aux
marchands de passage, à peine plus cher que la laine.

Aujourd'hui, trente-huit adhérentes tondent, lavent et cardent la toison des moutons Beni
Ouarain, la filent au fuseau et la nouent sur des métiers verticaux. Un tapis de 200 × 300 cm
occupe deux femmes pendant environ six semaines ; les losanges sont tracés de mémoire, jamais
d'après un modèle, si bien qu'aucun tapis ne ressemble à un autre.

Grâce à la vente directe, chaque tisserande est payée dès que son tapis est vendu, et non des mois
plus tard. La coopérative a acheté un second bassin de lavage et un chauffe-eau solaire, et les
plus anciennes enseignent le nouage aux collégiennes le mercredi après-midi.
""",
)

_STORY_TIWRGA = (
    """
Tiwrga — “dreams” — gathers twenty-seven women from the douars above Azilal, where snow closes
the road for a few days each winter and weaving fills the long evenings. Their rugs are ivory
wool scattered with signs in saffron, pink and blue: each weaver has her own alphabet of
symbols, for a wedding, a birth, a good harvest.

Between Azilal rugs they knot boucherouites from the family's worn-out clothes, cut into strips
on the workshop floor, and for a few years they have also woven the bright Boujad patterns their
neighbours in the Tadla taught them.

Since the cooperative photographs and lists its own rugs, the women choose their prices together
at the Sunday meeting. The first export earnings paid for a wool store that keeps the moths out,
and for literacy classes that eleven members now attend.
""",
    """
Tiwrga — « les rêves » — réunit vingt-sept femmes des douars qui dominent Azilal, où la neige
coupe la route quelques jours chaque hiver et où le tissage remplit les longues soirées. Leurs
tapis sont en laine ivoire semée de signes safran, roses et bleus : chaque tisserande a son propre
alphabet de symboles, pour un mariage, une naissance, une bonne récolte.

Entre deux tapis Azilal, elles nouent des boucherouites avec les vêtements usés de la famille,
découpés en bandes sur le sol de l'atelier, et depuis quelques années elles tissent aussi les
motifs vifs de Boujad que leurs voisines du Tadla leur ont appris.

Depuis que la coopérative photographie et met en ligne ses propres tapis, les femmes fixent les
prix ensemble à la réunion du dimanche. Les premières recettes à l'export ont financé une réserve
de laine à l'abri des mites et des cours d'alphabétisation que suivent aujourd'hui onze adhérentes.
""",
)

_STORY_ANZAR = (
    """
In Taznakht, on the road between Ouarzazate and the Anti-Atlas, the Ouzguita women have dyed wool
for generations with what grows around them: saffron from Taliouine, henna, madder root,
pomegranate rind and indigo. Anzar — “rain” — was founded in 2006 by forty of them to keep those
recipes alive.

The dye kitchen sits behind the workshop, with copper vats over wood fires and skeins drying on
the terrace. The rugs are finer than most Atlas pieces, knotted close with a short pile, and
framed by the geometric medallions the region is known for.

Selling online has let Anzar stop discounting for the tour buses. Buyers now write from Montreal
and Tokyo asking for a colour or a size, and the cooperative weaves to order when the loom is free.
""",
    """
À Taznakht, sur la route entre Ouarzazate et l'Anti-Atlas, les femmes Ouzguita teignent la laine
depuis des générations avec ce qui pousse autour d'elles : safran de Taliouine, henné, racine de
garance, écorce de grenade et indigo. Anzar — « la pluie » — a été fondée en 2006 par quarante
d'entre elles pour faire vivre ces recettes.

La cuisine de teinture se trouve derrière l'atelier : des cuves en cuivre sur feu de bois et des
écheveaux qui sèchent sur la terrasse. Les tapis sont plus fins que la plupart des pièces de
l'Atlas, noués serré avec un velours court, et encadrés des médaillons géométriques qui font la
réputation de la région.

La vente en ligne a permis à Anzar de cesser de brader pour les cars de touristes. Des acheteurs
écrivent désormais de Montréal et de Tokyo pour demander une couleur ou une taille, et la
coopérative tisse sur commande dès qu'un métier se libère.
""",
)

_STORY_TADLA = (
    """
Nour Tadla works from a whitewashed house near the zaouia of Boujad, on the plains between
Khouribga and Béni Mellal. Its nineteen members, most of them women, knot the raspberry, pink and
orange rugs that the town has been known for since the last century.

The pile is cut a little longer than in the mountains and the patterns are loose and abstract:
lozenges that drift, borders that stop halfway, colours changed when a skein ran out. Older
pieces are washed in the sun until the reds soften to the faded tones collectors look for.

Selling directly has brought steadier orders, and the cooperative is now renewing its registry
documents so it can keep listing on Souk.
""",
    """
Nour Tadla travaille dans une maison blanchie à la chaux près de la zaouïa de Boujad, dans les
plaines entre Khouribga et Béni Mellal. Ses dix-neuf membres, des femmes pour la plupart, nouent
les tapis framboise, roses et orange qui font la renommée de la ville depuis le siècle dernier.

Le velours est coupé un peu plus long qu'en montagne et les motifs sont libres et abstraits : des
losanges qui dérivent, des bordures qui s'arrêtent en chemin, des couleurs qui changent quand un
écheveau s'épuise. Les pièces plus anciennes sèchent au soleil jusqu'à ce que les rouges prennent
les tons passés que recherchent les collectionneurs.

La vente directe a apporté des commandes plus régulières, et la coopérative renouvelle
actuellement ses documents d'immatriculation pour continuer à vendre sur Souk.
""",
)

_STORY_AMANE = (
    """
On the high plateaux around Tendrara, the Beni Guil are sheep herders, and their wives weave the
wool of the flock into hanbels: long flat-woven rugs in bands of red, black and ivory that once
lined the tents. Amane — “water” — was founded in 2021 by fourteen of these weavers.

They work in a room lent by the commune, with two horizontal looms and a stove for the winter.
The wool is bought straight from the herders at the Thursday market, washed at the well and
spun by hand.

Amane is new to selling online: a volunteer from Oujda helps with the photographs, and the
cooperative's documents are being checked before its first rugs go on sale.
""",
    """
Sur les hauts plateaux autour de Tendrara, les Beni Guil sont éleveurs de moutons, et leurs
épouses tissent la laine du troupeau en hanbels : de longs tapis tissés à plat, en bandes rouges,
noires et ivoire, qui tapissaient autrefois les tentes. Amane — « l'eau » — a été fondée en 2021
par quatorze de ces tisserandes.

Elles travaillent dans une salle prêtée par la commune, avec deux métiers horizontaux et un poêle
pour l'hiver. La laine est achetée directement aux éleveurs au marché du jeudi, lavée au puits et
filée à la main.

Amane découvre la vente en ligne : un bénévole d'Oujda aide aux photographies, et les documents
de la coopérative sont en cours de vérification avant la mise en vente de ses premiers tapis.
""",
)

_STORY_NEJMA = (
    """
Nejma — “star” — is a zellige workshop of twenty-two craftsmen in the potters' quarter of Fès,
led by a maâlem who cut his first tiles at twelve. The clay comes from the hills outside the
city; it is shaped into slabs, dried, glazed and fired in the workshop's own kiln.

Every tile is then cut by hand with a sharpened hammer, the menqach, following paper templates
worn soft with use. The slight differences in tone and edge are the point: laid on a wall, they
catch the light like water.

Selling by the box to architects and home owners abroad has changed the rhythm of the workshop.
Orders used to come through two wholesalers in Casablanca; now the cooperative sees who buys
what, keeps samples ready to post, and has hired four young cutters.
""",
    """
Nejma — « étoile » — est un atelier de zellige de vingt-deux artisans dans le quartier des potiers
de Fès, dirigé par un maâlem qui a taillé ses premiers carreaux à douze ans. L'argile vient des
collines autour de la ville ; elle est façonnée en plaques, séchée, émaillée et cuite dans le
four de l'atelier.

Chaque carreau est ensuite taillé à la main au menqach, le marteau affûté, en suivant des gabarits
de papier usés par le temps. Les légères différences de teinte et d'arête font tout le charme :
posés au mur, les carreaux accrochent la lumière comme l'eau.

La vente au carton à des architectes et des particuliers à l'étranger a changé le rythme de
l'atelier. Les commandes passaient par deux grossistes de Casablanca ; aujourd'hui, la coopérative
sait qui achète quoi, garde des échantillons prêts à expédier et a embauché quatre jeunes tailleurs.
""",
)

_STORY_RIHANA = (
    """
Rihana brings together thirty-one potters and tile cutters from three families of Fès. Half of
the workshop throws the blue-and-white pottery the city is famous for, painted freehand with
cobalt; the other half cuts zellige from the same clay and the same kilns.

The painters are mostly women, who joined the cooperative in 2015 after years of working at home
for a middleman. They now sign the underside of every plate.

Direct sales have let Rihana pay for a cleaner gas kiln and for lead-free glazes, so the bowls and
tagines are safe for food. The cooperative's zellige now covers a hammam in Brussels and a café
in Berlin.
""",
    """
Rihana réunit trente et un potiers et tailleurs de zellige issus de trois familles de Fès. La
moitié de l'atelier tourne la faïence bleu et blanc qui a fait la renommée de la ville, peinte à
main levée au cobalt ; l'autre moitié taille le zellige dans la même argile et cuit dans les
mêmes fours.

Les peintres sont surtout des femmes, qui ont rejoint la coopérative en 2015 après des années de
travail à domicile pour un intermédiaire. Elles signent désormais le dessous de chaque assiette.

La vente directe a permis à Rihana de s'équiper d'un four à gaz plus propre et d'émaux sans
plomb, pour des bols et des tajines aptes au contact alimentaire. Le zellige de la coopérative
habille aujourd'hui un hammam à Bruxelles et un café à Berlin.
""",
)

_STORY_CHEMS = (
    """
Chems works on the potters' hill above the old medina of Safi, where the kilns have smoked for
centuries. Its twenty-six members throw tagines, bowls and plates on kick wheels and glaze them
in the deep saffron, copper green and cobalt of the Safi tradition.

The clay is dug a few kilometres inland, soaked in pits and trodden by foot before it reaches the
wheel. Each piece is fired twice, once bare and once glazed, in a kiln the members rebuilt
together in 2019.

Buyers in France and Belgium now order directly, and the cooperative packs each tagine in straw
and double cardboard. The difference in price has gone into wages and into a small shop on the
hill where visitors can watch the potters work.
""",
    """
Chems travaille sur la colline des potiers qui domine la vieille médina de Safi, où les fours
fument depuis des siècles. Ses vingt-six membres tournent tajines, bols et assiettes au tour à
pied et les émaillent dans le safran profond, le vert cuivre et le cobalt de la tradition de Safi.

L'argile est extraite à quelques kilomètres dans l'arrière-pays, trempée dans des fosses et
foulée au pied avant d'arriver sur le tour. Chaque pièce est cuite deux fois, d'abord nue puis
émaillée, dans un four que les membres ont reconstruit ensemble en 2019.

Des acheteurs de France et de Belgique commandent désormais en direct, et la coopérative emballe
chaque tajine dans la paille et un double carton. La différence de prix est allée aux salaires et
à une petite boutique sur la colline où les visiteurs regardent les potiers travailler.
""",
)

_STORY_TAZERZIT = (
    """
The tazerzit is the triangular fibula Amazigh women wear to fasten their shawls, and it gave its
name to this cooperative of eighteen silversmiths in the medina of Tiznit. They melt, hammer,
engrave and enamel silver the way their fathers did, and a few of their daughters now do too.

A necklace starts as a melted bar, drawn into wire and plate on the workbench, then chased with
punches and filled with green and yellow enamel. Coral resin and amazonite beads are strung by
the women of the cooperative at home.

Selling online has given the smiths prices they can live on and a reason to take apprentices
again. Every piece is stamped and sold with a note on the silver content.
""",
    """
La tazerzit est la fibule triangulaire que les femmes amazighes portent pour fermer leur châle ;
elle a donné son nom à cette coopérative de dix-huit orfèvres de la médina de Tiznit. Ils fondent,
martèlent, gravent et émaillent l'argent comme leurs pères, et quelques-unes de leurs filles
s'y sont mises aussi.

Un collier commence par un lingot fondu, étiré en fil et en plaque sur l'établi, puis ciselé au
poinçon et rempli d'émail vert et jaune. Les perles de résine corail et d'amazonite sont enfilées
à domicile par les femmes de la coopérative.

La vente en ligne a donné aux orfèvres des prix qui les font vivre, et une raison de reprendre des
apprentis. Chaque pièce est poinçonnée et vendue avec une note sur son titre d'argent.
""",
)

_STORY_ARAAR = (
    """
Araar is the Arabic name of the thuya, the fragrant conifer of the hills around Essaouira. The
cooperative's twenty-four carvers work in the vaulted workshops under the ramparts of the old
Mogador, where the smell of thuya oil hangs in the air.

They use the burl, the knotted root of the tree, for boxes, bowls and chess sets, and inlay it with
lemonwood, ebony and mother-of-pearl. Since 2016 the cooperative has replanted thuya seedlings
with the forestry service and buys only wood from authorised cuts.

Buyers abroad now see the name of the carver on each piece. The cooperative has bought a dust
extractor for the workshop and pays a fixed share of every sale into its replanting fund.
""",
    """
Araar est le nom arabe du thuya, le conifère parfumé des collines d'Essaouira. Les vingt-quatre
ébénistes de la coopérative travaillent dans les ateliers voûtés sous les remparts de l'ancienne
Mogador, où flotte l'odeur de l'huile de thuya.

Ils utilisent la loupe, la racine noueuse de l'arbre, pour les coffrets, les bols et les jeux
d'échecs, et l'incrustent de citronnier, d'ébène et de nacre. Depuis 2016, la coopérative replante
des jeunes thuyas avec les Eaux et Forêts et n'achète que du bois issu de coupes autorisées.

Les acheteurs étrangers voient désormais le nom de l'artisan sur chaque pièce. La coopérative a
acheté un aspirateur à copeaux pour l'atelier et verse une part fixe de chaque vente à son fonds
de reboisement.
""",
)

_STORY_BLAGHA = (
    """
Blagha is the Fassi word for babouches, and the twenty-nine members of this cooperative have
cut and stitched them near the tanneries of Fès since 2013. The leather is tanned in the pits
with plant tannins, then dyed saffron, red, indigo or left natural.

A pair of babouches takes a morning: the sole is cut from cowhide, the upper from goatskin, and the
two are sewn together inside out with waxed thread before being turned. The women of the
cooperative embroider the poufs at home with silk thread.

Selling directly has shortened the chain from tannery to buyer to a single step. The cooperative
now keeps stock of every size, answers buyers in French and English, and has started a small
repair service for the poufs it sold years ago.
""",
    """
Blagha, c'est ainsi qu'on appelle les babouches à Fès, et les vingt-neuf membres de cette
coopérative les taillent et les cousent près des tanneries de la ville depuis 2013. Le cuir est
tanné en fosse avec des tanins végétaux, puis teint en safran, rouge, indigo ou laissé naturel.

Une paire de babouches demande une matinée : la semelle est taillée dans le cuir de vache, l'empeigne
dans la peau de chèvre, et les deux sont cousues à l'envers au fil ciré avant d'être retournées.
Les femmes de la coopérative brodent les poufs à domicile au fil de soie.

La vente directe a réduit à une seule étape le chemin entre la tannerie et l'acheteur. La
coopérative tient un stock de toutes les pointures, répond aux clients en français et en anglais,
et a lancé un petit service de réparation pour les poufs vendus il y a des années.
""",
)

_STORY_MESBAH = (
    """
Mesbah — “lamp” — is a workshop of sixteen metalworkers in the Marrakech medina, a few alleys from
the square of the dyers. They cut brass and copper sheet, pierce it by hand with chisels and
punches, and solder it into lanterns, pendants and trays.

A large lantern takes a craftsman five days: the star patterns are traced with a compass, punched
hole by hole, then the panels are fitted with coloured glass. The cooperative also sews leather
poufs in its second workshop.

Since it sells directly, Mesbah wires its lamps to European standards and ships them fully
assembled. Orders from hotels in France have let it hire two apprentices from the neighbourhood.
""",
    """
Mesbah — « la lampe » — est un atelier de seize dinandiers de la médina de Marrakech, à quelques
ruelles de la place des teinturiers. Ils découpent le laiton et le cuivre en feuilles, les
ajourent à la main au ciseau et au poinçon, et les soudent en lanternes, suspensions et plateaux.

Une grande lanterne demande cinq jours à un artisan : les motifs d'étoiles sont tracés au compas,
percés trou par trou, puis les panneaux sont garnis de verre coloré. La coopérative coud aussi des
poufs en cuir dans son second atelier.

Depuis qu'elle vend en direct, Mesbah câble ses lampes aux normes européennes et les expédie
montées. Les commandes d'hôtels français lui ont permis d'embaucher deux apprentis du quartier.
""",
)

_STORY_NAKHLA = (
    """
Nakhla — “palm” — gathers thirty-three women from the villages between Chefchaouen and Akchour.
In late summer they cut the leaves of the dwarf doum palm on the hillsides, dry them in the sun
and plait them into long strips that are sewn into baskets, mats and the wide Jbala hats with wool
pompoms.

On the same terraces they weave the red-and-white striped cotton of the region on narrow looms,
for throws and scarves. The work fits between the olive harvest and the care of the children.

Before the cooperative, the baskets were sold by the roadside to tourists. Now the women sell to
buyers in Europe, a member manages the listings from her phone, and the cooperative has opened a
bank account in the name of every woman.
""",
    """
Nakhla — « le palmier » — réunit trente-trois femmes des villages entre Chefchaouen et Akchour. À
la fin de l'été, elles coupent les feuilles du palmier doum sur les collines, les font sécher au
soleil et les tressent en longues bandes, cousues ensuite en paniers, en nattes et en larges
chapeaux jeblis à pompons de laine.

Sur les mêmes terrasses, elles tissent sur des métiers étroits le coton rayé rouge et blanc de la
région, pour des plaids et des écharpes. Le travail s'organise entre la récolte des olives et les
enfants.

Avant la coopérative, les paniers se vendaient au bord de la route aux touristes. Aujourd'hui, les
femmes vendent à des acheteurs en Europe, une adhérente gère les annonces depuis son téléphone, et
la coopérative a ouvert un compte bancaire au nom de chaque femme.
""",
)

_STORY_KHIT = (
    """
Khit Errouh — “the thread of the soul” — is a workshop of twenty-one women in Salé, across the
river from Rabat. They sew caftans and djellabas by hand, finishing every seam with the sfifa
braid and the tiny knotted buttons, the akaad, that take a full day on their own.

They also weave sabra, the silky thread spun from agave fibre, into cushion covers on two looms in
the back room. Young members design; older ones teach the finishing stitches.

Many of their customers are Moroccans living in France and Belgium who want a caftan for a
wedding. Selling online lets the women take measurements by video call and ship the finished
garment in three weeks.
""",
    """
Khit Errouh — « le fil de l'âme » — est un atelier de vingt et une femmes à Salé, sur l'autre rive
du Bouregreg face à Rabat. Elles cousent caftans et djellabas à la main et finissent chaque
couture avec la sfifa, le galon tressé, et les minuscules boutons noués, les akaad, qui demandent
à eux seuls une journée entière.

Elles tissent aussi la sabra, le fil soyeux tiré de la fibre d'agave, en housses de coussin sur
deux métiers dans l'arrière-salle. Les jeunes adhérentes dessinent ; les plus anciennes
transmettent les points de finition.

Beaucoup de leurs clientes sont des Marocaines de France et de Belgique qui cherchent un caftan
pour un mariage. La vente en ligne permet aux femmes de prendre les mesures par appel vidéo et
d'expédier le vêtement fini en trois semaines.
""",
)


def cooperatives() -> list[CooperativeSeed]:
    """The 14 demo cooperatives: 12 verified, one in review, one suspended; all 9 crafts covered."""
    return [
        _cooperative(
            "tifawin",
            "Coopérative Tifawin",
            legal="Coopérative artisanale Tifawin",
            region="fes-meknes",
            city="Boulemane",
            crafts=("rug",),
            founded=2009,
            members=38,
            women=38,
            women_led=True,
            languages=("zgh", "ar", "fr"),
            tagline=(
                "Undyed Beni Ourain wool, knotted in the Middle Atlas",
                "La laine écrue des Beni Ourain, nouée dans le Moyen Atlas",
            ),
            story=_STORY_TIFAWIN,
            phone="+212535583142",
            registry=1,
        ),
        _cooperative(
            "tiwrga",
            "Coopérative Tiwrga",
            legal="Coopérative artisanale féminine Tiwrga",
            region="beni-mellal-khenifra",
            city="Azilal",
            crafts=("rug",),
            founded=2014,
            members=27,
            women=27,
            women_led=True,
            languages=("zgh", "ar", "fr"),
            tagline=(
                "Azilal rugs with a weaver's own alphabet of symbols",
                "Des tapis Azilal à l'alphabet de symboles de chaque tisserande",
            ),
            story=_STORY_TIWRGA,
            phone="+212661482930",
            registry=2,
        ),
        _cooperative(
            "anzar",
            "Coopérative Anzar",
            legal="Coopérative artisanale Anzar de tissage",
            region="draa-tafilalet",
            city="Taznakht",
            crafts=("rug",),
            founded=2006,
            members=42,
            women=40,
            women_led=True,
            languages=("zgh", "ar", "fr"),
            tagline=(
                "Taznakht rugs dyed with saffron, henna and madder",
                "Des tapis de Taznakht teints au safran, au henné et à la garance",
            ),
            story=_STORY_ANZAR,
            phone="+212524880417",
            registry=3,
        ),
        _cooperative(
            "nour-tadla",
            "Coopérative Nour Tadla",
            legal="Coopérative artisanale Nour Tadla",
            region="beni-mellal-khenifra",
            city="Boujad",
            crafts=("rug",),
            founded=2012,
            members=19,
            women=15,
            women_led=False,
            languages=("ar", "fr"),
            tagline=(
                "Raspberry and faded-orange rugs from the Tadla plains",
                "Des tapis framboise et orange passé des plaines du Tadla",
            ),
            story=_STORY_TADLA,
            phone="+212523417206",
            registry=4,
            status="suspended",
        ),
        _cooperative(
            "amane",
            "Coopérative Amane",
            legal="Coopérative artisanale féminine Amane",
            region="oriental",
            city="Tendrara",
            crafts=("rug",),
            founded=2021,
            members=14,
            women=14,
            women_led=True,
            languages=("ar", "zgh"),
            tagline=(
                "Beni Guil hanbels woven from the flock's own wool",
                "Des hanbels Beni Guil tissés avec la laine du troupeau",
            ),
            story=_STORY_AMANE,
            phone="+212670315948",
            registry=5,
            status="in_review",
        ),
        _cooperative(
            "nejma-zellige",
            "Coopérative Nejma",
            legal="Coopérative artisanale Nejma du zellige",
            region="fes-meknes",
            city="Fès",
            crafts=("zellige",),
            founded=2003,
            members=22,
            women=2,
            women_led=False,
            languages=("ar", "fr", "en"),
            tagline=(
                "Fes zellige cut tile by tile with the menqach",
                "Le zellige de Fès taillé carreau par carreau au menqach",
            ),
            story=_STORY_NEJMA,
            phone="+212535649023",
            registry=6,
        ),
        _cooperative(
            "rihana",
            "Coopérative Rihana",
            legal="Coopérative artisanale Rihana de poterie et zellige",
            region="fes-meknes",
            city="Fès",
            crafts=("zellige", "ceramics"),
            founded=2011,
            members=31,
            women=12,
            women_led=False,
            languages=("ar", "fr", "en"),
            tagline=(
                "Fes blue pottery and zellige from the same kilns",
                "Faïence bleue de Fès et zellige sortis des mêmes fours",
            ),
            story=_STORY_RIHANA,
            phone="+212535762814",
            registry=7,
        ),
        _cooperative(
            "chems-safi",
            "Coopérative Chems",
            legal="Coopérative artisanale Chems des potiers de Safi",
            region="marrakech-safi",
            city="Safi",
            crafts=("ceramics",),
            founded=2008,
            members=26,
            women=7,
            women_led=False,
            languages=("ar", "fr"),
            tagline=(
                "Safi tagines and bowls in saffron, copper green and cobalt",
                "Tajines et bols de Safi en safran, vert cuivre et cobalt",
            ),
            story=_STORY_CHEMS,
            phone="+212524462390",
            registry=8,
        ),
        _cooperative(
            "tazerzit",
            "Coopérative Tazerzit",
            legal="Coopérative artisanale Tazerzit des orfèvres de Tiznit",
            region="souss-massa",
            city="Tiznit",
            crafts=("jewellery",),
            founded=2010,
            members=18,
            women=6,
            women_led=False,
            languages=("zgh", "ar", "fr"),
            tagline=(
                "Amazigh silver hammered and enamelled in Tiznit",
                "L'argent amazigh martelé et émaillé à Tiznit",
            ),
            story=_STORY_TAZERZIT,
            phone="+212528862571",
            registry=9,
        ),
        _cooperative(
            "araar",
            "Coopérative Araar",
            legal="Coopérative artisanale Araar de marqueterie",
            region="marrakech-safi",
            city="Essaouira",
            crafts=("woodwork",),
            founded=2005,
            members=24,
            women=4,
            women_led=False,
            languages=("ar", "fr", "en", "es"),
            tagline=(
                "Thuya burl and lemonwood marquetry from Essaouira",
                "Loupe de thuya et marqueterie de citronnier d'Essaouira",
            ),
            story=_STORY_ARAAR,
            phone="+212524783365",
            registry=10,
        ),
        _cooperative(
            "blagha",
            "Coopérative Blagha",
            legal="Coopérative artisanale Blagha de maroquinerie",
            region="fes-meknes",
            city="Fès",
            crafts=("leather",),
            founded=2013,
            members=29,
            women=11,
            women_led=False,
            languages=("ar", "fr", "en"),
            tagline=(
                "Babouches and poufs cut near the tanneries of Fès",
                "Babouches et poufs taillés près des tanneries de Fès",
            ),
            story=_STORY_BLAGHA,
            phone="+212661907254",
            registry=11,
        ),
        _cooperative(
            "mesbah",
            "Coopérative Mesbah",
            legal="Coopérative artisanale Mesbah de dinanderie",
            region="marrakech-safi",
            city="Marrakech",
            crafts=("lighting", "leather"),
            founded=2015,
            members=16,
            women=3,
            women_led=False,
            languages=("ar", "fr", "en"),
            tagline=(
                "Pierced brass lanterns, wired and shipped assembled",
                "Des lanternes en laiton ajouré, câblées et livrées montées",
            ),
            story=_STORY_MESBAH,
            phone="+212524391876",
            registry=12,
        ),
        _cooperative(
            "nakhla",
            "Coopérative Nakhla",
            legal="Coopérative artisanale féminine Nakhla",
            region="tanger-tetouan-al-hoceima",
            city="Chefchaouen",
            crafts=("basketry", "textiles"),
            founded=2016,
            members=33,
            women=33,
            women_led=True,
            languages=("ar", "es", "fr"),
            tagline=(
                "Doum palm baskets and striped Jbala cotton from the Rif",
                "Paniers en doum et coton rayé jebli du Rif",
            ),
            story=_STORY_NAKHLA,
            phone="+212539986142",
            registry=13,
        ),
        _cooperative(
            "khit-errouh",
            "Coopérative Khit Errouh",
            legal="Coopérative artisanale féminine Khit Errouh de couture",
            region="rabat-sale-kenitra",
            city="Salé",
            crafts=("textiles",),
            founded=2017,
            members=21,
            women=21,
            women_led=True,
            languages=("ar", "fr", "en"),
            tagline=(
                "Hand-finished caftans and sabra cushions from Salé",
                "Caftans finis main et coussins en sabra de Salé",
            ),
            story=_STORY_KHIT,
            phone="+212537842605",
            registry=14,
        ),
    ]


# --- Product helpers ----------------------------------------------------------------------
class Look(NamedTuple):
    """A colourway or pattern: the COLOURS member for images, and its English/French wording."""

    colour: str
    en: str
    fr: str


class Label(NamedTuple):
    """A size as shown in English and French titles ("size M" / "taille M")."""

    en: str
    fr: str


def _money(amount: float, step: int = 10) -> Decimal:
    """Round a price to the nearest `step` dirhams, as a 2-decimal Decimal."""
    return Decimal(round(amount / step) * step).quantize(Decimal("0.01"))


def _kg(value: float) -> Decimal:
    return Decimal(str(value)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def _fr_number(value: float) -> str:
    """0.5 -> '0,5', 1.0 -> '1' (French decimal comma)."""
    return _en_number(value).replace(".", ",")


def _en_number(value: float) -> str:
    return f"{value:g}"


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _de(text: str) -> str:
    """French "de" before a noun phrase, elided before a vowel: 'd'émail vert', 'de perles'."""
    return f"d'{text}" if text[:1].lower() in "aeéèiouyh" else f"de {text}"


def _distinct(rng: random.Random, count: int, *pools: Sequence) -> list[tuple]:
    """`count` distinct combinations drawn from the cartesian product of `pools`."""
    combos = list(cartesian(*pools))
    if count > len(combos):
        raise ValueError(f"only {len(combos)} combinations for {count} products")
    return rng.sample(combos, count)


def _stock(rng: random.Random, low: int, high: int, sold_out_chance: float = 0.06) -> tuple[int, int]:
    """(stock, lead_time_days): a few items are sold out and made to order in 21-45 days."""
    if rng.random() < sold_out_chance:
        return 0, rng.randint(21, 45)
    return rng.randint(low, high), 0


_UNLABELLED_STATUSES = ("in_review", "suspended")


def _labelled(rng: random.Random, cooperative: str) -> bool:
    """Most products of verified cooperatives carry the "Made in Morocco" label."""
    status = _STATUS_BY_SLUG[cooperative]
    return status not in _UNLABELLED_STATUSES and rng.random() < 0.88


_STATUS_BY_SLUG = {seed.slug: seed.status for seed in cooperatives()}
_CITY_BY_SLUG = {seed.slug: seed.city for seed in cooperatives()}
_NAME_BY_SLUG = {seed.slug: seed.name for seed in cooperatives()}


class _Builder:
    """Numbers products per craft and fills the fields every product shares."""

    PREFIX = {
        "rug": "RUG",
        "zellige": "ZEL",
        "ceramics": "CER",
        "leather": "LEA",
        "lighting": "LUM",
        "jewellery": "JEW",
        "woodwork": "WOO",
        "textiles": "TEX",
        "basketry": "BAS",
    }

    def __init__(self) -> None:
        self.counters: dict[str, int] = {}

    def upc(self, craft: str) -> str:
        self.counters[craft] = self.counters.get(craft, 0) + 1
        return f"SK-{self.PREFIX[craft]}-{self.counters[craft]:04d}"


# --- Rugs ---------------------------------------------------------------------------------
@dataclass(frozen=True)
class _RugStyle:
    """One rug style: how many to make, who makes them, and the ranges their attributes take."""

    style: str  # a RUG_STYLES member
    category: str  # child slug under "rugs"
    count: int
    makers: tuple[str, ...]  # cooperative slugs, assigned in turn
    title_en: str
    title_fr: str
    weave: str
    material: str
    dyes: tuple[str, ...]
    sizes: tuple[tuple[int, int], ...]  # (width, length) in cm
    mad_per_m2: tuple[int, int]
    kg_per_m2: float
    pile_mm: tuple[int, int] | None  # None for flat weaves
    knots_per_dm2: tuple[int, int] | None
    region: str
    looks: tuple[Look, ...]

    def __post_init__(self) -> None:
        if self.style not in RUG_STYLES:
            raise ValueError(f"unknown rug style {self.style!r}")
        if len(self.looks) * len(self.sizes) < self.count:
            raise ValueError(f"not enough looks and sizes for {self.count} {self.style} rugs")


_RUG_STYLES: tuple[_RugStyle, ...] = (
    _RugStyle(
        style="Beni Ourain",
        category="beni-ourain",
        count=18,
        makers=("tifawin",),
        title_en="Beni Ourain rug",
        title_fr="Tapis Beni Ourain",
        weave="Hand-knotted pile",
        material="Sheep wool",
        dyes=("Natural",),
        sizes=((80, 150), (150, 240), (170, 250), (200, 300), (250, 350), (300, 400)),
        mad_per_m2=(1500, 3000),
        kg_per_m2=2.6,
        pile_mm=(22, 35),
        knots_per_dm2=(500, 900),
        region="Beni Ouarain, Middle Atlas",
        looks=(
            Look("Ivory", "ivory with charcoal lozenges", "ivoire à losanges anthracite"),
            Look("Ivory", "cream with a brown diamond lattice", "crème à treillis de losanges bruns"),
            Look("Black", "charcoal with ivory zigzags", "anthracite à zigzags ivoire"),
            Look("Grey", "undyed grey with fine black lines", "gris naturel à fines lignes noires"),
            Look("Ivory", "plain ivory, undyed wool", "ivoire uni en laine non teinte"),
            Look("Ivory", "ivory with scattered black crosses", "ivoire à croix noires éparses"),
        ),
    ),
    _RugStyle(
        style="Azilal",
        category="azilal",
        count=12,
        makers=("tiwrga",),
        title_en="Azilal rug",
        title_fr="Tapis Azilal",
        weave="Hand-knotted pile",
        material="Sheep wool",
        dyes=("Natural", "Synthetic"),
        sizes=((100, 150), (120, 180), (160, 230), (200, 300)),
        mad_per_m2=(1300, 2400),
        kg_per_m2=2.2,
        pile_mm=(12, 20),
        knots_per_dm2=(600, 1000),
        region="Azilal, High Atlas",
        looks=(
            Look("Multicolour", "ivory with saffron and pink symbols", "ivoire à symboles safran et rose"),
            Look("Pink", "blush pink with abstract motifs", "rose poudré à motifs abstraits"),
            Look("Red", "ivory with red and blue signs", "ivoire à signes rouges et bleus"),
            Look("Orange", "ivory with orange and black glyphs", "ivoire à signes orange et noirs"),
            Look("Blue", "ivory with indigo lozenges", "ivoire à losanges indigo"),
        ),
    ),
    _RugStyle(
        style="Boucherouite",
        category="boucherouite",
        count=10,
        makers=("tiwrga", "tifawin"),
        title_en="Boucherouite rug",
        title_fr="Tapis boucherouite",
        weave="Hand-knotted pile",
        material="Recycled textile",
        dyes=("Synthetic",),
        sizes=((90, 150), (100, 160), (120, 180), (150, 240)),
        mad_per_m2=(950, 1150),
        kg_per_m2=2.0,
        pile_mm=(10, 15),
        knots_per_dm2=(300, 500),
        region="Azilal and Middle Atlas",
        looks=(
            Look("Multicolour", "patchwork of bright stripes", "en patchwork à rayures vives"),
            Look("Pink", "pink and orange diamonds", "à losanges rose et orange"),
            Look("Turquoise", "turquoise with lime accents", "turquoise à touches vert acidulé"),
            Look("Multicolour", "rainbow abstract", "abstrait aux couleurs de l'arc-en-ciel"),
        ),
    ),
    _RugStyle(
        style="Kilim",
        category="kilim",
        count=8,
        makers=("anzar", "anzar", "amane"),
        title_en="Kilim flatweave",
        title_fr="Kilim tissé à plat",
        weave="Flat-woven",
        material="Sheep wool",
        dyes=("Natural",),
        sizes=((70, 140), (120, 180), (150, 250), (200, 300)),
        mad_per_m2=(800, 1400),
        kg_per_m2=1.4,
        pile_mm=None,
        knots_per_dm2=None,
        region="Anti-Atlas and Eastern High Plateaux",
        looks=(
            Look("Red", "red and black bands", "à bandes rouges et noires"),
            Look("Ivory", "ivory with thin indigo stripes", "ivoire à fines rayures indigo"),
            Look("Brown", "camel and brown stripes", "à rayures camel et brunes"),
            Look("Orange", "henna orange with ivory chevrons", "orange henné à chevrons ivoire"),
        ),
    ),
    _RugStyle(
        style="Hanbel",
        category="kilim",
        count=4,
        makers=("amane",),
        title_en="Beni Guil hanbel",
        title_fr="Hanbel Beni Guil",
        weave="Flat-woven",
        material="Sheep wool",
        dyes=("Natural", "Synthetic"),
        sizes=((140, 220), (150, 300), (180, 350)),
        mad_per_m2=(800, 1300),
        kg_per_m2=1.5,
        pile_mm=None,
        knots_per_dm2=None,
        region="Beni Guil, Eastern High Plateaux",
        looks=(
            Look("Red", "red, black and ivory bands", "à bandes rouges, noires et ivoire"),
            Look("Black", "black with narrow red stripes", "noir à fines rayures rouges"),
            Look("Ivory", "ivory with brown bands", "ivoire à bandes brunes"),
        ),
    ),
    _RugStyle(
        style="Boujad",
        category="boujad",
        count=10,
        makers=("nour-tadla", "tiwrga"),
        title_en="Boujad rug",
        title_fr="Tapis Boujad",
        weave="Hand-knotted pile",
        material="Sheep wool",
        dyes=("Synthetic", "Natural"),
        sizes=((110, 170), (150, 230), (170, 260), (200, 300)),
        mad_per_m2=(1400, 2600),
        kg_per_m2=2.3,
        pile_mm=(15, 25),
        knots_per_dm2=(500, 800),
        region="Boujad, Tadla plains",
        looks=(
            Look("Red", "raspberry red with drifting lozenges", "framboise à losanges libres"),
            Look("Pink", "pink and violet abstract", "abstrait rose et violet"),
            Look("Orange", "faded orange with dark motifs", "orange passé à motifs sombres"),
            Look("Red", "madder red with ivory signs", "rouge garance à signes ivoire"),
        ),
    ),
    _RugStyle(
        style="Taznakht",
        category="taznakht",
        count=8,
        makers=("anzar",),
        title_en="Taznakht rug",
        title_fr="Tapis de Taznakht",
        weave="Hand-knotted pile",
        material="Sheep wool",
        dyes=("Natural",),
        sizes=((100, 160), (140, 200), (160, 240), (200, 300)),
        mad_per_m2=(1800, 3200),
        kg_per_m2=2.0,
        pile_mm=(8, 14),
        knots_per_dm2=(1200, 2200),
        region="Ouzguita, Anti-Atlas",
        looks=(
            Look("Saffron", "saffron with geometric medallions", "safran à médaillons géométriques"),
            Look("Orange", "henna orange and black", "orange henné et noir"),
            Look("Red", "madder red with indigo borders", "rouge garance à bordures indigo"),
            Look("Brown", "walnut brown and ivory", "brun noyer et ivoire"),
        ),
    ),
)

_MATERIAL_WORDS = {
    "Sheep wool": ("hand-spun sheep's wool", "laine de mouton filée main"),
    "Recycled textile": ("strips of recycled cotton and fabric", "bandes de coton et de tissus recyclés"),
    "Cotton": ("cotton", "coton"),
    "Sabra (cactus silk)": ("sabra (cactus silk)", "sabra (soie de cactus)"),
}
_DYE_WORDS = {"Natural": ("natural", "naturelles"), "Synthetic": ("synthetic", "synthétiques")}

_RUG_CARE = (
    (
        "Vacuum without the beater bar and have it washed by a rug specialist every few years.",
        "Passez l'aspirateur sans brosse rotative et faites-le laver par un spécialiste tous les"
        " deux ou trois ans.",
    ),
    (
        "Shake it outdoors now and then, turn it once a year and blot spills at once.",
        "Secouez-le de temps en temps à l'extérieur, tournez-le une fois par an et épongez les taches"
        " aussitôt.",
    ),
    (
        "Air it in the shade and spot-clean with cold water and a little mild soap.",
        "Aérez-le à l'ombre et nettoyez les taches à l'eau froide avec un peu de savon doux.",
    ),
)


def _rug_description(
    rng: random.Random, spec: _RugStyle, cooperative: str, dye: str, knots: int | None, pile: int | None
) -> tuple[str, str]:
    city, name = _CITY_BY_SLUG[cooperative], _NAME_BY_SLUG[cooperative]
    material_en, material_fr = _MATERIAL_WORDS[spec.material]
    dye_en, dye_fr = _DYE_WORDS[dye]
    openings = (
        (
            f"Woven by the members of {name} in {city}, this {spec.style} rug is one of a kind: the"
            " pattern is drawn from memory, never from a chart.",
            f"Tissé par les membres de la {name} à {city}, ce tapis {spec.style} est une pièce unique :"
            " le motif est tracé de mémoire, jamais d'après un modèle.",
        ),
        (
            f"A single piece from {city}, made on the loom over several weeks by the weavers of {name}.",
            f"Une pièce unique de {city}, réalisée sur le métier en plusieurs semaines par les"
            f" tisserandes de la {name}.",
        ),
    )
    if knots and pile:
        making = (
            f"Hand-knotted in {material_en} at about {knots} knots per dm², with a {pile} mm pile"
            f" and {dye_en} dyes.",
            f"Noué main en {material_fr}, environ {knots} nœuds au dm², velours de {pile} mm,"
            f" teintures {dye_fr}.",
        )
    else:
        making = (
            f"Flat-woven in {material_en} with {dye_en} dyes, reversible and light enough to roll"
            " for travel or hang on a wall.",
            f"Tissé à plat en {material_fr}, teintures {dye_fr}, réversible et assez léger pour être"
            " roulé ou accroché au mur.",
        )
    opening, care = rng.choice(openings), rng.choice(_RUG_CARE)
    return (
        " ".join((opening[0], making[0], care[0])),
        " ".join((opening[1], making[1], care[1])),
    )


def _rugs(rng: random.Random, builder: _Builder) -> list[ProductSeed]:
    """About 70 one-of-a-kind rugs; price follows area and style, weight follows area and weave."""
    seeds = []
    for spec in _RUG_STYLES:
        for index, (look, (width, length)) in enumerate(_distinct(rng, spec.count, spec.looks, spec.sizes)):
            cooperative = spec.makers[index % len(spec.makers)]
            area = width * length / 10_000
            dye = rng.choice(spec.dyes)
            pile = rng.randint(*spec.pile_mm) if spec.pile_mm else None
            knots = (
                rng.randrange(spec.knots_per_dm2[0], spec.knots_per_dm2[1] + 1, 10)
                if spec.knots_per_dm2
                else None
            )
            attributes: dict[str, object] = {
                "style": spec.style,
                "weave": spec.weave,
                "material": spec.material,
                "dye": dye,
                "colour": look.colour,
                "width_cm": width,
                "length_cm": length,
                "region": spec.region,
                "one_of_a_kind": True,
            }
            if pile is not None:
                attributes["pile_height_mm"] = pile
            if knots is not None:
                attributes["knots_per_dm2"] = knots
            description_en, description_fr = _rug_description(rng, spec, cooperative, dye, knots, pile)
            seeds.append(
                ProductSeed(
                    upc=builder.upc("rug"),
                    craft="rug",
                    category_path=("rugs", spec.category),
                    cooperative=cooperative,
                    title_en=f"{spec.title_en}, {look.en}, {width} × {length} cm",
                    title_fr=f"{spec.title_fr} {look.fr}, {width} × {length} cm",
                    description_en=description_en,
                    description_fr=description_fr,
                    price_mad=_money(area * rng.randint(*spec.mad_per_m2), step=50),
                    stock=1,
                    attributes=attributes,
                    image_style=spec.style,
                    image_colour=look.colour,
                    weight_kg=_kg(area * spec.kg_per_m2 * rng.uniform(0.92, 1.08) + 0.5),
                    is_labelled=_labelled(rng, cooperative),
                    lead_time_days=0,
                )
            )
    return seeds


# --- Zellige ------------------------------------------------------------------------------
class _Shape(NamedTuple):
    option: str  # a "shape" option of the zellige craft
    en: str
    fr: str
    tile_cm: float
    mad_per_m2: tuple[int, int]


_ZELLIGE_SHAPES = (
    _Shape("Square 10×10", "10×10 square", "carreau 10×10", 10.0, (900, 1050)),
    _Shape("Square 5×5", "5×5 square", "carreau 5×5", 5.0, (1000, 1200)),
    _Shape("Hexagon", "hexagon", "hexagone", 10.0, (950, 1150)),
    _Shape("Fish scale", "fish scale", "écaille", 6.5, (1000, 1200)),
    _Shape("Star", "eight-point star", "étoile à huit branches", 8.0, (1050, 1200)),
)
_ZELLIGE_GLAZES = (
    Look("Green", "emerald", "vert émeraude"),
    Look("Blue", "cobalt blue", "bleu cobalt"),
    Look("Turquoise", "turquoise", "turquoise"),
    Look("Ivory", "milk white", "blanc lait"),
    Look("Black", "jet black", "noir de jais"),
    Look("Saffron", "honey yellow", "jaune miel"),
    Look("Brown", "chocolate", "chocolat"),
    Look("Red", "brick red", "rouge brique"),
    Look("Pink", "old rose", "vieux rose"),
    Look("Grey", "pearl grey", "gris perle"),
)
_FINISH_WORDS = {
    "Glossy": ("{} glaze", "émail {}"),
    "Matte": ("matte {} glaze", "émail {} mat"),
    "Crackle": ("crackled {} glaze", "émail {} craquelé"),
}
_ZELLIGE_COVERAGES = (0.5, 1.0)


def _zellige(rng: random.Random, builder: _Builder, count: int = 35) -> list[ProductSeed]:
    """Zellige sold by the box (0.5 or 1 m²); stock counts boxes, weight ~22 kg/m² plus packing."""
    makers = ("nejma-zellige", "rihana")
    combos = _distinct(rng, count, _ZELLIGE_SHAPES, _ZELLIGE_GLAZES, tuple(_FINISH_WORDS), _ZELLIGE_COVERAGES)
    seeds = []
    for index, (shape, glaze, finish, coverage) in enumerate(combos):
        cooperative = makers[index % len(makers)]
        weight_per_m2 = round(rng.uniform(20.0, 24.0), 1)
        samples = rng.random() < 0.7
        glaze_en = _FINISH_WORDS[finish][0].format(glaze.en)
        glaze_fr = _FINISH_WORDS[finish][1].format(glaze.fr)
        box_kg = weight_per_m2 * coverage + 1.2
        floor = " In matte finish it is also suitable for floors." if finish == "Matte" else ""
        floor_fr = " En finition mate, il convient aussi aux sols." if finish == "Matte" else ""
        sample_en = " Samples are available on request." if samples else ""
        sample_fr = " Des échantillons sont disponibles sur demande." if samples else ""
        description_en = (
            f"Cut by hand with the menqach from glazed Fes terracotta, each {shape.en} tile measures"
            f" {_en_number(shape.tile_cm)} cm and varies slightly in tone and edge, which gives a"
            f" zellige wall its shimmer. One box covers {_en_number(coverage)} m² and weighs about"
            f" {round(box_kg)} kg; order 10–15% extra for cuts and breakage.{floor}{sample_en}"
        )
        description_fr = (
            f"Taillé à la main au menqach dans la terre cuite émaillée de Fès, chaque {shape.fr}"
            f" mesure {_fr_number(shape.tile_cm)} cm et varie légèrement de teinte et d'arête, ce qui"
            f" donne au mur de zellige sa vibration. Un carton couvre {_fr_number(coverage)} m² et pèse"
            f" environ {round(box_kg)} kg ; prévoyez 10 à 15 % de plus pour les coupes et la casse."
            f"{floor_fr}{sample_fr}"
        )
        low, high = shape.mad_per_m2
        price = min(max(_money(coverage * rng.randint(low, high)), Decimal(450)), Decimal(1200))
        seeds.append(
            ProductSeed(
                upc=builder.upc("zellige"),
                craft="zellige",
                category_path=("zellige",),
                cooperative=cooperative,
                title_en=f"Fes zellige, {shape.en}, {glaze_en} (box of {_en_number(coverage)} m²)",
                title_fr=(f"Zellige de Fès, {shape.fr}, {glaze_fr} (carton de {_fr_number(coverage)} m²)"),
                description_en=description_en,
                description_fr=description_fr,
                price_mad=price.quantize(Decimal("0.01")),
                stock=rng.randint(20, 400),
                attributes={
                    "shape": shape.option,
                    "tile_size_cm": shape.tile_cm,
                    "colour": glaze.colour,
                    "finish": finish,
                    "coverage_per_box_m2": coverage,
                    "weight_per_m2_kg": weight_per_m2,
                    "samples_available": samples,
                },
                image_style=shape.option,
                image_colour=glaze.colour,
                weight_kg=_kg(box_kg),
                is_labelled=_labelled(rng, cooperative),
                lead_time_days=0,
            )
        )
    return seeds


# --- Small crafts: one table row per kind of object ----------------------------------------
@dataclass(frozen=True)
class _Kind:
    """A kind of object within a craft (a tagine, a lantern, a pouf...).

    `title_en`/`title_fr` are format strings over {look_text}, {size} (an int, a `Label` or a
    tuple), {material} and {Material};
    `sizes` are the numbers (cm) or size labels offered; `prices` gives the MAD range at the
    smallest and the largest size; `kg` gives the shipping weight at the smallest and largest size.
    """

    option: str  # the craft's required OPTION value (item, piece, object...)
    count: int
    makers: tuple[str, ...]
    title_en: str
    title_fr: str
    sizes: tuple
    prices: tuple[int, int]
    kg: tuple[float, float]
    looks: tuple[Look, ...]
    materials: tuple[str, ...] = ("",)
    extra: str = ""  # kind-specific hint used by the craft's generator
    price_by: str = "size"  # "size" or "material": which pool positions the price in its range
    stock: tuple[int, int] = (2, 40)


def _scaled(pair: tuple[float, float], position: float) -> float:
    low, high = pair
    return low + (high - low) * position


def _small_craft(
    rng: random.Random,
    builder: _Builder,
    craft: str,
    kinds: Sequence[_Kind],
    words: dict[str, tuple[str, str]],
    attributes: Callable[[_Kind, Look, object, str, random.Random], dict[str, object]],
    describe: Callable[[_Kind, Look, object, str, str, dict[str, object], random.Random], tuple[str, str]],
) -> list[ProductSeed]:
    """Generate products for a craft from its `_Kind` table.

    `words` maps a material option to its (English, French) wording; `attributes` builds the
    attribute dict for one (kind, look, size, material); `describe` returns the (en, fr)
    description. Weight scales with the size's position in `kind.sizes`, price too (or mostly
    with the material's position when `kind.price_by == "material"`). The category is the root
    whose slug is the craft code.
    """
    seeds = []
    for kind in kinds:
        combos = _distinct(rng, kind.count, kind.looks, kind.sizes, kind.materials)
        for index, (look, size, material) in enumerate(combos):
            cooperative = kind.makers[index % len(kind.makers)]
            size_position = kind.sizes.index(size) / max(len(kind.sizes) - 1, 1)
            position = size_position
            if kind.price_by == "material":
                material_position = kind.materials.index(material) / max(len(kind.materials) - 1, 1)
                position = 0.7 * material_position + 0.3 * size_position
            material_en, material_fr = words.get(material, (material.lower(), material.lower()))
            title_en = kind.title_en.format(
                size=size, look_text=look.en, material=material_en, Material=_cap(material_en)
            )
            title_fr = kind.title_fr.format(
                size=size, look_text=look.fr, material=material_fr, Material=_cap(material_fr)
            )
            attrs = attributes(kind, look, size, material, rng)
            description_en, description_fr = describe(kind, look, size, material, cooperative, attrs, rng)
            price = _scaled(kind.prices, position) * rng.uniform(0.94, 1.06)
            price = min(max(price, kind.prices[0]), kind.prices[1])
            stock, lead_time = _stock(rng, *kind.stock)
            seeds.append(
                ProductSeed(
                    upc=builder.upc(craft),
                    craft=craft,
                    category_path=(craft,),
                    cooperative=cooperative,
                    title_en=_cap(title_en),
                    title_fr=_cap(title_fr),
                    description_en=description_en,
                    description_fr=description_fr,
                    price_mad=_money(price),
                    stock=stock,
                    attributes=attrs,
                    image_style=kind.option,
                    image_colour=look.colour,
                    weight_kg=_kg(_scaled(kind.kg, size_position)),
                    is_labelled=_labelled(rng, cooperative),
                    lead_time_days=lead_time,
                )
            )
    return seeds


# --- Ceramics -----------------------------------------------------------------------------
_SAFI_GLAZES = (
    Look("Saffron", "saffron", "safran"),
    Look("Green", "copper green", "vert cuivre"),
    Look("Blue", "cobalt", "cobalt"),
    Look("Brown", "honey", "miel"),
    Look("Black", "black and ivory", "noir et ivoire"),
    Look("Turquoise", "turquoise", "turquoise"),
)
_FES_MOTIFS = (
    Look("Blue", "cobalt arabesques", "arabesques cobalt"),
    Look("Blue", "a floral rosette", "rosace florale"),
    Look("Blue", "an eight-point star", "étoile à huit branches"),
    Look("Multicolour", "blue and saffron palmettes", "palmettes bleues et safran"),
    Look("Blue", "fine interlace", "entrelacs fins"),
)
# (option, English noun, French noun, French feminine?, measured by diameter?, food safe?)
_VESSELS = {
    "Tagine": ("tagine", "Tajine", False, True, True),
    "Bowl": ("bowl", "Bol", False, True, True),
    "Plate": ("plate", "Assiette", True, True, True),
    "Vase": ("vase", "Vase", False, False, False),
    "Jar": ("jar", "Jarre", True, False, False),
    "Cup": ("tea cup", "Tasse", True, True, True),
}


def _ceramic_kinds() -> list[_Kind]:
    def safi(option: str, count: int, sizes: tuple, prices: tuple, kg: tuple) -> _Kind:
        noun_en, noun_fr, feminine, _, _ = _VESSELS[option]
        glazed = "émaillée" if feminine else "émaillé"
        return _Kind(
            option,
            count,
            ("chems-safi",),
            f"Safi {noun_en} with {{look_text}} glaze, {{size}} cm",
            f"{noun_fr} de Safi {glazed} {{look_text}}, {{size}} cm",
            sizes,
            prices,
            kg,
            _SAFI_GLAZES,
            extra="Safi",
        )

    def fes(option: str, count: int, sizes: tuple, prices: tuple, kg: tuple) -> _Kind:
        noun_en, noun_fr, _, _, _ = _VESSELS[option]
        return _Kind(
            option,
            count,
            ("rihana",),
            f"Fes blue {noun_en} with {{look_text}}, {{size}} cm",
            f"{noun_fr} bleu de Fès à {{look_text}}, {{size}} cm",
            sizes,
            prices,
            kg,
            _FES_MOTIFS,
            extra="Fes blue",
        )

    return [
        safi("Tagine", 7, (20, 26, 30, 35), (180, 650), (1.4, 3.6)),
        safi("Bowl", 4, (14, 18, 24), (90, 260), (0.6, 1.3)),
        safi("Plate", 4, (22, 28, 35), (150, 420), (0.9, 2.0)),
        safi("Jar", 3, (25, 35, 45), (320, 900), (2.0, 5.5)),
        fes("Bowl", 3, (14, 18, 24), (110, 300), (0.6, 1.3)),
        fes("Plate", 4, (22, 28, 35), (170, 480), (0.9, 2.0)),
        fes("Vase", 3, (20, 30, 40), (260, 850), (1.3, 3.4)),
        fes("Cup", 2, (8, 9), (70, 120), (0.4, 0.5)),
    ]


def _ceramic_attributes(kind: _Kind, look: Look, size: object, material: str, rng) -> dict[str, object]:
    _, _, _, by_diameter, food_safe = _VESSELS[kind.option]
    attrs: dict[str, object] = {
        "tradition": kind.extra,
        "object_type": kind.option,
        "colour": look.colour,
        "food_safe": food_safe,
    }
    if by_diameter:
        attrs["diameter_cm"] = size
        attrs["height_cm"] = max(4, round(int(size) * (0.75 if kind.option == "Tagine" else 0.4)))
    else:
        attrs["height_cm"] = size
        attrs["diameter_cm"] = round(int(size) * 0.55)
    return attrs


def _ceramic_description(kind, look, size, material, cooperative, attrs, rng) -> tuple[str, str]:
    city = _CITY_BY_SLUG[cooperative]
    if kind.extra == "Safi":
        made = (
            f"Thrown on a kick wheel in {city} from local clay trodden by foot, then fired twice and"
            f" finished in a deep {look.en} glaze.",
            f"Pièce tournée au tour à pied à {city} dans une argile locale foulée au pied, cuite deux fois"
            f" puis recouverte d'un émail {look.fr} profond.",
        )
    else:
        made = (
            f"Thrown in {city} and painted freehand with {look.en} by the women of the workshop, who"
            " sign the underside of each piece.",
            f"Pièce tournée à {city} ; le décor ({look.fr}) est peint à main levée au cobalt par les"
            " femmes de l'atelier, qui signent le dessous de chaque pièce.",
        )
    if kind.option == "Tagine":
        use = (
            "The lead-free glaze is food safe: serve straight from it at the table, and use a heat"
            " diffuser if you cook on gas.",
            "L'émail sans plomb est apte au contact alimentaire : servez directement à table, et"
            " utilisez un diffuseur si vous cuisinez au gaz.",
        )
    elif attrs["food_safe"]:
        use = (
            "The lead-free glaze is food safe; wash by hand to keep the colours bright.",
            "L'émail sans plomb est apte au contact alimentaire ; lavez à la main pour garder l'éclat"
            " des couleurs.",
        )
    else:
        use = (
            "Decorative only: the glaze is not meant for food. Dust with a soft dry cloth.",
            "Pièce décorative : l'émail n'est pas destiné au contact alimentaire. Dépoussiérez avec un"
            " chiffon doux et sec.",
        )
    return f"{made[0]} {use[0]}", f"{made[1]} {use[1]}"


# --- Leather ------------------------------------------------------------------------------
_LEATHER_COLOURS = (
    Look("Saffron", "saffron yellow", "jaune safran"),
    Look("Ivory", "natural", "naturel"),
    Look("Red", "oxblood", "sang-de-bœuf"),
    Look("Black", "black", "noir"),
    Look("Brown", "tan", "fauve"),
    Look("Blue", "indigo", "indigo"),
    Look("Green", "olive", "olive"),
    Look("Pink", "rose", "rose"),
    Look("Grey", "stone grey", "gris pierre"),
)
_LEATHER_WORDS = {"Goat": ("goat", "chèvre"), "Cow": ("cow", "vache"), "Sheep": ("sheep", "mouton")}
_LEATHER_KINDS = (
    _Kind(
        "Babouches",
        7,
        ("blagha",),
        "Fassi babouches in {look_text} {material} leather, EU {size}",
        "Babouches fassies en cuir de {material}, {look_text}, pointure {size}",
        ("36–38", "39–41", "42–44", "45–46"),
        (250, 450),
        (0.7, 1.0),
        _LEATHER_COLOURS,
        ("Goat", "Sheep"),
    ),
    _Kind(
        "Pouf",
        5,
        ("blagha", "mesbah"),
        "Embroidered {material} leather pouf, {look_text}, {size} (unstuffed)",
        "Pouf en cuir de {material} brodé, {look_text}, {size} (non rembourré)",
        ("50 × 30 cm", "55 × 30 cm", "60 × 35 cm"),
        (700, 1400),
        (2.0, 3.2),
        _LEATHER_COLOURS,
        ("Goat", "Cow"),
    ),
    _Kind(
        "Bag",
        4,
        ("blagha",),
        "Leather tote bag in {look_text} {material} leather, {size}",
        "Cabas en cuir de {material}, {look_text}, {size}",
        ("34 × 28 cm", "40 × 32 cm", "46 × 36 cm"),
        (650, 1500),
        (0.9, 1.5),
        _LEATHER_COLOURS,
        ("Goat", "Cow"),
    ),
    _Kind(
        "Belt",
        2,
        ("blagha",),
        "Hand-stitched {material} leather belt, {look_text}, {size}",
        "Ceinture en cuir de {material} cousue main, {look_text}, {size}",
        ("85–100 cm", "95–110 cm"),
        (200, 350),
        (0.4, 0.5),
        _LEATHER_COLOURS,
        ("Cow",),
    ),
    _Kind(
        "Wallet",
        2,
        ("blagha",),
        "Tooled {material} leather wallet, {look_text}, {size}",
        "Portefeuille en cuir de {material} ciselé, {look_text}, {size}",
        ("11 × 9 cm", "19 × 10 cm"),
        (160, 320),
        (0.2, 0.3),
        _LEATHER_COLOURS,
        ("Goat",),
    ),
)


def _leather_attributes(kind: _Kind, look: Look, size: object, material: str, rng) -> dict[str, object]:
    size_text = f"EU {size}" if kind.option == "Babouches" else str(size)
    return {
        "item": kind.option,
        "leather": material,
        "colour": look.colour,
        "size": size_text,
        "vegetable_tanned": rng.random() < 0.8,
    }


def _leather_description(kind, look, size, material, cooperative, attrs, rng) -> tuple[str, str]:
    city = _CITY_BY_SLUG[cooperative]
    leather_en, leather_fr = _LEATHER_WORDS[material]
    natural = look.colour == "Ivory"
    dyed_en = "left undyed" if natural else f"dyed {look.en}"
    dyed_fr = "laissé naturel" if natural else f"teint {look.fr}"
    if attrs["vegetable_tanned"]:
        tan = (
            f"{_cap(leather_en)} leather tanned in pits with plant tannins and {dyed_en}, then cut and"
            f" stitched in {city}.",
            f"Cuir de {leather_fr} tanné en fosse aux tanins végétaux et {dyed_fr}, puis coupé et cousu"
            f" à {city}.",
        )
    else:
        tan = (
            f"Supple {leather_en} leather, {dyed_en}, cut and stitched by hand in {city}.",
            f"Cuir de {leather_fr} souple, {dyed_fr}, coupé et cousu à la main à {city}.",
        )
    details = {
        "Babouches": (
            "The cowhide sole is sewn to the upper inside out with waxed thread, then turned, so there"
            " is no seam under the foot.",
            "La semelle en cuir de vache est cousue à l'empeigne à l'envers au fil ciré, puis"
            " retournée : aucune couture sous le pied.",
        ),
        "Pouf": (
            "The top is embroidered in silk thread; it ships flat, ready to fill with old linen or"
            " cotton stuffing.",
            "Le dessus est brodé au fil de soie ; il est livré à plat, prêt à être rempli de vieux linge"
            " ou de rembourrage en coton.",
        ),
    }.get(
        kind.option,
        (
            "Edges are burnished by hand and every seam is saddle-stitched.",
            "Les tranches sont lissées à la main et chaque couture est faite au point sellier.",
        ),
    )
    care = (
        "The leather arrives with the light smell of the tannery, which fades after a few days in"
        " the air; feed it with neutral wax once a year.",
        "Le cuir arrive avec la légère odeur de la tannerie, qui disparaît après quelques jours à"
        " l'air ; nourrissez-le à la cire neutre une fois par an.",
    )
    return " ".join((tan[0], details[0], care[0])), " ".join((tan[1], details[1], care[1]))


# --- Lighting -----------------------------------------------------------------------------
_METAL_LOOKS = {
    "Brass": Look("Saffron", "brass", "laiton"),
    "Copper": Look("Orange", "copper", "cuivre"),
    "Iron": Look("Black", "wrought iron", "fer forgé"),
    "Silver-plated": Look("Grey", "silver-plated metal", "métal argenté"),
}


class _Decor(NamedTuple):
    en: str
    fr_title: str  # after "à": "Lanterne en laiton à vitraux colorés"
    fr_text: str  # after "ornée": "ornée de vitraux colorés"


_DECORS = (
    _Decor("a pierced star pattern", "motif d'étoiles ajouré", "d'un motif d'étoiles ajouré"),
    _Decor("coloured glass panes", "vitraux colorés", "de vitraux colorés"),
    _Decor("chiselled arabesques", "arabesques ciselées", "d'arabesques ciselées"),
)
_LIGHTING_KINDS = (
    # (option, count, English noun, French noun, measured by, sizes, prices, kg, metals)
    ("Lantern", 5, "lantern", "Lanterne", "height_cm", (30, 45, 60, 80), (600, 3500), (1.5, 6.0)),
    ("Pendant lamp", 3, "pendant lamp", "Suspension", "diameter_cm", (30, 40, 55), (900, 3200), (1.8, 4.5)),
    ("Table lamp", 2, "table lamp", "Lampe de table", "height_cm", (35, 45, 60), (700, 2000), (1.5, 3.5)),
    ("Wall sconce", 2, "wall sconce", "Applique murale", "height_cm", (25, 32, 40), (450, 1200), (0.8, 1.6)),
    ("Tray", 3, "tray", "Plateau", "diameter_cm", (40, 55, 70, 80), (400, 1600), (1.5, 4.5)),
)


def _lighting(rng: random.Random, builder: _Builder) -> list[ProductSeed]:
    """Lanterns, lamps and trays from Mesbah; the metal sets the image colour and a price factor."""
    metal_factor = {"Brass": 1.0, "Copper": 1.1, "Iron": 0.8, "Silver-plated": 1.2}
    seeds = []
    for option, count, noun_en, noun_fr, measure, sizes, prices, kg in _LIGHTING_KINDS:
        decors = _DECORS if option != "Tray" else (_DECORS[0], _DECORS[2])
        metals = ("Brass", "Copper", "Silver-plated") if option == "Tray" else tuple(_METAL_LOOKS)
        for decor, size, metal in _distinct(rng, count, decors, sizes, metals):
            look = _METAL_LOOKS[metal]
            position = sizes.index(size) / (len(sizes) - 1)
            price = _scaled(prices, position) * metal_factor[metal] * rng.uniform(0.95, 1.05)
            price = min(max(price, prices[0]), prices[1])
            electrified = option in ("Pendant lamp", "Table lamp", "Wall sconce") or (
                option == "Lantern" and rng.random() < 0.6
            )
            other = "diameter_cm" if measure == "height_cm" else "height_cm"
            attrs: dict[str, object] = {
                "item": option,
                "metal": metal,
                measure: size,
                other: round(size * (0.45 if measure == "height_cm" else 0.12 if option == "Tray" else 1.1)),
                "electrified": electrified,
            }
            cooperative = "mesbah"
            light = (
                (
                    " It is wired to European standards with an E27 socket and a braided cable.",
                    " Câblage aux normes européennes, avec douille E27 et câble tressé.",
                )
                if electrified
                else (
                    " Made for a candle or a battery light; it can be wired on request.",
                    " Pour une bougie ou une lampe à piles ; câblage possible sur demande.",
                )
                if option != "Tray"
                else (
                    " Use it on a low table or hang it on the wall; polish with a soft cloth.",
                    " À poser sur une table basse ou à accrocher au mur ; à lustrer au chiffon doux.",
                )
            )
            description_en = (
                f"Cut from {look.en} sheet in the Marrakech medina and decorated with {decor.en}, punched"
                f" and chased by hand over several days.{light[0]}"
            )
            description_fr = (
                f"Une pièce de dinanderie de la médina de Marrakech : une feuille de {look.fr} découpée,"
                f" ornée {decor.fr_text}, percée et ciselée à la main en plusieurs jours.{light[1]}"
            )
            stock, lead_time = _stock(rng, 2, 25)
            seeds.append(
                ProductSeed(
                    upc=builder.upc("lighting"),
                    craft="lighting",
                    category_path=("lighting",),
                    cooperative=cooperative,
                    title_en=f"{_cap(look.en)} {noun_en} with {decor.en}, {size} cm",
                    title_fr=f"{noun_fr} en {look.fr} à {decor.fr_title}, {size} cm",
                    description_en=description_en,
                    description_fr=description_fr,
                    price_mad=_money(price, step=50),
                    stock=stock,
                    attributes=attrs,
                    image_style=option,
                    image_colour=look.colour,
                    weight_kg=_kg(_scaled(kg, position)),
                    is_labelled=_labelled(rng, cooperative),
                    lead_time_days=lead_time,
                )
            )
    return seeds


# --- Jewellery ----------------------------------------------------------------------------
_STONES = (
    Look("Green", "green and yellow enamel", "à émail vert et jaune"),
    Look("Red", "coral-coloured resin beads", "à perles de résine corail"),
    Look("Blue", "amazonite beads", "à perles d'amazonite"),
    Look("Saffron", "amber resin", "à résine d'ambre"),
    Look("Grey", "engraved motifs", "à motifs gravés"),
    Look("Black", "niello inlay", "à incrustations de nielle"),
)
_SILVER_WORDS = {
    "Tiznit silver": ("Tiznit silver", "argent de Tiznit"),
    "Silver": ("Amazigh silver", "argent amazigh"),
}
# grams at the smallest and the largest size of each piece
_JEWELLERY_GRAMS = {
    "Necklace": (45, 120),
    "Bracelet": (35, 90),
    "Earrings": (12, 30),
    "Ring": (6, 14),
    "Fibula": (40, 150),
}


def _jewel(option: str, count: int, noun_en: str, noun_fr: str, sizes, prices) -> _Kind:
    return _Kind(
        option,
        count,
        ("tazerzit",),
        f"{{Material}} {noun_en} with {{look_text}}, {{size.en}}",
        f"{noun_fr} en {{material}} {{look_text}}, {{size.fr}}",
        sizes,
        prices,
        (0.2, 0.4),
        _STONES,
        ("Tiznit silver", "Silver"),
    )


_JEWELLERY_KINDS = (
    _jewel(
        "Necklace",
        3,
        "necklace",
        "Collier",
        (Label("40 cm", "40 cm"), Label("50 cm", "50 cm"), Label("65 cm", "65 cm")),
        (900, 2800),
    ),
    _jewel(
        "Bracelet",
        3,
        "cuff",
        "Bracelet manchette",
        (Label("3 cm wide", "largeur 3 cm"), Label("5 cm wide", "largeur 5 cm")),
        (600, 2200),
    ),
    _jewel(
        "Earrings",
        3,
        "earrings",
        "Boucles d'oreilles",
        (Label("4 cm drop", "longueur 4 cm"), Label("7 cm drop", "longueur 7 cm")),
        (350, 1100),
    ),
    _jewel(
        "Ring",
        2,
        "ring",
        "Bague",
        (Label("size 52", "taille 52"), Label("size 56", "taille 56"), Label("size 60", "taille 60")),
        (350, 900),
    ),
    _jewel(
        "Fibula",
        4,
        "fibula",
        "Fibule",
        (Label("9 cm", "9 cm"), Label("12 cm", "12 cm"), Label("16 cm", "16 cm")),
        (800, 2800),
    ),
)


def _jewellery_attributes(kind: _Kind, look: Look, size: Label, material: str, rng) -> dict[str, object]:
    position = kind.sizes.index(size) / max(len(kind.sizes) - 1, 1)
    stones = "None (engraved)" if look.colour == "Grey" else _cap(look.en)
    return {
        "piece": kind.option,
        "metal": material,
        "stones": stones,
        "weight_g": round(_scaled(_JEWELLERY_GRAMS[kind.option], position)),
    }


def _jewellery_description(kind, look, size, material, cooperative, attrs, rng) -> tuple[str, str]:
    grams = attrs["weight_g"]
    adorned_fr = _de(look.fr.removeprefix("à "))
    made = rng.choice(
        (
            (
                "Melted, drawn into wire and plate, and hammered at the bench in the Tiznit medina, then"
                f" finished with {look.en}.",
                "Travail d'orfèvre de la médina de Tiznit : l'argent est fondu, étiré en fil et en"
                f" plaque, martelé à l'établi, puis rehaussé {adorned_fr}.",
            ),
            (
                f"Made by the silversmiths of {_NAME_BY_SLUG[cooperative]} the way their fathers worked:"
                f" cast, chased with punches and set with {look.en}.",
                f"Les orfèvres de la {_NAME_BY_SLUG[cooperative]} travaillent comme leurs pères :"
                f" l'argent est coulé, ciselé au poinçon et rehaussé {adorned_fr}.",
            ),
        )
    )
    weight = (
        f"It weighs about {grams} g and comes stamped, with a note on its silver content.",
        f"Poids : environ {grams} g ; la pièce est livrée poinçonnée, avec une note sur son titre d'argent.",
    )
    care = (
        "Silver darkens with time: rub it with a soft cloth, or keep the patina Amazigh women prize.",
        "L'argent fonce avec le temps : frottez-le avec un chiffon doux, ou gardez la patine que"
        " prisent les femmes amazighes.",
    )
    return " ".join((made[0], weight[0], care[0])), " ".join((made[1], weight[1], care[1]))


# --- Woodwork -----------------------------------------------------------------------------
_INLAYS = (
    Look("Brown", "lemonwood marquetry", "marqueterie de citronnier"),
    Look("Brown", "ebony and lemonwood star inlay", "étoile en ébène et citronnier"),
    Look("Ivory", "mother-of-pearl inlay", "incrustation de nacre"),
    Look("Brown", "natural burl", "loupe naturelle"),
)
_WOOD_WORDS = {
    "Thuya": ("thuya", "thuya"),
    "Cedar": ("cedar", "cèdre"),
    "Walnut": ("walnut", "noyer"),
    "Lemonwood": ("lemonwood", "citronnier"),
}


def _wood(option: str, count: int, noun_en: str, noun_fr: str, woods, sizes, prices, kg, round_=False):
    dims = "Ø {size[0]} cm" if round_ else "{size[0]} × {size[1]} cm"
    return _Kind(
        option,
        count,
        ("araar",),
        f"{{Material}} {noun_en}, {{look_text}}, {dims}",
        f"{noun_fr} en {{material}}, {{look_text}}, {dims}",
        sizes,
        prices,
        kg,
        _INLAYS,
        woods,
    )


_WOODWORK_KINDS = (
    _wood(
        "Box",
        3,
        "jewellery box",
        "Coffret à bijoux",
        ("Thuya",),
        ((15, 10), (20, 12), (28, 18)),
        (250, 900),
        (0.5, 1.4),
    ),
    _wood(
        "Bowl",
        2,
        "bowl",
        "Bol",
        ("Thuya", "Walnut"),
        ((16, 16), (20, 20), (25, 25)),
        (200, 550),
        (0.4, 0.9),
        True,
    ),
    _wood(
        "Tray",
        2,
        "serving tray",
        "Plateau de service",
        ("Thuya", "Cedar"),
        ((40, 28), (50, 35)),
        (400, 1200),
        (1.2, 2.2),
    ),
    _wood(
        "Chess set",
        1,
        "chess set",
        "Jeu d'échecs",
        ("Thuya",),
        ((35, 35), (40, 40)),
        (1200, 2400),
        (2.0, 2.8),
    ),
    _wood(
        "Mirror",
        2,
        "wall mirror",
        "Miroir mural",
        ("Cedar", "Thuya"),
        ((40, 30), (60, 45)),
        (700, 1800),
        (2.5, 5.0),
    ),
)


def _woodwork_attributes(kind: _Kind, look: Look, size: tuple, material: str, rng) -> dict[str, object]:
    return {
        "wood": material,
        "object_type": kind.option,
        "length_cm": size[0],
        "width_cm": size[1],
        "inlay": "None" if look.en == "natural burl" else _cap(look.en),
    }


def _woodwork_description(kind, look, size, material, cooperative, attrs, rng) -> tuple[str, str]:
    wood_en, wood_fr = _WOOD_WORDS[material]
    made = (
        f"Carved from {wood_en} in the vaulted workshops under the ramparts of Essaouira, sanded by"
        " hand and rubbed with oil until the grain glows.",
        f"Façonné dans le {wood_fr} sous les remparts d'Essaouira, poncé à la main et frotté à"
        " l'huile jusqu'à ce que le veinage s'illumine.",
    )
    if attrs["inlay"] == "None":
        detail = (
            "No inlay here: the knots and swirls of the burl are the decoration.",
            "Aucune incrustation : les nœuds et les volutes de la loupe suffisent au décor.",
        )
    else:
        detail = (
            f"The {look.en} is set piece by piece and levelled with a scraper.",
            f"La {look.fr} est posée pièce par pièce puis arasée au racloir.",
        )
    care = (
        "The wood comes from authorised cuts; wipe with a dry cloth and oil lightly once a year.",
        "Le bois provient de coupes autorisées ; essuyez avec un chiffon sec et huilez légèrement une"
        " fois par an.",
    )
    return " ".join((made[0], detail[0], care[0])), " ".join((made[1], detail[1], care[1]))


# --- Textiles -----------------------------------------------------------------------------
_FABRIC_COLOURS = (
    Look("Green", "emerald", "vert émeraude"),
    Look("Blue", "midnight blue", "bleu nuit"),
    Look("Ivory", "ivory", "ivoire"),
    Look("Red", "garnet", "grenat"),
    Look("Pink", "old rose", "vieux rose"),
    Look("Saffron", "saffron", "safran"),
    Look("Black", "black", "noir"),
    Look("Turquoise", "turquoise", "turquoise"),
)
_FABRIC_WORDS = {
    "Sabra (cactus silk)": ("sabra", "sabra"),
    "Silk": ("silk", "soie"),
    "Cotton": ("cotton", "coton"),
    "Wool": ("wool", "laine"),
    "Linen": ("linen", "lin"),
}
_GARMENT_SIZES = (Label("S", "S"), Label("M", "M"), Label("L", "L"), Label("XL", "XL"))


def _sizes_cm(*sizes: str) -> tuple[Label, ...]:
    return tuple(Label(size, size) for size in sizes)


_TEXTILE_KINDS = (
    _Kind(
        "Caftan",
        3,
        ("khit-errouh",),
        "{Material} caftan with sfifa trim, {look_text}, size {size.en}",
        "Caftan en {material} à sfifa, {look_text}, taille {size.fr}",
        _GARMENT_SIZES,
        (1800, 6000),
        (1.2, 1.8),
        _FABRIC_COLOURS,
        ("Sabra (cactus silk)", "Silk"),
        price_by="material",
        stock=(2, 6),
    ),
    _Kind(
        "Djellaba",
        2,
        ("khit-errouh",),
        "Hooded {material} djellaba, {look_text}, size {size.en}",
        "Djellaba à capuche en {material}, {look_text}, taille {size.fr}",
        _GARMENT_SIZES,
        (900, 2200),
        (1.0, 1.6),
        _FABRIC_COLOURS,
        ("Linen", "Wool"),
        price_by="material",
        stock=(2, 8),
    ),
    _Kind(
        "Cushion cover",
        3,
        ("khit-errouh",),
        "{Material} cushion cover, {look_text}, {size.en}",
        "Housse de coussin en {material}, {look_text}, {size.fr}",
        _sizes_cm("40 × 60 cm", "45 × 45 cm", "50 × 50 cm"),
        (250, 550),
        (0.3, 0.4),
        _FABRIC_COLOURS,
        ("Sabra (cactus silk)",),
    ),
    _Kind(
        "Throw",
        2,
        ("nakhla",),
        "Jbala striped {material} throw, {look_text}, {size.en}",
        "Plaid rayé jebli en {material}, {look_text}, {size.fr}",
        _sizes_cm("130 × 200 cm", "150 × 250 cm"),
        (550, 1200),
        (1.0, 1.6),
        _FABRIC_COLOURS,
        ("Cotton", "Wool"),
    ),
    _Kind(
        "Scarf",
        2,
        ("nakhla",),
        "Handwoven {material} scarf, {look_text}, {size.en}",
        "Écharpe tissée main en {material}, {look_text}, {size.fr}",
        _sizes_cm("50 × 180 cm", "70 × 200 cm"),
        (200, 450),
        (0.2, 0.3),
        _FABRIC_COLOURS,
        ("Cotton", "Wool"),
    ),
)


def _textile_attributes(kind: _Kind, look: Look, size: Label, material: str, rng) -> dict[str, object]:
    return {"item": kind.option, "material": material, "colour": look.colour, "size": size.en}


_TEXTILE_DETAILS = {
    "Caftan": (
        "Cut and sewn by hand in Salé, finished with sfifa braid and a row of knotted akaad buttons"
        " that take a full day on their own. The workshop can adjust the length to your measurements"
        " by video call.",
        "Coupé et cousu à la main à Salé, fini d'une sfifa et d'une rangée de boutons akaad noués qui"
        " demandent à eux seuls une journée. L'atelier peut ajuster la longueur à vos mesures par"
        " appel vidéo.",
    ),
    "Djellaba": (
        "Sewn by hand in Salé with a pointed hood and braided seams, loose enough to wear over everyday"
        " clothes.",
        "Cousue à la main à Salé, avec capuche pointue et coutures tressées, assez ample pour se porter"
        " sur les vêtements de tous les jours.",
    ),
    "Cushion cover": (
        "Woven on a hand loom from sabra, the silky agave fibre, which catches the light like silk."
        " Closes with a hidden zip; insert not included.",
        "Tissée sur un métier à main en sabra, la fibre soyeuse d'agave qui accroche la lumière comme"
        " la soie. Fermeture éclair invisible ; garnissage non inclus.",
    ),
    "Throw": (
        "Woven on a narrow loom in the hills above Chefchaouen and sewn from strips, in the striped"
        " pattern Jbala women wear as a mendil.",
        "Tissé sur un métier étroit dans les collines de Chefchaouen et assemblé en bandes, dans le"
        " motif rayé du mendil que portent les femmes jeblies.",
    ),
    "Scarf": (
        "Woven by hand in Chefchaouen and finished with twisted fringes.",
        "Tissée à la main à Chefchaouen et finie de franges torsadées.",
    ),
}


def _textile_description(kind, look, size, material, cooperative, attrs, rng) -> tuple[str, str]:
    detail = _TEXTILE_DETAILS[kind.option]
    material_en, material_fr = _FABRIC_WORDS[material]
    care = (
        f"In {look.en} {material_en}; hand wash cold or dry clean.",
        f"En {material_fr}, coloris {look.fr} ; lavage à la main à froid ou nettoyage à sec.",
    )
    return f"{detail[0]} {care[0]}", f"{detail[1]} {care[1]}"


# --- Basketry -----------------------------------------------------------------------------
_BASKET_LOOKS = (
    Look("Ivory", "natural", "naturel"),
    Look("Black", "black-striped", "rayé de noir"),
    Look("Multicolour", "wool-embroidered", "brodé de laine"),
    Look("Pink", "pink-trimmed", "bordé de rose"),
    Look("Blue", "indigo-trimmed", "bordé d'indigo"),
)
_BASKET_WORDS = {
    "Doum palm": ("doum palm", "doum"),
    "Raffia": ("raffia", "raphia"),
    "Reed": ("reed", "roseau"),
}
_BASKETRY_KINDS = (
    _Kind(
        "Basket",
        3,
        ("nakhla",),
        "{Material} storage basket with lid, {look_text}, Ø {size} cm",
        "Panier de rangement en {material} avec couvercle, {look_text}, Ø {size} cm",
        (25, 30, 40),
        (150, 380),
        (0.4, 0.9),
        _BASKET_LOOKS,
        ("Doum palm",),
    ),
    _Kind(
        "Market bag",
        2,
        ("nakhla",),
        "{Material} market bag with leather handles, {look_text}, {size} cm high",
        "Couffin en {material} à anses en cuir, {look_text}, hauteur {size} cm",
        (30, 35, 40),
        (160, 350),
        (0.4, 0.7),
        _BASKET_LOOKS,
        ("Doum palm", "Raffia"),
    ),
    _Kind(
        "Hat",
        2,
        ("nakhla",),
        "Jbala {material} hat with wool pompoms, {look_text}, Ø {size} cm",
        "Chapeau jebli en {material} à pompons de laine, {look_text}, Ø {size} cm",
        (40, 45, 50),
        (180, 450),
        (0.4, 0.6),
        _BASKET_LOOKS,
        ("Doum palm",),
    ),
    _Kind(
        "Mat",
        1,
        ("nakhla",),
        "Round {material} mat, {look_text}, Ø {size} cm",
        "Tapis rond en {material}, {look_text}, Ø {size} cm",
        (80, 100, 120),
        (250, 450),
        (0.8, 1.6),
        _BASKET_LOOKS,
        ("Doum palm", "Reed"),
    ),
    _Kind(
        "Bread basket",
        2,
        ("nakhla",),
        "Tbak bread basket in {material} with conical lid, {look_text}, Ø {size} cm",
        "Tbak, panier à pain en {material} à couvercle conique, {look_text}, Ø {size} cm",
        (30, 35, 40),
        (120, 300),
        (0.3, 0.5),
        _BASKET_LOOKS,
        ("Doum palm",),
    ),
)


def _basketry_attributes(kind: _Kind, look: Look, size: int, material: str, rng) -> dict[str, object]:
    if kind.option == "Market bag":
        return {"item": kind.option, "material": material, "height_cm": size}
    height = {"Basket": 0.9, "Hat": 0.3, "Mat": 0.0, "Bread basket": 1.1}[kind.option]
    attrs: dict[str, object] = {"item": kind.option, "material": material, "diameter_cm": size}
    if height:
        attrs["height_cm"] = round(size * height)
    return attrs


def _basketry_description(kind, look, size, material, cooperative, attrs, rng) -> tuple[str, str]:
    material_en, material_fr = _BASKET_WORDS[material]
    made = (
        f"Plaited by the women of {_NAME_BY_SLUG[cooperative]} from {material_en} cut on the hills"
        " above Chefchaouen in late summer and dried in the sun, then coiled and sewn into shape.",
        f"Tressé par les femmes de la {_NAME_BY_SLUG[cooperative]} en {material_fr} coupé sur les"
        " collines de Chefchaouen à la fin de l'été et séché au soleil, puis enroulé et cousu.",
    )
    care = (
        "Keep it dry and away from direct heat; a damp cloth removes the dust.",
        "Gardez-le au sec et loin d'une source de chaleur ; un chiffon humide suffit à le dépoussiérer.",
    )
    return f"{made[0]} {care[0]}", f"{made[1]} {care[1]}"


# --- Registry -----------------------------------------------------------------------------
def _checked(seed: ProductSeed) -> ProductSeed:
    """Fail fast if a generator strays from `catalogue.crafts` (codes, types, options, colours)."""
    specs = {spec.code: spec for spec in CRAFTS_BY_CODE[seed.craft].attributes}
    missing = {code for code, spec in specs.items() if spec.required} - set(seed.attributes)
    unknown = set(seed.attributes) - set(specs)
    bad_options = [
        code
        for code, value in seed.attributes.items()
        if code in specs and specs[code].options and value not in specs[code].options
    ]
    if missing or unknown or bad_options or seed.image_colour not in COLOURS:
        raise ValueError(f"{seed.upc}: missing {missing}, unknown {unknown}, bad options {bad_options}")
    return seed


def products() -> list[ProductSeed]:
    """All demo products, deterministic: a fresh `random.Random(2026)` drives every choice."""
    rng = random.Random(2026)
    builder = _Builder()
    seeds = _rugs(rng, builder)
    seeds += _zellige(rng, builder)
    seeds += _small_craft(
        rng, builder, "ceramics", _ceramic_kinds(), {}, _ceramic_attributes, _ceramic_description
    )
    seeds += _small_craft(
        rng,
        builder,
        "leather",
        _LEATHER_KINDS,
        _LEATHER_WORDS,
        _leather_attributes,
        _leather_description,
    )
    seeds += _lighting(rng, builder)
    seeds += _small_craft(
        rng,
        builder,
        "jewellery",
        _JEWELLERY_KINDS,
        _SILVER_WORDS,
        _jewellery_attributes,
        _jewellery_description,
    )
    seeds += _small_craft(
        rng, builder, "woodwork", _WOODWORK_KINDS, _WOOD_WORDS, _woodwork_attributes, _woodwork_description
    )
    seeds += _small_craft(
        rng, builder, "textiles", _TEXTILE_KINDS, _FABRIC_WORDS, _textile_attributes, _textile_description
    )
    seeds += _small_craft(
        rng, builder, "basketry", _BASKETRY_KINDS, _BASKET_WORDS, _basketry_attributes, _basketry_description
    )
    return [_in_arabic(_checked(seed)) for seed in seeds]


def _in_arabic(seed: ProductSeed) -> ProductSeed:
    """The seed with its Arabic title and description (`arabic` builds them from the seed)."""
    return replace(
        seed,
        title_ar=arabic.product_title_ar(seed),
        description_ar=arabic.product_description_ar(seed, city=_CITY_BY_SLUG[seed.cooperative]),
    )


__all__ = [
    "CATEGORY_TREE",
    "REGIONS",
    "CategorySeed",
    "CooperativeSeed",
    "ProductSeed",
    "cooperatives",
    "products",
]
