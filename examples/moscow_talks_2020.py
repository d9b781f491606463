"""Reconstruct the Moscow talks of 7 December 2020 as a `diplo_events.Collection`.

Armenia's new foreign minister, Ara Ayvazyan, held talks with Sergey Lavrov in
Moscow, then the two ministers gave a joint press conference. An English article
published the next day (``data/moscow-talks-2020-12-08.txt``) reports both. It
never dates the talks, so the date comes from TASS ("on Monday", 7 December).

The script writes down everything the article holds, each claim cited down to
the character span it stands on:

* the sources: the article with its full text, and the reports that date it;
* the actors: two ministers, their ministries and states, and everyone named;
* the meetings: the talks, the press conference after them, and the earlier
  events the article refers to (the 9 November truce, the 21 November talks,
  the 28 November call);
* the seven direct quotes, word for word, and the reported statements;
* the four demands and three proposals made in them, with the invitation's
  acceptance;
* the references from the talks to earlier and planned events.

Every id is derived from a readable key with `diplo_events.stable_id`, so every
run writes byte-identical JSON.

Usage::

    python examples/moscow_talks_2020.py OUT.json
"""

import datetime as dt
import sys
from collections import Counter
from pathlib import Path

import diplo_events as de

#: The article, as published on 2020-12-08 (UTF-8, already NFC).
ARTICLE_PATH = Path(__file__).parent / "data" / "moscow-talks-2020-12-08.txt"
#: The article's full text; every span below indexes into it.
ARTICLE_TEXT = ARTICLE_PATH.read_text(encoding="utf-8")
#: The dataset name: keeps these ids apart from any other dataset's.
DATASET = "moscow-talks-2020"


def rid(record_type: str, key: str) -> str:
    """Return the stable id of the record of *record_type* named by *key*.

    Args:
        record_type: A record type such as ``"person"``.
        key: A readable key, unique within the type, such as ``"ara-ayvazyan"``.

    Returns:
        An id such as ``"person--<uuid>"``, the same on every run.
    """
    return de.stable_id(record_type, key, namespace=DATASET)


# --- ids ------------------------------------------------------------------------------
# Records point at each other by id. Deriving every id from a key up front lets
# each section below refer to records built in another.

# Sources.
ARTICLE = rid("source", "article-2020-12-08")
TASS_REPORT = rid("source", "tass-2020-12-07-1231937")
SPUTNIK_CAPTION = rid("source", "sputnik-armenia-press-conference-photo")
LURER_REPORT = rid("source", "1lurer-2020-11-21")
NEWS_AM_REPORT = rid("source", "news-am-2020-11-28-phone-call")
ARMENEWS_REPORT = rid("source", "armenews-73079")

# States, bodies and outlets.
ARMENIA = rid("organization", "state-arm")
RUSSIA = rid("organization", "state-rus")
AZERBAIJAN = rid("organization", "state-aze")
TURKEY = rid("organization", "state-tur")
ARMENIAN_MFA = rid("organization", "mfa-arm")
RUSSIAN_MFA = rid("organization", "mfa-rus")
ARMENIAN_MOD = rid("organization", "mod-arm")
MINSK_GROUP = rid("organization", "osce-minsk-group")
MINSK_CO_CHAIRS = rid("organization", "osce-minsk-group-co-chairs")
PEACEKEEPERS = rid("organization", "russian-peacekeepers")
COMMISSION = rid("organization", "russian-interdepartmental-commission")
TASS = rid("organization", "outlet-tass")
SPUTNIK_ARMENIA = rid("organization", "outlet-sputnik-armenia")
PUBLIC_RADIO = rid("organization", "outlet-public-radio-of-armenia")
NEWS_AM = rid("organization", "outlet-news-am")
ARMENEWS = rid("organization", "outlet-armenews")

# People.
AYVAZYAN = rid("person", "ara-ayvazyan")
LAVROV = rid("person", "sergey-lavrov")
PUTIN = rid("person", "vladimir-putin")
ALIYEV = rid("person", "ilham-aliyev")
PASHINYAN = rid("person", "nikol-pashinyan")

# Meetings.
TALKS = rid("meeting", "2020-12-07-moscow-talks")
PRESS_CONFERENCE = rid("meeting", "2020-12-07-moscow-press-conference")
TRUCE_SIGNING = rid("meeting", "2020-11-09-trilateral-statement-signing")
YEREVAN_TALKS = rid("meeting", "2020-11-21-yerevan-talks")
PHONE_CALL = rid("meeting", "2020-11-28-phone-call")

# The seven direct quotes, in the order the article prints them.
Q_BARBARIC_TREATMENT = rid("statement", "quote-ayvazyan-barbaric-treatment")
Q_ALL_FOR_ALL = rid("statement", "quote-ayvazyan-all-for-all")
Q_SELF_DETERMINATION = rid("statement", "quote-ayvazyan-self-determination")
Q_TURKEY_WITHDRAW = rid("statement", "quote-ayvazyan-turkey-withdraw")
Q_FIRST_CONTACT = rid("statement", "quote-lavrov-first-contact")
Q_UNANIMOUS = rid("statement", "quote-lavrov-unanimous")
Q_PRACTICAL_ISSUES = rid("statement", "quote-lavrov-practical-issues")

# Reported statements.
R_EXCHANGE_SOON = rid("statement", "reported-ayvazyan-exchange-soon")
R_BAKU_YEREVAN = rid("statement", "reported-ayvazyan-baku-yerevan-meeting")
R_HEART_OF_SETTLEMENT = rid("statement", "reported-ayvazyan-self-determination")
R_TURKEY_ROLE = rid("statement", "reported-ayvazyan-turkey-role")
R_CONTINUE_DISCUSSIONS = rid("statement", "reported-ayvazyan-continue-discussions")
R_INVITATION = rid("statement", "reported-ayvazyan-invitation")
R_COMMISSION_VISIT = rid("statement", "reported-lavrov-commission-visit")
R_RESTORATION = rid("statement", "reported-lavrov-restoration")
R_CULTURAL_SITES = rid("statement", "reported-lavrov-cultural-sites")

