"""Arabic texts of the demo: product titles and descriptions, cooperative taglines and stories,
craft and category texts, in Modern Standard Arabic.

Pure Python like `content`: product texts are built from each seed's English title and
attributes with the phrase tables below, so every generated product gets its Arabic title and
description (`product_title_ar`, `product_description_ar`; the unit tests check none is left
in English). Place and cooperative names are the usual Arabic spellings; digits stay Western,
as on Moroccan labels and price tags.
"""

from __future__ import annotations

import re
import zlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .content import ProductSeed

# --- Names ----------------------------------------------------------------------------------
COOPERATIVE_NAMES_AR = {
    "tifawin": "تعاونية تيفاوين",
    "tiwrga": "تعاونية تيورغا",
    "anzar": "تعاونية أنزار",
    "nour-tadla": "تعاونية نور تادلة",
    "amane": "تعاونية أمان",
    "nejma-zellige": "تعاونية نجمة",
    "rihana": "تعاونية ريحانة",
    "chems-safi": "تعاونية شمس",
    "tazerzit": "تعاونية تازرزيت",
    "araar": "تعاونية عرعار",
    "blagha": "تعاونية بلغة",
    "mesbah": "تعاونية مصباح",
    "nakhla": "تعاونية نخلة",
    "khit-errouh": "تعاونية خيط الروح",
}

CITIES_AR = {
    "Boulemane": "بولمان",
    "Azilal": "أزيلال",
    "Taznakht": "تازناخت",
    "Boujad": "أبي الجعد",
    "Tendrara": "تندرارة",
    "Fès": "فاس",
    "Safi": "آسفي",
    "Tiznit": "تزنيت",
    "Essaouira": "الصويرة",
    "Marrakech": "مراكش",
    "Chefchaouen": "شفشاون",
    "Salé": "سلا",
}

# Product class names (one per craft in catalogue.crafts).
CRAFT_NAMES_AR = {
    "rug": "زرابي",
    "zellige": "زليج",
    "ceramics": "خزف",
    "leather": "جلد",
    "lighting": "إنارة ومعادن",
    "jewellery": "حلي",
    "woodwork": "خشب",
    "textiles": "منسوجات وملابس",
    "basketry": "سلال",
}

CATEGORY_DESCRIPTIONS_AR = {
    "rugs": "زرابي معقودة يدويًا وأخرى منسوجة نسجًا مسطحًا، من الأطلس والأطلس الصغير والسهول.",
    "beni-ourain": "وبر عاجي كثيف من صوف الأطلس المتوسط غير المصبوغ، ترسمه معيّنات داكنة.",
    "azilal": "زرابي عاجية ناعمة من الأطلس الكبير، تتناثر عليها رموز زاهية مرسومة بحرّية.",
    "boucherouite": "زرابي مبهجة معقودة من شرائط الملابس والأقمشة المعاد تدويرها.",
    "kilim": "زرابي وحنابل خفيفة منسوجة نسجًا مسطحًا بخطوط وأشرطة، سهلة اللفّ والشحن.",
    "boujad": "زرابي ذات وبر من سهول تادلة، بلون التوت والوردي والبرتقالي الباهت.",
    "taznakht": "زرابي دقيقة من الأطلس الصغير مصبوغة بالزعفران والحناء والفوّة والنيلة.",
    "zellige": "بلاطات من الطين المزجّج تُقطَّع يدويًا في فاس، وتُباع بالعلبة لمشروعك.",
    "ceramics": "طواجن وأوانٍ وأطباق ومزهريات تُشكَّل وتُزجَّج في آسفي وفاس.",
    "leather": "بلغات وبوفات وحقائب من جلد مدبوغ على الطريقة القديمة.",
    "jewellery": "فضة أمازيغية من تزنيت: خلالات وأساور وقلائد وأقراط.",
    "lighting": "فوانيس ومصابيح وصوانٍ من النحاس الأصفر والأحمر، مخرّمة ومطروقة باليد.",
    "textiles": "قفاطين وجلابيب ووسائد من الصبرة وأغطية منسوجة يدويًا.",
    "woodwork": "علب وصوانٍ ومرايا من خشب العرعار والأرز، من ورشات الصويرة.",
    "basketry": "سلال وقفف وقبعات مضفورة من سعف الدوم في جبال الريف.",
}


# --- Cooperatives ---------------------------------------------------------------------------
COOPERATIVE_TAGLINES_AR = {
    "tifawin": "صوف بني وراين الطبيعي، معقودًا في الأطلس المتوسط",
    "tiwrga": "زرابي أزيلال بأبجدية رموز تخصّ كل نسّاجة",
    "anzar": "زرابي تازناخت مصبوغة بالزعفران والحناء والفوّة",
    "nour-tadla": "زرابي بلون التوت والبرتقالي الباهت من سهول تادلة",
    "amane": "حنابل بني كيل منسوجة من صوف القطيع نفسه",
    "nejma-zellige": "زليج فاسي يُقطَّع قطعةً قطعة بالمنقاش",
    "rihana": "خزف فاس الأزرق وزليجها، من الأفران نفسها",
    "chems-safi": "طواجن وأوانٍ من آسفي بالزعفراني والأخضر النحاسي والأزرق الكوبالتي",
    "tazerzit": "فضة أمازيغية مطروقة ومطليّة بالمينا في تزنيت",
    "araar": "جذور العرعار وترصيع خشب الليمون من الصويرة",
    "blagha": "بلغات وبوفات تُقصّ قرب دار الدباغة في فاس",
    "mesbah": "فوانيس نحاسية مخرّمة، موصولة بالكهرباء وتُشحن مركّبة",
    "nakhla": "سلال الدوم وقطن جبالة المخطّط من جبال الريف",
    "khit-errouh": "قفاطين تُشطَّب باليد ووسائد من الصبرة من سلا",
}

