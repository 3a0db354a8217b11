"""EventWatch: who did what to whom, when and where, and who said so."""

__version__ = "0.1.0"
