"""Demo editorial content: artisan stories, buying guides, standard pages, menus and the
announcement bar, in English with French and Arabic translations.

The stories are drawn from French-language press coverage of Moroccan craft cooperatives
(the articles in /work/shared/seeds), translated and retold around the demo cooperatives;
figures and quotations are the articles', and each story credits its sources. Pictures are
drawn with Pillow by `marketplace.demo.images`.

`cms_load` is idempotent: pages are found by slug under their parent and locale, and only
created when missing, so editors' changes survive `make demo`.
"""

import io
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from django.contrib.auth.models import Group, Permission
from django.core.files.images import ImageFile
from oscar.core.loading import get_model
from wagtail.models import Locale, Page, Site
from wagtail.rich_text import RichText

from . import images

Product = get_model("catalogue", "Product")
ProductClass = get_model("catalogue", "ProductClass")
Category = get_model("catalogue", "Category")
Cooperative = get_model("partner", "Cooperative")

SOURCES = {
    "digital": "“Une révolution douce mais déterminée”, French-language press, 2025",
    "export-accord": "Report on the Rabat export agreement for craft products, French-language press, 2025",
    "chambers": "Le360, 26 February 2026 (photo caption credit: Y. Mannan/Le360)",
    "cooperatives-export": "“Les coopératives, moteur de l’export marocain”, French-language press, 2025",
    "parliament": "Report of the Head of Government's statement to the House of Representatives, 19 "
    "January 2026",
}


def _p(*paragraphs: str) -> list:
    return [("paragraph", RichText("".join(f"<p>{text}</p>" for text in paragraphs)))]


@dataclass
class StorySeed:
    slug: str
    cooperative: str
    craft: str
    date: date
    sources: tuple[str, ...]
    title: dict[str, str]
    intro: dict[str, str]
    body: dict[str, list] = field(default_factory=dict)  # language -> [(kind, value)]
    quote: dict[str, tuple[str, str, str]] = field(default_factory=dict)  # quote, attribution, role
    caption: dict[str, str] = field(default_factory=dict)


def _credit(seed: StorySeed, language: str) -> str:
    lead = {
        "en": "Adapted and translated from French by Souk editors. Sources: ",
        "fr": "Adapté par la rédaction de Souk. Sources : ",
        "ar": "نصّ مقتبس ومترجم من الفرنسية بقلم محرري سوق. المصادر: ",
    }[language]
    return lead + "; ".join(SOURCES[key] for key in seed.sources) + "."


