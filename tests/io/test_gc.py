"""The collector pause shared by threads: no interleaving leaves the collector off.

The interleaving is forced step by step with events, not by sleeping: thread A
ends the last pause while thread B starts a new one, B reading the collector's
state just after A let go of the lock and before A could switch it back on.
"""

import threading
from typing import Any

import pytest

from diplo_events.io import _gc

#: A safety net against a hang if the code under test deadlocks; never a timing.
NEVER = 30


class FakeCollector:
    """Stands in for the gc module: records the state, and lets a test step in."""

    def __init__(self) -> None:
        self.enabled = True
        self.on_isenabled: Any = None
        self.enable_done = threading.Event()

    def isenabled(self) -> bool:
        state = self.enabled
        if self.on_isenabled is not None:
            self.on_isenabled()
        return state

    def enable(self) -> None:
        self.enabled = True
        self.enable_done.set()

    def disable(self) -> None:
        self.enabled = False


class SteppingLock:
    """A lock whose release by thread A hands over to thread B before A goes on."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.hand_over: Any = None

    def acquire(self) -> bool:
        return self.lock.acquire()

    def release(self) -> None:
        self.lock.release()
        if self.hand_over is not None and threading.current_thread().name == "A":
            step, self.hand_over = self.hand_over, None
            step()


def test_a_pause_between_resume_and_enable_keeps_the_collector_on(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """B pausing while A resumes, in the worst order, leaves the collector on at the end."""
    collector = FakeCollector()
    lock = SteppingLock()
    monkeypatch.setattr(_gc, "gc", collector)
    monkeypatch.setattr(_gc, "_PAUSE", _gc._Pause())
    monkeypatch.setattr(_gc._PAUSE, "lock", lock)

    a_released = threading.Event()
    b_has_read = threading.Event()

    def a_lets_go() -> None:
        a_released.set()
        assert b_has_read.wait(NEVER)  # A goes on only once B has read the state

    def b_reads() -> None:
        b_has_read.set()
        collector.on_isenabled = None
        # With the race, A switches the collector on right after B read "off".
        collector.enable_done.wait(NEVER)

    def thread_a() -> None:
        _gc.resume()

    def thread_b() -> None:
        assert a_released.wait(NEVER)
        collector.on_isenabled = b_reads
        _gc.pause()
        _gc.resume()

    _gc.pause()  # A's pause: the collector goes off, to come back on at A's resume
    assert not collector.enabled
    lock.hand_over = a_lets_go
    threads = [threading.Thread(target=thread_a, name="A"), threading.Thread(target=thread_b)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(NEVER)
    assert collector.enabled, "the collector was left off"
    assert _gc._PAUSE.depth == 0