# Demands, proposals and references.
D_PRISONER_EXCHANGE = rid("demand", "prisoner-exchange-as-soon-as-possible")
D_NO_DISRUPTION = rid("demand", "azerbaijan-not-disrupt-exchange")
D_TURKEY_WITHDRAWAL = rid("demand", "turkey-withdraw")
D_CULTURAL_SITES = rid("demand", "minsk-group-protect-cultural-sites")
P_ALL_FOR_ALL = rid("proposal", "all-for-all-exchange")
P_HUMANITARIAN_CENTER = rid("proposal", "international-humanitarian-response-center")
P_INVITATION = rid("proposal", "invitation-to-yerevan")

# --- dates ----------------------------------------------------------------------------
# The article is dated 2020-12-08, the day after the talks; that date stays on
# the article's Source. The talks are dated by TASS's dateline and "on Monday".

DECEMBER_7 = dt.date(2020, 12, 7)
DECEMBER_8 = dt.date(2020, 12, 8)
TALKS_DATE = de.UncertainDate.day(
    DECEMBER_7,
    derivation=de.DateDerivation(
        text="on Monday",
        rule="weekday-before-anchor",
        anchor=DECEMBER_7,
    ),
)
SAME_DAY = de.UncertainDate.day(DECEMBER_7)
NOVEMBER_9 = de.UncertainDate.day(
    dt.date(2020, 11, 9),
    derivation=de.DateDerivation(
        text="November 9",
        rule="month-day-in-anchor-year",
        anchor=DECEMBER_8,
    ),
)
NOVEMBER_21 = de.UncertainDate.day(
    dt.date(2020, 11, 21),
    derivation=de.DateDerivation(
        text="November 21",
        rule="month-day-in-anchor-year",
        anchor=DECEMBER_8,
    ),
)
NOVEMBER_28 = de.UncertainDate.day(dt.date(2020, 11, 28))
#: A planned event with no date yet: some day after the talks.
AFTER_THE_TALKS = de.UncertainDate.between(DECEMBER_7, None)

# --- codes ----------------------------------------------------------------------------


def cameo(code: str) -> de.Code:
    """Return the CAMEO event code *code*, such as ``"042"`` (make a visit)."""
    return de.Code(system=de.CAMEO, code=code)


def plover(event: str, mode: str | None = None) -> de.Code:
    """Return the PLOVER 2.0 event *event*, such as ``"CONSULT"``, with its *mode*."""
    return de.Code(system=de.PLOVER, code=event, mode=mode)


# --- citing the article ---------------------------------------------------------------


def cite(passage: str) -> de.Citation:
    """Return a citation of *passage*, which must occur exactly once in the article.

    The span is found with `str.index`, never typed in by hand, and the quote is
    the text at the span, so `diplo_events.validate` can check it.

    Args:
        passage: The exact words of the article to cite.

    Returns:
        A citation of the article with one span and its quote.

    Raises:
        ValueError: *passage* is not in the article, or occurs more than once.
    """
    start = ARTICLE_TEXT.index(passage)
    if ARTICLE_TEXT.count(passage) != 1:
        msg = f"the passage occurs more than once in the article: {passage!r}"
        raise ValueError(msg)
    end = start + len(passage)
    return de.Citation(
        source=ARTICLE,
        spans=[de.Span(start=start, end=end)],
        quote=ARTICLE_TEXT[start:end],
    )


def cite_source(source: str) -> de.Citation:
    """Return a citation of a whole source whose text we do not hold."""
    return de.Citation(source=source)


def direct_quote(
    statement_id: str,
    *,
    speaker: str,
    meeting: str,
    words: str,
    also_in: tuple[str, ...] = (),
) -> de.Statement:
    """Return a direct quote: *words*, exactly as they stand between “ and ” in the article.

    Args:
        statement_id: The statement's id.
        speaker: Id of who said the words.
        meeting: Id of the meeting where they were said.
        words: Everything between the opening “ and the closing ”.
        also_in: Ids of other sources that report the same words, cited as wholes.

    Returns:
        A direct-quote statement citing its one span of the article.

    Raises:
        ValueError: *words* are not exactly one whole quotation of the article.
    """
    citation = cite(words)
    span = citation.spans[0]
    if ARTICLE_TEXT[span.start - 1] != "“" or ARTICLE_TEXT[span.end] != "”":
        msg = f"not a whole quotation between “ and ”: {words!r}"
        raise ValueError(msg)
    return de.Statement(
        id=statement_id,
        speaker=speaker,
        text=words,
        mode=de.StatementMode.DIRECT_QUOTE,
        meeting=meeting,
        date=SAME_DAY,
        language="en",
        citations=[citation, *(cite_source(source) for source in also_in)],
    )


def reported(
    statement_id: str,
    *,
    speaker: str,
    meeting: str,
    words: str,
    passage: str,
) -> de.Statement:
    """Return reported speech: *words* in our paraphrase, citing the article's *passage*.

    Args:
        statement_id: The statement's id.
        speaker: Id of who spoke.
        meeting: Id of the meeting where they spoke.
        words: What they said, in our words.
        passage: The article's sentence that reports it.

    Returns:
        A statement in reported speech.
    """
    return de.Statement(
        id=statement_id,
        speaker=speaker,
        text=words,
        mode=de.StatementMode.REPORTED,
        meeting=meeting,
        date=SAME_DAY,
        language="en",
        citations=[cite(passage)],
    )


# --- the records ----------------------------------------------------------------------


