"""Voikko is optional: without the C library nothing is constructed and nothing is printed."""

from __future__ import annotations

import gc

import pytest

from kohtaanto.core import voikko

pytestmark = pytest.mark.unit


def test_without_the_library_there_is_no_voikko_and_no_noise(monkeypatch, capfd):
    voikko.finnish.cache_clear()
    monkeypatch.setattr(voikko.ctypes.util, "find_library", lambda name: None)
    try:
        assert voikko.finnish() is None
        gc.collect()  # the binding's destructor is where the AttributeError used to come from
        assert capfd.readouterr().err == ""
    finally:
        voikko.finnish.cache_clear()