COOPERATIVE_STORIES_AR = {
    "tifawin": """
تيفاوين تعني «الأنوار» بالأمازيغية. وُلدت التعاونية سنة 2009 حين نقلت إحدى عشرة امرأة من القرى
المحيطة ببولمان مناسجهن إلى غرفة مستأجرة فوق السوق الأسبوعي. تعلّمت أغلبهن العقد من أمهاتهن،
وكنّ يبعن زرابيهن للتجار العابرين بثمن لا يزيد كثيرًا على ثمن الصوف.

اليوم تجزّ ثمانٍ وثلاثون عضوة صوف أغنام بني وراين المحلية وتغسله وتمشطه، ثم يغزلنه بالمغزل
اليدوي ويعقدنه على مناسج عمودية. تستغرق زربية مقاسها 200 × 300 سم عمل امرأتين نحو ستة أسابيع،
وتُرسم المعيّنات من الذاكرة لا من نموذج، فلا تشبه زربيةٌ أخرى.

بفضل البيع المباشر، تتقاضى كل نسّاجة أجرها حين تُباع زربيتها، لا بعد أشهر. اشترت التعاونية
حوضًا ثانيًا للغسل وسخّانًا شمسيًا للماء، وصارت العضوات الأكبر سنًّا يعلّمن العقد لتلميذات
الإعدادي بعد ظهر كل أربعاء.
""",
    "tiwrga": """
تيورغا، أي «الأحلام»، تجمع سبعًا وعشرين امرأة من الدواوير المطلّة على أزيلال، حيث يغلق الثلج
الطريق بضعة أيام كل شتاء ويملأ النسيج الأمسيات الطويلة. زرابيهن من صوف عاجي تتناثر عليه رموز
بالزعفراني والوردي والأزرق: لكل نسّاجة أبجديتها الخاصة من الرموز، للعرس والولادة والحصاد الطيب.

وبين زربية أزيلال وأخرى، يعقدن زرابي البوشرويط من ملابس العائلة البالية، يقطّعنها شرائط على
أرض الورشة، ومنذ بضع سنوات صرن ينسجن أيضًا نقوش أبي الجعد الزاهية التي علّمتهن إياها جاراتهن
في تادلة.

منذ أن أصبحت التعاونية تصوّر زرابيها وتعرضها بنفسها، تحدّد النساء الأسعار معًا في اجتماع يوم
الأحد. وقد موّلت أولى عائدات التصدير مخزنًا للصوف يحميه من العثّ، ودروسًا لمحو الأمية تحضرها
اليوم إحدى عشرة عضوة.
""",
    "anzar": """
في تازناخت، على الطريق بين ورزازات والأطلس الصغير، تصبغ نساء أوزكيتة الصوف منذ أجيال بما ينبت
حولهن: زعفران تالوين والحناء وجذور الفوّة وقشر الرمان والنيلة. وقد أسّست أربعون منهن تعاونية
أنزار، أي «المطر»، سنة 2006 لإبقاء هذه الوصفات حيّة.

يقع مطبخ الأصباغ خلف الورشة، بقدور نحاسية فوق نار الحطب وشلل صوف تجفّ على السطح. وزرابي أنزار
أدقّ من أغلب قطع الأطلس، معقودة بإحكام ووبرها قصير، تؤطّرها الجامات الهندسية التي تشتهر بها
المنطقة.

أتاح البيع عبر الإنترنت للتعاونية أن تكفّ عن تخفيض أسعارها لحافلات السيّاح. صار المشترون
يكتبون من مونتريال وطوكيو يطلبون لونًا أو مقاسًا، وتنسج التعاونية حسب الطلب كلما فرغ منسج.
""",
    "nour-tadla": """
تعمل تعاونية نور تادلة من بيت مطليّ بالجير قرب زاوية أبي الجعد، في السهول الممتدة بين خريبكة
وبني ملال. يعقد أعضاؤها التسعة عشر، وأغلبهم نساء، الزرابي بلون التوت والوردي والبرتقالي التي
تشتهر بها المدينة منذ القرن الماضي.

يُقصّ الوبر أطول قليلًا مما في الجبال، والنقوش حرّة وتجريدية: معيّنات تنساب، وحواشٍ تتوقف في
منتصفها، وألوان تتبدّل حين تنفد شلّة الصوف. وتُغسل القطع القديمة تحت الشمس حتى يلين أحمرها إلى
الدرجات الباهتة التي يبحث عنها هواة الجمع.

جلب البيع المباشر طلبات أكثر انتظامًا، وتعمل التعاونية حاليًا على تجديد وثائق تسجيلها لتواصل
عرض زرابيها على سوق.
""",
    "amane": """
في الهضاب العليا حول تندرارة، رجال بني كيل رعاة غنم، وتنسج نساؤهم صوف القطيع حنابلَ: زرابي طويلة
منسوجة نسجًا مسطحًا بأشرطة حمراء وسوداء وعاجية كانت تفرش الخيام قديمًا. أسّست أربع عشرة من
هؤلاء النسّاجات تعاونية أمان، أي «الماء»، سنة 2021.

يعملن في غرفة أعارتها إياهن الجماعة، فيها منسجان أفقيان ومدفأة للشتاء. يُشترى الصوف مباشرة من
الرعاة في سوق الخميس، ويُغسل عند البئر ويُغزل باليد.

أمان جديدة على البيع عبر الإنترنت: يساعدها متطوّع من وجدة في التصوير، ويجري التحقق من وثائقها
قبل عرض أولى زرابيها للبيع.
""",
    "nejma-zellige": """
نجمة ورشة زليج تضمّ اثنين وعشرين حرفيًا في حيّ الفخّارين بفاس، يقودها معلّم قطع أولى قطعه في
الثانية عشرة من عمره. يأتي الطين من التلال خارج المدينة، فيُشكَّل ألواحًا ويُجفَّف ويُزجَّج
ويُشوى في فرن الورشة.

ثم تُقطَّع كل قطعة يدويًا بمطرقة مشحوذة هي المنقاش، وفق قوالب ورقية لانت من كثرة الاستعمال.
الفروق الطفيفة في اللون والحواف هي بيت القصيد: فعلى الجدار تلتقط القطع الضوء كما يلتقطه الماء.

غيّر البيع بالعلبة للمهندسين المعماريين وأصحاب البيوت في الخارج إيقاع الورشة. كانت الطلبات
تمرّ عبر تاجرَي جملة في الدار البيضاء؛ أما اليوم فترى التعاونية من يشتري ماذا، وتُبقي العيّنات
جاهزة للإرسال، وقد وظّفت أربعة قطّاعين شبّان.
""",
    "rihana": """
تجمع ريحانة واحدًا وثلاثين خزّافًا وقطّاع زليج من ثلاث عائلات فاسية. نصف الورشة يشكّل الخزف
الأزرق والأبيض الذي تشتهر به المدينة ويرسمه باليد بالكوبالت، والنصف الآخر يقطع الزليج من الطين
نفسه وفي الأفران نفسها.

الرسّامات في أغلبهن نساء انضممن إلى التعاونية سنة 2015 بعد سنوات من العمل في البيت لحساب وسيط،
وهنّ اليوم يوقّعن على قاعدة كل طبق.

أتاحت المبيعات المباشرة لريحانة أن تقتني فرنًا غازيًا أنظف وطلاءات خالية من الرصاص، فصارت
الأواني والطواجن آمنة للطعام. ويكسو زليجها اليوم حمّامًا في بروكسل ومقهى في برلين.
""",
    "chems-safi": """
تعمل شمس على تلّة الفخّارين المطلّة على المدينة القديمة في آسفي، حيث تدخّن الأفران منذ قرون.
يشكّل أعضاؤها الستة والعشرون الطواجن والأواني والأطباق على دواليب تُدار بالقدم، ويكسونها بألوان
تقليد آسفي: الزعفراني العميق والأخضر النحاسي والأزرق الكوبالتي.

يُستخرج الطين على بُعد بضعة كيلومترات في الداخل، ويُنقع في أحواض ويُداس بالأقدام قبل أن يصل إلى
الدولاب. وتُشوى كل قطعة مرتين، مرة عارية ومرة مزجّجة، في فرن أعاد الأعضاء بناءه معًا سنة 2019.

صار المشترون في فرنسا وبلجيكا يطلبون مباشرة، وتلفّ التعاونية كل طاجين بالقشّ وبطبقتين من
الكرتون. وذهب فرق الثمن إلى الأجور وإلى متجر صغير على التلّة يشاهد فيه الزوّار الخزّافين وهم
يعملون.
""",
    "tazerzit": """
التازرزيت هي الخلالة المثلّثة التي تشدّ بها النساء الأمازيغيات أرديتهن، ومنها أخذت اسمها هذه
التعاونية التي تضمّ ثمانية عشر صائغًا في المدينة القديمة بتزنيت. يصهرون الفضة ويطرقونها
وينقشونها ويطلونها بالمينا كما كان يفعل آباؤهم، وقد صارت بعض بناتهم يفعلن ذلك أيضًا.

تبدأ القلادة سبيكةً مصهورة تُسحب خيوطًا وصفائح على طاولة العمل، ثم تُنقش بالمخارز وتُملأ
بالمينا الخضراء والصفراء. أما خرزات الراتنج المرجاني والأمازونيت فتنظمها نساء التعاونية في
بيوتهن.

منح البيع عبر الإنترنت الصاغة أسعارًا تكفيهم للعيش وسببًا لاستقبال المتعلّمين من جديد. وتُدمغ
كل قطعة وتُباع مع بطاقة تبيّن عيار فضّتها.
""",
    "araar": """
العرعار هو الاسم العربي لشجرة الثويا، تلك الصنوبرية العطرة التي تكسو التلال حول الصويرة. ويعمل
نحّاتو التعاونية الأربعة والعشرون في الورشات المقبّبة تحت أسوار موغادور القديمة، حيث تعبق
رائحة زيت العرعار في الهواء.

يستعملون جذر الشجرة المعقود لصنع العلب والأواني ورقع الشطرنج، ويطعّمونه بخشب الليمون والأبنوس
والصدف. ومنذ 2016 تعيد التعاونية غرس شتلات العرعار مع مصالح المياه والغابات، ولا تشتري إلا خشبًا
من قطع مرخّص.

صار المشترون في الخارج يرون اسم النحّات على كل قطعة. واقتنت التعاونية جهازًا لشفط الغبار في
الورشة، وتخصّص حصة ثابتة من كل عملية بيع لصندوق إعادة التشجير.
""",
    "blagha": """
البلغة هي الكلمة الفاسية للنعل التقليدي، وأعضاء هذه التعاونية التسعة والعشرون يقصّونها ويخيطونها
قرب دار الدباغة في فاس منذ 2013. يُدبغ الجلد في الأحواض بالدباغ النباتي، ثم يُصبغ بالزعفراني أو
الأحمر أو النيلي أو يُترك بلونه الطبيعي.

تستغرق البلغة الواحدة صباحًا كاملًا: تُقصّ النعل من جلد البقر والوجه من جلد الماعز، ويُخاطان
معًا مقلوبَين بخيط مشمّع قبل أن يُقلبا. أما البوفات فتطرّزها نساء التعاونية بخيط الحرير في
بيوتهن.

اختصر البيع المباشر السلسلة من المدبغة إلى المشتري في خطوة واحدة. وصارت التعاونية تحتفظ بمخزون
من كل المقاسات، وتجيب المشترين بالفرنسية والإنجليزية، وأطلقت خدمة صغيرة لإصلاح البوفات التي
باعتها قبل سنوات.
""",
    "mesbah": """
مصباح ورشة تضمّ ستة عشر حرفيًا في المعادن بالمدينة القديمة في مراكش، على بُعد أزقّة قليلة من
ساحة الصبّاغين. يقطعون صفائح النحاس الأصفر والأحمر، ويثقبونها باليد بالأزاميل والمخارز، ثم
يلحمونها فوانيسَ وثريّات معلّقة وصوانيَ.

يستغرق الفانوس الكبير خمسة أيام من عمل حرفي واحد: تُرسم نقوش النجوم بالبركار وتُثقب ثقبًا ثقبًا،
ثم تُركّب في الألواح قطع الزجاج الملوّن. وتخيط التعاونية أيضًا بوفات جلدية في ورشتها الثانية.

منذ أن صارت مصباح تبيع مباشرة، صارت توصل مصابيحها بالكهرباء وفق المعايير الأوروبية وتشحنها
مركّبة بالكامل. وقد أتاحت لها طلبات فنادق في فرنسا توظيف متعلّمَين من الحيّ.
""",
    "nakhla": """
نخلة تجمع ثلاثًا وثلاثين امرأة من القرى الممتدة بين شفشاون وأقشور. في أواخر الصيف يقطعن سعف
نخيل الدوم القزم على المنحدرات، ويجفّفنه تحت الشمس، ثم يضفرنه شرائط طويلة تُخاط سلالًا وحُصرًا
وقبعات جبالة العريضة ذات الكريّات الصوفية.

وعلى المدرّجات نفسها ينسجن قطن المنطقة المخطّط بالأحمر والأبيض على مناسج ضيّقة، لصنع الأغطية
والأوشحة. ويتخلّل هذا العمل جني الزيتون ورعاية الأطفال.

قبل التعاونية، كانت السلال تُباع للسيّاح على جانب الطريق. أما اليوم فتبيع النساء لمشترين في
أوروبا، وتدير إحدى العضوات العروض من هاتفها، وقد فتحت التعاونية حسابًا بنكيًا باسم كل امرأة.
""",
    "khit-errouh": """
خيط الروح ورشة تضمّ إحدى وعشرين امرأة في سلا، على الضفة المقابلة للرباط. يخطن القفاطين
والجلابيب باليد، ويُنهين كل درزة بضفيرة السفيفة وبالأزرار المعقودة الصغيرة، العقّاد، التي
تستغرق وحدها يومًا كاملًا.

وينسجن أيضًا الصبرة، الخيط الحريري المغزول من ألياف الصبّار، أغطيةً للوسائد على منسجين في
الغرفة الخلفية. تصمّم العضوات الشابّات، وتعلّم الأكبر سنًّا غرز التشطيب.

كثير من زبائنهن مغاربة مقيمون في فرنسا وبلجيكا يريدون قفطانًا لعرس. ويتيح البيع عبر الإنترنت
للنساء أخذ المقاسات بمكالمة فيديو وشحن القطعة جاهزة في ثلاثة أسابيع.
""",
}


