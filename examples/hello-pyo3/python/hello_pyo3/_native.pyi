def greet(name: str) -> str:
    """Returns a greeting for `name`."""

def add(a: int, b: int) -> int:
    """Adds two integers; raises OverflowError when the sum does not fit in 64 bits."""
