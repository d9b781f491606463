import gc
import threading

import cattrs
import pytest

import diplo_events as de
from diplo_events.io import configure_converter, issues_from_exception, make_converter
from diplo_events.io._gc import gc_paused

PERSON = de.stable_id("person", "p")


class TestMakeConverter:
    def test_own_converter(self) -> None:
        """make_converter() gives a new cattrs converter that structures and unstructures."""
        converter = make_converter()
        assert converter is not make_converter()
        participant = de.Participant(actor=PERSON, capacity="host")
        data = converter.unstructure(participant)
        assert data["capacity"] == "host"
        assert converter.structure(data, de.Participant) == participant

    def test_global_converter_untouched(self) -> None:
        """The library never configures cattrs' global converter."""
        assert cattrs.global_converter.structure("5", int) == 5

    def test_strict_and_transformable(self) -> None:
        """Errors are cattrs validation groups, which cattrs.transform_error can render."""
        converter = make_converter()
        with pytest.raises(cattrs.BaseValidationError) as info:
            converter.structure({"actor": 5, "title": "x", "zzz": 1}, de.Participant)
        rendered = cattrs.transform_error(info.value)
        assert any("$.actor" in line for line in rendered)
        issues = issues_from_exception(info.value)
        assert [(i.path, i.code) for i in issues] == [
            ("$.actor", "type.mismatch"),
            ("$.zzz", "field.unknown"),
        ]

    def test_odd_keys_in_paths(self) -> None:
        """Keys that are not identifiers are quoted in paths."""
        with pytest.raises(de.ParseError) as info:
            de.from_dict({"actor": PERSON, "my key": 1}, de.Participant)
        assert info.value.issues[0].path == "$['my key']"

    def test_configure_is_idempotent_enough(self) -> None:
        """configure_converter() can set up a plain cattrs.Converter."""
        converter = cattrs.Converter()
        configure_converter(converter)
        with pytest.raises(cattrs.BaseValidationError):
            converter.structure({"start": "1", "end": 2}, de.Span)


class TestGcPause:
    def test_restores_state(self) -> None:
        """The collector is restored after a pause, also after an error."""
        assert gc.isenabled()

        def fail() -> None:
            with gc_paused():
                assert not gc.isenabled()
                raise RuntimeError

        with pytest.raises(RuntimeError):
            fail()
        assert gc.isenabled()

    def test_nested_and_disabled(self) -> None:
        """Nested pauses restore once; a disabled collector stays disabled."""
        with gc_paused():
            with gc_paused():
                pass
            assert not gc.isenabled()
        assert gc.isenabled()
        gc.disable()
        try:
            with gc_paused():
                pass
            assert not gc.isenabled()
        finally:
            gc.enable()

    def test_threads(self) -> None:
        """Concurrent pauses leave the collector on when all have ended."""
        barrier = threading.Barrier(4)

        def work() -> None:
            barrier.wait()
            for _ in range(200):
                with gc_paused():
                    pass

        threads = [threading.Thread(target=work) for _ in range(4)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert gc.isenabled()

    def test_from_json_restores(self) -> None:
        """from_json() leaves the collector as it found it, even on bad input."""
        with pytest.raises(de.ParseError):
            de.from_json("{")
        assert gc.isenabled()


class TestGcDuringStreams:
    def test_collecting_records_triggers_no_collection(
        self, small_collection: de.Collection
    ) -> None:
        """A loop that only collects what iter_jsonl() yields runs no GC collection."""
        import io  # noqa: PLC0415 - only this test needs it

        lines = b"".join(de.to_json(r).encode() + b"\n" for r in small_collection) * 2000
        collections: list[str] = []

        def count(phase: str, _info: dict[str, int]) -> None:
            if phase == "start":
                collections.append(phase)

        gc.collect()
        gc.callbacks.append(count)
        try:
            records = list(de.iter_jsonl(io.BytesIO(lines)))
        finally:
            gc.callbacks.remove(count)
        assert len(records) == 10_000
        assert collections == []
        assert gc.isenabled()
