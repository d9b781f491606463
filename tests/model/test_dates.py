import datetime as dt

import pytest

import diplo_events as de

D = dt.date


class TestEdtf:
    @pytest.mark.parametrize(
        ("edtf", "earliest", "latest", "precision", "approximate", "uncertain", "interval"),
        [
            ("2020-12-07", D(2020, 12, 7), D(2020, 12, 7), "day", False, False, False),
            ("2020-12", D(2020, 12, 1), D(2020, 12, 31), "month", False, False, False),
            ("2020", D(2020, 1, 1), D(2020, 12, 31), "year", False, False, False),
            ("2020-02", D(2020, 2, 1), D(2020, 2, 29), "month", False, False, False),
            ("2020-12-07?", D(2020, 12, 7), D(2020, 12, 7), "day", False, True, False),
            ("2020-12-07~", D(2020, 12, 7), D(2020, 12, 7), "day", True, False, False),
            ("2020-12%", D(2020, 12, 1), D(2020, 12, 31), "month", True, True, False),
            ("2020-12-06/2020-12-07", D(2020, 12, 6), D(2020, 12, 7), "day", False, False, True),
            ("2020-11/2020-12-08", D(2020, 11, 1), D(2020, 12, 8), "month", False, False, True),
            ("../2020-12-08", None, D(2020, 12, 8), "day", False, False, True),
            ("2020-12-07/..", D(2020, 12, 7), None, "day", False, False, True),
            ("2020-11~/2020-12", D(2020, 11, 1), D(2020, 12, 31), "month", True, False, True),
        ],
    )
    def test_reading(  # noqa: PLR0917 - one parameter per column of the table
        self,
        edtf: str,
        earliest: D | None,
        latest: D | None,
        precision: str,
        approximate: bool,  # noqa: FBT001
        uncertain: bool,  # noqa: FBT001
        interval: bool,  # noqa: FBT001
    ) -> None:
        """Bounds, precision and qualifiers are read from the EDTF text."""
        date = de.UncertainDate(edtf=edtf)
        assert (date.earliest, date.latest) == (earliest, latest)
        assert date.precision == precision
        assert (date.approximate, date.uncertain, date.is_interval) == (
            approximate,
            uncertain,
            interval,
        )
        assert str(date) == edtf

    @pytest.mark.parametrize(
        ("edtf", "code"),
        [
            ("2023-02-30", "date.impossible"),
            ("2021-02-29", "date.impossible"),
            ("2020-13", "date.impossible"),
            ("2020-00-10", "date.impossible"),
            ("0000", "date.out_of_range"),
            ("20201207", "date.invalid_edtf"),
            ("2020-12-7", "date.invalid_edtf"),
            ("December 2020", "date.invalid_edtf"),
            ("2020-12-07??", "date.invalid_edtf"),
            ("../..", "date.invalid_edtf"),
            ("2020/2021/2022", "date.invalid_edtf"),
            ("", "date.invalid_edtf"),
            ("2020-12-08/2020-12-07", "date.reversed_interval"),
            ("-0100", "date.invalid_edtf"),
            ("2020-21", "date.impossible"),
            ("\u0662\u0660\u0662\u0660", "date.invalid_edtf"),
            ("\uff12\uff10\uff12\uff10-12", "date.invalid_edtf"),
        ],
    )
    def test_invalid(self, edtf: str, code: str) -> None:
        """Text outside the supported EDTF subset, or off the calendar, is refused."""
        with pytest.raises(de.FieldError) as info:
            de.UncertainDate(edtf=edtf)
        assert info.value.code == code
        assert info.value.field == "edtf"

    def test_not_a_string(self) -> None:
        """The EDTF text must be a string."""
        with pytest.raises(de.FieldTypeError):
            de.UncertainDate(edtf=20201207)  # type: ignore[arg-type]


class TestBuilding:
    def test_day(self) -> None:
        """day() writes a day, with qualifiers."""
        assert de.UncertainDate.day(D(2020, 12, 7)).edtf == "2020-12-07"
        assert de.UncertainDate.day(D(2020, 12, 7), approximate=True).edtf == "2020-12-07~"
        assert (
            de.UncertainDate.day(D(2020, 12, 7), approximate=True, uncertain=True).edtf
            == "2020-12-07%"
        )

    def test_day_refuses_datetime(self) -> None:
        """A datetime is not a day: no precision is invented or dropped."""
        with pytest.raises(de.FieldTypeError):
            de.UncertainDate.day(dt.datetime(2020, 12, 7, 10, 0, tzinfo=dt.UTC))  # type: ignore[arg-type]

    def test_month_and_year(self) -> None:
        """month() and year() keep the coarser precision."""
        assert de.UncertainDate.month(2020, 12, uncertain=True).edtf == "2020-12?"
        assert de.UncertainDate.year(1992).edtf == "1992"
        with pytest.raises(de.FieldError):
            de.UncertainDate.month(2020, 13)

    def test_between(self) -> None:
        """between() writes bounds, open ends as '..', and equal bounds as a day."""
        assert (
            de.UncertainDate.between(D(2020, 11, 8), D(2020, 12, 8)).edtf == "2020-11-08/2020-12-08"
        )
        assert de.UncertainDate.between(None, D(2020, 12, 8)).edtf == "../2020-12-08"
        assert de.UncertainDate.between(D(2020, 12, 8), D(2020, 12, 8)).edtf == "2020-12-08"
        with pytest.raises(de.FieldError):
            de.UncertainDate.between(D(2020, 12, 9), D(2020, 12, 8))

    def test_derivation(self) -> None:
        """The words, rule and anchor a date came from are kept with it."""
        derivation = de.DateDerivation(
            text="on Monday", rule="weekday-before-anchor", anchor=D(2020, 12, 8)
        )
        date = de.UncertainDate.day(D(2020, 12, 7), derivation=derivation)
        assert date.derivation == derivation
        assert de.from_json(de.to_json(date), de.UncertainDate) == date

    def test_derivation_rules(self) -> None:
        """A derivation needs its words and rule; the anchor is a date, not a datetime."""
        with pytest.raises(de.FieldError):
            de.DateDerivation(text="", rule="x")
        with pytest.raises(de.FieldTypeError):
            de.DateDerivation(text="x", rule="y", anchor=dt.datetime(2020, 1, 1, tzinfo=dt.UTC))  # type: ignore[arg-type]


class TestComparing:
    def test_certainly_before(self) -> None:
        """Only dates whose ranges do not touch are certainly ordered."""
        nov = de.UncertainDate(edtf="2020-11")
        dec7 = de.UncertainDate(edtf="2020-12-07")
        late_nov = de.UncertainDate(edtf="2020-11-30/2020-12-07")
        assert nov.certainly_before(dec7)
        assert not dec7.certainly_before(nov)
        assert not late_nov.certainly_before(dec7)
        assert late_nov.overlaps(dec7)
        assert not nov.overlaps(dec7)

    def test_open_bounds_never_certain(self) -> None:
        """An open end can be any day, so nothing is certainly before it."""
        open_end = de.UncertainDate(edtf="2020-12-07/..")
        assert not de.UncertainDate(edtf="2021").certainly_before(open_end)
        assert not open_end.certainly_before(de.UncertainDate(edtf="2030"))

    def test_is_exact(self) -> None:
        """Only one certain day is exact."""
        assert de.UncertainDate(edtf="2020-12-07").is_exact
        assert not de.UncertainDate(edtf="2020-12-07?").is_exact
        assert not de.UncertainDate(edtf="2020-12").is_exact