def sources() -> list[de.Record]:
    """Return the article and the other reports that pin its events down.

    Only the article's text is held. The others are cited as wholes, by URL
    where one is known; none of their sentences is copied.
    """
    return [
        de.Source(
            id=ARTICLE,
            title="English article of 2020-12-08 on the Ayvazyan-Lavrov talks (title unknown)",
            published=de.UncertainDate.day(
                DECEMBER_8,
                derivation=de.DateDerivation(text="date 2020-12-08", rule="stated"),
            ),
            language="en",
            text=ARTICLE_TEXT,
        ),
        de.Source(
            id=TASS_REPORT,
            title="MOSCOW, December 7",
            publisher=TASS,
            url="https://tass.com/politics/1231937",
            published=SAME_DAY,
            language="en",
        ),
        de.Source(
            id=SPUTNIK_CAPTION,
            title="Sputnik Armenia photo caption: joint press conference of the two ministers",
            publisher=SPUTNIK_ARMENIA,
        ),
        de.Source(
            id=LURER_REPORT,
            title="1lurer.am report on the Ayvazyan-Lavrov talks in Yerevan",
            publisher=PUBLIC_RADIO,
            published=de.UncertainDate.day(dt.date(2020, 11, 21)),
        ),
        de.Source(
            id=NEWS_AM_REPORT,
            title="news.am report on the Ayvazyan-Lavrov phone call of 28 November 2020",
            publisher=NEWS_AM,
        ),
        de.Source(
            id=ARMENEWS_REPORT,
            title="armenews.com article 73079 on the invitation to Yerevan",
            publisher=ARMENEWS,
            language="fr",
        ),
    ]


def organizations() -> list[de.Record]:
    """Return the states, ministries, bodies and outlets."""
    kind = de.OrganizationKind
    return [
        de.Organization(
            id=ARMENIA,
            name="Armenia",
            kind=kind.STATE,
            country="ARM",
            citations=[cite("Foreign Minister of Armenia Ara Ayvazyan")],
            codes=[de.Code(system=de.CAMEO_ACTOR, code="ARM")],
        ),
        de.Organization(
            id=RUSSIA,
            name="Russia",
            kind=kind.STATE,
            country="RUS",
            aliases=["Moscow"],
            citations=[cite("Moscow proposed")],
            codes=[de.Code(system=de.CAMEO_ACTOR, code="RUS")],
        ),
        de.Organization(
            id=AZERBAIJAN,
            name="Azerbaijan",
            kind=kind.STATE,
            country="AZE",
            aliases=["Baku", "the Azerbaijani side"],
            citations=[cite("helping Azerbaijan in the course of hostilities")],
            codes=[de.Code(system=de.CAMEO_ACTOR, code="AZE")],
        ),
        de.Organization(
            id=TURKEY,
            name="Turkey",
            kind=kind.STATE,
            country="TUR",
            citations=[cite("the role of Turkey in inciting this war")],
            codes=[de.Code(system=de.CAMEO_ACTOR, code="TUR")],
        ),
        de.Organization(
            id=ARMENIAN_MFA,
            name="Ministry of Foreign Affairs of Armenia",
            kind=kind.MINISTRY,
            country="ARM",
            parent=ARMENIA,
            aliases=["Armenian Foreign Ministry"],
            citations=[cite("head of the Armenian Foreign Ministry")],
            codes=[de.Code(system=de.CAMEO_ACTOR, code="ARMGOV")],
        ),
        de.Organization(
            id=RUSSIAN_MFA,
            name="Ministry of Foreign Affairs of Russia",
            kind=kind.MINISTRY,
            country="RUS",
            parent=RUSSIA,
            aliases=["Russian Foreign Ministry"],
            codes=[de.Code(system=de.CAMEO_ACTOR, code="RUSGOV")],
        ),
        de.Organization(
            id=ARMENIAN_MOD,
            name="Ministry of Defence of Armenia",
            kind=kind.MINISTRY,
            country="ARM",
            parent=ARMENIA,
            aliases=["Armenian Defense Ministry"],
            citations=[cite("Defense Ministry")],
        ),
        de.Organization(
            id=MINSK_GROUP,
            name="OSCE Minsk Group",
            kind=kind.IGO,
            description="The OSCE body that mediates the Nagorno-Karabakh conflict.",
        ),
        de.Organization(
            id=MINSK_CO_CHAIRS,
            name="Co-Chairs of the OSCE Minsk Group",
            kind=kind.GROUP,
            parent=MINSK_GROUP,
            citations=[cite("OSCE Minsk Group Co-Chairs")],
        ),
        de.Organization(
            id=PEACEKEEPERS,
            name="Russian peacekeepers in Nagorno-Karabakh",
            kind=kind.MILITARY,
            country="RUS",
            parent=RUSSIA,
            citations=[cite("Russian peacekeepers")],
        ),
        de.Organization(
            id=COMMISSION,
            name="Russian interdepartmental commission",
            kind=kind.GROUP,
            country="RUS",
            parent=RUSSIA,
            aliases=["Russian interdepartmental delegation"],
            citations=[cite("a Russian interdepartmental commission recently visited Yerevan")],
        ),
        de.Organization(
            id=TASS,
            name="TASS",
            kind=kind.OUTLET,
            country="RUS",
            aliases=["Russian News Agency TASS"],
        ),
        de.Organization(id=SPUTNIK_ARMENIA, name="Sputnik Armenia", kind=kind.OUTLET),
        de.Organization(
            id=PUBLIC_RADIO,
            name="Public Radio of Armenia",
            kind=kind.OUTLET,
            aliases=["1lurer.am"],
        ),
        de.Organization(id=NEWS_AM, name="news.am", kind=kind.OUTLET),
        de.Organization(id=ARMENEWS, name="armenews.com", kind=kind.OUTLET),
    ]


