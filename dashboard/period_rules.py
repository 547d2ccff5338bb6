"""The period rules: a table of patterns, each with its resolver and the words it needs.

``periods`` runs them; this module owns what they say, ``period_resolvers`` what
each match means.
"""

from __future__ import annotations

from dashboard.fiscal_resolvers import (
    fiscal_named,
    fiscal_part,
    fiscal_span,
    relative_fiscal,
    relative_fiscal_part,
    relative_season,
    season,
    season_part,
    the_fiscal_year,
    year_from,
)
from dashboard.non_periods import non_period_rules
from dashboard.period_calendar import Resolver
from dashboard.period_resolvers import (
    anaphor,
    as_of,
    bare_month,
    calendar_year,
    dated_month_range,
    day_range,
    days_of_month,
    days_to,
    decade,
    elided_part,
    end_of,
    first_days,
    first_months,
    fourth_quarter,
    half,
    last_month,
    last_months,
    last_year,
    month_of_relative_year,
    month_of_year,
    month_quarter,
    month_range,
    months_to,
    next_year,
    next_years,
    not_a_period,
    numbered_months,
    numbered_part,
    part_of_named_year,
    past_decade,
    past_months,
    past_years,
    past_years_said,
    quarter,
    quarters,
    relative_quarter,
    since_day,
    since_event,
    since_year,
    this_month,
    this_year,
    through_month,
    to_date,
    whole_year,
    year_to,
    years_span,
    years_to,
)
from dashboard.period_vocabulary import ORD, THIS_LAST, YEAR, YY, S, vocabulary


