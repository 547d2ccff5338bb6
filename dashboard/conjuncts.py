"""How one sentence's countries are shared out among its figures: conjuncts that each name
their own ("Egypt took 63 million kg and the United Kingdom 40 million kg"), lists of
countries, parallel parts ("while China's share rose"), parts that claim the one country they
name, later parts that give a country's own figure ("with China the main destination at $2.3
billion"), breakdowns after "of which", and clauses about the country just before them.

Worked out once per sentence, on what ``context`` found in it; ``parties`` decides from this
whose each figure is.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from mypy_extensions import mypyc_attr

from dashboard.bases import is_base
from dashboard.context import ABOUT_THE_ONE_BEFORE, POSSESSIVE, Clause, SentenceContext, lazy
from dashboard.countries import Mention
from dashboard.figures import Span
from dashboard.roles import FROM_BEFORE, flow_of, is_flow_partner, is_partner, role

# What opens the second of two figures that share a verb: "Egypt took 63 million kg and the
# United Kingdom 40 million kg", "China (53%), Japan (9%)".
# "Russia accounted for 18.4% of turnover, China for 21.5%": a short tail the conjuncts share
_NEXT_CONJUNCT = re.compile(
    r"(?:\s+of\s+(?:(?:the|its|their)\s+)?(?:total\s+|overall\s+|foreign\s+)?"
    r"(?:turnover|trade|imports|exports|purchases|sales|supplies|shipments|total))?"
    r"\)?\s*(?:,\s*)?(?:(?:and|while|but|whereas)\b|;|,)",
    re.I,
)
_WITH = re.compile(r"(?i)\s*with\s")
_CONJUNCT_REACH = 60
# A partner named right after its figure: "$427 billion from China", "$3bn worth of goods to Japan".
_PARTNER_AFTER = re.compile(
    r"\s+(?:(?:worth\s+)?(?:of\s+)?(?:[a-z-]+\s+){0,2}?)?(?:to|from|with|into)\s+(?:the\s+)?", re.I
)
# ", a third of them to the United States", ", 40% of it to China": where a share of it opens.
# One of the words is in every such sentence, and looked for first.
_BREAKDOWN_WORDS = ("of which", "including", "led by", " of it", " of them")
# A share of the whole before: "about 90% of them", "almost all of it"
_OF_IT = (
    r"(?:(?:about|nearly|almost|roughly|some|over|more\s+than)\s+)?(?:an?\s+)?[\w.%-]+\s+of\s+(?:it|them)\s"
)
_BREAKDOWN = re.compile(rf",\s+(?:(?:of\s+which|including|led\s+by)\s|(?={_OF_IT}))", re.I)
_SHARE_OF_IT = re.compile(_OF_IT, re.I)
# What a country's possessive names: "China's share", "the United States' exports".
_POSSESSED = re.compile(r"['’]s?\s+([a-z]+)")
_SHARE_AFTER = re.compile(r"\s+share\b")
# "the share of the United States": what a country has, named before it
_NOUN_OF = re.compile(r"\bthe\s+([a-z]+)\s+of\s+(?:the\s+)?$")


def _owned_noun(text: str, mention: Mention) -> str:
    """What the sentence says a country has, as "China's share" or "the share of China" names
    it: "share"; "" for neither."""
    if own := _POSSESSED.match(text, mention.end):
        return own.group(1).lower()
    if text.endswith(("the ", "The "), 0, mention.start) and _SHARE_AFTER.match(text, mention.end):
        return "share"  # "while the U.S. share rose 0.8 percentage points"
    of = _NOUN_OF.search(text, max(0, mention.start - 30), mention.start)
    return of.group(1).lower() if of else ""


_CHANGE_VERB = re.compile(
    r"rose|fell|grew|dropped|declined|jumped|climbed|slipped|slid|gained|surged|plunged|increased|decreased"
    r"|edged|eased|shrank|expanded|contracted|were|was|reached|totalled|totaled|stood"
)


@mypyc_attr(native_class=False)  # its ``lazy`` attributes need a __dict__ when compiled
class Conjuncts:
    """The sharing out of one sentence's countries among its figures (see the module)."""

    def __init__(self, ctx: SentenceContext) -> None:
        self.ctx = ctx
        self._distributed: dict[int, dict[int, set[str]] | None] = {}

    @lazy
    def names_after_first_figure(self) -> bool:
        """Whether the sentence has two figures and names a country after the first: most do
        not, and only then can its figures each name their own partner."""
        return (
            len(self.ctx.spans) >= 2
            and len(self.ctx.in_sentence) >= 2
            and bool(self.ctx.mentions)
            and self.ctx.mentions[-1].start > self.ctx.spans[0].end
        )

    def with_list(self, clause: Clause) -> Clause:
        """``clause`` with the clauses before it that a list of countries runs through: in
        "Imports from Vietnam, Thailand, Malaysia and Cambodia rose", the last clause and all."""
        i = bisect_right(self.ctx.clause_starts, clause.start) - 1
        start = clause.start
        while i > 0:
            k = bisect_left(self.ctx.mention_starts, start)
            opens = k < len(self.ctx.mentions) and not self.ctx.text[
                start : self.ctx.mentions[k].start
            ].strip(" ,")
            before = self.ctx.parts[i - 1]
            j = bisect_left(self.ctx.mention_starts, before.end) - 1
            ends = j >= 0 and self.ctx.mentions[j].end == before.end
            if not (opens and ends):
                break
            start, i = before.start, i - 1
        # and after it, through clauses with no figure: "deposits of up to 43.5% on imports from
        # the United States, Japan and Britain"
        end = clause.end
        i = bisect_right(self.ctx.clause_starts, clause.start) - 1
        while i + 1 < len(self.ctx.parts):
            j = bisect_left(self.ctx.mention_starts, end) - 1
            if j < 0 or self.ctx.mentions[j].end != end:
                break  # most clauses end with no country
            after = self.ctx.parts[i + 1]
            k = bisect_left(self.ctx.mention_starts, after.start)
            if not (
                k < len(self.ctx.mentions)
                and not self.ctx.text[after.start : self.ctx.mentions[k].start].strip(" ,")
                and bisect_left(self.ctx.span_starts, after.start)
                == bisect_left(self.ctx.span_starts, after.end)
            ):
                break
            end, i = after.end, i + 1
        return clause if (start, end) == clause else Clause(start, end)

    def first_in(self, clause: Clause) -> Mention | None:
        """The first country named in ``clause``."""
        k = bisect_left(self.ctx.mention_starts, clause.start)
        return (
            self.ctx.mentions[k]
            if k < len(self.ctx.mentions) and self.ctx.mentions[k].start < clause.end
            else None
        )

    @lazy
    def _part_list(self) -> list[Clause]:
        """The sentence's parts, in order."""
        parts: dict[int, Clause] = {}
        for clause in self.ctx.parts:
            part = self.ctx.part(clause)
            parts.setdefault(part.start, part)
        return list(parts.values())

    @lazy
    def _claims(self) -> list[tuple[Clause, str]]:
        """(part, country) for each part of the sentence that holds a figure and names one country."""
        claims = []
        for part in self._part_list:
            codes = self.ctx.clause_countries(part)
            has_figure = bisect_left(self.ctx.span_starts, part.start) < bisect_left(
                self.ctx.span_starts, part.end
            )
            if len(codes) == 1 and has_figure:
                claims.append((part, next(iter(codes))))
        return claims

    def in_place_of(self, code: str, part: Clause) -> str:
        """The other side of a parallel part: "The United States' share of Mexico's imports fell,
        while China's share rose": China stands where the United States stood, so with Mexico."""
        word = _owned_noun(self.ctx.text, self.ctx.first_mention[code])
        if not word or len(self._part_list) < 2:
            return ""
        elided = _CHANGE_VERB.fullmatch(word) is not None  # "Saudi Arabia's fell 3%"
        for other in self._part_list:
            codes = self.ctx.clause_countries(other)
            if other.start == part.start or len(codes) != 2:
                continue
            lo = bisect_left(self.ctx.mention_starts, other.start)
            hi = bisect_left(self.ctx.mention_starts, other.end)
            for m in self.ctx.mentions[lo:hi]:
                same = _POSSESSED.match(self.ctx.text, m.end)
                if same and (elided or same.group(1).lower() == word):
                    return next(iter(codes - {m.iso3}), "")
        return ""

    def across_earlier_flow(self, code: str, part: Clause) -> str:
        """The far side of a flow in an earlier part, from where ``code`` stands in its own:
        "Turkmenistan supplied 31.6 bcm to China; Russia delivered 22.7 bcm": Russia sends,
        as Turkmenistan did, so to China."""
        text = self.ctx.text
        flow = flow_of(text[part.start : part.end])
        if not flow or code not in self.ctx.clause_countries(part):
            return ""  # not "toward the UAE, where imports jumped": the UAE stands before
        side = role(flow, False)
        for other in self.ctx.parts:  # clauses: a part may name both flows ("of China's imports")
            if other.start >= part.start:
                break
            codes = self.ctx.clause_countries(other)
            earlier_flow = flow_of(text[other.start : other.end])
            if len(codes) != 2 or code in codes or not earlier_flow:
                continue
            lo = bisect_left(self.ctx.mention_starts, other.start)
            hi = bisect_left(self.ctx.mention_starts, other.end)
            sides = {m.iso3: role(earlier_flow, is_partner(text, m)) for m in self.ctx.mentions[lo:hi]}
            across = [c for c, r in sides.items() if r != side]
            if len(set(sides.values())) == 2 and len(across) == 1:
                return across[0]
        return ""

    def claimed_elsewhere(self, code: str, part: Clause) -> bool:
        """Whether ``code`` is the one country of a part other than ``part`` with a figure of its own."""
        return len(self.ctx.parts) > 1 and any(code == c and p.start != part.start for p, c in self._claims)

    @lazy
    def breakdown_at(self) -> int | None:
        """Where a breakdown of the figure before it opens: ", of which", ", including", ", half
        of it"."""
        text = self.ctx.text
        if "," not in text or not any(map(text.lower().__contains__, _BREAKDOWN_WORDS)):
            return None
        m = _BREAKDOWN.search(text)
        return m.end() if m else None

    def shares_out(self) -> bool:
        """Whether the breakdown at ``breakdown_at`` shares the whole out ("about 90% of them to
        China", "almost all of it to China"), not "including Hong Kong"."""
        opener = self.breakdown_at
        return opener is not None and _SHARE_OF_IT.match(self.ctx.text, opener) is not None

    def where_antecedent(self, clause: Clause) -> str:
        """The country a clause opening "where" or "which" is about: "toward the UAE, where
        imports jumped", "the second-largest buyer after China, which took 216 million tonnes"."""
        if not ABOUT_THE_ONE_BEFORE.match(self.ctx.text, clause.start):
            return ""
        i = bisect_left(self.ctx.mention_starts, clause.start) - 1
        if i < 0:
            return ""
        mention = self.ctx.mentions[i]
        return mention.iso3 if not self.ctx.text[mention.end : clause.start].strip(" ,") else ""

    def distributed(self, span: Span, part: Clause) -> set[str] | None:
        """The countries of a figure in one of several conjuncts that each name their own:
        before their figures ("Egypt took 63 million kg and the United Kingdom 40 million kg")
        or after them ("imported $475 billion from Mexico, $427 billion from China and ...").
        Its conjunct's country and those the part names outside the conjuncts; None when
        the part is not so. Worked out once for all the figures of a part."""
        if part.start not in self._distributed:
            lo = bisect_left(self.ctx.span_starts, part.start)
            hi = bisect_left(self.ctx.span_starts, part.end)
            spans = self.ctx.spans[lo:hi]
            # Either reading needs a country named after the first figure: most parts name none.
            after = (
                bisect_left(self.ctx.mention_starts, spans[0].end)
                if len(spans) >= 2
                else len(self.ctx.mentions)
            )
            found = (
                (self._named_before(spans, part) or self._named_after(spans, part))
                if after < len(self.ctx.mentions) and self.ctx.mentions[after].start < part.end
                else None
            )
            if found is None and (opener := self.breakdown_at) is not None and part.start < opener < part.end:
                # "imported 41.3 bcm of gas, of which Russia supplied 41%, Azerbaijan 23% and
                # Iran 13%": the conjuncts after "of which", each with the country before them
                rest = Clause(opener, part.end)
                later = [s for s in spans if s.start >= opener]
                found = self._named_before(later, rest) if len(later) >= 2 else None
            if found is None and len(spans) >= 3:
                found = self._in_place_of_subject(spans, part)
            self._distributed[part.start] = found
        by_start = self._distributed[part.start]
        own = by_start.get(span.start) if by_start else None
        return set(own) if own else None

    def listed(self, part: Clause) -> set[str]:
        """The countries of the conjuncts ``distributed`` found in ``part``, each its own."""
        owners = self._distributed.get(part.start)
        if not owners:
            return set()
        first, *others = owners.values()
        return first.union(*others) - first.intersection(*others)

    def _in_place_of_subject(self, spans: list[Span], part: Clause) -> dict[int, set[str]] | None:
        """ "The Netherlands imported 5.9 million tonnes of Russian LNG, followed by Spain with
        5.1 million tonnes and Belgium with 4.7 million tonnes": the figures after the first
        clause, each with the country before it in place of the subject, so with Russia."""
        first = self.ctx.clause(spans[0].start)
        rest = Clause(first.end, part.end)
        owners = self._named_before([s for s in spans if s.start >= first.end], rest)
        # "Germany was the largest importer ..., with €157 billion, followed by the Netherlands
        # (€94 billion) and ...": a part opening "with" has its subject in the part before
        opens = 0 if _WITH.match(self.ctx.text, part.start) else part.start
        i = bisect_left(self.ctx.mention_starts, opens)
        if owners is None or i == len(self.ctx.mentions) or self.ctx.mentions[i].start >= first.end:
            return None
        subject = self.ctx.mentions[i].iso3
        shared = self._codes(opens, first.end) - {subject}
        if not shared or any(subject in codes or codes & shared for codes in owners.values()):
            return None
        return {start: codes | shared for start, codes in owners.items()}

    def _codes(self, start: int, end: int) -> set[str]:
        lo, hi = bisect_left(self.ctx.mention_starts, start), bisect_left(self.ctx.mention_starts, end)
        return {m.iso3 for m in self.ctx.mentions[lo:hi]}

    def _named_before(self, spans: list[Span], part: Clause) -> dict[int, set[str]] | None:
        owners: dict[int, str] = {}
        seen: list[str] = []
        lead: set[str] = set()
        at = part.start
        for each in spans:
            codes = self._codes(at, each.start)
            if len(codes) > 1:
                # "Chile's copper exports went to China (53%), Japan (9%) and ...": the first
                # conjunct opens after the countries all of them share
                last = self.ctx.mentions[bisect_left(self.ctx.mention_starts, each.start) - 1]
                if seen or self._possessive(last):
                    return None
                lead, codes = codes - {last.iso3}, {last.iso3}
            if codes:
                [code] = codes
                if seen and (
                    code in seen
                    or each.start - at > _CONJUNCT_REACH
                    or not _NEXT_CONJUNCT.match(self.ctx.text, at)
                ):
                    return None
                seen.append(code)
            elif not seen:
                return None
            owners[each.start] = seen[-1]
            at = each.end
        if len(seen) < 2 or lead & set(seen):
            return None
        if lead and any(self._possessive(m) for m in self.ctx.mentions if m.iso3 in seen):
            return None  # "Russia's exports to China rose 5%, Saudi Arabia's 3%": another subject
        outside = self._codes(at, part.end) | lead
        return {start: {code} | outside for start, code in owners.items()}

    def _possessive(self, mention: Mention) -> bool:
        return self.ctx.text.startswith(("'s", "’s", "' ", "’ "), mention.end)

    def _named_after(self, spans: list[Span], part: Clause) -> dict[int, set[str]] | None:
        owners: dict[int, str] = {}
        seen: list[str] = []
        pending: list[Span] = []  # "rose 5% to $10 billion from Mexico": both are Mexico's
        for j, each in enumerate(spans):
            pending.append(each)
            stop = spans[j + 1].start if j + 1 < len(spans) else part.end
            codes = self._codes(each.end, stop)
            if not codes:
                continue
            partner = _PARTNER_AFTER.match(self.ctx.text, each.end)
            first = self.ctx.mentions[bisect_left(self.ctx.mention_starts, each.end)]
            if len(codes) > 1 or codes & set(seen) or not partner or first.start != partner.end():
                return None  # "$427 billion from China", not "up 23% from a year earlier. the US"
            [code] = codes
            seen.append(code)
            owners.update((p.start, code) for p in pending)
            pending = []
        if len(seen) < 2:
            return None
        outside = self._codes(part.start, spans[0].start)
        return {start: {code} | outside for start, code in owners.items()}