def people() -> list[de.Record]:
    """Return the people, with the titles they held in December 2020."""
    return [
        de.Person(
            id=AYVAZYAN,
            name="Ara Ayvazyan",
            # Lavrov calls him by first name and patronymic.
            aliases=["Ara Genrievich"],
            nationality=["ARM"],
            positions=[
                de.Position(title="Foreign Minister", organization=ARMENIAN_MFA, country="ARM"),
            ],
            citations=[cite("Armenian Foreign Minister Ara Ayvazyan"), cite("Ara Genrievich")],
        ),
        de.Person(
            id=LAVROV,
            name="Sergey Lavrov",
            # The article spells his name both ways.
            aliases=["Sergei Lavrov"],
            nationality=["RUS"],
            positions=[
                de.Position(title="Foreign Minister", organization=RUSSIAN_MFA, country="RUS"),
            ],
            citations=[
                cite("his Russian counterpart Sergei Lavrov"),
                cite("Sergey Lavrov began his speech"),
            ],
        ),
        de.Person(
            id=PUTIN,
            name="Vladimir Putin",
            nationality=["RUS"],
            positions=[de.Position(title="President", organization=RUSSIA, country="RUS")],
            citations=[cite("Russian President Vladimir Putin")],
        ),
        de.Person(
            id=ALIYEV,
            name="Ilham Aliyev",
            nationality=["AZE"],
            positions=[de.Position(title="President", organization=AZERBAIJAN, country="AZE")],
            citations=[cite_source(TASS_REPORT)],
        ),
        de.Person(
            id=PASHINYAN,
            name="Nikol Pashinyan",
            nationality=["ARM"],
            positions=[de.Position(title="Prime Minister", organization=ARMENIA, country="ARM")],
            # The article names him only by his office.
            citations=[cite("the Armenian Prime Minister"), cite_source(TASS_REPORT)],
        ),
    ]


def ministers(
    *,
    ayvazyan: de.Capacity | None = None,
    lavrov: de.Capacity | None = None,
) -> list[de.Participant]:
    """Return the two foreign ministers as participants, each in the given capacity."""
    return [
        de.Participant(
            actor=AYVAZYAN,
            title="Foreign Minister",
            represents=ARMENIAN_MFA,
            capacity=ayvazyan,
        ),
        de.Participant(
            actor=LAVROV,
            title="Foreign Minister",
            represents=RUSSIAN_MFA,
            capacity=lavrov,
        ),
    ]


def meetings() -> list[de.Record]:
    """Return the Moscow talks, the press conference after them, and the earlier events."""
    moscow = de.Location(name="Moscow", country="RUS")
    return [
        de.Meeting(
            id=TALKS,
            kind=de.MeetingKind.TALKS,
            date=TALKS_DATE,
            status=de.EventStatus.HELD,
            title="Talks of the foreign ministers of Armenia and Russia in Moscow",
            location=moscow,
            participants=[
                de.Participant(
                    actor=AYVAZYAN,
                    title="Foreign Minister",
                    represents=ARMENIAN_MFA,
                    capacity=de.Capacity.VISITOR,
                    citations=[cite("Armenian Foreign Minister Ara Ayvazyan, who is on a working")],
                ),
                de.Participant(
                    actor=LAVROV,
                    title="Foreign Minister",
                    represents=RUSSIAN_MFA,
                    capacity=de.Capacity.HOST,
                    citations=[cite("met with his Russian counterpart Sergei Lavrov for talks")],
                ),
            ],
            host=RUSSIA,
            format=de.MeetingFormat.BILATERAL,
            protocol_level=de.ProtocolLevel.WORKING,
            topics=[
                "implementation of the trilateral statement of 9 November 2020 on Nagorno-Karabakh",
                "exchange of prisoners and bodies of the dead",
                "search for the missing",
            ],
            outcomes=["Ayvazyan invited Lavrov to Yerevan; Lavrov accepted, dates to be agreed"],
            # A working visit with talks: CAMEO writes two mirrored one-way codes plus
            # negotiation; PLOVER writes one record, the visitor as actor.
            codes=[cameo("042"), cameo("043"), cameo("046"), plover("CONSULT", "visit")],
            description="Held during Ayvazyan's two-day working visit to Moscow.",
            citations=[
                # TASS dates the talks ("on Monday"); the article never does.
                cite_source(TASS_REPORT),
                cite(
                    "Armenian Foreign Minister Ara Ayvazyan, who is on a working visit to "
                    "Russia, met with his Russian counterpart Sergei Lavrov for talks, the key "
                    "topic of which was the implementation of the trilateral Karabakh truce "
                    "signed on November 9.",
                ),
            ],
        ),
        de.Meeting(
            id=PRESS_CONFERENCE,
            kind=de.MeetingKind.PRESS_CONFERENCE,
            date=SAME_DAY,
            status=de.EventStatus.HELD,
            title="Joint press conference of Ayvazyan and Lavrov",
            location=moscow,
            participants=ministers(ayvazyan=de.Capacity.VISITOR, lavrov=de.Capacity.HOST),
            host=RUSSIA,
            format=de.MeetingFormat.BILATERAL,
            part_of=TALKS,
            citations=[
                cite("During a press conference after the meeting"),
                cite_source(SPUTNIK_CAPTION),
            ],
        ),
        de.Meeting(
            id=TRUCE_SIGNING,
            kind=de.MeetingKind.SIGNING,
            date=NOVEMBER_9,
            status=de.EventStatus.HELD,
            title="Trilateral statement by the leaders of Russia, Azerbaijan and Armenia",
            participants=[
                de.Participant(actor=PUTIN, title="President", represents=RUSSIA),
                de.Participant(actor=ALIYEV, title="President", represents=AZERBAIJAN),
                de.Participant(actor=PASHINYAN, title="Prime Minister", represents=ARMENIA),
            ],
            format=de.MeetingFormat.TRILATERAL,
            outcomes=["a complete ceasefire in Nagorno-Karabakh from 10 November 2020"],
            codes=[cameo("057"), plover("SUPPORT")],
            citations=[
                cite_source(TASS_REPORT),
                cite("the trilateral Karabakh truce signed on November 9"),
            ],
        ),
        de.Meeting(
            id=YEREVAN_TALKS,
            kind=de.MeetingKind.TALKS,
            date=NOVEMBER_21,
            status=de.EventStatus.HELD,
            title="Talks of Ayvazyan and Lavrov in Yerevan",
            location=de.Location(name="Yerevan", country="ARM"),
            participants=ministers(ayvazyan=de.Capacity.HOST, lavrov=de.Capacity.VISITOR),
            host=ARMENIA,
            format=de.MeetingFormat.BILATERAL,
            outcomes=["Ayvazyan accepted Lavrov's invitation to a working visit to Moscow"],
            codes=[cameo("042"), cameo("043"), cameo("046"), plover("CONSULT", "visit")],
            description="Held during the visit of the Russian interdepartmental delegation.",
            citations=[
                cite_source(LURER_REPORT),
                cite_source(TASS_REPORT),
                cite(
                    "The previous talks between the Foreign Ministers of Armenia and Russia took "
                    "place on November 21 during the visit of the Russian interdepartmental "
                    "delegation to Yerevan.",
                ),
            ],
        ),
        de.Meeting(
            id=PHONE_CALL,
            kind=de.MeetingKind.PHONE_CALL,
            date=NOVEMBER_28,
            status=de.EventStatus.HELD,
            title="Phone call of Ayvazyan and Lavrov",
            # Nobody hosts a phone call.
            participants=ministers(),
            format=de.MeetingFormat.BILATERAL,
            topics=["the planned working visit of Ayvazyan to Moscow on 7 December"],
            codes=[cameo("041"), plover("CONSULT", "phone")],
            citations=[cite_source(NEWS_AM_REPORT)],
        ),
    ]


