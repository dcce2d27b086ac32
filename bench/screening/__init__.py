"""Screening benchmarks: ours next to the anchor (OpenSanctions logic-v2), same machine, same run."""
