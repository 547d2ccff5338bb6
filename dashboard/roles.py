"""Which side of a flow a country is on: the far side ("exports to China"), the sender or the
receiver of what a statement measures."""

from __future__ import annotations

import re
from collections.abc import Callable

from dashboard.countries import LIST_GAP, Mention, is_origin

# A country named after these is the far side of a flow: "exports to China".
_PARTNER_BEFORE = re.compile(r"(?i)\b(?:to|from|with|into|in|on|for|of)\s+(?:the\s+)?$")
_FLOW_PARTNER_BEFORE = re.compile(r"(?i)\b(?:to|from|with|into)\s+(?:the\s+)?$")
_SENT_FROM = re.compile(
    r"(?i)\b(?:exports?|shipments?|sales|deliveries|supplies|exported|shipped)\s+from\s+(?:the\s+)?$"
)
# The object of a sending verb: "supplied India with", "sold Japan"
_SENT_TO = re.compile(r"(?i)\b(?:suppl(?:ied|ies|y|ying)|sold|sells?|selling)\s+(?:the\s+)?$")
# The country goods come from: "imports from the UAE"
FROM_BEFORE = re.compile(r"(?i)\bfrom\s+(?:the\s+)?$")
# Which way goods go: "shipped", "supplies" send; "imports", "bought" receive.
_SENDING = re.compile(r"(?i)\b(?:export|ship|suppl|sold|sell|sale|deliver)")
_RECEIVING = re.compile(r"(?i)\b(?:import|bought|buy|purchas)")


def flow_of(words: str) -> str:
    """ "exports" or "imports" when ``words`` say goods go one way only, else ""."""
    sending, receiving = _SENDING.search(words), _RECEIVING.search(words)
    if bool(sending) == bool(receiving):
        return ""
    return "exports" if sending else "imports"


# Goods named by the country they leave, with a noun that gives no way: "Saudi flows", "Iraqi
# crude cargoes"; a word of the noun phrase between is allowed.
_ORIGIN_GOODS = re.compile(r"(?i) (?:[\w-]+ )?(?:flows|cargoes|volumes|barrels|arrivals)\b")


def origin_flow(text: str, mention: Mention) -> bool:
    """Whether a country is named by its demonym as where goods of a flow that names no way
    come from: "Saudi flows slumped 9%" sends, as Saudi crude does."""
    return is_origin(text, mention) and bool(_ORIGIN_GOODS.match(text, mention.end))


# A country owning what it takes in: "India's oil imports", "China's purchases"
_OWN_INTAKE = re.compile(r"(?i)['’]s?\s+(?:[\w-]+\s+){0,2}?(?:imports|purchases|buying)\b")


def owns_intake(text: str, mention: Mention) -> bool:
    """Whether a country is named as the owner of what it imports: "India's oil imports"."""
    return _OWN_INTAKE.match(text, mention.end) is not None


def is_partner(text: str, mention: Mention) -> bool:
    """Whether a country is named as the far side of a flow: "exports to China"."""
    return _named_after(_PARTNER_BEFORE, text, mention)


def is_flow_partner(text: str, mention: Mention) -> bool:
    """Whether goods go to or come from the country: "exports to China", "imports from Japan"
    (not "officials in Beijing", which ``is_partner`` also counts)."""
    return _named_after(_FLOW_PARTNER_BEFORE, text, mention)


# A country named for its policy: "EU duties", "U.S. tariffs", "China's export curbs"; not "cars
# from China face duties", where the word between is the sentence's verb.
_POLICY_AFTER = re.compile(
    r"(?i)(?:['’]s?\s+(?:[\w-]+\s+){0,2}?|\s+(?:(?:export|import|retaliatory|new|extra|additional|higher)\s+)?)"
    r"(?:duty|duties|tariffs?|levy|levies|sanctions|curbs|restrictions|controls|quotas|bans?)\b"
)


def named_for_policy(text: str, mention: Mention) -> bool:
    """Whether the country at ``mention`` is named as the one whose duties or curbs they are."""
    return bool(_POLICY_AFTER.match(text, mention.end))


