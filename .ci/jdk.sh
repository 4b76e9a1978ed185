# Sourced by ./evalops and .ci/run: exports JAVA_HOME (and PATH) for a JDK >= 21.
# The machine's default java may be 17; a newer JDK usually sits beside it under /usr/lib/jvm.
java_major() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 | awk -F' = ' '/java.specification.version/ {print $2}' | cut -d. -f1
}
pick_jdk() {
  local candidate
  for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/* /opt/java/* "$(dirname "$(dirname "$(readlink -f "$(command -v java 2>/dev/null || echo /nonexistent)")")")"; do
    [ -n "$candidate" ] && [ -x "$candidate/bin/javac" ] || continue
    local major
    major=$(java_major "$candidate")
    if [ -n "$major" ] && [ "$major" -ge 21 ]; then
      echo "$candidate"
      return 0
    fi
  done
  return 1
}
if ! JAVA_HOME=$(pick_jdk); then
  echo "no JDK >= 21 found (set JAVA_HOME); EvalOps targets Java 21" >&2
  exit 3
fi
export JAVA_HOME
export PATH="$JAVA_HOME/bin:$PATH"