def rule_table() -> list[tuple[str, Resolver, tuple[str, ...]]]:
    """(pattern, resolver, needs): ``needs`` are words in lower case, "MONTH" or "YEAR",
    one of which every match holds, so that a sentence holding none skips the rule;
    "%+YEAR" needs both."""
    v = vocabulary()
    month, n = v["MONTH"], v["N"]
    return [
        *non_period_rules(),
        # The period of the statement before.
        (
            # not "for the period April-December", which names its own
            rf"(?i:(?:over|in|during|for){S}the{S}(?:same{S})?period)(?!{S}(?:(?i:of|from|between){S})?(?:{month}|{YEAR}))"
            # "over the same four months", "over the seven months", but not "in the same two months
            # of 2023", "last year" or "in the three months to September"
            rf"|(?i:(?:over|in|during|for){S}the{S}(?:same{S}(?:{n}{S})?|{n}{S})(?:months|weeks|quarters))"
            rf"(?!{S}(?i:of|from|between|in|a|last|the|to|through|thru|ending|ended|since|until|before|after)\b)",
            anaphor,
            ("period", "same", "months", "quarters"),
        ),
        # "signed a free trade agreement in 2005, and trade has grown tenfold since then": from a
        # time named before it, which ``figure_periods`` finds in the sentence
        (rf"(?i:since{S}then)\b", anaphor, ("since",)),
        # "year-to-date through September": January to that month
        (
            rf"(?i:(?:year[-\s]to[-\s]date|ytd|so{S}far{S}this{S}year){S}(?:through|thru|to){S}(?:the{S}end{S}of{S})?)"
            rf"(?P<m>{month})(?:{S}(?P<y>{YEAR}))?",
            through_month,
            ("to date", "ytd", "so far"),
        ),
        # To date.
        (
            rf"(?i:so{S}far{S}(?:this{S}year|in{S}(?P<y>{YEAR}))|year[-\s]to[-\s]date|ytd|since{S}the{S}(?:start|beginning){S}of{S}(?:the|this){S}year|in{S}the{S}year{S}to{S}date)",
            to_date,
            ("so far", "to date", "ytd", "start", "beginning"),
        ),
        (
            rf"(?i:(?:over{S}|in{S}|during{S})?the{S}(?:past|last|previous){S}decade)",
            past_decade,
            ("decade",),
        ),
        (
            rf"(?i:(?:over{S}|in{S}|during{S})?the{S}(?:past|last|previous){S}(?P<n>{n}){S}years)",
            past_years,
            ("years",),
        ),
        # "nearly doubled over five years": the past N years, as a statement of what happened
        (
            rf"(?i:over{S}(?P<n>{n}){S}years)(?!{S}(?i:to|from|ago|earlier|before)\b)",
            past_years_said,
            ("over+years",),
        ),
        # A target's horizon: "within five years", "over the next three years".
        (
            # not "within five years of signing": counted from an event, not from now
            rf"(?i:within{S}(?:the{S}next{S})?(?P<n>{n}){S}years(?!{S}of\b)|(?:over{S}|in{S})?the{S}next{S}(?P<n2>{n}){S}years)",
            next_years,
            ("years",),
        ),
        # "the highest since late 2022": the time a level is compared with, no period
        (
            rf"(?i:(?:highest|lowest|biggest|largest|smallest|strongest|weakest|fastest|slowest|most|least)"
            rf"(?:{S}level)?{S}since{S}(?:(?:early|mid|late)[-\s]+)?(?:{month}{S})?{YEAR}"
            # "its first surplus with Brazil since 2018": the first of its kind since then
            rf"|first{S}(?:[\w'’-]+{S}){{1,4}}?since{S}(?:(?:early|mid|late)[-\s]+)?(?:{month}{S})?{YEAR})",
            not_a_period,
            ("since+YEAR",),
        ),
        # "the lowest since records began in 2012": when the records start, no period
        (
            rf"(?i:since{S}(?:comparable{S})?(?:records|record-keeping|data|statistics){S}(?:began|started)"
            rf"(?:{S}in{S}(?:{month}{S})?{YEAR})?)",
            not_a_period,
            ("since",),
        ),
        # "since the war began in February 2022": from then to date
        (
            rf"(?i:since{S}(?:the|its|their){S}(?:[\w-]+{S}){{1,3}}?(?:began|started|broke{S}out|erupted"
            rf"|took{S}effect|came{S}into{S}force|(?:was|were){S}imposed){S}in{S})(?:(?P<m>{month}){S})?(?P<y>{YEAR})",
            since_event,
            ("since",),
        ),
        # "the three years to 2023": the years ending with that one
        (
            rf"(?i:the{S}(?:(?:past|last){S})?(?P<n>{n}){S}years{S}(?:to|through|ending(?:{S}in)?){S})(?P<y>{YEAR})",
            years_to,
            ("years",),
        ),
        # "since 2019", "since the start of 2019", "since the 2019 ban": from that year to date
        (rf"(?i:since{S}(?:the{S}(?:start{S}of{S})?)?(?P<y>{YEAR}))(?!s)", since_year, ("since",)),
        # "since March 2023": from that month to date
        (
            rf"(?i:since{S}(?:the{S}(?:start|beginning){S}of{S})?)(?P<m>{month}){S}(?P<y>{YEAR})",
            since_event,
            ("since",),
        ),
        # "since July 1", "since 1 July", "since July": from that day (the 1st) to date
        (
            rf"(?i:since{S}(?:the{S}(?:start|beginning){S}of{S})?)"
            rf"(?:(?P<m>{month})(?:{S}(?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?!\d))?|(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?{S}(?P<m2>{month}))"
            rf"(?:,?{S}(?P<y>{YEAR}))?(?![\d%])",
            since_day,
            ("since",),
        ),
        # Months ending in a month.
        (
            rf"(?i:the{S}(?P<n>{n}){S}(?P<unit>months|quarters){S}(?:to|through|ending(?:{S}in)?)"
            # "the four quarters to the end of 2024": to its December; "... to the end of the third
            # quarter of 2024": to its September
            rf"{S}(?:the{S}end{S}of{S})?)(?:(?P<m>{month})(?:{S}(?P<y>{YEAR}))?|(?P<ye>{YEAR})(?![\d%])"
            rf"|(?i:the{S}(?P<q>first|second|third|fourth){S}quarter)(?:{S}(?i:of){S}(?P<yq>{YEAR}))?"
            # "the four quarters to the end of Q4 2024", as the UK's statistics office writes it
            rf"|[Qq](?P<qn>[1-4])(?:{S}(?P<yqn>{YEAR}))?(?![\w-]))",
            months_to,
            ("months", "quarters"),
        ),
        (
            # "the 2023/24 marketing year that ended Aug. 31", "the Iranian year that ended on March 19",
            # "the 2023/24 season, which ended in June"
            rf"(?i:the{S}(?:(?P<ya>{YEAR})[-–/]{YY}{S})?(?:(?:marketing|crop|fiscal|financial|business|(?-i:[A-Z][a-z]+|[A-Z]{{3,}})){S}){{0,2}}(?:year|season),?{S}"
            rf"(?:to|through|(?:that{S}|which{S})?end(?:ing|ed|s)(?:{S}in|{S}on)?){S}(?:end-|the{S}end{S}of{S})?)(?P<m>{month})"
            rf"(?:{S}(?P<d>\d{{1,2}})(?:st|nd|rd|th)?)?(?:,?{S}(?P<y>{YEAR}))?",
            year_to,
            ("year to", "year through", "year ending", "ended", "ends"),
        ),
        (
            rf"(?i:the{S}(?:(?:fiscal|financial|marketing|crop){S})?year{S}(?:that{S}|which{S})?"
            rf"(?:began|begins|started|starts|beginning|starting){S}(?:in{S}|on{S})?)(?P<m>{month})"
            rf"(?:{S}\d{{1,2}}(?:st|nd|rd|th)?)?(?:,?{S}(?P<y>{YEAR}))?",
            year_from,
            ("began", "begins", "started", "starts", "beginning", "starting"),
        ),
        # Spans of years; two-digit ends are fiscal years.
        (
            rf"(?i:(?:from|between){S}(?:in{S})?(?P<a>{YEAR}){S}(?:to|and|through|until){S}(?P<b>{YEAR}))",
            years_span,
            ("YEAR",),
        ),
        (rf"(?i:(?:in|during){S}(?P<a>{YEAR}){S}and{S}(?P<b>{YEAR}))", years_span, ("YEAR",)),
        (rf"(?P<a>{YEAR})\s*[-–]\s*(?P<b>{YEAR})", years_span, ("YEAR",)),
        # A season or marketing year: "so far in the 2024/25 season"
        (
            rf"(?i:(?P<so_far>so{S}far{S}(?:in|this){S})?(?:the{S})?)(?P<a>{YEAR})[-–/](?P<b>{YY})"
            rf"{S}(?i:season|(?:marketing|crop){S}year)\b",
            season,
            ("season", "marketing", "crop"),
        ),
        # "the current agricultural year (July-June)", "last season"
        (
            rf"(?i:(?P<rel>this|last|next|the{S}(?:current|previous|prior|last|past|coming|next)){S}"
            rf"(?:(?P<kind>agricultural|marketing|crop|farm){S}(?:year|season)|season))"
            rf"(?:{S}\((?P<m>{month})[-–](?:{month})\))?",
            relative_season,
            ("season", "agricultural", "marketing", "crop", "farm"),
        ),
        (
            rf"(?i:(?:fiscal(?:{S}year)?|FY)\s*(?P<a>{YEAR})[-–/](?P<b>{YY})|(?P<a2>{YEAR})[-–/](?P<b2>{YY})(?![\d%])(?:{S}fiscal(?:{S}year)?)?)",
            fiscal_span,
            ("YEAR",),
        ),
        # "FY24", "fiscal 2024", "the 2023 financial year"; "fiscal 2024, which ended in June" is
        # the one by the country's calendar, its end month said again
        (
            rf"(?i:(?:fiscal(?:{S}year)?|FY)\s*'?(?P<y>{YEAR}|{YY}))(?!\d)"
            rf"(?:,?{S}(?i:which|that){S}(?i:end(?:ed|s)){S}(?i:in|on){S}(?:{month})(?:{S}\d{{1,2}})?)?"
            rf"|(?i:the{S})(?P<y2>{YEAR}){S}(?i:fiscal|financial){S}(?i:year)",
            fiscal_named,
            ("fiscal", "fy", "financial"),
        ),
        # "the first half of the current fiscal year"
        (
            rf"(?i:the{S}(?P<o>{ORD}){S}(?P<part>quarter|half){S}of{S}"
            # "the first half of the fiscal year": the current one
            rf"(?P<rel>last|this|next|the(?:{S}(?:previous|prior|preceding|current|coming|next|last))?)"
            rf"{S}(?:fiscal(?:{S}year)?|financial{S}year))",
            relative_fiscal_part,
            ("fiscal", "financial year"),
        ),
        (
            rf"(?i:(?P<rel>last|this|next|the{S}(?:previous|prior|preceding|current|coming|next))"
            rf"{S}(?:fiscal(?:{S}year)?|financial{S}year))(?!{S}(?i:quarter|half|\d))",
            relative_fiscal,
            ("fiscal", "financial year"),
        ),
        # "in the fiscal year": the one named before, else the latest ended (or, ahead, the current)
        (
            rf"(?i:the{S}(?:fiscal|financial){S}year)"
            rf"(?!{S}(?i:to|ending|ended|that|which|beginning|starting|began|through|from|of|quarter|half|\d))",
            the_fiscal_year,
            ("fiscal year", "financial year"),
        ),
        # Quarters, halves, first N months, month ranges.
        (
            # "Q3 FY24", "H2 FY2023-24", "the third quarter of fiscal 2023": a part of a fiscal year
            rf"(?i:(?:Q(?P<q>[1-4])|H(?P<h>[12])|the{S}(?P<o>{ORD}){S}(?P<part>quarter|half){S}of"
            # "the first three quarters of FY24": its first nine months
            rf"|the{S}first{S}(?P<nq>{n}){S}quarters{S}of"
            # "the first seven months of fiscal 2024": from the fiscal year's start
            rf"|the{S}first{S}(?P<nm>{n}){S}months{S}of){S}"
            rf"(?:FY|fiscal(?:{S}year)?)\s*'?(?:(?P<a>{YEAR})[-–/](?P<b>{YY})|(?P<y>{YEAR}|{YY})))(?![\d%])",
            fiscal_part,
            ("fy", "fiscal"),
        ),
        # "the first half of the 2023/24 marketing year": a part of a season
        (
            rf"(?i:the{S}(?P<o>{ORD}){S}(?P<part>quarter|half){S}of{S}(?:the{S})?)(?P<a>{YEAR})[-–/](?P<b>{YY})"
            rf"{S}(?i:season|(?:marketing|crop){S}year)\b",
            season_part,
            (
                "season+half",
                "season+quarter",
                "marketing+half",
                "marketing+quarter",
                "crop+half",
                "crop+quarter",
            ),
        ),
        (
            rf"(?i:the{S}(?P<o>{ORD}){S}quarter(?:{S}of{S}(?P<y>{YEAR}|{THIS_LAST}))?)",
            quarter,
            ("quarter",),
        ),
        (
            rf"(?i:Q(?P<q>[1-4])(?:(?:{S}|'|{S}of{S})?(?P<y>{YEAR})|\s?['’](?P<y3>{YY}))?|(?P<y2>{YEAR}){S}Q(?P<q2>[1-4]))(?!\w)",
            quarter,
            ("q1", "q2", "q3", "q4"),
        ),
        # "1Q24", "2H 2023": the number first, as market reports write
        (
            rf"(?i:(?P<n>[1-4])(?P<unit>Q|H)\s?['’]?(?P<y>{YEAR}|{YY}))(?!\w)",
            numbered_part,
            ("1q", "2q", "3q", "4q", "1h", "2h"),
        ),
        # "9M 2024": the first nine months, as results and market reports write
        (
            rf"(?<![\d$€£¥.,])(?P<n>1[0-2]|[1-9])(?-i:M)\s?['’]?(?P<y>{YEAR}|{YY})(?!\w)",
            numbered_months,
            tuple(f"{n}m" for n in range(1, 13)),
        ),
        # "in the second quarter, from R18.9 billion in the first": the part named before
        (
            rf"(?i:(?:in|from|than|for|over|on|to|with|against){S}the{S}(?P<o>{ORD}))"
            rf"(?=\s*(?:[,.;:)]|$)|{S}(?i:and|but|while|whereas|when|as|according)\b)",
            elided_part,
            tuple(
                f"{part}+the {o}"
                for part in ("quarter", "half", "q1", "q2", "q3", "q4", "h1", "h2")
                for o in ("first", "second", "third", "fourth")
            ),
        ),
        # "the June quarter", "the December half", as Australian and Indian releases name
        # them: the quarter or half it ends
        (
            rf"(?i:the{S})(?:(?P<m>(?=(?i:mar|jun|sep|dec)){month}){S}(?i:quarter)|(?P<mh>(?=(?i:jun|dec)){month}){S}(?i:half))"
            rf"(?:{S}(?i:of{S})?(?P<y>{YEAR}))?",
            month_quarter,
            ("quarter+MONTH", "half+MONTH"),
        ),
        # "Q1-Q3 2023", "the first three quarters of 2023"
        (
            rf"(?i:Q(?P<q1>[1-4])\s*[-–]\s*Q(?P<q2>[1-4])(?:{S}(?P<y>{YEAR}))?(?!\w)"
            rf"|the{S}first{S}(?P<n>{n}){S}quarters(?:{S}of{S}(?P<y2>{YEAR}|{THIS_LAST}))?)",
            quarters,
            ("q1", "q2", "q3", "quarters+first"),
        ),
        # "2023's first half"
        (
            rf"(?P<y>{YEAR})['’][sS]{S}(?i:(?P<o>{ORD}){S}(?P<part>quarter|half))",
            part_of_named_year,
            ("quarter+YEAR", "half+YEAR"),
        ),
        (
            rf"(?i:(?P<rel>last|this|the{S}previous|the{S}current){S}quarter)",
            relative_quarter,
            ("last quarter", "this quarter", "previous quarter", "current quarter"),
        ),
        (
            rf"(?i:the{S}(?P<o>first|second|1st|2nd){S}half(?:{S}of{S}(?P<y>{YEAR}|{THIS_LAST}))?)",
            half,
            ("half",),
        ),
        (
            rf"(?i:H(?P<h>[12])(?:{S}(?P<y>{YEAR}))?|(?P<y2>{YEAR}){S}H(?P<h2>[12]))(?!\w)",
            half,
            ("h1", "h2"),
        ),
        (
            rf"(?i:the{S}first{S}(?P<n>{n}){S}months(?:{S}of{S}(?P<y>{YEAR}|{THIS_LAST}))?)",
            first_months,
            ("first",),
        ),
        (
            rf"(?i:the{S}(?:last|final){S}(?P<n>{n}){S}months{S}of{S}(?P<y>{YEAR}|{THIS_LAST}))",
            last_months,
            ("months+last", "months+final"),
        ),
        # "in the past six months", "the eight months since Beijing lifted tariffs": to date
        (
            rf"(?i:the{S}(?:past|last|previous|latest){S}(?P<n>{n}){S}months(?!{S}(?:of|to|through|ending)\b)"
            rf"|the{S}(?P<n2>{n}){S}months{S}since\b)",
            past_months,
            ("months+past", "months+last", "months+since"),
        ),
        (
            rf"(?i:the{S}(?:last|final){S}quarter{S}of{S}(?P<y>{YEAR}|{THIS_LAST}))",
            fourth_quarter,
            ("quarter",),
        ),
        # "from January 1 to September 15", "between 1 January and 15 March 2024": the days between
        (
            rf"(?i:from|between){S}(?:(?P<a>{month}){S}(?P<ad>\d{{1,2}})|(?P<ad2>\d{{1,2}}){S}(?P<a2>{month}))"
            rf"(?!\d)(?:st|nd|rd|th)?(?:,?{S}(?P<ay>{YEAR}))?{S}(?i:to|and|through|until){S}"
            rf"(?:(?P<b>{month}){S}(?P<bd>\d{{1,2}})|(?P<bd2>\d{{1,2}}){S}(?P<b2>{month}))"
            rf"(?!\d)(?:st|nd|rd|th)?(?:,?{S}(?P<by>{YEAR}))?",
            day_range,
            ("MONTH",),
        ),
        (
            rf"(?:(?i:from|between){S})?(?P<a>{month}){S}(?P<ay>{YEAR})(?:\s*[-–]\s*|{S}(?i:to|and|through|until){S})"
            rf"(?P<b>{month}){S}(?P<by>{YEAR})",
            dated_month_range,
            ("MONTH",),
        ),
        (
            # "July-April FY24", "the July-January period of fiscal year 2023-24": the months of
            # that fiscal year
            rf"(?:(?i:from|between){S})?(?P<a>{month})(?:\s*[-–]\s*(?:(?i:to)[-–])?|{S}(?i:to|and|through){S})(?P<b>{month})"
            rf"(?:{S}(?:(?i:of){S})?(?P<y>{YEAR})|{S}(?i:period{S})?(?i:of{S}(?:the{S})?)?(?:FY\s?|(?i:fiscal(?:{S}year)?){S})'?"
            rf"(?:(?P<fa>{YEAR})[-–/](?P<fb>{YY})|(?P<fy>{YEAR}|{YY}))(?![\d–/-])"
            # "the July-December period of the 2023/24 season", "April-December of the 2023-24
            # fiscal year"
            rf"|{S}(?i:period{S})?(?i:of{S}the{S})(?P<sa>{YEAR})[-–/](?P<sb>{YY}){S}"
            rf"(?:(?P<season>(?i:season|marketing{S}year|crop{S}year))|(?i:fiscal|financial)(?:{S}(?i:year))?)"
            # "April-January of the current fiscal year", "January-March of last year", "during
            # April-October this fiscal", "the April-September half of the fiscal year"
            rf"|{S}(?i:(?:period|half){S})?(?i:of{S})?(?P<rel>(?i:this|last|next|the{S}(?:current|previous|prior|preceding|coming|next)"
            rf"|the(?={S}(?:fiscal|financial){S}year)))"
            rf"{S}(?:(?P<rel_fiscal>(?i:fiscal(?:{S}year)?|financial{S}year))|(?i:year)))?",
            month_range,
            ("MONTH",),
        ),
        # "through October", "through the end of September 2024": the year up to that month
        (
            rf"(?i:through|thru){S}(?i:the{S}end{S}of{S})?(?P<m>{month})(?:{S}(?P<y>{YEAR}))?",
            through_month,
            ("through", "thru"),
        ),
        # Points in time.
        # "as of July 1", "as at 30 June 2024": that day
        (
            rf"(?i:as{S}(?:of|at|on){S})(?:(?P<m>{month}){S}(?P<d>\d{{1,2}})|(?P<d2>\d{{1,2}}){S}(?P<m2>{month}))"
            rf"(?!\d)(?:st|nd|rd|th)?(?:,?{S}(?P<y>{YEAR}))?",
            as_of,
            ("as of", "as at", "as on"),
        ),
        (
            rf"(?i:(?:at{S})?(?:the{S}end{S}of{S}|end-)(?:(?P<y>{YEAR}|{THIS_LAST})|(?P<m>{month})(?:{S}(?P<my>{YEAR}))?))",
            end_of,
            ("end",),
        ),
        # Targets.
        (rf"(?i:by{S}(?:the{S}end{S}of{S}|end-)?(?P<y>{YEAR}))", calendar_year, ("YEAR",)),
        # "in mid-2023", "early 2024": the year; "the 2010s": the decade
        (rf"(?i:(?:mid|early|late)-)(?P<y>{YEAR})", calendar_year, ("YEAR",)),
        (rf"(?i:(?:the{S})?(?P<y>(?:19|20)\d0)s)(?!\w)", decade, ("YEAR",)),
        # Months and years.
        (rf"(?P<m>{month}){S}(?:(?i:of){S})?(?P<y>{YEAR})", month_of_year, ("MONTH",)),
        # "in May last year", "in March of last year"
        (
            rf"(?P<m>{month}){S}(?:(?i:of){S})?(?P<y>(?i:{THIS_LAST}))",
            month_of_relative_year,
            ("year+MONTH",),
        ),
        # "the first 20 days of August": from the 1st
        (
            rf"(?i:the{S}first{S}(?P<n>{n}){S}days{S}of{S})(?P<m>{month})(?:{S}(?P<y>{YEAR}))?",
            first_days,
            ("days+MONTH",),
        ),
        # "the week ended Aug. 8", "the 10 days to March 20", "the four weeks to Sept. 8": the days
        # up to that one; "in the period to Oct. 13" after them, as many days to that one
        (
            rf"(?i:the{S}(?:(?P<n>{n}){S}days|(?P<w>{n}){S}weeks|week|(?P<p>(?:(?:previous|prior|same){S})?period))"
            rf"{S}(?:ended|ending|to|through)(?:{S}on)?{S})"
            rf"(?P<m>{month}){S}(?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?!\d)(?:,?{S}(?P<y>{YEAR}))?",
            days_to,
            ("week+MONTH", "days+MONTH", "period+MONTH"),
        ),
        # "in May 1-25": days of a month
        (
            rf"(?P<m>{month}){S}(?P<d1>\d{{1,2}})\s*[-–]\s*(?P<d2>\d{{1,2}})(?!\d)(?:,?{S}(?P<y>{YEAR}))?",
            days_of_month,
            ("MONTH",),
        ),
        (
            # not "during Oct. 1-25": days of the month, with its abbreviation's stop
            rf"(?i:in|during|for|since|until|by|of|through|throughout){S}(?P<m>{month})(?!\.?{S}\d)",
            bare_month,
            ("MONTH",),
        ),
        # "March shipments of cars dropped by a third", "the March figure was revised": a month
        # that names the time of a flow or a figure
        (
            rf"(?P<m>{month})(?=(?:['’][sS])?{S}(?:(?i:[a-z-]+){S})?(?i:shipments|exports|imports|sales|deliveries"
            rf"|purchases|output|production|trade|arrivals|volumes|flows|figures?|data|numbers|deficit"
            rf"|surplus|gap|reading|total|orders)\b"
            # "August's 8.7% increase": the month a figure is of
            rf"|['’][sS]{S}(?:(?i:[a-z-]+){S})?(?:[$€£¥₹]|\d)"
            # "March alone accounted for $8.9 billion", "October saw exports jump": the subject
            rf"|{S}(?i:alone|itself|saw|brought|accounted|contributed|marked|recorded)\b)",
            bare_month,
            ("MONTH",),
        ),
        (
            rf"(?i:(?:last|the{S}previous|the{S}past){S}month)",
            last_month,
            ("last month", "previous month", "past month"),
        ),
        (rf"(?i:this{S}month|the{S}current{S}month)", this_month, ("this month", "current month")),
        (
            rf"(?i:last{S}year|the{S}(?:previous|prior|preceding){S}year)",
            last_year,
            ("last year", "previous year", "prior year", "preceding year"),
        ),
        (
            rf"(?i:this{S}year|the{S}current{S}year)",
            this_year,
            ("this year", "current year"),
        ),
        (
            rf"(?i:(?:for{S})?the{S}(?:full|whole){S}year|full[-\s]year|(?:for{S})?the{S}year{S}as{S}a{S}whole)",
            whole_year,
            ("full year", "whole year", "year as a whole"),
        ),
        (rf"(?i:next{S}year|the{S}coming{S}year)", next_year, ("next year", "coming year")),
        (
            rf"(?<![\d,.$€£¥₹-])(?P<y>{YEAR})(?![\d%]|[.,]\d|{S}(?i:percent|per{S}cent))",
            calendar_year,
            ("YEAR",),
        ),
    ]