_TO_BEFORE = re.compile(r"(?i)\bto\s+(?:the\s+)?$")


def base_in_place(ctx: SentenceContext, span: Span, clause: Clause, sibling: str) -> set[str]:
    """A base naming its own country after it, in the place of one side of the figure it is
    compared with (``sibling``, its countries): "Mexico ... selling goods worth $475.6 billion to
    the United States, against $427.2 billion from China" is China's, sending in Mexico's place;
    empty when it is not one."""
    pair = set(sibling.split(";")) - {""}
    if len(pair) != 2 or not is_base(ctx.text, span.start):
        return set()
    own = [m for m in ctx.mentions if span.end <= m.start < clause.end and m.iso3 not in pair]
    if len(own) != 1:
        return set()
    partners = {code for code in pair if is_flow_partner(ctx.text, ctx.first_mention[code])}
    if len(partners) != 1:
        return set()
    text, named = ctx.text, own[0]
    if FROM_BEFORE.search(text, max(0, named.start - 10), named.start):
        return {named.iso3, *partners}  # "from China": it sends, to the same partner
    if _TO_BEFORE.search(text, max(0, named.start - 10), named.start):
        return {named.iso3, *(pair - partners)}  # "to Canada": it receives, from the same sender
    return set()


# A part listing who ranks first: ", with Germany, Italy and Spain the largest buyers"
_TOP_BUYERS = re.compile(
    r"(?i)[\s,]*with\s+[^;]{0,120}?\b(?:the|its|their)\s+(?:\w+\s+)?(?:largest|biggest|main|top|leading|key)\s+"
    r"(?:\w+\s+)?(?:buyers?|markets?|destinations?|suppliers?|sources?|importers?|customers?|purchasers?)\b"
)