STORIES = [
    StorySeed(
        slug="the-artisan-of-the-future-has-a-password",
        cooperative="tifawin",
        craft="rug",
        date=date(2026, 2, 2),
        sources=("digital",),
        title={
            "en": "The artisan of the future has a password",
            "fr": "L’artisan du futur a un mot de passe",
            "ar": "حِرفيّ المستقبل له كلمة سرّ",
        },
        intro={
            "en": "Moroccan crafts are changing face: online registration, digital marketing and an "
            "export observatory now sit beside the loom. In the Middle Atlas, the weavers of "
            "Tifawin show what that means on an ordinary Tuesday.",
            "fr": "L’artisanat marocain change de visage : enregistrement en ligne, marketing digital et "
            "observatoire des exportations s’installent à côté du métier à tisser. Dans le Moyen "
            "Atlas, les tisserandes de Tifawin montrent ce que cela change au quotidien.",
            "ar": "تتغيّر ملامح الصناعة التقليدية المغربية: التسجيل الإلكتروني والتسويق الرقمي ومرصد "
            "للصادرات صارت كلها إلى جانب المنسج. في الأطلس المتوسط، تُرينا نسّاجات تعاونية تيفاوين "
            "ما يعنيه ذلك في يوم عادي.",
        },
        body={
            "en": [
                *_p(
                    "You thought Moroccan crafts were only babouches, rugs and tadelakt handed down from "
                    "father to son in the lanes of Fès or Marrakech? Think again. Since the announcement "
                    "of an ambitious digitalisation programme, the sector has been equipping itself with "
                    "new tools: an online registration platform, digital marketing, cloud computing and "
                    "even an export observatory. The caftan now has its QR code.",
                    "The change runs through the cooperatives. In 2024 alone, 939 new cooperatives were "
                    "founded, and 34% of them are led by women. On the ground this means training à la "
                    "carte (often online), management modules and e-commerce tools to sell without "
                    "greedy middlemen, and easier access to financing for young craft entrepreneurs.",
                ),
                ("quote", None),
                *_p(
                    "At Tifawin, the thirty-eight weavers still card and spin the wool of Timahdite "
                    "sheep by hand. What has changed is what happens after the last knot: each rug is "
                    "photographed, measured and listed in the afternoon, and the export observatory's "
                    "trend reports help the cooperative decide which sizes to weave next winter, without "
                    "losing the soul of the piece.",
                    "The transition raises real questions. What becomes of the magic of the gesture when "
                    "an algorithm takes over? Does standardisation threaten tradition? The weavers' "
                    "answer is practical: a good tool is exactly what an artisan knows how to handle, "
                    "and the digital is a tool.",
                ),
            ],
            "fr": [
                *_p(
                    "Vous pensiez que l’artisanat marocain, c’était juste des babouches, des tapis et du "
                    "tadelakt transmis de père en fils dans les ruelles de Fès ou Marrakech ? "
                    "Détrompez-vous. Depuis l’annonce d’un ambitieux programme de digitalisation, le "
                    "secteur se dote d’une nouvelle panoplie d’outils : plateforme électronique "
                    "d’enregistrement, marketing digital, cloud computing, et même un observatoire des "
                    "exportations. Le caftan a désormais son QR code.",
                    "Le changement passe par les coopératives. En 2024, 939 nouvelles coopératives ont "
                    "vu le jour, et 34 % d’entre elles sont dirigées par des femmes. Sur le terrain : "
                    "des formations à la carte, souvent en ligne, des modules de gestion, des outils de "
                    "e-commerce pour vendre sans intermédiaires gourmands, et un financement plus souple "
                    "pour les jeunes entrepreneurs de l’artisanat.",
                ),
                ("quote", None),
                *_p(
                    "Chez Tifawin, les trente-huit tisserandes cardent et filent toujours à la main la "
                    "laine des moutons de Timahdite. Ce qui a changé, c’est l’après-dernier nœud : "
                    "chaque tapis est photographié, mesuré et mis en ligne l’après-midi même, et les "
                    "notes de tendance de l’observatoire aident la coopérative à choisir les tailles de "
                    "l’hiver prochain, sans perdre l’âme du produit.",
                    "La transition soulève de vraies questions : que devient la magie du geste quand "
                    "l’algorithme prend le relais ? Le risque de standardisation guette-t-il nos "
                    "traditions ? La réponse des tisserandes est pratique : un bon outil, c’est "
                    "exactement ce que sait manier un artisan, et le digital en est un.",
                ),
            ],
            "ar": [
                *_p(
                    "هل كنتَ تظن أن الصناعة التقليدية المغربية هي البلغة والزربية والتادلاكت التي تنتقل "
                    "من الأب إلى الابن في أزقة فاس ومراكش فقط؟ منذ الإعلان عن برنامج طموح للرقمنة، صار "
                    "القطاع يتزوّد بأدوات جديدة: منصة إلكترونية للتسجيل، وتسويق رقمي، وحوسبة سحابية، بل "
                    "ومرصد للصادرات. صار للقفطان رمز QR خاص به.",
                    "يمرّ هذا التحوّل عبر التعاونيات. ففي سنة 2024 وحدها تأسست 939 تعاونية جديدة، 34 في "
                    "المائة منها تقودها نساء. وعلى أرض الواقع يعني ذلك تكوينات حسب الطلب، غالبًا عن "
                    "بُعد، ووحدات للتسيير، وأدوات للتجارة الإلكترونية للبيع دون وسطاء، وتمويلًا أيسر "
                    "للشباب من أصحاب المشاريع الحِرفية.",
                ),
                ("quote", None),
                *_p(
                    "في تعاونية تيفاوين ما زالت ثماني وثلاثون نسّاجة يمشّطن صوف أغنام تيمحضيت ويغزلنه "
                    "باليد. ما تغيّر هو ما يأتي بعد العقدة الأخيرة: تُصوَّر كل زربية وتُقاس وتُعرض على "
                    "الإنترنت في المساء نفسه، وتساعد تقارير المرصد التعاونية على اختيار مقاسات الشتاء "
                    "المقبل دون أن تفقد القطعة روحها."
                ),
            ],
        },
        quote={
            "en": (
                "You don't knit the digital revolution with a simple YouTube tutorial.",
                "The French-language article this story draws on",
                "on what cooperatives really need: lasting training, equipment and support",
            ),
            "fr": (
                "On ne tricote pas la révolution numérique avec un simple tutoriel YouTube.",
                "L’article dont s’inspire ce récit",
                "sur ce dont les coopératives ont vraiment besoin : formation durable, équipement, "
                "accompagnement",
            ),
            "ar": (
                "لا تُحاك الثورة الرقمية بمجرد درس على يوتيوب.",
                "المقال الفرنسي الذي استُلهمت منه هذه الحكاية",
                "عن حاجة التعاونيات الحقيقية إلى تكوين دائم وتجهيز ومواكبة",
            ),
        },
        caption={
            "en": "A half-woven Beni Ourain on the loom at Tifawin.",
            "fr": "Un Beni Ourain à moitié tissé sur le métier, chez Tifawin.",
            "ar": "زربية بني وراين نصف منسوجة على المنسج في تعاونية تيفاوين.",
        },
    ),
    StorySeed(
        slug="from-rabat-to-new-york-why-rugs-and-zellige-travel",
        cooperative="nejma-zellige",
        craft="zellige",
        date=date(2026, 1, 26),
        sources=("export-accord",),
        title={
            "en": "From Rabat to New York: why rugs and zellige travel",
            "fr": "De Rabat à New York : pourquoi les tapis et le zellige voyagent",
        },
        intro={
            "en": "A 30-million-dirham agreement signed in Rabat wants Moroccan crafts on the world's "
            "marketplaces. In the potters' quarter of Fès, the zellige cutters of Nejma already "
            "ship to American bathrooms.",
            "fr": "Une convention de 30 millions de dirhams signée à Rabat veut placer l’artisanat "
            "marocain sur les places de marché mondiales. Dans le quartier des potiers de Fès, les "
            "tailleurs de zellige de Nejma expédient déjà vers des salles de bains américaines.",
        },
        body={
            "en": [
                *_p(
                    "The departments in charge of crafts and of foreign trade signed a strategic "
                    "agreement in Rabat with the Maison de l'Artisan. With a budget of more than 30 "
                    "million dirhams, it aims to open international markets to Moroccan craft products "
                    "while helping artisans build their skills and go digital.",
                    "The stakes are large: the sector employs more than 2.6 million people, and its "
                    "exports reached 1.6 billion dirhams in 2024. Flagship products such as traditional "
                    "rugs and zellige are prized abroad, above all in the United States, the main "
                    "importer.",
                ),
                ("quote", None),
                *_p(
                    "The plan rests on targeted training, technical assistance, simpler paperwork and "
                    "two digital platforms: Tijara, which will use artificial intelligence to explain "
                    "foreign markets, access conditions and regulations, and Trade.ma, which will place "
                    "Moroccan products on the main global e-commerce platforms.",
                    "At Nejma, twenty-two craftsmen cut each tessera by hand from glazed tiles fired in "
                    "the workshop's own kiln. A panel for a shower wall is laid face down on the floor, "
                    "piece by piece, then cast in mortar. It is slow, exact work, and it is exactly what "
                    "buyers in New York and Chicago ask for.",
                ),
            ],
            "fr": [
                *_p(
                    "Les départements en charge de l’Artisanat et du Commerce extérieur ont signé à "
                    "Rabat un accord stratégique avec la Maison de l’Artisan. Dotée d’un budget de plus "
                    "de 30 millions de dirhams, cette convention vise à faciliter l’accès des produits "
                    "artisanaux marocains aux marchés internationaux, tout en accompagnant les artisans "
                    "dans leur montée en compétence et leur transformation digitale.",
                    "L’enjeu est de taille : le secteur emploie plus de 2,6 millions de personnes et ses "
                    "exportations ont atteint 1,6 milliard de dirhams en 2024. Les tapis traditionnels "
                    "et le zellige sont très prisés à l’international, notamment aux États-Unis, "
                    "principal importateur.",
                ),
                ("quote", None),
                *_p(
                    "Le dispositif repose sur la formation ciblée, l’assistance technique, la "
                    "simplification des démarches et deux plateformes : Tijara, qui intégrera "
                    "l’intelligence artificielle pour renseigner sur les marchés étrangers, et Trade.ma, "
                    "pour positionner les produits marocains sur les grandes plateformes mondiales de "
                    "e-commerce.",
                    "Chez Nejma, vingt-deux artisans taillent chaque tesselle à la main dans des "
                    "carreaux émaillés cuits dans le four de l’atelier. Un panneau de douche est posé "
                    "face contre terre, pièce par pièce, puis coulé au mortier. Un travail lent et "
                    "exact, celui-là même que demandent les acheteurs de New York.",
                ),
            ],
        },
        quote={
            "en": (
                "The goal is clear: to increase international sales, stimulate the competitiveness of "
                "cooperatives and give Moroccan crafts the worldwide recognition they deserve.",
                "Lahcen Essaâdi",
                "Secretary of State for Crafts and the Social and Solidarity Economy",
            ),
            "fr": (
                "L’objectif est clair : accroître les ventes à l’international, stimuler la "
                "compétitivité des coopératives et donner à l’artisanat marocain la reconnaissance "
                "mondiale qu’il mérite.",
                "Lahcen Essaâdi",
                "secrétaire d’État chargé de l’Artisanat et de l’Économie sociale et solidaire",
            ),
        },
        caption={
            "en": "Hand-cut tesserae waiting to be laid face down, Fès.",
            "fr": "Tesselles taillées à la main, prêtes à être posées face contre terre, Fès.",
        },
    ),
    StorySeed(
        slug="a-professional-card-for-every-artisan",
        cooperative="chems-safi",
        craft="ceramics",
        date=date(2026, 3, 2),
        sources=("chambers", "parliament"),
        title={
            "en": "A professional card for every artisan",
            "fr": "Une carte professionnelle pour chaque artisan",
        },
        intro={
            "en": "Thirty-six million dirhams to digitise the Chambers of Crafts, a national register of "
            "440,000 artisans, and a professional card in every potter's pocket. In Safi, the "
            "Chems cooperative explains why a card matters.",
            "fr": "Trente-six millions de dirhams pour numériser les Chambres de l’artisanat, un "
            "registre national de 440 000 artisans et une carte professionnelle dans la poche de "
            "chaque potier. À Safi, la coopérative Chems explique pourquoi une carte compte.",
        },
        body={
            "en": [
                *_p(
                    "All of Morocco's Chambers of Crafts will benefit from a broad plan to digitise "
                    "their services, for a total investment of 36 million dirhams. The agreement, signed "
                    "between the Secretariat of State for Crafts, the Chambers, their Federation and the "
                    "Digital Development Agency, provides for the artisan's professional card, the "
                    "activation of the National Register of Crafts and the digitalisation of the "
                    "Chambers themselves.",
                    "The register already counts nearly 440,000 artisans, and the professional card is "
                    "being rolled out across the Chambers. For a potter in Safi, the card is more than a "
                    "document: it is what lets a buyer abroad, a customs officer or a marketplace like "
                    "Souk check that a piece was made by a registered craftsperson.",
                ),
                ("quote", None),
                *_p(
                    "The Chems potters throw their plates on kick wheels, glaze them in the deep blues "
                    "Safi is known for and fire them in a shared kiln on the hill above the old town. "
                    "Every piece in their shop listing names the cooperative, and the cooperative's page "
                    "shows its registration and label certificates, checked by our team."
                ),
            ],
            "fr": [
                *_p(
                    "L’ensemble des Chambres de l’artisanat bénéficiera d’un vaste plan de numérisation "
                    "de leurs services, pour un investissement global de 36 millions de dirhams. La "
                    "convention, signée entre le secrétariat d’État chargé de l’Artisanat, les Chambres, "
                    "leur Fédération et l’Agence de développement du digital, prévoit la carte "
                    "professionnelle de l’artisan, l’activation du Registre national de l’artisanat et "
                    "la digitalisation des Chambres.",
                    "Le registre compte déjà près de 440 000 artisans, et la carte professionnelle est "
                    "en cours de généralisation. Pour un potier de Safi, la carte est plus qu’un "
                    "document : c’est ce qui permet à un acheteur étranger, à un douanier ou à une "
                    "plateforme comme Souk de vérifier qu’une pièce a été faite par un artisan "
                    "enregistré.",
                ),
                ("quote", None),
                *_p(
                    "Les potiers de Chems tournent leurs assiettes au tour à pied, les émaillent dans "
                    "les bleus profonds qui font la réputation de Safi et les cuisent dans un four "
                    "partagé au-dessus de la médina. Chaque pièce de leur boutique nomme la coopérative, "
                    "dont la page montre les certificats vérifiés."
                ),
            ],
        },
        quote={
            "en": (
                "An artisanship better structured, better supported and now anchored to digital tools.",
                "Le360",
                "on the new architecture of the sector, February 2026",
            ),
            "fr": (
                "Un artisanat mieux structuré, mieux accompagné et désormais arrimé aux outils numériques.",
                "Le360",
                "sur la nouvelle architecture du secteur, février 2026",
            ),
        },
        caption={
            "en": "Plates drying before the second firing, Safi.",
            "fr": "Assiettes en train de sécher avant la seconde cuisson, Safi.",
        },
    ),
    StorySeed(
        slug="parcels-to-the-other-side-of-the-world",
        cooperative="nakhla",
        craft="basketry",
        date=date(2026, 1, 12),
        sources=("cooperatives-export",),
        title={"en": "Parcels to the other side of the world"},
        intro={
            "en": "#MadeInMorocco is trending, and behind the hashtag are cooperatives, often led by "
            "women, that ship their work to New York, Tokyo and Berlin. In Chefchaouen, Nakhla "
            "packs baskets for three continents.",
        },
        body={
            "en": [
                *_p(
                    "The Head of Government has praised the success of Moroccan craft cooperatives "
                    "abroad: rugs, pottery and jewellery now carry Moroccan know-how to New York, Tokyo "
                    "and Berlin. Several local cooperatives, often run by women, have crossed the export "
                    "threshold thanks to training, digital tools and a good dose of creativity.",
                    "On Instagram and TikTok, posts of cooperatives shipping parcels to the other side "
                    "of the world go viral, and the hashtags #MadeInMorocco and #ArtisanatMarocain are "
                    "booming. Moroccan influencers in Paris and Montreal proudly show their Berber rugs "
                    "and Fès leather bags.",
                ),
                ("quote", None),
                *_p(
                    "For Nakhla's weavers in the Rif, the change is measured in parcels. Doum palm "
                    "baskets and striped mendil cloths used to wait for the Monday market; now they "
                    "leave with a customs invoice, a tracking number and a hang-tag naming the woman who "
                    "made them. Each piece sold abroad is a little of Morocco invited to the world's "
                    "table."
                ),
            ],
        },
        quote={
            "en": (
                "Moroccan crafts have never been so fashionable, and the potential for growth is enormous.",
                "Aziz Akhannouch",
                "Head of Government, at a press briefing",
            ),
        },
        caption={"en": "Doum palm baskets ready for packing, Chefchaouen."},
    ),
    StorySeed(
        slug="the-houses-of-women-artisans",
        cooperative="tiwrga",
        craft="rug",
        date=date(2026, 1, 20),
        sources=("parliament",),
        title={"en": "The houses of women artisans"},
        intro={
            "en": "Women's cooperatives are 47% of all craft cooperatives. The “Maisons de l'artisane” "
            "programme gives them workshops, certification and training; in Azilal, the Tiwrga "
            "weavers show what a shared room with good light changes.",
        },
        body={
            "en": [
                *_p(
                    "Craft exports reached some 1.23 billion dirhams by November, up 11% on the same "
                    "period of 2024, the Head of Government told the House of Representatives. In 2024 "
                    "exports totalled 1.1 billion dirhams, 40% more than in 2019, with average annual "
                    "growth of 7.4% between 2021 and 2024.",
                    "Women's cooperatives make up more than 47% of the cooperatives active in crafts. "
                    "The “Maisons de l'artisane” programme counts more than 100 spaces for about 3,900 "
                    "women artisans, in traditional rug weaving, embroidery and sewing, and helps 300 "
                    "women's production units obtain certification, with vocational training and "
                    "financial education.",
                ),
                ("quote", None),
                *_p(
                    "In Azilal, the Tiwrga weavers used to work alone at home, each on a loom against "
                    "the wall of a dim room. The shared workshop has six looms side by side, a window "
                    "facing the valley and a table where the younger women photograph finished rugs for "
                    "the shop. The rugs are still their own designs: bold, asymmetric, full of signs "
                    "only their makers can fully read."
                ),
            ],
        },
        quote={
            "en": (
                "These indicators confirm the ability of Moroccan craft products to integrate into "
                "international markets and strengthen the presence of the Morocco label worldwide.",
                "Aziz Akhannouch",
                "Head of Government, House of Representatives, 19 January 2026",
            ),
        },
        caption={"en": "Six looms side by side in the shared workshop, Azilal."},
    ),
    StorySeed(
        slug="from-the-medina-to-the-fairs-of-brussels-and-paris",
        cooperative="blagha",
        craft="leather",
        date=date(2026, 3, 10),
        sources=("chambers", "parliament"),
        title={"en": "From the medina to the fairs of Brussels and Paris"},
        intro={
            "en": "Seventy craft fairs drew 2.5 million visitors in 2024. In 2026 the Chambers of Crafts "
            "take them abroad: Brussels in March, Paris in June. The Blagha leatherworkers of Fès "
            "are packing their babouches.",
        },
        body={
            "en": [
                *_p(
                    "In 2024, 70 local, regional and national craft fairs were held in Morocco, about "
                    "six per region. They attracted some 2,520,000 visitors and generated turnover of "
                    "nearly 52.5 million dirhams. For 2025, a programme with the Chambers of Crafts "
                    "timed the fairs with the summer tourist season and major events, including the 2025 "
                    "Africa Cup of Nations.",
                    "A second agreement signed in February 2026 with the sector's main players goes "
                    "further: fairs abroad, aimed in particular at Moroccans living in Belgium and "
                    "France. Two dates are set: Brussels from 27 to 29 March 2026, then Paris from 12 to "
                    "14 June 2026.",
                ),
                ("quote", None),
                *_p(
                    "Blagha's workshop sits a few lanes above the Chouara tannery. The babouches are cut "
                    "from vegetable-tanned goatskin, stitched by hand and turned inside out on a wooden "
                    "last. For a fair abroad, the cooperative chooses a hundred pairs in every size, and "
                    "a few pieces that only exist once, to show what the hands can do."
                ),
            ],
        },
        quote={
            "en": (
                "Moroccan crafts seem to have chosen to anticipate rather than endure.",
                "Le360",
                "on the sector's digital and export plans, February 2026",
            ),
        },
        caption={"en": "Babouches turned on their lasts, Fès."},
    ),
]