# --- Product titles -------------------------------------------------------------------------
# What comes before the first comma of an English title (the kind of piece), and what follows
# it (its look). Pieces whose look has no comma keep it after " with " or " in ".
HEADS_AR = {
    "Beni Ourain rug": "زربية بني وراين",
    "Azilal rug": "زربية أزيلال",
    "Boucherouite rug": "زربية بوشرويط",
    "Kilim flatweave": "كليم مسطّح النسج",
    "Beni Guil hanbel": "حنبل بني كيل",
    "Boujad rug": "زربية أبي الجعد",
    "Taznakht rug": "زربية تازناخت",
    "Fes zellige": "زليج فاسي",
    "Safi tagine": "طاجين آسفي",
    "Safi bowl": "وعاء من آسفي",
    "Safi plate": "طبق من آسفي",
    "Safi jar": "جرّة من آسفي",
    "Fes blue bowl": "وعاء فاسي أزرق",
    "Fes blue plate": "طبق فاسي أزرق",
    "Fes blue vase": "مزهرية فاسية زرقاء",
    "Fes blue tea cup": "كأس شاي فاسية زرقاء",
    "Fassi babouches": "بلغة فاسية",
    "Embroidered cow leather pouf": "بوف مطرّز من جلد البقر",
    "Embroidered goat leather pouf": "بوف مطرّز من جلد الماعز",
    "Leather tote bag": "حقيبة جلدية كبيرة",
    "Hand-stitched cow leather belt": "حزام من جلد البقر مخيط يدويًا",
    "Tooled goat leather wallet": "محفظة من جلد الماعز المنقوش",
    "Brass lantern": "فانوس من النحاس الأصفر",
    "Silver-plated metal lantern": "فانوس من معدن مطليّ بالفضة",
    "Silver-plated metal pendant lamp": "ثريا معلّقة من معدن مطليّ بالفضة",
    "Brass table lamp": "مصباح طاولة من النحاس الأصفر",
    "Silver-plated metal table lamp": "مصباح طاولة من معدن مطليّ بالفضة",
    "Wrought iron wall sconce": "مصباح جداري من الحديد المطروق",
    "Copper tray": "صينية من النحاس الأحمر",
    "Brass tray": "صينية من النحاس الأصفر",
    "Silver-plated metal tray": "صينية من معدن مطليّ بالفضة",
    "Amazigh silver necklace": "قلادة أمازيغية من الفضة",
    "Tiznit silver necklace": "قلادة من فضة تزنيت",
    "Tiznit silver cuff": "سوار عريض من فضة تزنيت",
    "Amazigh silver cuff": "سوار أمازيغي عريض من الفضة",
    "Amazigh silver earrings": "أقراط أمازيغية من الفضة",
    "Tiznit silver earrings": "أقراط من فضة تزنيت",
    "Tiznit silver ring": "خاتم من فضة تزنيت",
    "Tiznit silver fibula": "خلالة من فضة تزنيت",
    "Amazigh silver fibula": "خلالة أمازيغية من الفضة",
    "Thuya jewellery box": "علبة مجوهرات من خشب العرعار",
    "Walnut bowl": "وعاء من خشب الجوز",
    "Cedar serving tray": "صينية تقديم من خشب الأرز",
    "Thuya chess set": "رقعة شطرنج من خشب العرعار",
    "Thuya wall mirror": "مرآة جدارية من خشب العرعار",
    "Cedar wall mirror": "مرآة جدارية من خشب الأرز",
    "Silk caftan with sfifa trim": "قفطان من الحرير مزيّن بالسفيفة",
    "Sabra caftan with sfifa trim": "قفطان من الصبرة مزيّن بالسفيفة",
    "Hooded wool djellaba": "جلابة من الصوف بقبّ",
    "Sabra cushion cover": "غطاء وسادة من الصبرة",
    "Jbala striped cotton throw": "غطاء جبلي مخطّط من القطن",
    "Jbala striped wool throw": "غطاء جبلي مخطّط من الصوف",
    "Handwoven cotton scarf": "وشاح من القطن منسوج يدويًا",
    "Handwoven wool scarf": "وشاح من الصوف منسوج يدويًا",
    "Doum palm storage basket with lid": "سلة تخزين من الدوم بغطاء",
    "Raffia market bag with leather handles": "قفّة من الرافيا بمقبضين من الجلد",
    "Doum palm market bag with leather handles": "قفّة من الدوم بمقبضين من الجلد",
    "Jbala doum palm hat with wool pompoms": "قبعة جبلية من الدوم بكريّات صوفية",
    "Round doum palm mat": "حصير دائري من الدوم",
    "Tbak bread basket in doum palm with conical lid": "طبق خبز من الدوم بغطاء مخروطي",
}