# "while Spain and Thailand were a distant second and third", "while Israel was the
# second-largest buyer": others placed in the ranking
# "..., while Vietnam and Thailand took more": what other countries did, in a part of their own
_OTHERS_DID = re.compile(
    r"(?i),?\s*(?:while|whereas)\s+[^,;]{0,60}?\s(?:took|bought|sold|shipped|imported|exported)\b"
)
_PLACED_AFTER = re.compile(
    r"(?i)\b(?:were|was|came|ranked|placed|finished)\s+(?:a\s+|the\s+)?(?:distant\s+|close\s+)?"
    r"(?:second|third|fourth|fifth|next)\b"
)


def told_later(ctx: SentenceContext, code: str, part: Clause, beside: str) -> bool:
    """Whether the sentence gives ``code``'s part of the figure's whole later, in a part of its
    own: "Uruguay's exports reached $11.3 billion, with China the main destination at $2.3
    billion" makes the first the whole, Uruguay's alone. Not when that part names ``beside``,
    the figure's country, too: "Imports from China fell 0.2%, while German exports to China
    slumped 7.6%" gives the pair's other flow, not a part of this one."""
    if ctx.bilateral or code not in ctx.first_mention or not of_a_later_figure(ctx, code, part):
        return False
    own = ctx.part(ctx.clause(ctx.first_mention[code].start))
    # named before that part's figure: not "..., according to Uruguay XXI" after it; a part
    # listing top buyers may hold none
    i = bisect_right(ctx.span_starts, own.start - 1)
    figure = ctx.span_starts[i] if i < len(ctx.span_starts) else own.end
    return beside not in ctx.clause_countries(Clause(own.start, figure))