def quotes() -> list[de.Record]:
    """Return the seven direct quotes, each exactly the words between “ and ”.

    Two more passages stand between quotation marks, "representatives of Baku
    and Yerevan" and "after the situation in the conflict zone is stabilized.":
    fragments inside reported speech, kept with it in `reported_statements`.
    """
    return [
        # Introduced by a colon at the end of the paragraph before it.
        direct_quote(
            Q_BARBARIC_TREATMENT,
            speaker=AYVAZYAN,
            meeting=TALKS,
            words="This is especially true in light of the incoming information about the "
            "literal barbaric treatment of servicemen, and not only.",
        ),
        # Runs across two paragraphs; the closing ” comes before the full stop.
        direct_quote(
            Q_ALL_FOR_ALL,
            speaker=AYVAZYAN,
            meeting=PRESS_CONFERENCE,
            words="We expressed our readiness to make an exchange on the principle of "
            "‘all for all’"  # noqa: RUF001 - as printed
            " and expect that the Azerbaijani side will not make any attempts to disrupt the "
            "process.\n\n"
            "At the same time, the Azerbaijani side does not prevent cases of the inhumane "
            "treatment of prisoners of war and civilians held as hostages. Our prisoners of "
            "war and civilians who did not have time to leave their homes are severely "
            "tortured and beheaded alive. Exactly the same way that ISIS acted with hostages "
            "in the Middle East",
        ),
        # The speaker is named only as "the head of the Armenian Foreign Ministry";
        # the elision […] is the article's own.
        direct_quote(
            Q_SELF_DETERMINATION,
            speaker=AYVAZYAN,
            meeting=PRESS_CONFERENCE,
            words="Armenia […] has acted and continues to speak from the position of "
            "recognizing the right of the people of Artsakh to self-determination and "
            "security.",
        ),
        direct_quote(
            Q_TURKEY_WITHDRAW,
            speaker=AYVAZYAN,
            meeting=PRESS_CONFERENCE,
            words="Turkey should withdraw its armed personnel and terrorist groups affiliated "
            "with it from the zone of the Karabakh conflict and the South Caucasus as a whole. "
            "So far there are no clear signals about the withdrawal of foreign terrorist "
            "fighters.",
        ),
        # Lavrov speaks of a "first contact", as armenews.com also reports in French;
        # TASS and the article call the talks the ministers' second meeting (see the
        # 'previous' reference). Both claims are kept, each with its sources.
        direct_quote(
            Q_FIRST_CONTACT,
            speaker=LAVROV,
            meeting=PRESS_CONFERENCE,
            words="We had a very useful, full-fledged first contact with the new Minister of "
            "Foreign Affairs of Armenia. Ara Genrievich kindly invited me to visit Yerevan "
            "again. I will be happy to come, we will agree on the terms additionally.",
            also_in=(ARMENEWS_REPORT,),
        ),
        direct_quote(
            Q_UNANIMOUS,
            speaker=LAVROV,
            meeting=PRESS_CONFERENCE,
            words="We are unanimous in that the signing of the statement creates all the "
            "necessary conditions for a long-term settlement of the Nagorno-Karabakh conflict "
            "on a fair basis in the interests of the Armenian and Azerbaijani peoples, in the "
            "interests of stabilizing the situation in the South Caucasus.",
        ),
        # The speaker is named after the quote (", said Sergey Lavrov"). The comma
        # stands inside the quotation marks, so it belongs to the quoted text.
        direct_quote(
            Q_PRACTICAL_ISSUES,
            speaker=LAVROV,
            meeting=PRESS_CONFERENCE,
            words="Now we are discussing the practical issues of such an initiative, many "
            "Russian ministries and departments will participate in its implementation,",
        ),
    ]


