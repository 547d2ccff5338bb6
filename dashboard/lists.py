"""Lists in one sentence: which figure goes with which listed country or metric.

"Exports and imports rose 12.8% and 4.1%, respectively"; "..., while Japan and South Korea
took 11% and 7%"; "Malaysia and Thailand shipped a combined 2.3 million tonnes, with the
former accounting for 60%".
"""

from __future__ import annotations

import itertools
import re

from dashboard.countries import LIST_GAP, Mention, join_codes
from dashboard.figures import Figure
from dashboard.metrics import MetricIndex, flows_named, name_of
from dashboard.roles import flow_of, is_flow_partner
from dashboard.sentences import Sentence


def respectively(
    figures: list[Figure],
    sentence: Sentence,
    mentions: list[Mention],
    sides: dict[str, str] | None = None,
    subject: str = "",
) -> None:
    """ "Exports and imports rose 12.8% and 4.1%, respectively": in each run of figures of
    one kind, the first is the first metric named before them, the second the second; "Trade
    with the EU and the United States stood at 4.6 and 4 trillion yuan, respectively": the
    first is with the first country of the list, the second with the second."""
    if not figures:
        return
    first = figures[0].start - sentence.start
    named: list[str] = []
    for mention in MetricIndex(sentence.text).named:
        if mention.end <= first and (name := name_of(mention)) and name not in named:
            # "Exports and imports rose 12.8% and 4.1%, respectively": each flow its own
            named.extend(flow for flow in flows_named(sentence.text, mention) or [name] if flow not in named)
    runs: list[list[Figure]] = []
    # not the figures of a part after it: "fell 14.5% and 4.1% respectively in June, while
    # those to Taiwan surged 60%"; but "rose 4.1% and 2.7%, respectively, to €9.8 billion and
    # €6.1 billion"
    said = sentence.text.lower().find("respectively")
    after = _NEXT_PART.search(sentence.text, said) if said >= 0 else None
    for figure in figures:
        if after is not None and figure.start - sentence.start > after.start():
            break
        if runs and runs[-1][-1].kind == figure.kind:
            runs[-1].append(figure)
        else:
            runs.append([figure])
    before = [m for m in mentions if m.end <= first]
    listed = _listed_before(sentence.text, before)
    while not listed and len(before) > 2:
        # "Exports from Kenya and Ethiopia to the UAE rose 14% and 22%, respectively": the list
        # before the partner they share
        before = before[:-1]
        listed = _listed_before(sentence.text, before)
    for run in runs:
        for figure in run[1:]:
            # "rose 3%, 5% and 9%, respectively": one verb for all
            figure.direction = figure.direction or run[0].direction
        if len(named) >= 2 and len(run) == len(named):
            for figure, metric in zip(run, named, strict=True):
                figure.metric = metric
        if len(run) >= 2 and len(listed) >= len(run):
            own = listed[-len(run) :]
            across = _across(sentence.text[:first], sides or {}, own, subject)
            for figure, code in zip(run, own, strict=True):
                others = set(own) - {code}
                codes = {*figure.countries.split(";"), code} - others - {""}
                # "Iraq and Saudi Arabia picked up the slack, supplying 907,000 bpd and 700,000
                # bpd respectively" after India's purchases: each with the buyer before
                figure.countries = join_codes(codes | {across} if codes == {code} and across else codes)


def _across(words: str, sides: dict[str, str], listed: list[str], subject: str = "") -> str:
    """The one country of the statement before on the far side of the flow ``words`` give the
    listed countries, or "": suppliers send to its receiver, buyers take from its sender; those
    that "followed" the statement's ``subject`` stand where it stood."""
    flow = flow_of(words)
    if flow:
        wanted = "receiver" if flow == "exports" else "sender"
    elif subject in sides and _FOLLOWED.search(words):
        # "Russia supplied 1.7 million bpd to India. Iraq and Saudi Arabia followed with 1.0
        # million bpd and 0.75 million bpd respectively": suppliers to India too
        wanted = "sender" if sides[subject] == "receiver" else "receiver"
    else:
        return ""
    far = [code for code, side in sides.items() if side == wanted and code not in listed]
    return far[0] if len(far) == 1 else ""


_FOLLOWED = re.compile(r"(?i)\b(?:followed|trailed|came\s+next)\b")
_NEXT_PART = re.compile(r"(?i)[,;]\s+(?:while|whereas|but|and|as|with)\b|;")
_FIGURE_LIST_GAP = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+")
_VERB_GAP = re.compile(r"\s+(?:[a-z]+\s+){1,3}")
_SUBJECTS = re.compile(r"\s*(?:(?:both|either)\s+)?(?:the\s+)?[A-Z]", re.I)
_PHRASE_GAP = re.compile(r"[^;:]{1,120}?\bby\s+(?:about\s+|around\s+)?")


