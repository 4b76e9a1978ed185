#!/usr/bin/env python3
"""Creates what EvalOps expects to find in an AWS account, against an emulator (moto, LocalStack, Floci).

Environment:
  AWS_ENDPOINT_URL   emulator endpoint (required: this script never talks to real AWS)
  EVALOPS_ENV        environment name, default "dev"
  EVALOPS_BUCKET     analytics bucket, default "evalops-mw-analytics-<env>"
  EVALOPS_ROUTER_API_KEY  value of the router key SecureString, default a local dev value
  EVALOPS_INIT_WAIT  seconds to wait for the endpoint to answer, default 60 (compose starts us early)

Idempotent: an existing bucket is kept and an existing parameter is never overwritten.
"""
import json
import os
import sys
import time

import boto3
from botocore.config import Config
from botocore.exceptions import ClientError, EndpointConnectionError


def main() -> int:
    endpoint = os.environ.get("AWS_ENDPOINT_URL")
    if not endpoint:
        print("init.py: AWS_ENDPOINT_URL is not set; refusing to touch real AWS", file=sys.stderr)
        return 2
    env = os.environ.get("EVALOPS_ENV") or "dev"
    bucket = os.environ.get("EVALOPS_BUCKET") or f"evalops-mw-analytics-{env}"
    region = os.environ.get("AWS_REGION") or os.environ.get("AWS_DEFAULT_REGION") or "us-east-1"
    session = boto3.session.Session(
        aws_access_key_id=os.environ.get("AWS_ACCESS_KEY_ID") or "test",
        aws_secret_access_key=os.environ.get("AWS_SECRET_ACCESS_KEY") or "test",
        region_name=region,
    )
    config = Config(retries={"max_attempts": 2}, connect_timeout=3, read_timeout=10, s3={"addressing_style": "path"})
    s3 = session.client("s3", endpoint_url=endpoint, config=config)
    ssm = session.client("ssm", endpoint_url=endpoint, config=config)

    wait_for(s3, endpoint, float(os.environ.get("EVALOPS_INIT_WAIT") or 60))
    create_bucket(s3, bucket, region)
    prefix = f"/evalops/{env}"
    # Compact JSON, byte-identical to AwsEmulator.SAFE_MODE_INITIAL / RELEASE_GATE_INITIAL.
    put_once(ssm, f"{prefix}/safe-mode", "String", compact(
        {"enabled": False, "reason": "initial", "set_by": "init", "alarms": [], "since": None}))
    put_once(ssm, f"{prefix}/release-gate", "String", compact(
        {"state": "open", "reason": "initial", "run_id": None, "set_by": "init"}))
    put_once(ssm, f"{prefix}/router-api-key", "SecureString",
             os.environ.get("EVALOPS_ROUTER_API_KEY") or "local-dev-router-key")
    print(f"init.py: ready: s3://{bucket}, {prefix}/{{safe-mode,release-gate,router-api-key}} at {endpoint}", file=sys.stderr)
    return 0


def compact(value) -> str:
    return json.dumps(value, separators=(",", ":"))


def wait_for(s3, endpoint: str, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while True:
        try:
            s3.list_buckets()
            return
        except (EndpointConnectionError, ClientError) as e:
            if isinstance(e, ClientError) and e.response.get("Error", {}).get("Code") not in ("503", "ServiceUnavailable"):
                return  # it answers; a refusal here is not ours to judge
            if time.monotonic() >= deadline:
                raise SystemExit(f"init.py: {endpoint} did not answer within {seconds:.0f}s: {e}")
            time.sleep(1)


def create_bucket(s3, bucket: str, region: str) -> None:
    try:
        s3.head_bucket(Bucket=bucket)
        print(f"init.py: bucket {bucket} exists", file=sys.stderr)
        return
    except ClientError as e:
        if e.response.get("Error", {}).get("Code") not in ("404", "NoSuchBucket", "NotFound"):
            raise
    kwargs = {"Bucket": bucket}
    if region != "us-east-1":
        kwargs["CreateBucketConfiguration"] = {"LocationConstraint": region}
    try:
        s3.create_bucket(**kwargs)
        print(f"init.py: created bucket {bucket}", file=sys.stderr)
    except ClientError as e:
        if e.response.get("Error", {}).get("Code") not in ("BucketAlreadyOwnedByYou", "BucketAlreadyExists"):
            raise


def put_once(ssm, name: str, kind: str, value: str) -> None:
    try:
        ssm.put_parameter(Name=name, Type=kind, Value=value, Overwrite=False)
        print(f"init.py: created {name}", file=sys.stderr)
    except ClientError as e:
        if e.response.get("Error", {}).get("Code") != "ParameterAlreadyExists":
            raise
        print(f"init.py: {name} exists (kept)", file=sys.stderr)


if __name__ == "__main__":
    sys.exit(main())