# Looks after the first comma: the pattern and colour of a rug, a tile's shape, a colourway.
# Written with "بـ" or "من" so they agree with any noun.
LOOKS_AR = {
    # rugs
    "cream with a brown diamond lattice": "بلون كريمي وشبكة معيّنات بنّية",
    "undyed grey with fine black lines": "بلون رمادي طبيعي وخطوط سوداء رفيعة",
    "ivory with scattered black crosses": "بلون عاجي وصلبان سوداء متناثرة",
    "plain ivory, undyed wool": "بلون عاجي سادة، من صوف غير مصبوغ",
    "charcoal with ivory zigzags": "بلون فحمي وخطوط متعرّجة عاجية",
    "ivory with indigo lozenges": "بلون عاجي ومعيّنات نيلية",
    "ivory with red and blue signs": "بلون عاجي ورموز حمراء وزرقاء",
    "ivory with saffron and pink symbols": "بلون عاجي ورموز زعفرانية ووردية",
    "ivory with orange and black glyphs": "بلون عاجي وعلامات برتقالية وسوداء",
    "blush pink with abstract motifs": "بلون وردي فاتح وزخارف تجريدية",
    "pink and orange diamonds": "بمعيّنات وردية وبرتقالية",
    "patchwork of bright stripes": "بترقيع من خطوط زاهية",
    "rainbow abstract": "بتشكيل تجريدي بألوان قوس قزح",
    "turquoise with lime accents": "بلون فيروزي ولمسات خضراء ليمونية",
    "red and black bands": "بأشرطة حمراء وسوداء",
    "camel and brown stripes": "بخطوط بلون وبر الجمل وأخرى بنّية",
    "henna orange with ivory chevrons": "بلون برتقالي حنّائي ونقوش متكسّرة عاجية",
    "ivory with thin indigo stripes": "بلون عاجي وخطوط نيلية رفيعة",
    "red, black and ivory bands": "بأشرطة حمراء وسوداء وعاجية",
    "black with narrow red stripes": "بلون أسود وخطوط حمراء ضيّقة",
    "ivory with brown bands": "بلون عاجي وأشرطة بنّية",
    "pink and violet abstract": "بتشكيل تجريدي وردي وبنفسجي",
    "faded orange with dark motifs": "بلون برتقالي باهت وزخارف داكنة",
    "raspberry red with drifting lozenges": "بلون أحمر توتي ومعيّنات منسابة",
    "madder red with ivory signs": "بلون أحمر الفوّة ورموز عاجية",
    "walnut brown and ivory": "بلون بنّي جوزي وعاجي",
    "henna orange and black": "بلون برتقالي حنّائي وأسود",
    "saffron with geometric medallions": "بلون زعفراني وجامات هندسية",
    "madder red with indigo borders": "بلون أحمر الفوّة وحواشٍ نيلية",
    # wood
    "natural burl": "من الجذر الطبيعي المعقود",
    "ebony and lemonwood star inlay": "بنجمة مطعّمة بالأبنوس وخشب الليمون",
    "mother-of-pearl inlay": "بترصيع من الصدف",
    "lemonwood marquetry": "بترصيع من خشب الليمون",
    # basketry
    "indigo-trimmed": "بحواشٍ نيلية",
    "wool-embroidered": "بتطريز صوفي",
    "natural": "بلون طبيعي",
    "black-striped": "بخطوط سوداء",
    "pink-trimmed": "بحواشٍ وردية",
}

