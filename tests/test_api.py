import importlib
import importlib.metadata
import inspect
import subprocess
import sys

import pytest

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


def _run(code: str) -> str:
    result = subprocess.run(  # noqa: S603 - our own interpreter and code
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    return result.stdout.strip()


class TestSurface:
    """The top level is the everyday surface; specialist names live in subpackages."""

    MOVED = (
        ("DateMatch", "diplo_events.drafting"),
        ("MentionMatch", "diplo_events.drafting"),
        ("NameBook", "diplo_events.drafting"),
        ("find_actor_mentions", "diplo_events.drafting"),
        ("name_key", "diplo_events.drafting"),
        ("configure_converter", "diplo_events.io"),
        ("issues_from_exception", "diplo_events.io"),
        ("make_converter", "diplo_events.io"),
    )

    def test_import_does_not_load_drafting(self) -> None:
        """``import diplo_events`` loads neither the drafting stack nor its data tables."""
        loaded = _run(
            "import sys, diplo_events; "
            "print(sorted(m for m in sys.modules if m.startswith('diplo_events.drafting')))"
        )
        assert loaded == "[]"

    def test_import_does_not_load_optional_extras(self) -> None:
        """``import diplo_events`` (its io and plot modules too) loads no heavy extra."""
        loaded = _run(
            "import sys, diplo_events, diplo_events.io, diplo_events.io.tables, diplo_events.plot; "
            "print(sorted(m for m in ('pyarrow', 'pandas', 'polars', 'duckdb', 'matplotlib') "
            "if m in sys.modules))"
        )
        assert loaded == "[]"

    def test_drafting_names_load_on_first_use(self) -> None:
        """The text readers are loaded when first asked for, then kept."""
        out = _run(
            "import sys, diplo_events as de; f = de.extract; "
            "print('diplo_events.drafting' in sys.modules, 'extract' in vars(de), "
            "f is sys.modules['diplo_events.drafting'].extract)"
        )
        assert out == "True True True"

    @pytest.mark.parametrize(("name", "home"), MOVED)
    def test_moved_names_warn_and_work(self, name: str, home: str) -> None:
        """A name that moved to a subpackage still works at the top, with a DeprecationWarning."""
        with pytest.warns(DeprecationWarning, match=rf"diplo_events\.{name} is deprecated.*{home}"):
            value = getattr(de, name)
        assert value is getattr(importlib.import_module(home), name)
        assert name not in de.__all__

    def test_unknown_name(self) -> None:
        """An unknown attribute is still an AttributeError."""
        with pytest.raises(AttributeError, match="no_such_name"):
            de.no_such_name  # type: ignore[attr-defined]  # noqa: B018

    def test_dir_lists_lazy_names(self) -> None:
        """dir() shows every public name, loaded or not."""
        assert {"extract", "parse_date", "Meeting"} <= set(dir(de))

    @pytest.mark.parametrize(
        "module",
        ["diplo_events.model", "diplo_events.io", "diplo_events.drafting"],
    )
    def test_subpackage_all_complete(self, module: str) -> None:
        """Each public subpackage lists sorted, existing names in __all__."""
        package = importlib.import_module(module)

        def group(name: str) -> tuple[int, str]:
            kind = 0 if name.isupper() else 1 if name[0].isupper() else 2
            return kind, name

        assert package.__all__ == sorted(package.__all__, key=group)
        assert all(hasattr(package, name) for name in package.__all__)
