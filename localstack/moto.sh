#!/usr/bin/env bash
# The no-Docker emulator: moto's server mode in a project-local venv.
#   localstack/moto.sh install   create localstack/.venv with the pinned moto[server] (idempotent)
#   localstack/moto.sh start     install if needed, start moto on a free 127.0.0.1 port, run init.py,
#                                print AWS_ENDPOINT_URL=http://127.0.0.1:PORT on stdout
#   localstack/moto.sh stop      stop the server started from the same state dir
#   localstack/moto.sh env       print export lines for a running server
#   localstack/moto.sh status    exit 0 if the server answers
# Environment: MOTO_STATE_DIR (default localstack/.state: one server per state dir), MOTO_VENV,
# MOTO_START_TIMEOUT (seconds, default 60), MOTO_WATCH_PID (stop the server when this process exits),
# MOTO_SKIP_INIT=1 (start an empty server), plus init.py's EVALOPS_ENV / EVALOPS_BUCKET.
# Progress goes to stderr; stdout carries only the endpoint line (start) or export lines (env).
set -euo pipefail

MOTO_VERSION="5.2.5"
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
VENV="${MOTO_VENV:-$HERE/.venv}"
STATE="${MOTO_STATE_DIR:-$HERE/.state}"
START_TIMEOUT="${MOTO_START_TIMEOUT:-60}"
MARKER="$VENV/.evalops-moto-$MOTO_VERSION"

log() { echo "moto.sh: $*" >&2; }
die() { log "ERROR: $*"; exit 1; }

find_python() {
    local candidate
    for candidate in "${MOTO_PYTHON:-}" python3 python3.13 python3.12 python3.11 python3.10 python3.9; do
        [ -n "$candidate" ] || continue
        if command -v "$candidate" >/dev/null 2>&1 \
            && "$candidate" -c 'import sys, venv; sys.exit(0 if sys.version_info >= (3, 9) else 1)' 2>/dev/null; then
            command -v "$candidate"
            return 0
        fi
    done
    return 1
}

install() {
    if [ -f "$MARKER" ] && [ -x "$VENV/bin/moto_server" ]; then
        return 0
    fi
    mkdir -p "$(dirname "$VENV")"
    # Parallel module builds may all start here: one installs, the others wait for it.
    exec 9>"$VENV.lock"
    if command -v flock >/dev/null 2>&1; then
        flock -w 600 9 || die "timed out waiting for another install (lock $VENV.lock)"
    fi
    if [ -f "$MARKER" ] && [ -x "$VENV/bin/moto_server" ]; then
        return 0
    fi
    local python
    python="$(find_python)" || die "no python >= 3.9 with the venv module found (set MOTO_PYTHON)"
    log "installing moto[server]==$MOTO_VERSION into $VENV (once; takes about a minute)"
    rm -rf "$VENV"
    "$python" -m venv "$VENV" || die "cannot create a venv with $python (on Debian: apt-get install python3-venv)"
    "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check "moto[server]==$MOTO_VERSION" >&2 \
        || { rm -rf "$VENV"; die "pip could not install moto[server]==$MOTO_VERSION"; }
    "$VENV/bin/python" -c 'import moto, boto3, flask' || { rm -rf "$VENV"; die "the moto install is incomplete"; }
    touch "$MARKER"
    log "installed $("$VENV/bin/python" -c 'import moto; print("moto", moto.__version__)')"
}

pid_alive() { [ -n "${1:-}" ] && kill -0 "$1" 2>/dev/null; }

answers() { # answers PORT: any HTTP answer from moto's own API counts
    # A cheap TCP probe first: starting a python per poll is slow on a loaded machine.
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null || return 1
    "$VENV/bin/python" - "$1" <<'PY' >/dev/null 2>&1
import sys, urllib.request
urllib.request.urlopen("http://127.0.0.1:%s/moto-api/data.json" % sys.argv[1], timeout=2).read()
PY
}

