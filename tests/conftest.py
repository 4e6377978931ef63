import os
from pathlib import Path

import pytest

try:  # the property tests (tests/test_properties.py); profiles: dev (default), ci, fuzz
    from hypothesis import HealthCheck, settings

    _SLOW = [HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.function_scoped_fixture]
    settings.register_profile("dev", max_examples=25, deadline=None, suppress_health_check=_SLOW)
    settings.register_profile("ci", max_examples=100, deadline=None, derandomize=True, print_blob=True, suppress_health_check=_SLOW)
    settings.register_profile("fuzz", max_examples=int(os.environ.get("QA_FUZZ_EXAMPLES", "20000")), deadline=None, suppress_health_check=_SLOW)
    settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE") or ("ci" if os.environ.get("CI") == "true" else "dev"))
except ImportError:  # hypothesis is in the test extra
    pass

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
EXAMPLE = FIXTURES / "g7_rome_lyon_2024.hi.txt"
GOLD = FIXTURES / "g7_rome_lyon_2024.gold.jsonl"
SOURCE = FIXTURES / "g7_rome_lyon_2024.it.txt"

# Subprocesses (`python -m qa`, tools/) run this checkout's package, whatever is installed.
os.environ["PYTHONPATH"] = os.pathsep.join(
    p for p in (str(ROOT), os.environ.get("PYTHONPATH", "")) if p
)


@pytest.fixture
def example_path() -> Path:
    return EXAMPLE
