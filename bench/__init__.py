"""Benchmarks and the synthetic commune-sized data generator (not part of the test run)."""