STORY_INDEX = {
    "en": ("Stories", "Portraits of the cooperatives, their crafts and the changes in Moroccan artisanship."),
    "fr": (
        "Histoires",
        "Portraits des coopératives, de leurs métiers et des changements de l’artisanat marocain.",
    ),
    "ar": ("حكايات", "صور عن التعاونيات وحِرفها والتحوّلات التي تعرفها الصناعة التقليدية المغربية."),
}
GUIDE_INDEX = {
    "en": (
        "Buying guides",
        "How to choose, measure and care for handmade pieces, with the shop's current selection.",
    ),
    "fr": (
        "Guides d’achat",
        "Choisir, mesurer et entretenir une pièce faite main, avec la sélection actuelle.",
    ),
    "ar": ("أدلّة الشراء", "كيف تختار القطع اليدوية وتقيسها وتعتني بها، مع المختارات الحالية من المتجر."),
}


def _category_pk(slug: str) -> str:
    category = Category.objects.filter(slug=slug).order_by("depth").first()
    return str(category.pk) if category else ""


def _guides() -> list[dict]:
    return [
        {
            "slug": "how-to-choose-a-beni-ourain",
            "title": "How to choose a Beni Ourain",
            "intro": "Wool, pile, size and the small irregularities that prove a rug was knotted by "
            "hand: what to look at before you buy a Beni Ourain.",
            "craft": "rug",
            "body": [
                *_p(
                    "Beni Ourain rugs come from the Middle Atlas, where they were woven as bedding for "
                    "cold winters. The wool is undyed, the pile long and the pattern a loose lattice of "
                    "dark lines on cream."
                ),
                ("heading", "Look at the wool"),
                (
                    "paragraph",
                    RichText(
                        "<p>Good wool is springy and slightly oily to the touch (lanolin). Part the "
                        "pile: the knots should be tight and even at the base. A synthetic copy feels "
                        "dry and squeaks.</p><ul><li>Pile between 2 and 4 cm for a living "
                        "room</li><li>Knots visible on the back, never a glued canvas</li><li>Slight "
                        "variations in the lines: a hand, not a machine</li></ul>"
                    ),
                ),
                (
                    "live_search",
                    {
                        "title": "Beni Ourain rugs in the shop now",
                        "query": "beni ourain",
                        "category": _category_pk("beni-ourain"),
                        "region": "",
                        "women_led": False,
                        "price_max": None,
                        "sort": "relevance",
                        "limit": 8,
                    },
                ),
                ("heading", "Choose the size"),
                (
                    "callout",
                    {
                        "title": "Measure twice",
                        "text": RichText(
                            "<p>Under a sofa, leave the front legs on the rug. Under a bed, let 60 cm "
                            "show on each side. Handmade sizes vary by a few centimetres: each listing "
                            "gives the exact measure.</p>"
                        ),
                    },
                ),
                (
                    "live_search",
                    {
                        "title": "Rugs from women-led cooperatives",
                        "query": "",
                        "category": _category_pk("rugs"),
                        "region": "",
                        "women_led": True,
                        "price_max": None,
                        "sort": "newest",
                        "limit": 4,
                    },
                ),
            ],
        },
        {
            "slug": "zellige-for-your-bathroom",
            "title": "Zellige for your bathroom",
            "intro": "Hand-cut zellige is glazed clay: it is waterproof on the face, irregular by nature "
            "and lasts for generations. How to choose it, lay it and live with it in a "
            "bathroom.",
            "craft": "zellige",
            "body": [
                *_p(
                    "Zellige tiles are cut by hand from glazed terracotta in Fès. Each one is slightly "
                    "different in thickness and colour, which is what makes a wall shimmer."
                ),
                ("heading", "Where it works"),
                (
                    "paragraph",
                    RichText(
                        "<p>Walls, showers and splashbacks: yes. Shower floors: choose a matt or "
                        "textured finish. Count 10% extra for cuts and breakage, and ask for tiles from "
                        "the same firing.</p>"
                    ),
                ),
                (
                    "live_search",
                    {
                        "title": "Zellige in the shop now",
                        "query": "zellige",
                        "category": _category_pk("zellige"),
                        "region": "",
                        "women_led": False,
                        "price_max": None,
                        "sort": "relevance",
                        "limit": 8,
                    },
                ),
                (
                    "callout",
                    {
                        "title": "Sealing",
                        "text": RichText(
                            "<p>The glaze is waterproof, the joints are not: seal the grout once a year "
                            "in a shower.</p>"
                        ),
                    },
                ),
            ],
        },
    ]


