"""Provides what Maple & Grain posts on its social networks (Instagram, Facebook,
LinkedIn) in the demo calendar: short, concrete, bilingual pieces, each tagged with its
content pillar and the objective it serves."""

from __future__ import annotations

from smtui.demo.calendar_pieces import ORDERS, OWN, SCENE, SITE, TEAM, Piece
from smtui.domain.enums import ObjectiveType
from smtui.domain.i18n import _


def instagram() -> list[Piece]:
    tags = "#montreal #boulangerie #mtlfood"
    return [
        Piece(
            OWN,
            _("Cardamom buns, 7 a.m."),
            _(
                "Les brioches à la cardamome sortent du four à 7 h. Knotted by hand, brushed with "
                "syrup, gone by noon most days."
            ),
            "image",
            f"{tags} #cardamombun",
            visual=_("Photo: tray of cardamom buns on the counter, morning light"),
            objective=ObjectiveType.AWARENESS,
        ),
        Piece(
            ORDERS,
            _("Bûche de Noël pre-orders are open"),
            _(
                "Nos bûches de Noël sont de retour : chocolat-noisette ou érable-pacane. "
                "Pre-order for pick-up December 23 or 24, link in bio."
            ),
            "carousel",
            f"{tags} #buchedenoel",
            f"{SITE}/fetes",
            "fetes-2026",
            _("Pre-order now"),
            _("Carousel: both bûches, slice, box"),
            ObjectiveType.ACQUISITION,
        ),
        Piece(
            SCENE,
            _("Our flour comes from Moulin des Cantons"),
            _(
                "Every loaf starts with stone-ground flour from our friends in the Eastern "
                "Townships. Merci @moulindescantons!"
            ),
            "image",
            f"{tags} #farinelocale",
            visual=_("Photo: flour sacks with the mill's stamp"),
            objective=ObjectiveType.LOYALTY,
        ),
        Piece(
            OWN,
            _("Shaping the miche"),
            _(
                "Quinze secondes de façonnage, trente-six heures de patience. Watch Élodie shape "
                "our country miche."
            ),
            "video",
            f"{tags} #sourdough #levain",
            visual=_("Reel: 15 s of shaping, slow motion on the scoring"),
            objective=ObjectiveType.AWARENESS,
        ),
        Piece(
            ORDERS,
            _("Holiday gift boxes"),
            _(
                "Boîtes-cadeaux des Fêtes : shortbread à l'érable, granola, confiture de "
                "bleuets. Order for your team or your neighbours."
            ),
            "carousel",
            f"{tags} #cadeauxdesfetes",
            f"{SITE}/fetes/boites",
            "fetes-2026",
            _("Order a box"),
            _("Carousel: three boxes, ribbon close-up"),
            ObjectiveType.ACQUISITION,
        ),
        Piece(
            TEAM,
            _("Meet Élodie, head baker"),
            _(
                "Élodie starts her shift at 4 a.m. and still smiles at 7. Ask her about rye; "
                "you'll get a ten-minute answer."
            ),
            "image",
            f"{tags} #bakerslife",
            visual=_("Portrait: Élodie at the oven, flour on her apron"),
            objective=ObjectiveType.LOYALTY,
        ),
        Piece(
            OWN,
            _("Croissant lamination, layer by layer"),
            _("27 couches de beurre, trois tours simples. Swipe to count them yourself."),
            "carousel",
            f"{tags} #croissant",
            visual=_("Carousel: dough, fold, cross-section"),
            objective=ObjectiveType.AWARENESS,
        ),
        Piece(
            ORDERS,
            _("Weekend brunch: book your table"),
            _(
                "Le brunch du week-end : pain doré brioché, oeufs bénédictine sur muffin maison. "
                "Tables go fast, book through the link in bio."
            ),
            "image",
            f"{tags} #brunchmtl",
            f"{SITE}/brunch",
            "brunch-hiver",
            _("Book a table"),
            _("Photo: brioche French toast with maple syrup"),
            ObjectiveType.ACQUISITION,
        ),
        Piece(
            SCENE,
            _("Marché Jean-Talon finds"),
            _(
                "Courges, pommes Cortland et sarrasin : what we brought back from Jean-Talon "
                "for this week's specials."
            ),
            "carousel",
            f"{tags} #jeantalon",
            visual=_("Carousel: market stalls, squash, buckwheat"),
            objective=ObjectiveType.AWARENESS,
        ),
    ]


