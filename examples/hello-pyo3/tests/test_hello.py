import pytest

import hello_pyo3


def test_greet():
    assert hello_pyo3.greet("Ada") == "Hello, Ada, from Rust!"


def test_add():
    assert hello_pyo3.add(2, 3) == 5


def test_add_overflow():
    with pytest.raises(OverflowError):
        hello_pyo3.add(2**63 - 1, 1)