COLOURS_AR = {
    "ivory": "عاجي",
    "black": "أسود",
    "rose": "وردي",
    "indigo": "نيلي",
    "saffron yellow": "أصفر زعفراني",
    "saffron": "زعفراني",
    "oxblood": "أحمر قانٍ",
    "olive": "زيتوني",
    "tan": "بنّي فاتح",
    "stone grey": "رمادي حجري",
    "emerald": "أخضر زمرّدي",
    "turquoise": "فيروزي",
    "garnet": "أحمر عقيقي",
    "old rose": "وردي عتيق",
    "milk white": "أبيض حليبي",
    "cobalt blue": "أزرق كوبالتي",
    "cobalt": "أزرق كوبالتي",
    "chocolate": "بنّي شوكولاتي",
    "brick red": "أحمر آجرّي",
    "honey yellow": "أصفر عسلي",
    "honey": "عسلي",
    "pearl grey": "رمادي لؤلؤي",
    "jet black": "أسود فاحم",
    "copper green": "أخضر نحاسي",
    "black and ivory": "أسود وعاجي",
}

ZELLIGE_SHAPES_AR = {
    "eight-point star": "نجمة ثمانية الرؤوس",
    "hexagon": "سداسي",
    "fish scale": "حرشفة سمك",
    "10×10 square": "مربّع 10×10",
    "5×5 square": "مربّع 5×5",
}
_FINISHES_AR = {"crackled": "متشقّق", "matte": "مطفأ"}

