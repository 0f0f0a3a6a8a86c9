"""Constants shared by the deploy tests and their fixtures."""

from pathlib import Path

REGION = "us-east-1"
ACCOUNT_ID = "123456789012"  # moto's default account
HERE = Path(__file__).resolve().parent
REPO_ROOT = HERE.parents[2]