free_port() {
    "$VENV/bin/python" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

read_state() {
    PID="$(cat "$STATE/pid" 2>/dev/null || true)"
    PORT="$(cat "$STATE/port" 2>/dev/null || true)"
}

clean_state() {
    local watcher
    watcher="$(cat "$STATE/watcher.pid" 2>/dev/null || true)"
    pid_alive "$watcher" && kill "$watcher" 2>/dev/null || true
    rm -f "$STATE/pid" "$STATE/port" "$STATE/endpoint" "$STATE/watcher.pid"
}

run_init() {
    [ "${MOTO_SKIP_INIT:-0}" = "1" ] && return 0
    AWS_ENDPOINT_URL="$1" AWS_ACCESS_KEY_ID="${AWS_ACCESS_KEY_ID:-test}" AWS_SECRET_ACCESS_KEY="${AWS_SECRET_ACCESS_KEY:-test}" \
        AWS_REGION="${AWS_REGION:-us-east-1}" "$VENV/bin/python" "$HERE/init.py" >&2 || die "init.py failed against $1"
}

start() {
    install
    mkdir -p "$STATE"
    read_state
    if pid_alive "$PID" && [ -n "$PORT" ] && answers "$PORT"; then
        log "already running (pid $PID) on port $PORT"
        echo "AWS_ENDPOINT_URL=http://127.0.0.1:$PORT"
        return 0
    fi
    if [ -n "$PID$PORT" ]; then
        log "cleaning stale state in $STATE (pid ${PID:-?} is gone or does not answer)"
        pid_alive "$PID" && kill "$PID" 2>/dev/null || true
        clean_state
    fi
    local attempt deadline
    for attempt in 1 2 3; do
        PORT="$(free_port)"
        # stdin/stdout/stderr detached: a caller reading our stdout must not wait for the server to exit.
        nohup "$VENV/bin/moto_server" -H 127.0.0.1 -p "$PORT" </dev/null >"$STATE/moto.log" 2>&1 &
        PID=$!
        echo "$PID" >"$STATE/pid"
        echo "$PORT" >"$STATE/port"
        deadline=$((SECONDS + START_TIMEOUT))
        while ! answers "$PORT"; do
            if ! pid_alive "$PID"; then
                break
            fi
            if [ "$SECONDS" -ge "$deadline" ]; then
                kill "$PID" 2>/dev/null || true
                clean_state
                die "moto_server did not answer on 127.0.0.1:$PORT within ${START_TIMEOUT}s (log: $STATE/moto.log)"
            fi
            sleep 0.2
        done
        if pid_alive "$PID"; then
            break
        fi
        log "moto_server exited during start-up (attempt $attempt; port $PORT taken?): $(tail -n 3 "$STATE/moto.log" 2>/dev/null | tr '\n' ' ')"
        clean_state
        [ "$attempt" -lt 3 ] || die "moto_server would not start (log: $STATE/moto.log)"
    done
    if [ -n "${MOTO_WATCH_PID:-}" ]; then
        # Stops the server if its owner dies without calling stop (e.g. a killed test JVM).
        nohup bash -c 'while kill -0 "$1" 2>/dev/null && kill -0 "$2" 2>/dev/null; do sleep 2; done; kill "$2" 2>/dev/null' \
            moto-watch "$MOTO_WATCH_PID" "$PID" </dev/null >/dev/null 2>&1 &
        echo $! >"$STATE/watcher.pid"
    fi
    local endpoint="http://127.0.0.1:$PORT"
    echo "$endpoint" >"$STATE/endpoint"
    log "moto $MOTO_VERSION running (pid $PID) at $endpoint"
    run_init "$endpoint"
    echo "AWS_ENDPOINT_URL=$endpoint"
}

stop() {
    read_state
    if pid_alive "$PID"; then
        kill "$PID" 2>/dev/null || true
        local i
        for i in $(seq 1 50); do
            pid_alive "$PID" || break
            sleep 0.1
        done
        pid_alive "$PID" && kill -9 "$PID" 2>/dev/null || true
        log "stopped moto (pid $PID)"
    else
        log "not running"
    fi
    clean_state
}

print_env() {
    read_state
    pid_alive "$PID" && [ -n "$PORT" ] || die "moto is not running (state dir $STATE); run: $0 start"
    echo "export AWS_ENDPOINT_URL=http://127.0.0.1:$PORT"
    echo "export AWS_ACCESS_KEY_ID=test"
    echo "export AWS_SECRET_ACCESS_KEY=test"
    echo "export AWS_REGION=us-east-1"
    echo "export AWS_DEFAULT_REGION=us-east-1"
}

status() {
    read_state
    pid_alive "$PID" && [ -n "$PORT" ] && [ -x "$VENV/bin/python" ] && answers "$PORT" \
        || { log "not running (state dir $STATE)"; exit 1; }
    log "running (pid $PID) at http://127.0.0.1:$PORT"
}

case "${1:-}" in
    install) install ;;
    start) start ;;
    stop) stop ;;
    env) print_env ;;
    status) status ;;
    *) echo "usage: $0 install|start|stop|env|status" >&2; exit 2 ;;
esac
