#!/usr/bin/env bash
# The test command (README "Run the tests"): unit + integration tests of every module against the AWS
# emulator (moto, started by the tests themselves; LocalStack via Testcontainers where Docker runs),
# then the CDK template checks (cdk synth with the pinned CLI + cfn-lint).
set -euo pipefail
cd "$(dirname "$0")"
source .ci/jdk.sh
echo "test.sh: JDK $JAVA_HOME"
# Install the pinned emulator up front so the first test does not pay for it inside a timeout.
localstack/moto.sh install
mvn -B ${MVN_ARGS:-} verify
if [ -x infra-cdk/check.sh ]; then
  infra-cdk/check.sh
fi