def listed_after_partner(text: str, mentions: list[Mention], i: int) -> bool:
    """Whether ``mentions[i]`` goes on a list of partners: France in "Exports to Germany and France"."""
    stop = max(0, i - _LONGEST_LIST)  # a list is short; the bound keeps a text of lists linear
    while i > stop and LIST_GAP.fullmatch(text, mentions[i - 1].end, mentions[i].start):
        i -= 1
        if is_flow_partner(text, mentions[i]):
            return True
    return False


_LONGEST_LIST = 12


def first_subject(
    text: str, mentions: list[Mention], keep: Callable[[Mention], bool] | None = None
) -> Mention | None:
    """The first country named other than as a partner, or on a list of partners: whose flow
    the text tells ("Exports to Germany and France rose, Poland's statistics office said");
    of those ``keep`` keeps, if given."""
    return next(
        (
            m
            for i, m in enumerate(mentions)
            if not is_flow_partner(text, m)
            and not listed_after_partner(text, mentions, i)
            and (keep is None or keep(m))
        ),
        None,
    )


def _named_after(lead: re.Pattern[str], text: str, mention: Mention) -> bool:
    if text.startswith("-bound", mention.end):
        return True  # "U.S.-bound shipments"
    return bool(lead.search(text, max(0, mention.start - 12), mention.start)) and not _origin(text, mention)


def _origin(text: str, mention: Mention) -> bool:
    """ "Exports from Brazil to China": the country goods are sent from is the sender, not a partner."""
    return bool(_SENT_FROM.search(text, max(0, mention.start - 30), mention.start))


def role(flow: str, partner: bool) -> str:
    # China's exports: China sends; exports to China: China receives.
    return "sender" if (flow == "exports") != partner else "receiver"


# Who sends and who receives, by the noun a rank gives them: "the top supplier", "the biggest market"
SENDER_NOUNS = "supplier|exporter|seller|source|shipper|producer|investor"
RECEIVER_NOUNS = "buyer|importer|customer|market|destination|purchaser"
TOP_RANK = r"(?:top|biggest|largest|main|leading|chief|most\s+important|\w+-largest|\w+-biggest)"
# "China's top corn supplier", "Japan's biggest market": the country a rank is in, and which
# side of the flow the ranked stand on
RANK_OWNER = re.compile(
    rf"(?i)['’]s?\s+(?:[\w-]+\s+)?{TOP_RANK}\s+"
    rf"(?:[\w-]+\s+){{0,2}}?(?:(?P<sender>{SENDER_NOUNS})|(?P<receiver>{RECEIVER_NOUNS})|partner)s?\b"
)
# "the largest U.S. trading partner": the country named as an adjective between the rank and
# the partner
_TOP_BEFORE = re.compile(rf"(?i)\b{TOP_RANK}\s+$")
_PARTNER_AFTER = re.compile(r"(?i)\s+(?:trading\s+)?partners?\b")


def ranks_others(text: str, mention: Mention) -> bool:
    """Whether the country at ``mention`` is the one a rank is in: "China's top corn
    supplier", "the largest U.S. trading partner", "the largest trading partner of the United
    States"."""
    return (
        bool(RANK_OWNER.match(text, mention.end))
        or bool(
            _PARTNER_AFTER.match(text, mention.end)
            and _TOP_BEFORE.search(text, max(0, mention.start - 30), mention.start)
        )
        or bool(_TOP_OF_BEFORE.search(text, max(0, mention.start - 60), mention.start))
    )


_TOP_OF_BEFORE = re.compile(
    rf"(?i)\b{TOP_RANK}\s+(?:[\w-]+\s+){{0,2}}?(?:{SENDER_NOUNS}|{RECEIVER_NOUNS}|partner)s?\s+(?:of|for)\s+(?:the\s+)?$"
)


# A country that takes or buys: "The EU took roughly 30%", "China bought 74.7 million tonnes"
_RECEIVES_AFTER = re.compile(
    r"(?i)\s+(?:took|takes|bought|buys|imported|imports|received|receives|purchased|absorbed)\b"
)