# What follows " with " or " in " in a title without a comma-separated look.
DETAILS_AR = {
    "a floral rosette": "بوردة زخرفية",
    "fine interlace": "بتشابيك دقيقة",
    "an eight-point star": "بنجمة ثمانية الرؤوس",
    "blue and saffron palmettes": "بسعفات زرقاء وزعفرانية",
    "cobalt arabesques": "بتوريقات كوبالتية",
    "a pierced star pattern": "بنقش نجوم مخرّم",
    "coloured glass panes": "بزجاج ملوّن",
    "chiselled arabesques": "بتوريقات منقوشة بالإزميل",
    "niello inlay": "بترصيع من النيلو الأسود",
    "engraved motifs": "بزخارف محفورة",
    "coral-coloured resin beads": "بخرزات راتنج بلون المرجان",
    "amber resin": "براتنج كهرماني",
    "amazonite beads": "بخرزات الأمازونيت",
}
_ANIMALS_AR = {"sheep": "الغنم", "goat": "الماعز", "cow": "البقر"}

_BOX = re.compile(r" \(box of ([\d.]+) m²\)$")
_SIZE = re.compile(
    r", (?P<size>(?:EU |size |Ø )?[\dLMSX][\d.LMSX]*(?:[ ×–-]+\d+)*(?: ?cm)?(?: wide| drop| high)?"
    r"(?: \(unstuffed\))?)$"
)


def _number(text: str) -> str:
    """English decimals with a comma, as written in Morocco: 0.5 -> 0,5."""
    return text.replace(".", ",")


def _size_ar(size: str) -> str:
    size = size.replace("(unstuffed)", "(دون حشو)")
    for english, arabic in (
        (r"^EU (.+)$", r"مقاس أوروبي \1"),
        (r"^size (.+)$", r"المقاس \1"),
        (r"^Ø (\d+) cm$", r"القطر \1 سم"),
        (r"^(\d+) cm wide$", r"بعرض \1 سم"),
        (r"^(\d+) cm drop$", r"بطول \1 سم"),
        (r"^(\d+) cm high$", r"بارتفاع \1 سم"),
    ):
        if re.match(english, size):
            return re.sub(english, arabic, size)
    return size.replace(" cm", " سم")


def _glaze_ar(text: str) -> str:
    """'crackled milk white glaze' -> 'طلاء أبيض حليبي متشقّق'."""
    words = text.removesuffix(" glaze")
    finish = ""
    for english, arabic in _FINISHES_AR.items():
        if words.startswith(english + " "):
            words, finish = words[len(english) + 1 :], f" {arabic}"
    return f"طلاء {COLOURS_AR[words]}{finish}"


def _detail_ar(detail: str) -> str:
    if detail in DETAILS_AR:
        return DETAILS_AR[detail]
    if detail.endswith(" glaze"):
        return "ب" + _glaze_ar(detail)
    # '<colour> <animal> leather' (babouches and bags)
    match = re.fullmatch(r"(.+) (sheep|goat|cow) leather", detail)
    if match:
        return f"من جلد {_ANIMALS_AR[match.group(2)]} بلون {COLOURS_AR[match.group(1)]}"
    raise KeyError(detail)


def _look_ar(look: str) -> str:
    if look in LOOKS_AR:
        return LOOKS_AR[look]
    if look in COLOURS_AR:
        return f"بلون {COLOURS_AR[look]}"
    raise KeyError(look)


def product_title_ar(seed: ProductSeed) -> str:
    """The seed's English title in Arabic, part by part: piece, look, size."""
    title = seed.title_en
    box = _BOX.search(title)
    if box:
        title = title[: box.start()]
    match = _SIZE.search(title)
    size = match.group("size") if match else ""
    if match:
        title = title[: match.start()]
    parts = []
    head, _, look = title.partition(", ")
    if head == "Fes zellige":
        shape, _, glaze = look.partition(", ")
        parts = [HEADS_AR[head], ZELLIGE_SHAPES_AR[shape], _glaze_ar(glaze)]
    elif head in HEADS_AR:
        parts = [HEADS_AR[head], _look_ar(look)] if look else [HEADS_AR[head]]
    else:
        piece, joiner, detail = head.partition(" with ") if " with " in head else head.partition(" in ")
        if not joiner or piece not in HEADS_AR:
            raise KeyError(seed.title_en)
        parts = [f"{HEADS_AR[piece]} {_detail_ar(detail)}"]
        if look:
            parts.append(_look_ar(look))
    if size:
        parts.append(_size_ar(size))
    arabic = "، ".join(parts)
    if box:
        arabic += f" (علبة تغطّي {_number(box.group(1))} م²)"
    return arabic


