"""Who a figure comes from: "according to China Customs", "Novak told ...", "he said".

A speaker named by surname alone, or by a pronoun, is resolved to the fullest
name the document gave that person earlier.
"""

from __future__ import annotations

import re
from functools import cache

from dashboard import lexicon
from dashboard.countries import find_countries

# Days and months are capitalised but name no one: "the ministry said Wednesday".
# Each opens with a set of first letters, which the engine checks at once: these are tried
# at every word.
_NOT_A_NAME = (
    r"(?![MTWFSY](?:on|ues|ednes|hurs|ri|atur|un|o|ester)day\b"
    r"|[JFMASOND](?:anuary|ebruary|arch|pril|une|uly|ugust|eptember|ctober|ovember|ecember)\b)"
)
# Lower-case particles inside a name: "Ursula von der Leyen", "Mohammed bin Salman".
_PARTICLE_WORDS = (
    "von",
    "van",
    "der",
    "den",
    "de",
    "del",
    "della",
    "da",
    "di",
    "du",
    "dos",
    "bin",
    "ibn",
    "al",
)
_PARTICLES = (
    rf"(?:(?=[{''.join(sorted({w[0] for w in _PARTICLE_WORDS}))}])(?:{'|'.join(_PARTICLE_WORDS)})\s+){{0,2}}"
)
_NAME = rf"{_NOT_A_NAME}{_PARTICLES}[A-Z][\w’'.-]*(?:\s+{_PARTICLES}[A-Z][\w’'.-]*){{0,5}}"
_PRONOUNS = frozenset({"he", "she"})
# "the diplomat said": the person last named, as "he" is
_ROLE_NOUNS = ("diplomat", "minister", "ambassador", "envoy", "economist", "analyst", "official")
_PERSON_TITLES = (
    *("minister", "president", "premier", "secretary", "chancellor", "ambassador", "governor", "envoy"),
    *("spokesperson", "spokesman", "spokeswoman", "chair", "chairman", "chairwoman"),
    *("director", "official", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr."),
)


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    verbs = lexicon.alternation(lexicon.column("speech_verbs.csv", "word"))
    # "..., said Novak", but not "Novak told RIA Novosti": after some verbs comes the listener.
    verbs_before_speaker = lexicon.alternation(
        [r["word"] for r in lexicon.rows("speech_verbs.csv") if r["speaker_after"]]
    )
    orgs = lexicon.alternation(lexicon.column("organisations.csv", "word"))
    titles = lexicon.alternation(list(_PERSON_TITLES))
    roles = lexicon.alternation(list(_ROLE_NOUNS))
    return {
        "according": re.compile(
            r"(?i:(?:according\s+to|(?:as\s+)?reported\s+by|as\s+cited\s+by)\s+"
            # "preliminary data from", "ship-tracking data compiled by": whose data they are
            r"(?:(?:an?\s+)?(?:[\w-]+\s+){0,2}?(?:data|figures|statistics|estimates|report|statement)"
            r"\s+(?:(?:compiled|collected|gathered|published|released|issued)\s+)?(?:from|by|of)\s+)?(?:the\s+)?)"
            # "U.S. Census Bureau data": a stop inside an abbreviation does not end the source
            r"(?P<src>(?:[^,.;:“”\"()]|\.(?=[A-Za-z])|(?<=\b[A-Z])\.){1,80}?)"
            r"(?=\s*(?:[,;:“”\"()]|\.(?![A-Za-z])(?<!\b[A-Z]\.))|\s*$|\s+(?:on|in|which|that|released|published|based)\b)"
        ),
        # A person, a pronoun, or a body: "the commerce ministry", "Chinese officials",
        # "officials in Beijing", "analysts at Rabobank".
        "subject": re.compile(
            rf"(?<![\w’'.-])(?P<src>{_NAME}|(?i:he|she|the\s+(?:{roles}))|(?P<body>(?i:the\s+)?(?:[A-Za-z]+\s+){{0,2}}(?i:{orgs})"
            # "the Ministry of Trade, Industry and Energy said"
            rf"(?:\s+(?:in|at|of|from)\s+(?:the\s+)?{_NAME}(?:,\s+{_NAME}){{0,3}}(?:,?\s+(?:and|&)\s+{_NAME})?)?))"
            # "Eurostat figures published on Thursday showed"
            r"(?i:\s+(?:published|released|issued)(?:\s+(?:on\s+)?[a-z]+day)?)?"
            rf"\s+(?:(?:also|later|then|has|had)\s+)?(?P<verb>(?i:{verbs}))\b"  # "CUSTOMS DATA SHOWED"
        ),
        # "..., said Li Qiang." but not "said China-Africa trade hit ...": what was said
        "inverted": re.compile(
            rf"(?P<verb>{verbs_before_speaker})\s+(?P<src>{_NAME})"
            r"(?=\s*(?:[,.;:)\"”’]|$)|\s+(?:in|on|at|who|whose|during|after|when)\b)"
        ),
        "post_comma": re.compile(
            rf"(?:{lexicon.alternation([t for t in _PERSON_TITLES if t.isalpha()])})\s*,"
        ),
        # A name set off by its post: "Wang Wenbin, a ministry spokesman, said"; "the
        # ministry's spokesman, Wang Wenbin, told". The post ends in a title word.
        "apposed": re.compile(
            rf"(?:(?P<src>{_NAME}),\s+(?:an?|the|its|their)\s+(?:[\w’'-]+\s+){{0,4}}?(?i:{titles})"
            rf"|(?i:{titles}),\s+(?P<src2>{_NAME})),\s+(?P<verb>(?i:{verbs}))\b"
        ),
        # Both in lower-cased text.
        "verb": re.compile(
            lexicon.alternation([v.lower() for v in lexicon.column("speech_verbs.csv", "word")], opening=True)
        ),
        "title": re.compile(lexicon.at_word_start(_PERSON_TITLES, not_after=r"\w", loose=False) + r"\s+"),
        "titled_name": re.compile(r"[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){0,2}"),
    }


# The capital first, then what stood before it: the engine skips from capital to capital.
_CAPITALISED_RUN = re.compile(rf"[A-Z](?<![\w’'][A-Z])[\w’'-]*(?:\s+{_PARTICLES}[A-Z][\w’'-]*)*(?![\w’'])")
_WORD = re.compile(r"\S+")


def _without_country(name: str) -> str:
    """A person's name without the country a post named before it: "India Denis Alipov" (from
    "Ambassador to India Denis Alipov") -> "Denis Alipov"."""
    words = name.split()
    if len(words) < 3:
        return name
    opening = find_countries(name)
    if not opening or opening[0].start != 0:
        return name
    rest = name[opening[0].end :].split()
    return " ".join(rest) if len(rest) >= 2 else name


_OWNER = re.compile(r"[A-Z][\w.-]*['’]s\s+")


@cache
def _titles() -> frozenset[str]:
    return frozenset(lexicon.column("titles.csv", "word"))


def _strip_titles(name: str) -> str:
    """The name after its titles: "European Commission President Ursula Smith" -> "Ursula Smith"."""
    words = name.split()
    last_title = max((i for i, w in enumerate(words) if _is_title(w)), default=-1)
    return " ".join(words[last_title + 1 :])


# Titles that name no body as well: "TRADE" and "THE" may open a body's name in capitals.
_PERSON_ONLY_TITLES = frozenset(
    {"President", "Minister", "Secretary", "Chancellor", "Premier", "Governor", "Ambassador"}
    | {"Spokesperson", "Spokesman", "Spokeswoman", "Chairman", "Chairwoman", "Director", "Deputy"}
)


def _is_title(word: str) -> bool:
    # In text all in capitals, "MINISTER" is a title too.
    return word in _titles() or (word.isupper() and word.capitalize() in _PERSON_ONLY_TITLES)


class Speakers:
    """Resolves the source of each sentence in one document, in reading order.

    A sentence with no figure matters only for who a later "he" is; it is read
    when such a pronoun comes (``skip``), since most never need it.
    """

    def __init__(self, text: str) -> None:
        self._text = text
        self._named = ""  # the last person named, as of the last sentence read
        self._skipped: list[tuple[str, int]] = []
        self._first_full: dict[str, tuple[int, str]] = {}
        self._runs: dict[str, list[tuple[int, int]]] | None = None

    def skip(self, sentence: str, sentence_start: int) -> None:
        """Pass over a sentence whose source no one needs; it may yet name who "he" is."""
        self._skipped.append((sentence, sentence_start))

    def source(self, sentence: str, sentence_start: int, figure_start: int | None = None) -> str:
        """The source a sentence gives (for the figure at ``figure_start``), "" when none.

        Call once per sentence in order (or ``skip`` it): a person named here is who
        a later "he" is.
        """
        found, person = self._read(sentence, sentence_start, figure_start)
        if person:
            self._named = person
            self._skipped.clear()  # who they named no longer matters
        return found

    def _last_person(self) -> str:
        """The person a "he" or "she" here stands for: the last one named so far, reading
        the sentences skipped since then."""
        skipped, self._skipped = self._skipped, []
        for sentence, start in skipped:
            if person := self._read(sentence, start, None)[1]:
                self._named = person
        return self._named

    def _read(self, sentence: str, sentence_start: int, figure_start: int | None) -> tuple[str, str]:
        """(the sentence's source, the last person it names or "")."""
        p = _patterns()
        found = ""
        if ("ccording" in sentence or "orted by" in sentence or "cited by" in sentence) and (
            m := p["according"].search(sentence)
        ):
            found = m.group("src").strip()
            if found.istitle() and " " not in found:
                found = self._person(found, sentence_start)  # "According to Alipov": the full name
        lower = lexicon.lower(sentence)
        # "Trade minister Maria Lopez": a person a later "she" may be.
        titled = [
            _strip_titles(name.group())
            for m in p["title"].finditer(lower)
            if (name := p["titled_name"].match(sentence, m.end()))
        ]
        # Most sentences have no speech verb and skip the name patterns.
        verbs = [m.span() for m in p["verb"].finditer(lower)]
        if not verbs:
            return found, titled[-1] if titled else ""
        # A speaker before a verb ends at one, a speaker after it starts at one: the
        # patterns read no further than the verbs reach (and one character for \b).
        matches = [
            *p["subject"].finditer(sentence, 0, verbs[-1][1] + 1),
            *p["inverted"].finditer(sentence, verbs[0][0]),
            # Only where a post ends before a comma: the pattern is dear, and most have none.
            *(p["apposed"].finditer(sentence, 0, verbs[-1][1] + 1) if p["post_comma"].search(lower) else ()),
        ]
        # (where the verb is, who speaks, whether a person: "he" is never a ministry)
        # By the verb, then the fullest name first: "the Tea Board of Kenya said" before "Kenya said".
        speakers = sorted(
            # A body is named as written: "Commerce Department data" keeps its "Commerce".
            (m.start("verb"), m.start(), _whole_name(sentence, m.start("body"), m.end("body")), False)
            if m.groupdict().get("body")
            else (
                m.start("verb"),
                m.start(),
                self._person(m.group("src") or m.group("src2"), sentence_start),
                True,
            )
            for m in matches
        )
        named = [(pos, who, person) for pos, _, who, person in speakers if who]
        if not found and named:
            before = [who for pos, who, _ in named if figure_start is None or pos < figure_start]
            found = before[0] if before else named[0][1]
        people = [who for _, who, person in named if person and (" " in who or who[:1].isupper())]
        people = people or titled
        return found, people[-1] if people else ""

    def _person(self, name: str, before: int) -> str:
        name = " ".join(name.split())
        if name.endswith(".") and "." not in name.rsplit(" ", 1)[-1][:-1]:
            name = name[:-1]  # "..., said Li Qiang." ends the sentence; "U.S." keeps its stop
        if name.lower() in _PRONOUNS:
            return self._last_person()
        if name.lower().removeprefix("the ") in _ROLE_NOUNS:
            return self._last_person() or name  # "the minister said", with none named before
        name = _strip_titles(name)
        name = _without_country(name)  # "Russian Ambassador to India Denis Alipov"
        if " " in name and _OWNER.match(name):
            name = _OWNER.sub("", name, count=1)  # "Russia's Novak": the person, not the country
        surname = name.rsplit(" ", 1)[-1]
        if not name or not surname[:1].isupper() or (" " in name and name.split()[0] not in _PARTICLE_WORDS):
            return name
        # "Novak" -> "Alexander Novak"; "von der Leyen" -> "Ursula von der Leyen"
        full = self._full_name(surname, before)
        return full if full and (name == surname or full.endswith(" " + name)) else name

    def _full_name(self, surname: str, before: int) -> str:
        """The first fuller name holding ``surname`` earlier in the text ("Li" -> "Li Qiang")."""
        if surname not in self._first_full:
            self._first_full[surname] = self._find_full_name(surname)
        at, full = self._first_full[surname]
        return full if at < before else ""

    def _find_full_name(self, surname: str) -> tuple[int, str]:
        # Up to four capitalised words before the surname and two after, as in "Russian
        # Deputy Prime Minister Alexander Novak"; the first such name in the text wins.
        for run in self._capitalised_runs().get(surname, []):
            words = list(_WORD.finditer(self._text, *run))
            for index in (i for i, w in enumerate(words) if w.group() == surname):
                first = max(0, index - 4)
                full = _without_country(_strip_titles(" ".join(w.group() for w in words[first : index + 3])))
                if " " not in full or full.split()[0] in _titles() or not _name_like(full):
                    continue
                return words[first].start(), full
        return len(self._text), ""

    def _capitalised_runs(self) -> dict[str, list[tuple[int, int]]]:
        """Each capitalised word -> where the runs of two or more capitalised words holding it are."""
        if self._runs is None:
            self._runs = {}
            for run in _CAPITALISED_RUN.finditer(self._text):
                words = run.group().split()
                for word in set(words) if len(words) > 1 else ():
                    self._runs.setdefault(word, []).append(run.span())
        return self._runs


_WORD_BEFORE = re.compile(r"(\S+)\s+$")
_CONNECTORS = frozenset({"of", "for", "and", "on", "&"})
_LEADING_WORDS = _CONNECTORS | {"from", "by", "at", "in"}


def _whole_name(sentence: str, start: int, end: int) -> str:
    """A body's name with the capitalised words before the part the pattern found: "and
    Trade figures" is "Department of Foreign Affairs and Trade figures", "for National
    Statistics" is "the Office for National Statistics"."""
    while start and not sentence[start:end].lower().startswith("the "):
        before = _WORD_BEFORE.search(sentence, max(0, start - 40), start)
        if before is None:
            break
        word = before.group(1)
        if word == "the" or (word[:1].isupper() and word[-1].isalnum()):
            start = before.start()
            if word == "the":
                break
        elif word in _CONNECTORS and (
            prior := _WORD_BEFORE.search(sentence, max(0, before.start() - 40), before.start())
        ):
            if not prior.group(1)[:1].isupper() or not prior.group(1)[-1].isalnum():
                break
            start = prior.start()
        else:
            break
    words = sentence[start:end].split()
    while words and words[0] in _LEADING_WORDS:
        words.pop(0)  # "for China data" alone is "China data"; "a statement from the ministry"
    return " ".join(words)


def _name_like(name: str) -> bool:
    return all(w[:1].isupper() or w in _PARTICLE_WORDS for w in name.split())
