"""The handlers are inlined into the template as `ZipFile: |` literal blocks.

CloudFormation takes at most 4,096 bytes of inline code; a YAML literal block
cannot carry tabs or trailing spaces faithfully; and the emitter is only asked
to handle text inside the Basic Multilingual Plane.
"""
import ast
import hashlib
import sys

import pytest

from conftest import FIXTURES, FUNCTIONS, SAMPLE, load_handler

HANDLERS = ["import_data", "export_data", "export_native"]


@pytest.fixture(params=HANDLERS)
def source(request):
    return (FUNCTIONS / f"{request.param}.py").read_bytes()


def test_fits_the_inline_code_limit(source):
    assert len(source) <= 4096


def test_is_utf8_inside_the_bmp(source):
    text = source.decode("utf-8")
    assert [c for c in text if ord(c) > 0xFFFF] == []


def test_has_no_tabs_carriage_returns_or_trailing_whitespace(source):
    text = source.decode("utf-8")
    assert "\t" not in text
    assert "\r" not in text
    assert [n for n, line in enumerate(text.split("\n"), 1) if line != line.rstrip()] == []


def test_ends_with_exactly_one_newline(source):
    assert source.endswith(b"\n")
    assert not source.endswith(b"\n\n")


def test_imports_only_the_standard_library_and_boto3(source):
    allowed = set(sys.stdlib_module_names) | {"boto3", "botocore"}
    imported = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            imported.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            imported.add(node.module.split(".")[0])
    assert imported - allowed == set()
    assert "boto3" in imported


@pytest.mark.parametrize("name", HANDLERS)
def test_loads_as_index_with_a_handler(name):
    module = load_handler(name)
    assert module.__name__ == "index"
    assert module.handler.__code__.co_varnames[:2] == ("event", "context")


def test_fixtures_are_byte_exact():
    """Guards the fixtures against newline or BOM normalisation on checkout."""
    people = (SAMPLE / "people.csv").read_bytes()
    accounts = (SAMPLE / "accounts.csv").read_bytes()
    assert people.startswith(b"id,name,title,address, city, country\r\n")
    assert accounts.startswith(b"id,name,account_number\r\n")
    assert not people.endswith(b"\n") and not accounts.endswith(b"\n")
    assert people.count(b"\r\n") == 10 and accounts.count(b"\r\n") == 10
    assert hashlib.sha256(people).hexdigest() == PEOPLE_SHA256
    assert hashlib.sha256(accounts).hexdigest() == ACCOUNTS_SHA256
    quoted = (FIXTURES / "quoted.csv").read_bytes()
    assert quoted.startswith(b"\xef\xbb\xbfid, name")
    assert quoted.endswith(b"\r\n\r\n\r\n")
    assert b'"multi\r\nline"' in quoted
    assert "\U0001d11e".encode() in (FIXTURES / "unicode.csv").read_bytes()


# The walkthrough's files as published (aws-samples/macie-dynamodb-blog, datasets/).
PEOPLE_SHA256 = "7002dd50d71f2c9f80a9c3b6dcfcbf927dfc155ee919575dabdc739382c97539"
ACCOUNTS_SHA256 = "194e0e1690b036e3b2b8a2219c9f115ca04ae64146890ee42aacb06bffbe88ec"