# --- Product descriptions -------------------------------------------------------------------
_RUG_MATERIALS_AR = {
    "Sheep wool": "صوف الغنم المغزول باليد",
    "Recycled textile": "شرائط من القطن والأقمشة المعاد تدويرها",
    "Cotton": "القطن",
    "Sabra (cactus silk)": "الصبرة (حرير الصبّار)",
}
_DYES_AR = {"Natural": "طبيعية", "Synthetic": "صناعية"}
_RUG_CARE_AR = (
    "نظّفها بالمكنسة الكهربائية دون الفرشاة الدوّارة، واعهد بغسلها إلى مختصّ كل بضع سنوات.",
    "انفضها في الهواء الطلق من حين لآخر، وأدرها مرة في السنة، وجفّف البقع فور وقوعها.",
    "عرّضها للهواء في الظل، ونظّف البقع بماء بارد وقليل من الصابون اللطيف.",
)
_ZELLIGE_SHAPES_TEXT_AR = {
    "Star": "على شكل نجمة ثمانية الرؤوس",
    "Hexagon": "سداسية الشكل",
    "Fish scale": "على شكل حرشفة سمك",
    "Square 10×10": "مربّعة",
    "Square 5×5": "مربّعة",
}
_METALS_AR = {
    "Brass": "النحاس الأصفر",
    "Copper": "النحاس الأحمر",
    "Iron": "الحديد المطروق",
    "Silver-plated": "معدن مطليّ بالفضة",
}
_STONES_AR = {
    "Niello inlay": "بترصيع من النيلو الأسود",
    "None (engraved)": "بزخارف محفورة",
    "Coral-coloured resin beads": "بخرزات راتنج بلون المرجان",
    "Amber resin": "براتنج كهرماني",
    "Amazonite beads": "بخرزات الأمازونيت",
}
_WOODS_AR = {"Thuya": "خشب العرعار", "Cedar": "خشب الأرز", "Walnut": "خشب الجوز"}
_INLAYS_AR = {
    "Ebony and lemonwood star inlay": "تطعيم النجمة من الأبنوس وخشب الليمون",
    "Lemonwood marquetry": "ترصيع خشب الليمون",
    "Mother-of-pearl inlay": "تطعيم الصدف",
}
_FABRICS_AR = {"Cotton": "القطن", "Sabra (cactus silk)": "الصبرة", "Silk": "الحرير", "Wool": "الصوف"}
_TEXTILE_DETAILS_AR = {
    "Caftan": "قُصّ وخيط يدويًا في سلا، وزُيّن بالسفيفة وبصفّ من أزرار العقّاد المعقودة التي تستغرق "
    "وحدها يومًا كاملًا. يمكن للورشة ضبط الطول على مقاساتك عبر مكالمة فيديو.",
    "Djellaba": "خيطت يدويًا في سلا بقبّ مدبّب ودرزات مضفورة، وهي واسعة بما يكفي لارتدائها فوق الملابس اليومية.",
    "Cushion cover": "نُسج على منسج يدوي من الصبرة، ألياف الصبّار الحريرية التي تلتقط الضوء كالحرير. "
    "يُغلق بسحّاب مخفيّ، والحشوة غير مشمولة.",
    "Throw": "نُسج على منسج ضيّق في التلال المطلّة على شفشاون وخيط من شرائط، على نقش المنديل المخطّط "
    "الذي ترتديه نساء جبالة.",
    "Scarf": "نُسج يدويًا في شفشاون وأُنهي بأهداب مفتولة.",
}
_BASKET_MATERIALS_AR = {"Doum palm": "سعف الدوم", "Raffia": "الرافيا"}


def _pick(seed: ProductSeed, options: tuple[str, ...]) -> str:
    """One of `options`, always the same for a product (no shared random state)."""
    return options[zlib.crc32(seed.upc.encode()) % len(options)]


def _colour_ar(seed: ProductSeed) -> str:
    """The colour named in the English title, in Arabic ('بلون عاجي'), or ''."""
    leather = re.search(r" in (.+) (?:sheep|goat|cow) leather", seed.title_en)
    if leather:
        return f"بلون {COLOURS_AR[leather.group(1)]}"
    for segment in seed.title_en.split(", ")[1:]:
        if segment in COLOURS_AR:
            return f"بلون {COLOURS_AR[segment]}"
    return ""


def _decor_ar(seed: ProductSeed) -> str:
    """The decoration named after " with " in the English title ('بنقش نجوم مخرّم'), or ''."""
    head = seed.title_en.split(", ")[0]
    _piece, joiner, detail = head.partition(" with ")
    return _detail_ar(detail) if joiner else ""