STANDARD_PAGES = {
    "about": {
        "en": (
            "About Souk",
            "Souk is a marketplace run with Morocco's certified artisan cooperatives.",
            _p(
                "Every piece on Souk is sold by the cooperative that made it. Cooperatives set their own "
                "prices and are paid directly; we check their registration and label certificates before "
                "they can sell, and every listing names its makers.",
                "We publish stories from the workshops so that buyers know who they buy from, and buying "
                "guides so that they buy well.",
            ),
        ),
        "fr": (
            "À propos de Souk",
            "Souk est une place de marché animée avec les coopératives artisanales certifiées du Maroc.",
            _p(
                "Chaque pièce sur Souk est vendue par la coopérative qui l’a fabriquée. Les coopératives "
                "fixent leurs prix et sont payées directement ; nous vérifions leurs certificats avant "
                "qu’elles puissent vendre, et chaque annonce nomme ses artisans.",
            ),
        ),
        "ar": (
            "عن سوق",
            "سوق منصّة بيع تُدار مع التعاونيات الحِرفية المعتمدة في المغرب.",
            _p(
                "كل قطعة في سوق تبيعها التعاونية التي صنعتها. تحدّد التعاونيات أسعارها وتتلقى أموالها "
                "مباشرة، ونتحقق من شهاداتها قبل أن تبدأ البيع، وكل عرض يذكر اسم صانعيه.",
            ),
        ),
    },
    "shipping-and-returns": {
        "en": (
            "Shipping and returns",
            "How your order travels from the cooperative to your door, and how to send it back.",
            _p(
                "Each cooperative ships its own pieces, tracked, with a customs invoice stating Morocco "
                "(MA) as the country of origin. The delivery estimate on each product page is for your "
                "country.",
                "You may return a piece within 14 days of delivery in its original condition. Write to "
                "us with your order number; the cooperative is told and refunds once it has the piece "
                "back.",
            ),
        ),
        "ar": (
            "الشحن والإرجاع",
            "كيف تصل طلبيتك من التعاونية إلى بابك، وكيف تعيدها.",
            _p(
                "تشحن كل تعاونية قطعها بنفسها مع رقم تتبّع وفاتورة جمركية تذكر المغرب (MA) بلدًا للمنشأ. "
                "ويمكنك إرجاع القطعة خلال 14 يومًا من تسلّمها بحالتها الأصلية.",
            ),
        ),
        "fr": (
            "Livraison et retours",
            "Comment votre commande voyage de la coopérative jusqu’à chez vous, et comment la renvoyer.",
            _p(
                "Chaque coopérative expédie ses pièces, avec suivi et facture douanière indiquant le "
                "Maroc (MA) comme pays d’origine. Vous pouvez retourner une pièce dans les 14 jours "
                "suivant la livraison.",
            ),
        ),
    },
    "faq": {
        "en": (
            "Questions and answers",
            "What buyers ask us most often.",
            [
                (
                    "faq",
                    {
                        "title": "Buying on Souk",
                        "items": [
                            {
                                "question": "Who makes the pieces?",
                                "answer": RichText(
                                    "<p>Certified artisan cooperatives. Each product page names the "
                                    "cooperative, and its page shows its registration and "
                                    "certificates.</p>"
                                ),
                            },
                            {
                                "question": "Will I pay customs duties?",
                                "answer": RichText(
                                    "<p>Depending on your country, duties and import VAT may be due on "
                                    "delivery. Each parcel carries a customs invoice with the HS code "
                                    "and origin.</p>"
                                ),
                            },
                            {
                                "question": "Why does my rug differ slightly from the photo?",
                                "answer": RichText(
                                    "<p>Handmade pieces vary: the listing gives the exact size of the "
                                    "piece you buy, and unique pieces are photographed themselves.</p>"
                                ),
                            },
                        ],
                    },
                )
            ],
        ),
        "ar": (
            "أسئلة وأجوبة",
            "أكثر ما يسألنا عنه المشترون.",
            [
                (
                    "faq",
                    {
                        "title": "الشراء من سوق",
                        "items": [
                            {
                                "question": "من يصنع القطع؟",
                                "answer": RichText(
                                    "<p>تعاونيات حِرفية معتمدة، وكل صفحة منتج تذكر اسم التعاونية.</p>"
                                ),
                            },
                            {
                                "question": "هل سأدفع رسومًا جمركية؟",
                                "answer": RichText(
                                    "<p>حسب بلدك، قد تُستحق رسوم وضريبة استيراد عند التسليم. ترافق كل "
                                    "طرد فاتورة جمركية.</p>"
                                ),
                            },
                        ],
                    },
                )
            ],
        ),
        "fr": (
            "Questions fréquentes",
            "Ce que les acheteurs nous demandent le plus souvent.",
            [
                (
                    "faq",
                    {
                        "title": "Acheter sur Souk",
                        "items": [
                            {
                                "question": "Qui fabrique les pièces ?",
                                "answer": RichText(
                                    "<p>Des coopératives artisanales certifiées ; chaque fiche produit "
                                    "nomme la coopérative.</p>"
                                ),
                            },
                            {
                                "question": "Vais-je payer des droits de douane ?",
                                "answer": RichText(
                                    "<p>Selon votre pays, des droits et la TVA à l’importation peuvent "
                                    "être dus à la livraison.</p>"
                                ),
                            },
                        ],
                    },
                )
            ],
        ),
    },
    "contact": {
        "en": (
            "Contact",
            "Write to us about an order, a cooperative or the press.",
            _p(
                'Orders and returns: <a href="mailto:hello@souk.test">hello@souk.test</a>. Cooperatives '
                "who would "
                "like to sell on Souk: apply from the cooperatives page. We answer within two working "
                "days, in "
                "English, French or Arabic.",
            ),
        ),
        "ar": (
            "اتصل بنا",
            "راسلنا بخصوص طلبية أو تعاونية أو للصحافة.",
            _p(
                'الطلبيات والإرجاع: <a href="mailto:hello@souk.test">hello@souk.test</a>. نجيب خلال يومي '
                "عمل، "
                "بالعربية أو الفرنسية أو الإنجليزية.",
            ),
        ),
        "fr": (
            "Contact",
            "Écrivez-nous au sujet d’une commande, d’une coopérative ou pour la presse.",
            _p(
                'Commandes et retours : <a href="mailto:hello@souk.test">hello@souk.test</a>. Nous '
                "répondons sous "
                "deux jours ouvrés, en français, en anglais ou en arabe.",
            ),
        ),
    },
}