def flow_roles(text: str, mentions: list[Mention], countries: str, metric: str) -> dict[str, str]:
    """Which of a statement's two countries sends and which receives: {"RUS": "sender", ...}.

    ``text`` is the statement's sentence, ``countries`` and ``metric`` its leading figure's;
    a country the sentence leaves implicit ("Imports from Mexico") takes the other role.
    """
    pair = set(countries.split(";")) - {""}
    flow = flow_of(metric)
    if len(pair) != 2 or not flow:
        return {}
    # "Indonesia's share of China's imports": China, the owner, receives what Indonesia sends.
    owner_receives = metric.startswith("share of")
    named: dict[str, str] = {}
    for m in mentions:
        if m.iso3 in pair and m.iso3 not in named:
            ranked = RANK_OWNER.match(text, m.end)
            if ranked and (ranked.group("sender") or ranked.group("receiver")):
                # "Russia overtook Saudi Arabia as China's biggest crude supplier": China receives
                named[m.iso3] = "receiver" if ranked.group("sender") else "sender"
            elif _RECEIVES_AFTER.match(text, m.end):
                # "The EU took roughly 30% of the country's citrus": the buyer, whatever the flow's name
                named[m.iso3] = "receiver"
            else:
                # "Saudi Arabia supplied India with ...": the object of a sending verb receives
                partner = is_partner(text, m) or bool(_SENT_TO.search(text, max(0, m.start - 16), m.start))
                named[m.iso3] = role(flow, partner != owner_receives)
    if len(named) == 2:
        return named if len(set(named.values())) == 2 else {}
    if not named:
        return {}
    [(code, side)] = named.items()
    [other] = pair - {code}
    return {code: side, other: "receiver" if side == "sender" else "sender"}


# "China's exports", "Japan's October trade surplus", "Mongolia: trade with Russia": a flow a
# country owns, and the partner right after it if any ("Brazil's exports to China").
_OWN_FLOW_SHAPE = (
    r"(?i)OWNER\s+(?:[\w-]+\s+){0,2}?(?:exports|imports|trade|shipments|surplus|deficit)\b"
    r"(?:\s+(?:[\w-]+\s+){0,2}?(?P<partner>(?:to|from|with)\s+(?:the\s+)?))?"
)
_OWN_FLOW = re.compile(_OWN_FLOW_SHAPE.replace("OWNER", r"(?:['’]s|\s*:)"))
# "Philippine exports to Japan, January-June 2024:": a demonym owns the flow it comes before
_DEMONYM_FLOW = re.compile(_OWN_FLOW_SHAPE.replace("OWNER", ""))


def lead_parties(text: str, mentions: list[Mention]) -> set[str]:
    """Whose flow a sentence without figures names: "China's exports grew at their fastest
    pace ..., ahead of U.S. tariff hikes" is China's alone, "Brazil's exports to China surged"
    the pair's; none when it names another flow's partner besides ("Japan's exports grew as
    shipments to China recovered")."""
    for i, mention in enumerate(mentions):
        own = _OWN_FLOW.match(text, mention.end) or (
            _DEMONYM_FLOW.match(text, mention.end) if is_origin(text, mention) else None
        )
        if own is None:
            continue
        parties = {mention.iso3}
        partner = own.end() if own.group("partner") else -1
        if i + 1 < len(mentions) and mentions[i + 1].start == partner:
            parties.add(mentions[i + 1].iso3)
        if any(is_flow_partner(text, m) and m.start != partner for m in mentions):
            return set()
        return parties
    return set()


# "Iraq remained the top supplier", "China is the biggest buyer", "the United States, the
# second-largest buyer,": the side of a flow a rank puts a country on
_RANKED_AS = re.compile(
    r"(?i)(?:\s+(?:remained|remains|was|is|became|becomes|stayed|stays|ranked|ranks)\s+(?:as\s+)?|(?P<apposed>,\s+))(?:the|its)\s+"
    rf"(?:[\w-]+\s+)?{TOP_RANK}\s+(?:[\w-]+\s+)?(?:(?P<sender>{SENDER_NOUNS})|(?P<receiver>{RECEIVER_NOUNS}))s?\b"
)


def ranked_as(text: str, mention: Mention) -> str:
    """ "sender" or "receiver" when the sentence ranks the country as a supplier or a buyer
    right after naming it ("Iraq remained the top supplier"); "" otherwise."""
    ranked = _RANKED_AS.match(text, mention.end)
    if ranked is None or (ranked.group("apposed") and is_flow_partner(text, mention)):
        # not "exports to China, its largest source of imports,": what the partner is besides
        return ""
    return "sender" if ranked.group("sender") else "receiver"