def reported_statements() -> list[de.Record]:
    """Return what the article reports the ministers said, in our words or its own."""
    baku_yerevan = (
        "“representatives of Baku and Yerevan” will meet and discuss issues on the "
        "settlement of the situation in Nagorno-Karabakh “after the situation in the "
        "conflict zone is stabilized.”"
    )
    return [
        reported(
            R_EXCHANGE_SOON,
            speaker=AYVAZYAN,
            meeting=TALKS,
            words="The exchange of prisoners must take place as soon as possible.",
            passage="One of the main topics during the meeting of the ministers was the issue "
            "of prisoner exchange which FM Ayvazyan demanded take place as soon as possible",
        ),
        # Reported speech with two quoted fragments: a mix, kept in the article's words.
        de.Statement(
            id=R_BAKU_YEREVAN,
            speaker=AYVAZYAN,
            text=baku_yerevan,
            mode=de.StatementMode.MIXED,
            meeting=PRESS_CONFERENCE,
            date=SAME_DAY,
            language="en",
            citations=[cite(baku_yerevan)],
        ),
        reported(
            R_HEART_OF_SETTLEMENT,
            speaker=AYVAZYAN,
            meeting=PRESS_CONFERENCE,
            words="The self-determination of the people of Nagorno-Karabakh lies at the heart "
            "of the settlement of the Karabakh conflict.",
            passage="The head of the Armenian Foreign Ministry believes that the issue of "
            "self-determination of the NK people lies at the heart of the settlement of the "
            "Karabakh conflict",
        ),
        reported(
            R_TURKEY_ROLE,
            speaker=AYVAZYAN,
            meeting=PRESS_CONFERENCE,
            words="Turkey incited the war and helped Azerbaijan in the hostilities, including "
            "by bringing mercenaries into the conflict zone.",
            passage="Ara Ayvazyan also spoke about the role of Turkey in inciting this war and "
            "helping Azerbaijan in the course of hostilities, including the introduction of "
            "mercenaries into the conflict zone",
        ),
        reported(
            R_CONTINUE_DISCUSSIONS,
            speaker=AYVAZYAN,
            meeting=PRESS_CONFERENCE,
            words="Armenia expects to continue discussing the settlement in Nagorno-Karabakh "
            "with Russia, including the function of the Russian peacekeepers, the return of "
            "refugees, humanitarian assistance to the population and the restoration of "
            "civilian infrastructure destroyed in the war.",
            passage="The Armenian minister stressed that he expects to continue discussions on "
            "the settlement of the situation in Nagorno-Karabakh with the Russian side, "
            "including on the function of Russian peacekeepers, creating conditions for the "
            "return of refugees, providing humanitarian assistance to the population, and "
            "restoring civilian infrastructure destroyed during the war.",
        ),
        # Known only from Lavrov's words: Ayvazyan spoke, Lavrov reported it.
        de.Statement(
            id=R_INVITATION,
            speaker=AYVAZYAN,
            text="Ayvazyan invited Lavrov to visit Yerevan again.",
            mode=de.StatementMode.REPORTED,
            meeting=TALKS,
            date=SAME_DAY,
            addressees=[LAVROV],
            reported_by=LAVROV,
            language="en",
            citations=[
                cite("Ara Genrievich kindly invited me to visit Yerevan again."),
                cite_source(ARMENEWS_REPORT),
            ],
        ),
        reported(
            R_COMMISSION_VISIT,
            speaker=LAVROV,
            meeting=PRESS_CONFERENCE,
            words="A Russian interdepartmental commission recently visited Yerevan and "
            "discussed with the Armenian Prime Minister, Foreign Ministry and Defense Ministry "
            "the situation since the signing of the trilateral document on Karabakh.",
            passage="according to Lavrov, a Russian interdepartmental commission recently "
            "visited Yerevan, which discussed with the Armenian Prime Minister, the Armenian "
            "Foreign Ministry and Defense Ministry the situation since the signing of the "
            "trilateral document on Karabakh",
        ),
        reported(
            R_RESTORATION,
            speaker=LAVROV,
            meeting=PRESS_CONFERENCE,
            words="Assistance in restoring infrastructure and housing, with health and with "
            "re-establishing normal life, and unblocking transport corridors and economic ties "
            "in the region are now of the utmost importance.",
            passage="Lavrov said that now the provision of assistance in the restoration of "
            "infrastructure and housing, health issues and the establishment of normal life, "
            "unblocking transport corridors and economic ties in the region is of the utmost "
            "importance.",
        ),
        reported(
            R_CULTURAL_SITES,
            speaker=LAVROV,
            meeting=PRESS_CONFERENCE,
            words="The OSCE Minsk Group Co-Chairs should pay special attention to preserving "
            "and protecting cultural and religious sites in Nagorno-Karabakh.",
            passage="He stated that the OSCE Minsk Group Co-Chairs should pay special attention "
            "to the preservation and protection of cultural and religious sites in "
            "Nagorno-Karabakh.",
        ),
    ]


def demands() -> list[de.Record]:
    """Return the four demands, each evidenced by the statements that make it."""
    return [
        de.Demand(
            id=D_PRISONER_EXCHANGE,
            actor=AYVAZYAN,
            content="Exchange the prisoners as soon as possible.",
            addressees=[AZERBAIJAN],
            urgency=de.Urgency.IMMEDIATE,
            evidence=[R_EXCHANGE_SOON, Q_BARBARIC_TREATMENT],
            meeting=TALKS,
            date=SAME_DAY,
            # Release of prisoners: CAMEO 105 (demand that target yields), PLOVER 'yield'.
            codes=[cameo("105"), plover("REQUEST", "yield")],
            citations=[cite("FM Ayvazyan demanded take place as soon as possible")],
        ),
        de.Demand(
            id=D_NO_DISRUPTION,
            actor=AYVAZYAN,
            content="Make no attempt to disrupt the exchange of prisoners.",
            addressees=[AZERBAIJAN],
            urgency=de.Urgency.NORMAL,
            evidence=[Q_ALL_FOR_ALL],
            meeting=PRESS_CONFERENCE,
            date=SAME_DAY,
            codes=[cameo("100"), plover("REQUEST")],
            citations=[
                cite(
                    "expect that the Azerbaijani side will not make any attempts to disrupt "
                    "the process",
                ),
            ],
        ),
        de.Demand(
            id=D_TURKEY_WITHDRAWAL,
            actor=AYVAZYAN,
            content="Withdraw Turkey's armed personnel and the terrorist groups affiliated "
            "with it from the zone of the Karabakh conflict and the South Caucasus.",
            addressees=[TURKEY],
            urgency=de.Urgency.NORMAL,
            evidence=[Q_TURKEY_WITHDRAW],
            meeting=PRESS_CONFERENCE,
            date=SAME_DAY,
            codes=[cameo("105"), plover("REQUEST", "yield")],
            citations=[
                cite(
                    "Turkey should withdraw its armed personnel and terrorist groups "
                    "affiliated with it from the zone of the Karabakh conflict and the South "
                    "Caucasus as a whole.",
                ),
            ],
        ),
        de.Demand(
            id=D_CULTURAL_SITES,
            actor=LAVROV,
            content="Pay special attention to preserving and protecting cultural and "
            "religious sites in Nagorno-Karabakh.",
            addressees=[MINSK_CO_CHAIRS],
            urgency=de.Urgency.NORMAL,
            evidence=[R_CULTURAL_SITES],
            meeting=PRESS_CONFERENCE,
            date=SAME_DAY,
            codes=[cameo("102"), plover("REQUEST", "change")],
            citations=[
                cite(
                    "the OSCE Minsk Group Co-Chairs should pay special attention to the "
                    "preservation and protection of cultural and religious sites",
                ),
            ],
        ),
    ]


