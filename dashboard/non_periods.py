"""The rules for words that look like periods but are not: comparison bases ("from a year
earlier", "up 15% from 2022"), records' reach ("the lowest since 2010"), the dates of events
("signed in 2023"), names ("the 2024 report"), rates and "now", and times open at one end
("before 2022"). ``period_rules`` puts them first in its table: the longest match wins, and
at equal length a non-period.
"""

from __future__ import annotations

from dashboard.period_calendar import Resolver
from dashboard.period_resolvers import not_a_period, open_before
from dashboard.period_vocabulary import ORD, YEAR, S, vocabulary

# What happened at a time, rather than over it: "signed in 2023", "Britain left the bloc in 2020"
_EVENTS = (
    rf"signed|agreed|announced|unveiled|struck|sealed|inked|launched|imposed|lifted|scrapped"
    rf"|joined|left|quit|exited|took{S}effect|halted|suspended|stopped|resumed|reopened"
    rf"|founded|established|set{S}up|incorporated"
)


def non_period_rules() -> list[tuple[str, Resolver, tuple[str, ...]]]:
    """(pattern, resolver, needs), as ``period_rules.rule_table`` has them."""
    month = vocabulary()["MONTH"]
    return [
        # Comparison bases, rates and "now": words that look like periods but are not.
        (
            rf"(?i:year{S}on{S}year|year[-\s]over[-\s]year|y/y|yoy|(?:from|than|over){S}a{S}year{S}(?:earlier|ago|before)|a{S}year{S}(?:earlier|ago|before)"
            # "up 60.6% from the previous year": the year compared with
            # "up 16% on the previous fiscal year", "down 2% from the previous quarter"
            rf"|(?:from|over|on|compared{S}(?:with|to)|versus|against){S}(?:the{S}(?:previous|prior|preceding){S}"
            rf"(?:(?:fiscal|financial)(?:{S}year)?|year|quarter|month|season|(?:marketing|crop|agricultural){S}year)"
            # not "from the previous year to 2025", a span; but "from the previous month to 1.58
            # million bpd" is a base, and the level after it
            rf"|last{S}(?:year|season))(?!{S}(?:to|and)\b(?!{S}(?:(?:about|around|nearly|almost|roughly|some|just)\s+)?(?:[$€£¥₹]|(?!{YEAR}\b)\d))))",
            not_a_period,
            (
                *("year on", "year over", "y/y", "yoy", "year earlier", "year ago", "year before"),
                # The words before, as phrases: "from" and "over" alone are too common to scan for.
                *(
                    f"{word} {base}"
                    for base in (
                        *(
                            f"the {w} {part}"
                            for w in ("previous", "prior", "preceding")
                            for part in (
                                *("year", "fiscal", "financial", "quarter", "month", "season"),
                                *("marketing", "crop", "agricultural"),
                            )
                        ),
                        "last year",
                        "last season",
                    )
                    for word in ("from", "over", "on", "with", "to", "versus", "against")
                ),
            ),
        ),
        (
            rf"(?i:(?:on|from|over|compared{S}(?:with|to)|versus|against|than(?:{S}(?:in|during))?){S}"
            rf"(?:the{S}same{S}(?:period|months?|quarters?|weeks|half){S}(?:(?:a|last){S}year|(?:of|in){S}{YEAR}|(?:of|in){S}(?:{month})(?:{S}{YEAR})?)"
            rf"|(?:{YEAR}){S}levels?))",
            not_a_period,
            ("same", "level"),
        ),
        # "down from 42% in the same period last year", "in the same quarter of 2022": the base's
        # own time, that stretch of another year
        (
            rf"(?i:(?:in|during|for){S}the{S}same{S}(?:period|quarter|month|months|half){S}"
            rf"(?:(?:a|last){S}year|of{S}(?:the{S})?(?:previous|prior){S}year|a{S}year{S}(?:earlier|ago|before)"
            rf"|(?:of|in){S}{YEAR}))",
            not_a_period,
            ("same",),
        ),
        # "up 15% from 2022", "a three-fold jump from 2022": the year compared with, not the figure's
        (
            rf"(?i:(?:\d[\d.,]*\s*(?:%|per\s*cent|percentage{S}points?|pp|points?)|\w+[-‐‑–]?fold)"
            rf"{S}(?:(?:year{S}on{S}year|y/y|jump|rise|increase|gain|growth|surge|drop|fall|decline|decrease|slump|rebound){S})?"
            rf"(?:from|on|over|compared{S}(?:with|to)|versus|against){S}(?:in{S})?(?:{month}{S})?{YEAR})"
            # not "a gain of 6% on 2023's 660,000 tonnes": that figure's own time
            rf"(?!{S}(?i:to|and|through|until)\b|\s*[-–/]\s*\d|['’][sS]\s)",
            not_a_period,
            ("%+YEAR", "cent+YEAR", "point+YEAR", "pp+YEAR", "fold+YEAR"),
        ),
        # "up from almost nothing in 2022", "from zero in 2021": the time of a base too small to
        # be a figure, not the figure's
        (
            rf"(?i:from{S}(?:(?:almost|nearly|virtually|practically|next{S}to){S})?(?:nothing|zero|none|nil)"
            rf"{S}(?:in{S})?(?:{month}{S})?{YEAR})",
            not_a_period,
            ("nothing+YEAR", "zero+YEAR", "none+YEAR", "nil+YEAR"),
        ),
        # "three times the level of 2018", "2.5 times those of 2019": the year a multiple is of
        (
            rf"(?i:(?:times|fold|double|triple|twice){S}(?:(?:the|its|their){S}(?:level|figure|value|volume|amount|total)s?"
            rf"|that|those){S}(?:of|in|seen{S}in){S}{YEAR})",
            not_a_period,
            ("times+YEAR", "fold+YEAR", "double+YEAR", "triple+YEAR", "twice+YEAR"),
        ),
        # "up 79.1% from the first quarter", "compared with the second half of 2023": the part of
        # a year compared with, not the figure's
        (
            rf"(?i:(?:(?:\d[\d.,]*\s*(?:%|per\s*cent|percentage{S}points?|pp|points?)|\w+[-‐‑–]?fold)"
            rf"{S}(?:from|on)|compared{S}(?:with|to)|versus|against){S}the{S}(?:{ORD}){S}(?:quarter|half)"
            rf"(?:{S}of{S}{YEAR})?)(?!{S}(?i:to|and|through|until)\b)",
            not_a_period,
            tuple(
                f"{w}+{part}"
                for w in ("%", "cent", "point", "pp", "fold", "compared", "versus", "against")
                for part in ("quarter", "half")
            ),
        ),
        # "dropped 1.1% compared with November 2023", "15.5% less than in 2022", "30% more than in
        # January-June 2023": the time compared with
        (
            rf"(?i:(?:compared{S}(?:with|to)|versus|against|than(?:{S}in)?){S}"
            rf"(?:(?:{month})(?:\s*[-–]\s*(?:{month}))?{S})?{YEAR})"
            rf"(?!{S}(?i:to|and|through|until)\b|\s*[-–/]\s*\d)",
            not_a_period,
            ("compared", "versus", "against", "than+YEAR"),
        ),
        # "0.7 points lower than in October", "double its level in 2016", "18% below the 2022
        # peak": the time compared with
        (
            rf"(?i:than{S}in{S})(?:{month})(?!{S}\d)|(?i:(?:its|their|the){S}levels?{S}(?:in|of){S})(?:{month}{S})?{YEAR}"
            rf"|(?i:(?:below|above|under|over|from){S}(?:the|its|their){S}){YEAR}(?={S}(?i:peak|high|low|level|record)s?\b)",
            not_a_period,
            ("than in+MONTH", "level+YEAR", "peak+YEAR", "high+YEAR", "low+YEAR", "record+YEAR"),
        ),
        # "Bolat said in June that they aimed to raise trade to $100 billion": when words
        # were said, not the time of their figures
        (
            rf"(?i:(?:said|announced|stated|told{S}(?:reporters|journalists|parliament|lawmakers|[a-z]+))"
            rf"{S}(?:in|on){S})(?:{month})(?:{S}\d{{1,2}}(?:st|nd|rd|th)?)?(?:,?{S}{YEAR})?",
            not_a_period,
            (
                "said in+MONTH",
                "said on+MONTH",
                "announced in+MONTH",
                "announced on+MONTH",
                "stated in+MONTH",
                "told+MONTH",
            ),
        ),
        # "Novak said earlier this year that supplies would remain at 100 million tonnes": when
        # the words were said too
        (
            rf"(?i:(?:said|announced|stated|told{S}(?:reporters|journalists|parliament|lawmakers|[a-z]+))"
            rf"{S}(?:(?:earlier|late|early){S})?(?:this|last){S}(?:year|month|week))",
            not_a_period,
            (
                *(
                    f"{verb} {when}"
                    for verb in ("said", "announced", "stated")
                    for when in ("earlier", "late", "early", "this", "last")
                ),
                "told+this",
                "told+last",
            ),
        ),
        # "the lowest since 2010", "for the first time since 2016": a record's reach
        (
            rf"(?i:(?:lowest|highest|biggest|smallest|largest|weakest|strongest|fastest|slowest|best|worst"
            # "the first monthly increase since March"
            rf"|first|most|least)(?:{S}[a-z]+){{0,4}}?{S}since{S}(?:at{S}least{S})?"
            rf"(?:(?:{month}{S})?{YEAR}|{month}))",
            not_a_period,
            ("since",),
        ),
        # "down 86% from before the invasion": the time compared with, no period
        (
            rf"(?i:from{S}before{S}(?:the{S})?[a-z-]+(?:{S}of{S}[A-Z][a-z]+)?)",
            not_a_period,
            ("from before",),
        ),
        # "less than 1% before February 2022", "duties of 218% until March": a time open at one end
        (
            rf"(?i:(?:before|prior{S}to|until|till){S}(?:the{S}(?:start{S}of{S}(?:the{S})?)?[a-z-]+|(?:{month}{S})?(?P<y>{YEAR})|{month}"
            # "Before Britain left the bloc in 2020": before an event, whose date is not a period
            rf"|(?:[\w.'’-]+{S}){{1,4}}?(?:{_EVENTS})(?:{S}[^\s,.;:]+){{0,6}}?{S}(?:in|on){S}(?:{month}{S})?{YEAR}))",
            open_before,
            ("before", "prior to", "until", "till"),
        ),
        # "Before the 2020 trade dispute": before an event named with its year, no period
        (
            rf"(?i:(?:before|prior{S}to|until|till){S}the{S}{YEAR}{S}[a-z-]+(?:{S}[a-z-]+)?)",
            not_a_period,
            ("before", "prior to", "until", "till"),
        ),
        # "under a deal signed in November": the date of an event, not a period of figures
        (
            rf"(?i:(?:{_EVENTS}"
            # "signed a 27-year deal with Sinopec in 2022"
            rf"|came{S}into{S}force)(?:{S}(?![$€£¥₹])(?:[^\s,.;:]|\.(?=\S))+){{0,6}}?{S}(?:on{S}|in{S}|at{S})?)"
            rf"(?:(?:{month})(?:{S}\d{{1,2}}(?:st|nd|rd|th)?)?(?:,?{S}{YEAR})?|{YEAR}(?:{S}(?i:and|or){S}{YEAR})?"
            rf"|(?i:mon|tues|wednes|thurs|fri|satur|sun)day)",
            not_a_period,
            (
                "signed",
                "agreed",
                "announced",
                "unveiled",
                "struck",
                "sealed",
                "inked",
                "launched",
                "imposed",
                "lifted",
                "scrapped",
                "joined",
                "left",
                "quit",
                "exited",
                "halted",
                "suspended",
                "stopped",
                "resumed",
                "reopened",
                "effect",
                "force",
                "founded",
                "established",
                "set up",
                "incorporated",
            ),
        ),
        # "Tokyo pledged in 2022 to invest 5 trillion yen": when a pledge was made, not the time
        # of what it pledges
        (
            rf"(?i:(?:pledged|promised|vowed|committed){S}(?:in|on){S})(?:(?:{month})(?:{S}\d{{1,2}})?(?:,?{S}{YEAR})?|{YEAR})"
            rf"(?=,?{S}(?i:to)\b)",
            not_a_period,
            ("pledged", "promised", "vowed", "committed"),
        ),
        # "the 3.3% the WTO predicted in April": when a forecast was made, not what it is for
        (
            rf"(?i:(?:predicted|projected|forecast){S}(?:in|on){S}(?:{month})(?:{S}\d{{1,2}})?(?:,?{S}{YEAR})?)",
            not_a_period,
            ("predicted", "projected", "forecast"),
        ),
        # "three times their 2017 level", "above its pre-pandemic 2019 level"
        (rf"(?i:(?:its|their|the)(?:{S}pre-pandemic)?{S}{YEAR}{S}levels?)", not_a_period, ("level",)),
        # "more than double the 2023 volume", "up 20% on the 2022 total": what is compared with;
        # but "the 2023 total was $5 billion" is of 2023
        (
            rf"(?i:(?:double|triple|twice|times|above|below|under|over|on|than|from|versus|against)"
            rf"{S}(?:its|their|the){S}{YEAR}{S}(?:volumes?|totals?|figures?|amounts?|values?|tally))",
            not_a_period,
            ("volume", "total", "figure", "amount", "value", "tally"),
        ),
        # "the 2024 report by the bank said", "under the 2019 agreement": a name, not a period
        (
            rf"(?i:(?:the|its|their|a|this|that|[\w-]+['’]s){S}{YEAR}{S}"
            rf"(?:report|survey|study|review|yearbook|edition|ranking|agreement|deal|accord|treaty|pact"
            rf"|protocol|contract|memorandum|framework|roadmap|visit|crisis|war|ban"
            rf"|summit|law|act|election|invasion|pandemic|earthquake)s?)(?!\w)",
            not_a_period,
            ("YEAR",),
        ),
        # "the Trade Expansion Act of 1962": a name's year, not a period
        (
            rf"(?i:(?:act|law|treaty|convention|protocol|accords?|charter|agreement){S}of{S}{YEAR})",
            not_a_period,
            ("of+YEAR",),
        ),
        (
            r"(?i:\b(?:annually|per\s+annum|a\s+year|per\s+year|now|currently|at\s+present|today)\b)",
            not_a_period,
            ("annually", "per annum", "a year", "per year", "now", "currently", "at present", "today"),
        ),
    ]
