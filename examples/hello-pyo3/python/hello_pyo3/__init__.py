"""hello-pyo3: greets from Rust."""

from hello_pyo3._native import add, greet

__all__ = ["add", "greet"]
