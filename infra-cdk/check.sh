#!/usr/bin/env bash
# infra-cdk/check.sh: the CDK template checks that ./test.sh runs after `mvn verify`. Works on a fresh machine:
# installs the pinned CDK CLI (npm, into infra-cdk/node_modules) and cfn-lint (PyPI, into infra-cdk/.venv), then
# synthesizes each environment's stack from the built function zips (cdk-nag runs inside the synth and fails it
# on an unsuppressed finding) and lints each template with cfn-lint, failing on any error.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
CFN_LINT_VERSION=1.58.0

# Synthesis needs no AWS account: never let an SDK go looking for instance credentials.
export AWS_EC2_METADATA_DISABLED=true

venv="$here/.venv"
if ! "$venv/bin/cfn-lint" --version 2>/dev/null | grep -qF "$CFN_LINT_VERSION"; then
  echo "check.sh: installing cfn-lint $CFN_LINT_VERSION into infra-cdk/.venv ..." >&2
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check "cfn-lint==$CFN_LINT_VERSION"
fi

# A function module without its zip would fail the synth anyway; say what to do before spending a minute on it.
missing=()
for pom in "$root"/functions/*/pom.xml; do
  [ -f "$pom" ] || continue
  module=$(dirname "$pom")
  [ -f "$module/target/function.zip" ] || missing+=("functions/$(basename "$module")")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "check.sh: no target/function.zip in: ${missing[*]}" >&2
  echo "check.sh: build the functions first, from the repo root: mvn -B package -DskipTests   (./test.sh runs mvn verify first)" >&2
  exit 1
fi

for env in staging prod; do
  out="$here/cdk.out/check-$env"
  rm -rf "$out"
  echo "check.sh: cdk synth EvalOps-$env" >&2
  "$here/cdk" synth --quiet --output "$out" -c env="$env" -c org=example -c routerUrl=https://router.example.invalid/route \
    -c alarmEmail=oncall@example.invalid
  echo "check.sh: cfn-lint $CFN_LINT_VERSION EvalOps-$env.template.json" >&2
  # W3005: CDK puts a DependsOn on each function's role beside the GetAtt that already orders them; harmless.
  "$venv/bin/cfn-lint" --non-zero-exit-code error --ignore-checks W3005 --format parseable -- "$out/EvalOps-$env.template.json"
done
echo "check.sh: templates synthesized through the pinned CDK CLI with cdk-nag, cfn-lint: no errors" >&2