MENU_HEADINGS = {
    "en": ("Souk", "Read"),
    "fr": ("Souk", "À lire"),
    "ar": ("سوق", "للقراءة"),
}
ANNOUNCEMENT = {
    "en": ("New: stories from the workshops of Fès, Azilal and Safi.", "Read the stories"),
    "fr": ("Nouveau : des histoires d’ateliers de Fès, Azilal et Safi.", "Lire les histoires"),
    "ar": ("جديد: حكايات من ورشات فاس وأزيلال وآسفي.", "اقرأ الحكايات"),
}


# --- Loading ------------------------------------------------------------------------------
def cms_load(*, cache_dir: Path, image_size: int = 960) -> None:
    """Create the editorial demo content that is missing (see the module docstring)."""
    home = Site.objects.get(is_default_site=True).root_page.specific
    locales = {code: Locale.objects.get_or_create(language_code=code)[0] for code in ("en", "fr", "ar")}
    homes = {code: home.get_translation_or_none(locale) for code, locale in locales.items()}
    homes = {code: page for code, page in homes.items() if page is not None}
    chrome = _Images(cache_dir=cache_dir, size=image_size)

    _home_translations_fill(homes)
    story_index = _index_ensure(homes, "stories", STORY_INDEX, model_name="StoryIndexPage")
    guide_index = _index_ensure(homes, "guides", GUIDE_INDEX, model_name="GuideIndexPage")
    for number, seed in enumerate(STORIES):
        _story_ensure(story_index, seed, number=number, images=chrome)
    for number, guide in enumerate(_guides()):
        _guide_ensure(guide_index["en"], guide, number=number, images=chrome)
    standard = {slug: _standard_ensure(homes, slug, texts) for slug, texts in STANDARD_PAGES.items()}
    _collections_ensure(homes, guide_index=guide_index, story_index=story_index, images=chrome)
    _menus_ensure(locales, story_index=story_index, guide_index=guide_index, standard=standard)
    chief_editors_group_ensure()


