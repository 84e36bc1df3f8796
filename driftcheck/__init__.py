"""driftcheck: find facts that drift between versions of one story across outlets and languages."""

__version__ = "0.1.0"

__all__ = ["__version__"]
