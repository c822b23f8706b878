"""storylens: what sources agree on, where they contradict each other, and who copied whom."""

__version__ = "0.1.0"