class _Images:
    def __init__(self, *, cache_dir: Path, size: int):
        self.cache_dir = cache_dir
        self.size = size

    def get(self, title: str, key: str, render):
        from wagtail.images.models import Image

        from .loader import _cached_jpeg

        image = Image.objects.filter(title=title).first()
        if image is None:
            data = _cached_jpeg(self.cache_dir / f"cms-{key}.jpg", render)
            image = Image(title=title, file=ImageFile(io.BytesIO(data), name=f"{key}.jpg"))
            image.save()
        return image

    def banner(self, title: str, *, crafts, seed: int):
        width = max(64, self.size * 3 // 2)
        return self.get(
            title,
            f"banner-{seed}-{width}",
            lambda: images.cooperative_image(crafts=crafts, seed=seed, size=(width, width * 9 // 16)),
        )

    def piece(self, title: str, *, craft: str, style: str, colour: str, seed: int, view: int):
        size = max(16, self.size)
        return self.get(
            title,
            f"piece-{craft}-{seed}-{view}-{size}",
            lambda: images.product_image(
                craft=craft, style=style, colour=colour, seed=seed, view=view, size=size
            ),
        )


def _publish(page) -> None:
    page.save_revision().publish()


def _child(parent, slug: str):
    return parent.get_children().filter(slug=slug).specific().first()


def _home_translations_fill(homes: dict) -> None:
    """Give the translated home pages the English one's picture and picks where they have none
    (the migration that made them ran before the demo had any)."""
    from marketplace.models import HomePageFeaturedCooperative, HomePageFeaturedProduct

    english = homes["en"]
    for code, home in homes.items():
        if code == "en":
            continue
        home = home.specific_class.objects.get(pk=home.pk)
        changed = False
        if home.hero_image_id is None and english.hero_image_id:
            home.hero_image_id = english.hero_image_id
            changed = True
        if not home.featured_products.exists():
            for item in english.featured_products.all():
                home.featured_products.add(
                    HomePageFeaturedProduct(product_id=item.product_id, sort_order=item.sort_order)
                )
            changed = True
        if not home.featured_cooperatives.exists():
            for item in english.featured_cooperatives.all():
                home.featured_cooperatives.add(
                    HomePageFeaturedCooperative(
                        cooperative_id=item.cooperative_id, sort_order=item.sort_order
                    )
                )
            changed = True
        if changed:
            _publish(home)
        homes[code] = home


def _index_ensure(homes: dict, slug: str, texts: dict, *, model_name: str) -> dict:
    from marketplace import models

    model = getattr(models, model_name)
    pages = {}
    english = _child(homes["en"], slug)
    if english is None:
        title, intro = texts["en"]
        english = model(title=title, slug=slug, intro=intro)
        homes["en"].add_child(instance=english)
        _publish(english)
    pages["en"] = english
    for code in ("fr", "ar"):
        if code not in homes:
            continue
        page = english.get_translation_or_none(homes[code].locale)
        if page is None:
            title, intro = texts[code]
            page = english.copy_for_translation(homes[code].locale)
            page.title, page.draft_title, page.intro = title, title, intro
            page.save()
            _publish(page)
        pages[code] = page.specific
    return pages


def _products_of(cooperative, limit: int) -> list:
    if cooperative is None:
        return []
    return list(
        Product.objects.browsable().filter(stockrecords__partner=cooperative.partner).order_by("pk")[:limit]
    )


def _story_body(seed: StorySeed, language: str, *, cover, gallery, products, cooperative) -> list:
    body = []
    for kind, value in seed.body[language]:
        if kind == "quote":
            quote, attribution, role = seed.quote[language]
            body.append(("quote", {"quote": quote, "attribution": attribution, "role": role}))
            continue
        body.append((kind, value))
    if gallery:
        body.insert(
            2,
            (
                "gallery",
                {
                    "title": "",
                    "images": [
                        {"image": img, "caption": "", "credit": "Souk demo studio", "wide": False}
                        for img in gallery
                    ],
                },
            ),
        )
    if products:
        titles = {"en": "From the workshop", "fr": "De l’atelier", "ar": "من الورشة"}
        body.append(("product_carousel", {"title": titles[language], "products": products}))
    if cooperative is not None:
        body.append(("cooperative_card", {"cooperative": cooperative, "note": ""}))
    return body


def _story_ensure(indexes: dict, seed: StorySeed, *, number: int, images: _Images) -> None:
    from marketplace.models import ArtisanStoryPage, ArtisanStoryPageRelatedProduct

    cooperative = Cooperative.objects.filter(slug=seed.cooperative).first()
    craft = ProductClass.objects.filter(slug=seed.craft).first()
    english = _child(indexes["en"], seed.slug)
    crafts = [seed.craft]
    cover = images.banner(seed.title["en"], crafts=crafts, seed=700 + number)
    products = _products_of(cooperative, 6)
    gallery = []
    if number % 2 == 0:
        style = "Beni Ourain" if seed.craft == "rug" else ""
        gallery = [
            images.piece(
                f"{seed.title['en']} — detail {view + 1}",
                craft=seed.craft,
                style=style,
                colour="ivory",
                seed=900 + number,
                view=view,
            )
            for view in (0, 1, 2)
        ]
    if english is None:
        english = ArtisanStoryPage(
            title=seed.title["en"],
            slug=seed.slug,
            intro=seed.intro["en"],
            cover_image=cover,
            cover_caption=seed.caption["en"],
            cover_credit="Souk demo studio",
            cooperative=cooperative,
            craft=craft,
            date=seed.date,
            source_credit=_credit(seed, "en"),
            body=_story_body(
                seed, "en", cover=cover, gallery=gallery, products=products, cooperative=cooperative
            ),
        )
        indexes["en"].add_child(instance=english)
        for order, product in enumerate(products[:4]):
            english.related_products.add(ArtisanStoryPageRelatedProduct(product=product, sort_order=order))
        english.save()
        _publish(english)
    for code in ("fr", "ar"):
        if code not in seed.title or code not in indexes:
            continue
        locale = indexes[code].locale
        if english.get_translation_or_none(locale) is not None:
            continue
        page = english.copy_for_translation(locale).specific
        page.title = page.draft_title = seed.title[code]
        page.intro = seed.intro[code]
        page.cover_caption = seed.caption[code]
        page.source_credit = _credit(seed, code)
        page.body = _story_body(
            seed, code, cover=cover, gallery=gallery, products=products, cooperative=cooperative
        )
        page.save()
        _publish(page)


def _guide_ensure(index, guide: dict, *, number: int, images: _Images) -> None:
    from marketplace.models import GuidePage

    if _child(index, guide["slug"]) is not None:
        return
    style = "Beni Ourain" if guide["craft"] == "rug" else ""
    cover = images.piece(
        guide["title"], craft=guide["craft"], style=style, colour="ivory", seed=950 + number, view=2
    )
    page = GuidePage(
        title=guide["title"], slug=guide["slug"], intro=guide["intro"], cover_image=cover, body=guide["body"]
    )
    index.add_child(instance=page)
    _publish(page)


def _standard_ensure(homes: dict, slug: str, texts: dict):
    from marketplace.models import StandardPage

    english = _child(homes["en"], slug)
    if english is None:
        title, intro, body = texts["en"]
        english = StandardPage(title=title, slug=slug, intro=intro, body=body)
        homes["en"].add_child(instance=english)
        _publish(english)
    for code in ("fr", "ar"):
        if code not in texts or code not in homes or english.get_translation_or_none(homes[code].locale):
            continue
        title, intro, body = texts[code]
        page = english.copy_for_translation(homes[code].locale).specific
        page.title = page.draft_title = title
        page.intro, page.body = intro, body
        page.save()
        _publish(page)
    return english


def _collections_ensure(homes: dict, *, guide_index: dict, story_index: dict, images: _Images) -> None:
    from marketplace.models import GuidePage, HomePageFeaturedCollection

    guides = {g.slug: g for g in GuidePage.objects.child_of(guide_index["en"])}
    tiles = {
        "en": [
            (
                "Beni Ourain rugs",
                "Cream wool, dark lines, knotted in the Middle Atlas",
                guides.get("how-to-choose-a-beni-ourain"),
                "rug",
            ),
            (
                "Zellige for bathrooms",
                "Hand-cut tiles from Fès, waterproof and shimmering",
                guides.get("zellige-for-your-bathroom"),
                "zellige",
            ),
            ("Stories from the workshops", "Who made it, where and how", story_index["en"], "ceramics"),
        ],
        "fr": [
            ("Tapis Beni Ourain", "Laine écrue, lignes sombres, noués dans le Moyen Atlas", None, "rug"),
            ("Zellige pour la salle de bains", "Carreaux taillés main à Fès", None, "zellige"),
            ("Histoires d’ateliers", "Qui l’a fait, où et comment", None, "ceramics"),
        ],
        "ar": [
            ("زرابي بني وراين", "صوف طبيعي وخطوط داكنة من الأطلس المتوسط", None, "rug"),
            ("زليج للحمّام", "زليج مقطوع باليد في فاس", None, "zellige"),
            ("حكايات الورشات", "من صنعها، وأين، وكيف", None, "ceramics"),
        ],
    }
    for code, home in homes.items():
        if home.featured_collections.exists():
            continue
        # Fresh from the database: translations added children since it was loaded, and
        # publishing a stale copy would write back its old tree counters.
        home = home.specific_class.objects.get(pk=home.pk)
        for order, (title, text, page, craft) in enumerate(tiles[code]):
            target = page or tiles["en"][order][2]
            style = "Beni Ourain" if craft == "rug" else ""
            image = images.piece(
                f"Collection: {tiles['en'][order][0]}",
                craft=craft,
                style=style,
                colour="ivory",
                seed=980 + order,
                view=2,
            )
            home.featured_collections.add(
                HomePageFeaturedCollection(
                    title=title, text=text, image=image, link_page=target, sort_order=order
                )
            )
        _publish(home)


def _menus_ensure(locales: dict, *, story_index: dict, guide_index: dict, standard: dict) -> None:
    from marketplace.models import Announcement, Menu, SiteChrome

    def link(page):
        return {"label": "", "page": page, "url": ""}

    header = Menu.objects.filter(name="Header", locale=locales["en"]).first()
    if header is None:
        header = Menu.objects.create(
            name="Header",
            locale=locales["en"],
            items=[
                ("link", link(story_index["en"])),
                ("link", link(guide_index["en"])),
                ("link", link(standard["about"])),
            ],
        )
    footer = Menu.objects.filter(name="Footer", locale=locales["en"]).first()

    def footer_items(code):
        souk, read = MENU_HEADINGS[code]
        return [
            (
                "group",
                {
                    "heading": souk,
                    "links": [link(standard[s]) for s in ("about", "faq", "shipping-and-returns", "contact")],
                },
            ),
            ("group", {"heading": read, "links": [link(story_index["en"]), link(guide_index["en"])]}),
        ]

    if footer is None:
        footer = Menu.objects.create(name="Footer", locale=locales["en"], items=footer_items("en"))
    announcement = Announcement.objects.filter(locale=locales["en"]).order_by("pk").first()
    if announcement is None:
        text, label = ANNOUNCEMENT["en"]
        announcement = Announcement.objects.create(
            locale=locales["en"], text=text, link_label=label, link_page=story_index["en"]
        )
    for code in ("fr", "ar"):
        locale = locales[code]
        if footer.get_translation_or_none(locale) is None:
            translated = footer.copy_for_translation(locale)
            translated.items = footer_items(code)
            translated.save()
        if header.get_translation_or_none(locale) is None:
            header.copy_for_translation(locale).save()
        if announcement.get_translation_or_none(locale) is None:
            translated = announcement.copy_for_translation(locale)
            translated.text, translated.link_label = ANNOUNCEMENT[code]
            translated.save()
    for site in Site.objects.all():
        chrome = SiteChrome.for_site(site)
        if chrome.header_menu_id is None and chrome.footer_menu_id is None and chrome.announcement_id is None:
            chrome.header_menu, chrome.footer_menu, chrome.announcement = header, footer, announcement
            chrome.save()


# --- Editorial roles ----------------------------------------------------------------------
def chief_editors_group_ensure() -> Group:
    """Chief editors: everything editors do, plus publishing (they approve the workflow's
    review task), menus, the announcement bar and translations."""
    from wagtail.models import GroupPagePermission

    from .loader import editors_group_ensure

    editors = editors_group_ensure()
    group, _ = Group.objects.get_or_create(name="Chief editors")
    group.permissions.add(*editors.permissions.all())
    group.permissions.add(
        *Permission.objects.filter(
            content_type__app_label="marketplace",
            codename__in=[
                "add_menu",
                "change_menu",
                "delete_menu",
                "add_announcement",
                "change_announcement",
                "delete_announcement",
                "change_sitechrome",
            ],
        )
    )
    # wagtail-localize's "Translate" action: chief editors start translations, editors fill them.
    group.permissions.add(*Permission.objects.filter(codename="submit_translation"))
    root = Page.get_first_root_node()
    if root is not None:
        for codename in ("add_page", "change_page", "publish_page", "lock_page", "unlock_page"):
            GroupPagePermission.objects.get_or_create(
                group=group,
                page=root,
                permission=Permission.objects.get(content_type__app_label="wagtailcore", codename=codename),
            )
    return group
