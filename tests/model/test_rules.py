"""The generated field checkers: one per class, visible to tracebacks and debuggers."""

import inspect
import linecache
import traceback

import pytest

import diplo_events as de


class TestGeneratedChecks:
    def test_source_is_registered_with_linecache(self) -> None:
        """The generated __attrs_post_init__ has source lines that inspect can read."""
        check = de.Meeting.__attrs_post_init__
        filename = check.__code__.co_filename
        assert filename.startswith("<diplo_events generated check")
        assert "Meeting" in filename
        assert linecache.getline(filename, 1).startswith("def __attrs_post_init__(self):")
        assert "self.kind" in inspect.getsource(check)

    def test_traceback_shows_the_failing_line(self) -> None:
        """A failing field rule shows the generated line that tested it."""
        with pytest.raises(ValueError, match="'name'") as caught:
            de.Person(name="")
        frames = traceback.extract_tb(caught.value.__traceback__)
        generated = [f for f in frames if f.filename.startswith("<diplo_events generated check")]
        assert generated
        assert generated[0].line
        assert "_fail" in generated[0].line