def proposals() -> list[de.Record]:
    """Return the three proposals, with Lavrov's acceptance of the invitation."""
    return [
        de.Proposal(
            id=P_ALL_FOR_ALL,
            actor=AYVAZYAN,
            content="Exchange prisoners on the principle of 'all for all'.",
            kind=de.ProposalKind.OFFER,
            addressees=[AZERBAIJAN],
            status=de.ProposalStatus.PENDING,
            evidence=[Q_ALL_FOR_ALL],
            meeting=PRESS_CONFERENCE,
            date=SAME_DAY,
            codes=[cameo("030"), plover("AGREE")],
            citations=[
                cite(
                    "We expressed our readiness to make an exchange on the principle of "
                    "‘all for all’",  # noqa: RUF001 - as printed
                ),
            ],
        ),
        de.Proposal(
            id=P_HUMANITARIAN_CENTER,
            actor=RUSSIA,
            content="Make the Center for Humanitarian Response, created on the initiative of "
            "Russian President Vladimir Putin, international by including Armenia and "
            "Azerbaijan.",
            kind=de.ProposalKind.INITIATIVE,
            addressees=[ARMENIA, AZERBAIJAN],
            status=de.ProposalStatus.PENDING,
            # Lavrov speaks for Russia: he represents its foreign ministry at the talks.
            evidence=[Q_PRACTICAL_ISSUES],
            meeting=TALKS,
            date=SAME_DAY,
            # CAMEO 020 covers "all requests, proposals, suggestions"; PLOVER drops it.
            codes=[cameo("020")],
            citations=[
                cite(
                    "the Foreign Ministers of the two countries discussed the issue of "
                    "creating a Center for Humanitarian Response on the initiative of Russian "
                    "President Vladimir Putin. Moscow proposed to make this center "
                    "international by including Armenia and Azerbaijan.",
                ),
            ],
        ),
        de.Proposal(
            id=P_INVITATION,
            actor=AYVAZYAN,
            content="Visit Yerevan again.",
            kind=de.ProposalKind.INVITATION,
            addressees=[LAVROV],
            status=de.ProposalStatus.ACCEPTED,
            responses=[
                de.Response(
                    actor=LAVROV,
                    stance=de.ResponseStance.ACCEPTED,
                    statement=Q_FIRST_CONTACT,
                    date=SAME_DAY,
                    citations=[
                        cite("I will be happy to come, we will agree on the terms"),
                        cite_source(ARMENEWS_REPORT),
                    ],
                ),
            ],
            evidence=[R_INVITATION],
            meeting=TALKS,
            date=SAME_DAY,
            # An invitation to visit: CAMEO 036, PLOVER AGREE.
            codes=[cameo("036"), plover("AGREE")],
            citations=[
                cite("Ara Genrievich kindly invited me to visit Yerevan again."),
                cite_source(ARMENEWS_REPORT),
            ],
        ),
    ]


def references() -> list[de.Record]:
    """Return the links from the talks to earlier events and to planned ones."""
    return [
        de.Reference(
            id=rid("reference", "talks-implement-truce"),
            subject=TALKS,
            relation=de.Relation.IMPLEMENTS,
            target=TRUCE_SIGNING,
            description="the trilateral statement on Nagorno-Karabakh of 9 November 2020",
            date=NOVEMBER_9,
            citations=[
                cite("the implementation of the trilateral Karabakh truce signed on November 9"),
                cite_source(TASS_REPORT),
            ],
        ),
        # TASS calls the Moscow talks the ministers' second face-to-face meeting and the
        # article its "second personal meeting", while Lavrov's quote (Q_FIRST_CONTACT)
        # speaks of a "first contact": the claims stand side by side, each cited.
        de.Reference(
            id=rid("reference", "talks-previous-yerevan-talks"),
            subject=TALKS,
            relation=de.Relation.PREVIOUS,
            target=YEREVAN_TALKS,
            description="the ministers' previous talks, in Yerevan on 21 November 2020",
            date=NOVEMBER_21,
            citations=[
                cite_source(TASS_REPORT),
                cite(
                    "This is the second personal meeting between Lavrov and the new Foreign "
                    "Minister of Armenia Ara Ayvazyan over the past month.",
                ),
            ],
        ),
        de.Reference(
            id=rid("reference", "talks-follow-up-phone-call"),
            subject=TALKS,
            relation=de.Relation.FOLLOWS_UP,
            target=PHONE_CALL,
            description="the ministers' phone call about the visit, on 28 November 2020",
            date=NOVEMBER_28,
            citations=[cite_source(NEWS_AM_REPORT)],
        ),
        # Planned events have no record yet: a description and an open-ended date,
        # to be resolved to a meeting once it happens.
        de.Reference(
            id=rid("reference", "invitation-planned-lavrov-visit"),
            subject=P_INVITATION,
            relation=de.Relation.PLANNED,
            description="Lavrov's visit to Yerevan, on terms still to be agreed",
            date=AFTER_THE_TALKS,
            citations=[
                cite("I will be happy to come, we will agree on the terms additionally."),
                cite_source(ARMENEWS_REPORT),
            ],
        ),
        de.Reference(
            id=rid("reference", "statement-planned-baku-yerevan-meeting"),
            subject=R_BAKU_YEREVAN,
            relation=de.Relation.PLANNED,
            description="a meeting of representatives of Baku and Yerevan on the settlement "
            "in Nagorno-Karabakh, once the situation in the conflict zone is stabilized",
            date=AFTER_THE_TALKS,
            citations=[
                cite("Ara Ayvazyan stated that “representatives of Baku and Yerevan” will meet"),
            ],
        ),
    ]


