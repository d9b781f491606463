import importlib.metadata
import inspect

import diplo_events as de
from diplo_events import exceptions


class TestPublicApi:
    def test_all_sorted_and_complete(self) -> None:
        """__all__ is sorted (constants, classes, then functions) and every name exists."""

        def group(name: str) -> tuple[int, str]:
            kind = 0 if name.isupper() else 1 if name[0].isupper() else 2
            return kind, name

        assert de.__all__ == sorted(de.__all__, key=group)
        assert len(set(de.__all__)) == len(de.__all__)
        for name in de.__all__:
            assert hasattr(de, name), name

    def test_private_modules_not_exported(self) -> None:
        """Only public names are exported."""
        assert all(not name.startswith("_") or name == "__version__" for name in de.__all__)

    def test_version_from_metadata(self) -> None:
        """__version__ comes from the installed package metadata."""
        assert de.__version__ == importlib.metadata.version("diplo_events")

    def test_every_public_callable_documented(self) -> None:
        """Every public class and function has a docstring with a version note."""
        for name in de.__all__:
            obj = getattr(de, name)
            if inspect.isclass(obj) or inspect.isfunction(obj):
                assert obj.__doc__, name
                assert "versionadded" in obj.__doc__, name


class TestExceptions:
    def test_hierarchy(self) -> None:
        """Every exception derives from DiploEventsError and the builtin it refines."""
        assert issubclass(de.ParseError, de.DiploEventsError)
        assert issubclass(de.ParseError, ValueError)
        assert issubclass(de.ValidationError, ValueError)
        assert issubclass(de.FieldError, ValueError)
        assert issubclass(de.FieldTypeError, TypeError)
        assert issubclass(de.RecordNotFoundError, KeyError)
        assert exceptions.ParseError is de.ParseError

    def test_issue_rendering(self) -> None:
        """An issue renders with its path, message and code (and line for JSON Lines)."""
        issue = de.Issue(path="$.a", code="x.y", message="went wrong")
        assert str(issue) == "$.a: went wrong [x.y]"
        assert str(de.Issue(path="$", code="c", message="m", line=3)) == "line 3: $: m [c]"
        assert issue.severity is de.Severity.ERROR

    def test_many_issues_message(self) -> None:
        """A long list of issues is shortened in the message but kept whole on .issues."""
        issues = [de.Issue(path=f"$[{i}]", code="c", message="m") for i in range(25)]
        error = de.ParseError(issues)
        assert len(error.issues) == 25
        assert "and 5 more" in str(error)