def of_a_later_figure(ctx: SentenceContext, code: str, part: Clause) -> bool:
    """Whether ``code`` is named first in a later part of the sentence that holds a figure of its
    own ("exported 41.6 million tonnes, with China taking 8.1 million tonnes and Spain 6.4"), or
    that lists the top buyers of a total ("climbed 10% to 774,000 tonnes, with Germany, Italy
    and Spain the largest buyers") or places others after it ("while Spain and Thailand were a
    distant second and third")."""
    own = ctx.part(ctx.clause(ctx.first_mention[code].start))
    if own.start <= ctx.part(ctx.clause(part.start)).start:
        return False
    return (
        _holds_a_figure(ctx, own)
        or bool(_TOP_BUYERS.match(ctx.text, own.start, own.end))
        or bool(_PLACED_AFTER.search(ctx.text, own.start, own.end))
        or bool(_OTHERS_DID.match(ctx.text, own.start, own.end))
    )


def partner_of_another_figure(ctx: SentenceContext, code: str, part: Clause) -> bool:
    """Whether ``code`` is named first as the partner of a flow in another part of the sentence
    that holds a figure of its own."""
    if len(ctx.parts) < 2:
        return False
    mention = ctx.first_mention[code]
    own = ctx.part(ctx.clause(mention.start))
    if own.start == ctx.part(ctx.clause(part.start)).start:
        return False
    return _holds_a_figure(ctx, own) and is_flow_partner(ctx.text, mention)


