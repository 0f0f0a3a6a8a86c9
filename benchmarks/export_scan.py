"""The scan engine's throughput, and the table it can export in one invocation.

Runs the export function exactly as the template deploys it (the `ZipFile`
of `ExportDynamoDBDataToS3` in generated/MacieDynamoDB.yaml) in this process
against moto's DynamoDB and S3 (`moto_server`, a separate process), on a
table of the walkthrough's items (the rows of people.csv and accounts.csv,
repeated with new ids), median of 3 runs per size after a warm-up.

Two rates per size: wall-clock items per second through moto, which include
moto's own work (slow, and growing faster than the table), and items per
second of the function's own CPU time (boto3 reading the Scan pages, the
function writing JSON Lines and uploading them), which is what the function
costs wherever DynamoDB answers from. The limits below use the latter: the
most one invocation can export when DynamoDB is never the bottleneck.

    .venv/bin/python benchmarks/export_scan.py [--sizes 1000 5000 20000]
"""
from __future__ import annotations

import argparse
import csv
import os
import platform
import socket
import statistics
import subprocess
import sys
import time
import types
import urllib.request
from contextlib import contextmanager
from pathlib import Path

import boto3
import yaml

ROOT = Path(__file__).resolve().parents[1]
TEMPLATE = ROOT / "generated" / "MacieDynamoDB.yaml"
SAMPLE = ROOT / "Tests" / "python" / "functions" / "fixtures" / "sample"
REGION = "eu-west-2"
BUCKET = "macie-export"
RUNS = 3
# Lambda's documented CPU share: one vCPU at 1,769 MB, proportional below.
FULL_VCPU_MB = 1769
LIMITS_S = {"the stack's timeout (300 s)": 300, "Lambda's maximum (900 s)": 900}


class _Loader(yaml.SafeLoader):
    """Reads the template's short intrinsic tags as plain values."""


_Loader.add_multi_constructor("!", lambda loader, suffix, node: None)


def deployed_handler():
    """The export function's code as the template inlines it, loaded as Lambda's `index`."""
    template = yaml.load(TEMPLATE.read_text(encoding="utf-8"), Loader=_Loader)
    function = template["Resources"]["ExportDynamoDBDataToS3"]["Properties"]
    module = types.ModuleType("index")
    exec(compile(function["Code"]["ZipFile"], "index.py", "exec"), module.__dict__)
    return module, function["Timeout"], function["MemorySize"]


def walkthrough_items():
    """The rows of the walkthrough's two CSVs, as the import function stores them (strings)."""
    items = []
    for name in ("people.csv", "accounts.csv"):
        with open(SAMPLE / name, newline="", encoding="utf-8") as f:
            items += [{k.strip(): v.strip() for k, v in row.items()} for row in csv.DictReader(f)]
    return items


def fill(table, count, items):
    with table.batch_writer() as batch:
        for i in range(count):
            batch.put_item(Item={**items[i % len(items)], "id": f"{i:09d}"})


@contextmanager
def moto_server():
    """moto's server on a free loopback port, as a child process; its URL."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen([str(Path(sys.executable).parent / "moto_server"), "-p", str(port)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(f"{url}/moto-api/", timeout=1).read()
                break
            except OSError:
                time.sleep(0.1)
        else:
            raise RuntimeError("moto_server did not start")
        yield url
    finally:
        server.terminate()
        server.wait(timeout=10)


def measure(handler, count, items, url):
    """(wall seconds, CPU seconds of this process) per export of `count` items, medians; the object's bytes."""
    urllib.request.urlopen(urllib.request.Request(f"{url}/moto-api/reset", method="POST", data=b"")).read()
    dynamodb = boto3.resource("dynamodb", region_name=REGION)
    s3 = boto3.client("s3", region_name=REGION)
    s3.create_bucket(Bucket=BUCKET, CreateBucketConfiguration={"LocationConstraint": REGION})
    table = dynamodb.create_table(
        TableName="bench", BillingMode="PAY_PER_REQUEST",
        KeySchema=[{"AttributeName": "id", "KeyType": "HASH"}],
        AttributeDefinitions=[{"AttributeName": "id", "AttributeType": "S"}])
    fill(table, count, items)
    os.environ.update(bucket_to_export_to=BUCKET, dynamo_db_tables="bench")
    handler.handler({}, None)  # warm-up
    walls, cpus = [], []
    for _ in range(RUNS):
        wall, cpu = time.perf_counter(), time.process_time()
        result = handler.handler({}, None)
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    (entry,) = result["exported"]
    assert entry["items"] == count, entry
    size = s3.head_object(Bucket=BUCKET, Key=entry["key"])["ContentLength"]
    return statistics.median(walls), statistics.median(cpus), size


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000, 5_000, 20_000])
    args = parser.parse_args()

    for name, value in {"AWS_ACCESS_KEY_ID": "bench", "AWS_SECRET_ACCESS_KEY": "bench",
                        "AWS_DEFAULT_REGION": REGION, "AWS_REGION": REGION}.items():
        os.environ[name] = value
    os.environ.pop("kms_key_id", None)
    handler, timeout, memory = deployed_handler()
    items = walkthrough_items()
    line_bytes = statistics.mean(len(handler._json(item).encode()) + 1 for item in items)

    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
          f"boto3 {boto3.__version__}")
    print(f"handler: ExportDynamoDBDataToS3 from {TEMPLATE.relative_to(ROOT)} (Timeout {timeout} s, MemorySize {memory} MB)")
    print(f"items: the walkthrough's {len(items)} rows, {line_bytes:.0f} bytes per JSON line on average; "
          f"median of {RUNS} runs after a warm-up\n")
    print("| items | MB written | wall s | items/s (wall, through moto) | function CPU s | items/s (function CPU) |")
    print("|---:|---:|---:|---:|---:|---:|")
    rates = []
    with moto_server() as url:
        os.environ["AWS_ENDPOINT_URL"] = url
        for count in args.sizes:
            wall, cpu, size = measure(handler, count, items, url)
            rates.append(count / cpu)
            print(f"| {count:,} | {size / 1e6:.1f} | {wall:.2f} | {count / wall:,.0f} | {cpu:.2f} | {count / cpu:,.0f} |",
                  flush=True)
    rate = rates[-1]  # the largest table: per-invocation costs (clients, upload) weigh least
    share = memory / FULL_VCPU_MB
    print(f"\nrate used below: {rate:,.0f} items per second of the function's CPU (the largest table above).")
    print(f"Estimate at the function's {memory} MB: Lambda gives one vCPU at {FULL_VCPU_MB:,} MB and "
          f"proportionally less below, {share:.2f} of one here, so {rate * share:,.0f} items/s if the "
          "function is CPU-bound (an estimate, not a measurement).\n")
    print(f"| limit | items (one core of this machine) | MB | items (estimate at {memory} MB) | MB |")
    print("|---|---:|---:|---:|---:|")
    for label, seconds in LIMITS_S.items():
        here, there = rate * seconds, rate * share * seconds
        print(f"| {label} | {here:,.0f} | {here * line_bytes / 1e6:,.0f} | {there:,.0f} | {there * line_bytes / 1e6:,.0f} |")
    print(f"\n/tmp: the function spools each table's object to /tmp (512 MB by default), "
          f"about {512e6 / line_bytes:,.0f} items of this size.")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