def product_description_ar(seed: ProductSeed, *, city: str) -> str:
    """The seed's description in Arabic, from its attributes (`city` is its cooperative's)."""
    a = seed.attributes
    coop = COOPERATIVE_NAMES_AR[seed.cooperative]
    city_ar = CITIES_AR.get(city, city)
    if seed.craft == "rug":
        opening = _pick(
            seed,
            (
                f"نسجتها نسّاجات {coop} في {city_ar}، وهي قطعة فريدة: يُرسم نقشها من الذاكرة، لا من "
                "نموذج مرسوم.",
                f"قطعة فريدة من {city_ar}، نسجتها على المنسج نسّاجات {coop} على مدى أسابيع.",
            ),
        )
        material, dye = _RUG_MATERIALS_AR[a["material"]], _DYES_AR[a["dye"]]
        if a.get("knots_per_dm2") and a.get("pile_height_mm"):
            making = (
                f"عُقدت يدويًا من {material} بنحو {a['knots_per_dm2']} عقدة في الدسيمتر المربع، بوبر "
                f"ارتفاعه {a['pile_height_mm']} مم وأصباغ {dye}."
            )
        else:
            making = (
                f"نُسجت نسجًا مسطحًا من {material} بأصباغ {dye}؛ تُقلب على الوجهين، وهي خفيفة تُلفّ "
                "بسهولة في السفر أو تُعلّق على الجدار."
            )
        return " ".join((opening, making, _pick(seed, _RUG_CARE_AR)))
    if seed.craft == "zellige":
        kilos = round(a["coverage_per_box_m2"] * a["weight_per_m2_kg"])
        tile, coverage = _number(f"{a['tile_size_cm']:g}"), _number(f"{a['coverage_per_box_m2']:g}")
        text = (
            f"تُقطَّع كل قطعة {_ZELLIGE_SHAPES_TEXT_AR[a['shape']]} يدويًا بالمنقاش من طين فاس المزجّج، "
            f"ويبلغ طولها نحو {tile} سم، وتختلف قليلًا في درجة لونها وحوافها، وهذا ما يمنح جدار الزليج "
            f"بريقه. تغطّي العلبة الواحدة {coverage} م² وتزن نحو {kilos} كغ؛ اطلب كمية إضافية بنسبة "
            "10 إلى 15٪ تحسّبًا للقصّ والكسر."
        )
        return text + (" العيّنات متوفرة عند الطلب." if a.get("samples_available") else "")
    if seed.craft == "ceramics":
        glaze = product_title_ar(seed).split("، ")[0]
        if a["tradition"] == "Safi":
            glaze_words = glaze.partition(" بطلاء ")[2]
            made = (
                f"شُكّلت هذه القطعة على دولاب يُدار بالقدم في {city_ar} من طين محلي يُداس بالأقدام، ثم "
                f"شُويت مرتين وكُسيت بطلاء {glaze_words} عميق."
            )
        else:
            made = (
                f"شُكّلت هذه القطعة في {city_ar}، ورسمت نساء الورشة زخرفتها باليد بالكوبالت، ويوقّعن "
                "على قاعدة كل قطعة."
            )
        if a["object_type"] == "Tagine":
            use = (
                "الطلاء خالٍ من الرصاص وآمن للطعام: قدّم فيه مباشرة على المائدة، واستعمل موزّعًا للحرارة "
                "إن كنت تطهو على الغاز."
            )
        elif a.get("food_safe"):
            use = "الطلاء خالٍ من الرصاص وآمن للطعام؛ اغسلها باليد لتحافظ على بريق ألوانها."
        else:
            use = "للزينة فقط: الطلاء غير مخصّص للطعام. أزل الغبار بقطعة قماش ناعمة وجافة."
        return f"{made} {use}"
    if seed.craft == "leather":
        animal = {"Sheep": "غنم", "Goat": "ماعز", "Cow": "بقر"}[a["leather"]]
        colour = _colour_ar(seed)
        dyed = "تُرك بلونه الطبيعي" if a["colour"] == "Ivory" or not colour else f"صُبغ {colour}"
        if a.get("vegetable_tanned"):
            tan = f"جلد {animal} دُبغ في الأحواض بالدباغ النباتي و{dyed}، ثم قُصّ وخيط في {city_ar}."
        else:
            tan = f"جلد {animal} ليّن، {dyed}، وقُصّ وخيط يدويًا في {city_ar}."
        detail = {
            "Babouches": "تُخاط النعل المصنوعة من جلد البقر إلى الوجه مقلوبةً بخيط مشمّع ثم تُقلب، فلا "
            "تبقى أي خياطة تحت القدم.",
            "Pouf": "سطحه مطرّز بخيط الحرير، ويُشحن مسطّحًا جاهزًا لحشوه بالأقمشة القديمة أو بحشوة قطنية.",
        }.get(a["item"], "حواف القطعة مصقولة باليد، وكل درزاتها مخيطة بغرزة السرّاجين.")
        care = (
            "يصل الجلد برائحة المدبغة الخفيفة التي تزول بعد أيام في الهواء؛ غذّه بالشمع المحايد مرة في السنة."
        )
        return " ".join((tan, detail, care))
    if seed.craft == "lighting":
        text = (
            f"قُطعت هذه القطعة من صفائح {_METALS_AR[a['metal']]} في المدينة القديمة بمراكش وزُيّنت "
            f"{_decor_ar(seed)}، وثُقبت ونُقشت يدويًا على مدى أيام."
        )
        if a.get("electrified"):
            return text + " موصولة بالكهرباء وفق المعايير الأوروبية، بمقبس E27 وسلك مجدول."
        if a["item"] != "Tray":
            return text + " صُنعت لشمعة أو مصباح بالبطارية، ويمكن توصيلها بالكهرباء عند الطلب."
        return text + " ضعها على طاولة منخفضة أو علّقها على الجدار، ولمّعها بقطعة قماش ناعمة."
    if seed.craft == "jewellery":
        stones = _STONES_AR[a["stones"]]
        made = _pick(
            seed,
            (
                "صُهرت الفضة وسُحبت خيوطًا وصفائح وطُرقت على طاولة العمل في المدينة القديمة بتزنيت، ثم "
                f"زُيّنت القطعة {stones}.",
                f"صنعها صاغة {coop} كما كان يعمل آباؤهم: صبٌّ ثم نقش بالمخارز وتزيين {stones}.",
            ),
        )
        weight = f"تزن نحو {a['weight_g']} غ، وتُسلَّم مدموغة مع بطاقة تبيّن عيار فضّتها."
        care = (
            "تسودّ الفضة مع الزمن: افركها بقطعة قماش ناعمة، أو احتفظ بلونها العتيق الذي تعتزّ به "
            "النساء الأمازيغيات."
        )
        return " ".join((made, weight, care))
    if seed.craft == "woodwork":
        made = (
            f"نُحتت هذه القطعة من {_WOODS_AR[a['wood']]} في الورشات المقبّبة تحت أسوار الصويرة، وصُقلت "
            "باليد ودُهنت بالزيت حتى تتوهّج عروق الخشب."
        )
        if a["inlay"] == "None":
            detail = "لا تطعيم هنا: عُقد الجذر وتموّجاته هي الزينة."
        else:
            detail = f"يُركَّب {_INLAYS_AR[a['inlay']]} قطعةً قطعة ثم يُسوّى بالمكشط."
        care = "الخشب من قطع مرخّص؛ امسحه بقطعة قماش جافة وادهنه بقليل من الزيت مرة في السنة."
        return " ".join((made, detail, care))
    if seed.craft == "textiles":
        colour = _colour_ar(seed)
        care = f"من {_FABRICS_AR[a['material']]}، {colour}؛ تُغسل القطعة باليد بماء بارد أو تُنظَّف تنظيفًا جافًا."
        return f"{_TEXTILE_DETAILS_AR[a['item']]} {care}"
    if seed.craft == "basketry":
        made = (
            f"ضفرتها نساء {coop} من {_BASKET_MATERIALS_AR[a['material']]} يُقطع على التلال المطلّة على "
            "شفشاون في أواخر الصيف ويُجفَّف تحت الشمس، ثم يُلفّ ويُخاط ليأخذ شكله."
        )
        return (
            f"{made} احفظ القطعة في مكان جاف بعيدًا عن الحرارة المباشرة؛ تكفي قطعة قماش مبلّلة لإزالة الغبار."
        )
    raise KeyError(seed.craft)