def build_collection() -> de.Collection:
    """Return the complete reconstruction of the talks, the same on every call.

    Returns:
        Every record, sources and actors first, in a fixed order.

    Raises:
        ValueError: A cited passage is missing from the article, or not unique.
    """
    return de.Collection(
        records=[
            *sources(),
            *organizations(),
            *people(),
            *meetings(),
            *quotes(),
            *reported_statements(),
            *demands(),
            *proposals(),
            *references(),
        ],
    )


# --- the summary ----------------------------------------------------------------------


def name_of(collection: de.Collection, record_id: str | None) -> str:
    """Return the name of the person or organization *record_id*, or ``"?"``."""
    record = collection.get(record_id) if record_id is not None else None
    return record.name if isinstance(record, de.Person | de.Organization) else "?"


def clip(text: str, limit: int = 64) -> str:
    """Return *text* on one line, cut to *limit* characters."""
    line = " ".join(text.split())
    return line if len(line) <= limit else line[: limit - 1] + "…"


def describe_talks(collection: de.Collection) -> list[str]:
    """Return summary lines for the record counts, the talks and their participants."""
    talks = collection[TALKS]
    if not isinstance(talks, de.Meeting) or talks.location is None:
        msg = f"{TALKS!r} is not a meeting with a location"
        raise TypeError(msg)
    counts = Counter(record.type for record in collection)
    words = talks.date.derivation.text if talks.date.derivation is not None else "stated"
    place = f"{talks.location.name}, {talks.location.country}"
    lines = [
        f"{talks.title}: {len(collection)} records",
        "  " + ", ".join(f"{counts[kind]} {kind}" for kind in de.RECORD_TYPES),
        f"date: {talks.date} (from {words!r}); place: {place}",
        "participants:",
    ]
    for participant in talks.participants:
        body = collection.get(participant.represents or "")
        country = body.country if isinstance(body, de.Organization) else None
        lines.append(
            f"  {name_of(collection, participant.actor)}, {participant.title} ({country}), "
            f"for the {name_of(collection, participant.represents)}, {participant.capacity}",
        )
    return lines


def describe_content(collection: de.Collection) -> list[str]:
    """Return summary lines for the quotes, demands, proposals and references."""
    direct = [
        statement
        for statement in collection.of_type(de.Statement)
        if statement.mode is de.StatementMode.DIRECT_QUOTE
    ]
    lines = [f"direct quotes ({len(direct)}):"]
    lines += [f"  {name_of(collection, s.speaker)}: “{clip(s.text)}”" for s in direct]
    lines.append(f"demands ({len(collection.of_type(de.Demand))}):")
    for demand in collection.of_type(de.Demand):
        addressees = ", ".join(name_of(collection, a) for a in demand.addressees)
        lines.append(
            f"  {name_of(collection, demand.actor)} -> {addressees} [{demand.urgency}]: "
            f"{clip(demand.content, 50)}",
        )
    lines.append(f"proposals ({len(collection.of_type(de.Proposal))}):")
    for proposal in collection.of_type(de.Proposal):
        answers = "".join(
            f", {r.stance} by {name_of(collection, r.actor)}" for r in proposal.responses
        )
        lines.append(
            f"  {proposal.kind} by {name_of(collection, proposal.actor)}: "
            f"{clip(proposal.content, 50)} [{proposal.status}{answers}]",
        )
    lines.append(f"references ({len(collection.of_type(de.Reference))}):")
    for reference in collection.of_type(de.Reference):
        target = collection.resolve(reference)
        if isinstance(target, de.Meeting):
            what = f"{target.title} ({target.date})"
        else:
            what = f"{clip(reference.description or '?', 60)} ({reference.date}, unresolved)"
        lines.append(f"  {reference.relation}: {what}")
    return lines


def describe_issues(issues: list[de.Issue]) -> list[str]:
    """Return summary lines for the validation result, one line per issue."""
    errors = sum(issue.severity is de.Severity.ERROR for issue in issues)
    lines = [f"validation: {errors} errors, {len(issues) - errors} warnings"]
    lines += [f"  {issue.severity}: {issue}" for issue in issues]
    return lines


def main(argv: list[str] | None = None) -> int:
    """Build the collection, validate it, print a summary and write it as JSON.

    Args:
        argv: The arguments after the program name: the output path. Defaults
            to ``sys.argv[1:]``.

    Returns:
        0 on success; 1 if validation found errors (nothing is written then);
        2 on wrong usage.
    """
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print("usage: python examples/moscow_talks_2020.py OUT.json", file=sys.stderr)
        return 2
    collection = build_collection()
    issues = de.validate(collection)
    print("\n".join(describe_talks(collection) + describe_content(collection)))
    print("\n".join(describe_issues(issues)))
    if any(issue.severity is de.Severity.ERROR for issue in issues):
        print("not written: the collection has errors", file=sys.stderr)
        return 1
    Path(args[0]).write_text(de.to_json(collection, indent=2), encoding="utf-8")
    print(f"wrote {args[0]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