def subjects_of_later_clauses(ctx: SentenceContext, clause: Clause) -> set[str]:
    """Countries named first in a clause after ``clause`` that holds a figure of its own:
    "Shipments have grown tenfold since 2021, and China now buys two-thirds of the world's
    imports" names China for the second figure, not the first."""
    subjects = set()
    for code, m in ctx.first_mention.items():
        if m.start < clause.end or is_flow_partner(ctx.text, m):
            continue  # not "Kia 9.8% and Toyota 14.1% on cars shipped to Brazil": all of theirs
        own = ctx.clause(m.start)
        figure = bisect_right(ctx.span_starts, own.start - 1)
        # named before that clause's figure, as what it is about
        if figure < len(ctx.span_starts) and m.start < ctx.span_starts[figure] < own.end:
            subjects.add(code)
    return subjects


def _holds_a_figure(ctx: SentenceContext, part: Clause) -> bool:
    return bisect_right(ctx.span_starts, part.start - 1) < bisect_right(ctx.span_starts, part.end - 1)


def owned_share(ctx: SentenceContext, start: int, end: int) -> tuple[str, int]:
    """The country owning the flow a share in ``text[start:end]`` is of, and where the flow's
    words end: "36% of India's crude imports", "about 47% of Brazil's beef exports"; ("", -1)
    when there is none."""
    share = _SHARE_OF_OWNED.search(ctx.text, start, end)
    if share is None:
        return "", -1
    i = bisect_right(ctx.mention_starts, share.start("flow")) - 1
    if i < 0:
        return "", -1
    mention = ctx.mentions[i]
    gap = POSSESSIVE.match(ctx.text, mention.end)
    return (mention.iso3, share.end()) if gap is not None and gap.end() == share.start("flow") else ("", -1)


_SHARE_OF_OWNED = re.compile(
    r"(?i)(?:%|per\s?cent|half|third|quarter|fifth)\s+of\s+[^%;]{0,40}?['’]s?\s(?P<flow>(?:total\s+|overall\s+)?"
    r"(?:[\w-]+\s+){0,2}?(?:imports|exports|purchases|shipments|sales|supplies|consumption|trade))\b"
)
