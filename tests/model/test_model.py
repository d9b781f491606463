import datetime as dt

import attrs
import pytest

import diplo_events as de

DAY = de.UncertainDate(edtf="2020-12-07")
PERSON = de.stable_id("person", "p")
ORG = de.stable_id("organization", "o")
SOURCE = de.stable_id("source", "s")
MEETING = de.stable_id("meeting", "m")
STATEMENT = de.stable_id("statement", "s")


class TestRecords:
    def test_frozen_hashable_keyword_only(self) -> None:
        """Records are immutable, hashable and built by keyword."""
        person = de.Person(id=PERSON, name="Ara Ayvazyan", aliases=["Ara Genrievich"])
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            person.name = "x"  # type: ignore[misc]
        assert hash(person) == hash(attrs.evolve(person))
        with pytest.raises(TypeError):
            de.Person(PERSON, "Ara Ayvazyan")  # type: ignore[misc]

    def test_conveniences(self) -> None:
        """Lists become tuples and strings become enum members."""
        meeting = de.Meeting(kind="talks", date=DAY, participants=[de.Participant(actor=PERSON)])
        assert meeting.kind is de.MeetingKind.TALKS
        assert isinstance(meeting.participants, tuple)

    def test_type_tag(self) -> None:
        """Every record has its type tag, which cannot be set."""
        assert de.Meeting(kind="talks", date=DAY).type == "meeting"
        with pytest.raises(TypeError):
            de.Meeting(kind="talks", date=DAY, type="statement")  # type: ignore[call-arg]
        assert "type=" not in repr(de.Person(name="X"))

    def test_generated_id(self) -> None:
        """A record built without an id gets a fresh one of its type."""
        assert de.is_id(de.Statement(speaker=PERSON, text="x", mode="reported").id, "statement")

    @pytest.mark.parametrize(
        ("build", "field", "code", "message"),
        [
            (lambda: de.Person(name=""), "name", "value.empty", "'name' must not be empty"),
            (lambda: de.Person(name="  \n"), "name", "value.empty", "'name' must not be empty"),
            (
                lambda: de.Person(name=5),
                "name",
                "type.mismatch",
                "'name' must be a string, got an integer",
            ),
            (
                lambda: de.Person(name="x\ud800"),
                "name",
                "text.lone_surrogate",
                "'name' holds a lone surrogate, which is not text",
            ),
            (
                lambda: de.Person(id="lavrov", name="x"),
                "id",
                "id.malformed",
                (
                    "'id' must be an id of the form '<type>--<uuid>' with a lower-case uuid, "
                    "got 'lavrov'"
                ),
            ),
            (
                lambda: de.Person(id=MEETING, name="x"),
                "id",
                "id.wrong_type",
                f"'id' must be the id of a 'person' record, got {MEETING!r}",
            ),
            (
                lambda: de.Person(name="x", nationality=["RU"]),
                "nationality[0]",
                "country.unknown",
                (
                    "'nationality[0]' must be an ISO 3166-1 alpha-3 country code such as 'ARM', "
                    "got 'RU'"
                ),
            ),
            (
                lambda: de.Person(name="x", aliases="Sergei"),
                "aliases",
                "type.mismatch",
                "'aliases' must be a list of strings, got a string",
            ),
            (
                lambda: de.Meeting(kind="party", date=DAY),
                "kind",
                "value.not_allowed",
                (
                    "'kind' must be one of 'talks', 'visit', 'phone_call', 'video_call', "
                    "'press_conference', 'summit', 'signing', 'reception', 'other', got 'party'"
                ),
            ),
            (
                lambda: de.Meeting(kind="talks", date="2020-12-07"),
                "date",
                "type.mismatch",
                "'date' must be a UncertainDate, got a string",
            ),
            (
                lambda: de.Meeting(kind="talks", date=DAY, participants={PERSON}),
                "participants",
                "type.mismatch",
                "'participants' must be a list of Participant values, got set",
            ),
            (
                lambda: de.Citation(source=SOURCE, confidence=1.5),
                "confidence",
                "value.out_of_range",
                "'confidence' must be between 0 and 1, got 1.5",
            ),
            (
                lambda: de.Citation(source=SOURCE, confidence=float("nan")),
                "confidence",
                "type.mismatch",
                "'confidence' must be a finite number, got a number",
            ),
            (
                lambda: de.Citation(source=SOURCE, rule=5),
                "rule",
                "type.mismatch",
                "'rule' must be a string, got an integer",
            ),
            (
                lambda: de.Span(start=-1, end=3),
                "start",
                "value.out_of_range",
                "'start' must be between 0 and 2**53 - 1, got -1",
            ),
            (
                lambda: de.Span(start=True, end=3),
                "start",
                "type.mismatch",
                "'start' must be an integer, got a boolean",
            ),
            (
                lambda: de.Meeting(kind="talks", date=DAY, created=dt.datetime(2020, 12, 7, 10)),  # noqa: DTZ001
                "created",
                "datetime.naive",
                "'created' must be timezone-aware (give an offset such as 'Z' or '+03:00')",
            ),
            (
                lambda: de.Location(name="Moscow", latitude=100.0, longitude=0.0),
                "latitude",
                "value.out_of_range",
                "'latitude' must be between -90 and 90, got 100.0",
            ),
            (
                lambda: de.Reference(
                    subject=MEETING, relation="previous", description="x", external="no"
                ),
                "external",
                "type.mismatch",
                "'external' must be a bool, got a string",
            ),
        ],
    )
    def test_field_rules(self, build: object, field: str, code: str, message: str) -> None:
        """Single-field rules raise FieldError naming the field, with a stable code."""
        with pytest.raises(de.FieldError) as info:
            build()  # type: ignore[operator]
        assert (info.value.field, info.value.code, str(info.value)) == (field, code, message)
        assert isinstance(info.value, ValueError)
        assert isinstance(info.value, de.DiploEventsError)

    def test_sub_minute_offset(self) -> None:
        """An instant whose offset RFC 3339 cannot write is refused, not rounded."""
        odd = dt.timezone(dt.timedelta(seconds=30))
        with pytest.raises(de.FieldError) as info:
            de.Person(name="x", created=dt.datetime(2020, 1, 1, tzinfo=odd))
        assert info.value.code == "datetime.offset_seconds"
        minus_three = dt.timezone(dt.timedelta(hours=-3))
        assert de.Person(name="x", created=dt.datetime(2020, 1, 1, tzinfo=minus_three)).created

    def test_type_errors_are_type_errors(self) -> None:
        """Wrong types raise FieldTypeError, also a TypeError."""
        with pytest.raises(TypeError):
            de.Person(name=5)  # type: ignore[arg-type]

    @pytest.mark.parametrize(
        ("build", "field", "code"),
        [
            (lambda: de.Span(start=5, end=5), "end", "span.empty"),
            (
                lambda: de.Citation(
                    source=SOURCE, spans=[de.Span(start=5, end=9), de.Span(start=7, end=12)]
                ),
                "spans[1]",
                "span.unordered",
            ),
            (lambda: de.Citation(source=SOURCE, quote="x"), "quote", "citation.quote_without_span"),
            (lambda: de.Citation(source=SOURCE, rule=" "), "rule", "value.empty"),
            (de.Location, None, "value.empty"),
            (lambda: de.Location(name="x", latitude=1.0), "longitude", "value.incomplete"),
            (
                lambda: de.Meeting(
                    kind="talks", date=DAY, end_date=de.UncertainDate(edtf="2020-12-06")
                ),
                "end_date",
                "date.end_before_start",
            ),
            (
                lambda: de.Meeting(id=MEETING, kind="talks", date=DAY, part_of=MEETING),
                "part_of",
                "ref.self",
            ),
            (lambda: de.Organization(name="Armenia", kind="state"), "country", "value.missing"),
            (
                lambda: de.Proposal(actor=PERSON, content="visit", status="accepted"),
                "status",
                "proposal.status_without_response",
            ),
            (
                lambda: de.Reference(subject=MEETING, relation="previous"),
                "target",
                "reference.empty",
            ),
            (
                lambda: de.Reference(
                    subject=MEETING, relation="previous", description="x", external=True
                ),
                "external",
                "reference.external_without_target",
            ),
            (
                lambda: de.Reference(subject=MEETING, relation="previous", target=MEETING),
                "target",
                "ref.self",
            ),
            (lambda: de.Code(system="cameo", code="42"), "code", "code.malformed"),
            (lambda: de.Code(system="cameo", code="2101"), "code", "code.malformed"),
            (lambda: de.Code(system="plover", code="DEMAND"), "code", "code.malformed"),
            (
                lambda: de.ExternalId(scheme="wikidata", value="76658"),
                "value",
                "external_id.malformed",
            ),
            (
                lambda: de.Position(
                    title="Minister",
                    start=de.UncertainDate(edtf="2021"),
                    end=de.UncertainDate(edtf="2020"),
                ),
                "end",
                "date.end_before_start",
            ),
        ],
    )
    def test_cross_field_rules(self, build: object, field: str | None, code: str) -> None:
        """Rules across fields of one record or value raise FieldError."""
        with pytest.raises(de.FieldError) as info:
            build()  # type: ignore[operator]
        assert (info.value.field, info.value.code) == (field, code)

    def test_valid_codes(self) -> None:
        """Known code systems check their codes; other systems are an open list."""
        assert de.Code(system=de.CAMEO, code="042").code == "042"
        assert de.Code(system=de.PLOVER, code="CONSULT", mode="visit").mode == "visit"
        assert de.Code(system="icews", code="Consult").system == "icews"
        assert de.Code(system=de.CAMEO_ACTOR, code="ARMGOV").code == "ARMGOV"
        with pytest.raises(de.FieldError):
            de.Code(system=de.CAMEO_ACTOR, code="ARMGO")

    def test_accepted_proposal(self) -> None:
        """An accepted proposal carries the response that accepts it."""
        proposal = de.Proposal(
            actor=PERSON,
            content="a visit to Yerevan",
            kind="invitation",
            status="accepted",
            responses=[de.Response(actor=ORG, stance="accepted", statement=STATEMENT)],
        )
        assert proposal.responses[0].stance is de.ResponseStance.ACCEPTED

    def test_historical_and_user_assigned_countries(self) -> None:
        """Historical (SUN, YUG) and user-assigned (XKX) codes are accepted."""
        assert de.Person(name="x", nationality=["SUN", "YUG", "XKX"]).nationality == (
            "SUN",
            "YUG",
            "XKX",
        )

    def test_excerpt(self) -> None:
        """A source gives the text at spans, joined by an elision mark."""
        source = de.Source(text="Armenia has acted and continues to speak.")
        spans = (de.Span(start=0, end=7), de.Span(start=22, end=41))
        assert source.excerpt(spans) == "Armenia […] continues to speak."
        assert de.Source().excerpt(spans) is None
        with pytest.raises(IndexError):
            source.excerpt((de.Span(start=0, end=100),))

    def test_names(self) -> None:
        """A person's names are the name and the aliases."""
        lavrov = de.Person(name="Sergey Lavrov", aliases=("Sergei Lavrov",))
        assert lavrov.names() == ("Sergey Lavrov", "Sergei Lavrov")
