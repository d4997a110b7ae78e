"""Test and benchmark corpora shipped with the repository (not part of the wheel)."""