def parallel_lists(figures: list[Figure], sentence: Sentence, mentions: list[Mention]) -> None:
    """ "..., while Japan and South Korea took 11% and 7%": a list of countries and a list of
    as many figures right after its verb go together in order, as with "respectively"; each
    figure is with its country, and with the country the sentence's flow is of."""
    text = sentence.text
    i = 0
    while i < len(figures) - 1:
        j = i
        while (
            j + 1 < len(figures)
            and figures[j + 1].kind == figures[i].kind
            and _FIGURE_LIST_GAP.fullmatch(
                text, figures[j].end - sentence.start, figures[j + 1].start - sentence.start
            )
        ):
            j += 1
        run, i = figures[i : j + 1], j + 1
        first = run[0].start - sentence.start
        before = [m for m in mentions if m.end <= first]
        if len(run) < 2 or not before:
            continue
        if _VERB_GAP.fullmatch(text, before[-1].end, first):
            listed = _listed_before(text, before)
        elif (
            # "Both Germany and France cut their purchases of Chinese panels in the first half,
            # by 18% and 25%": the sentence's only figures, after its subjects' verb phrase
            len(run) == len(figures)
            and (listed := _listed_from(text, before))
            and _PHRASE_GAP.fullmatch(text, before[len(listed) - 1].end, first)
        ):
            pass
        else:
            continue
        if len(listed) != len(run):
            continue
        owner = next((m.iso3 for m in before if m.iso3 not in listed and not is_flow_partner(text, m)), "")
        for figure, code in zip(run, listed, strict=True):
            others = set(listed) - {code}
            figure.countries = join_codes({*figure.countries.split(";"), code, owner} - others - {""})


_FORMER_LATTER = re.compile(r"(?i)\bthe\s+(former|latter)\b")


def former_or_latter(figures: list[Figure], sentence: Sentence, mentions: list[Mention]) -> None:
    """ "Malaysia and Thailand shipped a combined 2.3 million tonnes, with the former accounting
    for 60%": the figure after "the former" is the first country's of the two, not both's."""
    text = sentence.text
    for figure in figures:
        at = figure.start - sentence.start
        found = list(_FORMER_LATTER.finditer(text, max(0, at - 40), at))
        if not found:
            continue
        said = found[-1]  # the last before the figure
        earlier = [m for m in mentions if m.end <= said.start()]
        # the last list of two named before it: "Malaysia and Thailand shipped ... to China"
        pair = next(
            (p for k in range(len(earlier), 1, -1) if len(p := _listed_before(text, earlier[:k])) == 2), []
        )
        if not pair:
            continue
        other = pair[1] if said.group(1).lower() == "former" else pair[0]
        figure.countries = join_codes(set(figure.countries.split(";")) - {other, ""})


def _listed_from(text: str, mentions: list[Mention]) -> list[str]:
    """The countries of the list the first of ``mentions`` opens, when it opens the text."""
    if not mentions or not _SUBJECTS.fullmatch(text, 0, mentions[0].start + 1):
        return []
    listed = [mentions[0].iso3]
    for earlier, later in itertools.pairwise(mentions):
        if not LIST_GAP.fullmatch(text, earlier.end, later.start) or later.iso3 in listed:
            break
        listed.append(later.iso3)
    return listed if len(listed) >= 2 else []


def _listed_before(text: str, mentions: list[Mention]) -> list[str]:
    """The countries of the list that ends with the last of ``mentions``: "the European Union
    and the United States" -> ["EUU", "USA"]."""
    if not mentions:
        return []
    listed: list[str] = []
    for later, earlier in zip(reversed(mentions), [*reversed(mentions[:-1]), None], strict=True):
        if later.iso3 not in listed:
            listed.insert(0, later.iso3)
        if earlier is None or not LIST_GAP.fullmatch(text, earlier.end, later.start):
            break
    return listed if len(listed) >= 2 else []


# Between two shares of one whole: "Russia supplied 10% and Saudi Arabia 15% of ...".
_SHARE_GAP = re.compile(r"\s*(?:,\s*|\s+and\s+)(?:the\s+)?(?:[A-Z][\w.'’-]*\s+){1,3}$")
# From one share to the next in a ranking: ", followed by Malaysia with ", " and the Netherlands "
_RANKED_AFTER = re.compile(
    r"(?i)[^.;]{0,30}?(?:,\s*|\s+)(?:and\s+|then\s+|(?:followed|trailed)\s+by\s+)(?:the\s+)?"
    r"(?:[A-Z][\w.'’-]*\s+){1,3}(?:(?:with|at|on)\s+)?(?:(?:about|around|nearly|almost|some|roughly)\s+)?"
)


def shares_of_one_whole(figures: list[Figure], sentence: Sentence) -> None:
    """ "Russia supplied 10% and Saudi Arabia 15% of China's oil imports": each conjunct's
    share is of the whole the last one names; "the top supplier with 42% of the total, followed
    by Malaysia with 16%": a share of the same whole as the one before."""
    for earlier, later in zip(reversed(figures[:-1]), reversed(figures[1:]), strict=True):
        if (
            earlier.kind == later.kind == "percent"
            and later.metric.startswith("share of")
            and not earlier.metric.startswith("share of")
            and _SHARE_GAP.fullmatch(
                sentence.text, earlier.end - sentence.start, later.start - sentence.start
            )
        ):
            earlier.metric = later.metric
    for earlier, later in itertools.pairwise(figures):
        if (
            earlier.kind == later.kind == "percent"
            and earlier.metric.startswith("share of ")
            and later.metric == earlier.metric.removeprefix("share of ")
            and _RANKED_AFTER.fullmatch(
                sentence.text, earlier.end - sentence.start, later.start - sentence.start
            )
        ):
            later.metric = earlier.metric  # "with 42% of the total, followed by Malaysia with 16%"