def facebook() -> list[Piece]:
    return [
        Piece(
            ORDERS,
            _("Brunch bookings for Sunday"),
            _(
                "There are still a few tables for Sunday's brunch (9 a.m. to 2 p.m.), high chairs "
                "included. Book online or call us at 514 555-0142."
            ),
            "link",
            "#brunchmtl",
            f"{SITE}/brunch",
            "brunch-hiver",
            _("Book a table"),
            objective=ObjectiveType.ACQUISITION,
        ),
        Piece(
            OWN,
            _("Holiday opening hours"),
            _(
                "Horaire des Fêtes : ouvert le 24 décembre de 7 h à 15 h, fermé les 25 et 26, "
                "retour le 27. We'll post any change here first."
            ),
            "image",
            "#montreal",
            visual=_("Graphic: holiday hours on kraft paper"),
            objective=ObjectiveType.CUSTOMER_SERVICE,
        ),
        Piece(
            SCENE,
            _("Plateau Christmas market"),
            _(
                "Find us at the Plateau Christmas market on Saturday, stand 12, between the "
                "cider makers and the soap shop. Hot chocolate for the little ones."
            ),
            "image",
            "#plateaumontroyal",
            visual=_("Photo: our stand last year"),
            objective=ObjectiveType.LOYALTY,
        ),
        Piece(
            ORDERS,
            _("Pre-order your holiday bûche"),
            _(
                "Bûche chocolat-noisette ou érable-pacane, 6 or 10 servings. Pre-orders close "
                "December 18; pick-up on the 23rd or 24th."
            ),
            "link",
            "#buchedenoel",
            f"{SITE}/fetes",
            "fetes-2026",
            _("Pre-order now"),
            objective=ObjectiveType.ACQUISITION,
        ),
        Piece(
            OWN,
            _("New: buckwheat and honey loaf"),
            _(
                "Notre nouveau pain au sarrasin et au miel de Saint-Hippolyte, every Friday "
                "and Saturday until the end of winter. Nut-free, contains gluten."
            ),
            "image",
            "#painartisanal",
            visual=_("Photo: the loaf sliced, honey jar beside it"),
            objective=ObjectiveType.AWARENESS,
        ),
        Piece(
            TEAM,
            _("We're hiring a weekend barista"),
            _(
                "On embauche ! A barista for Saturdays and Sundays, 7 a.m. to 3 p.m. Coffee "
                "training included; bilingual a plus."
            ),
            "link",
            "#emploimtl",
            f"{SITE}/emplois",
            "recrutement",
            _("Apply"),
            objective=ObjectiveType.RECRUITMENT,
        ),
    ]


def linkedin() -> list[Piece]:
    return [
        Piece(
            ORDERS,
            _("Holiday party catering for offices"),
            _(
                "Planning the team's holiday breakfast? We cater 10 to 40 people in the Plateau "
                "and Mile End: viennoiseries, savoury scones, vegan and gluten-free options, one "
                "invoice. Quotes within the day."
            ),
            "link",
            "#catering #montreal",
            f"{SITE}/traiteur",
            "traiteur-bureaux",
            _("Ask for a quote"),
            objective=ObjectiveType.ACQUISITION,
        ),
        Piece(
            OWN,
            _("Why we mill locally"),
            _(
                "Since 2019 every loaf at Maple & Grain uses Québec-grown grain milled less than "
                "150 km away. It costs us 18% more than commodity flour; here is why we think "
                "it is worth it."
            ),
            "link",
            "#localsourcing #foodbusiness",
            f"{SITE}/journal/farine-locale",
            "journal",
            objective=ObjectiveType.AWARENESS,
        ),
        Piece(
            TEAM,
            _("Four a.m. at the bakery"),
            _(
                "What does a baker's day look like? Élodie, our head baker, on early shifts, "
                "apprenticeships and why she left a desk job for the oven."
            ),
            "video",
            "#bakery #careers",
            objective=ObjectiveType.RECRUITMENT,
        ),
        Piece(
            SCENE,
            _("Montréal's independent bakeries"),
            _(
                "More and more of Montréal's independent bakeries bake with sourdough and local "
                "grain. A short read on what that means for millers and farmers."
            ),
            "link",
            "#montreal #foodindustry",
            f"{SITE}/journal/boulangeries-independantes",
            objective=ObjectiveType.AWARENESS,
        ),
        Piece(
            ORDERS,
            _("Corporate gift boxes for your clients"),
            _(
                "Holiday gift boxes for clients and teams: maple shortbread, granola, blueberry "
                "jam, a card in your words. Orders of 10+ delivered in Montréal."
            ),
            "carousel",
            "#corporategifts",
            f"{SITE}/fetes/boites",
            "fetes-2026",
            _("Order for your team"),
            _("Document: 4-page catalogue"),
            ObjectiveType.ACQUISITION,
        ),
        Piece(
            OWN,
            _("Reducing food waste: our day-old bread programme"),
            _(
                "Unsold bread goes to two community kitchens in the Plateau every evening. "
                "Here is how we set it up, and what we would do differently."
            ),
            "text",
            "#sustainability #foodwaste",
            objective=ObjectiveType.LOYALTY,
        ),
    ]
