from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
EXAMPLE = FIXTURES / "g7_rome_lyon_2024.hi.txt"
GOLD = FIXTURES / "g7_rome_lyon_2024.gold.jsonl"
SOURCE = FIXTURES / "g7_rome_lyon_2024.it.txt"


@pytest.fixture
def example_path() -> Path:
    return EXAMPLE
