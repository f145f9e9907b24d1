# Sourced by ./test: a real X server for the GUI tests, as on a desktop.
#
# start_test_display starts Xvfb on a free display (Xvfb -displayfd picks it) with a fixed
# screen (1366x768, 24 bit, 96 dpi) and the openbox window manager on it, so focus and
# window activation behave as on a desktop, then exports DISPLAY and QT_QPA_PLATFORM=xcb.
# Where Xvfb is missing or does not start, it says so and falls back to QT_QPA_PLATFORM=
# offscreen. An explicit QT_QPA_PLATFORM=offscreen in the caller's environment is kept.
# stop_test_display ends what it started (by process id); ./test runs it from an EXIT trap.
# TEST_PLATFORM says, in words, what the tests run on.

_xvfb_pid=""
_wm_pid=""
_display_dir=""

_wait_for_file() {  # FILE SECONDS: wait until FILE is non-empty
  local i
  for ((i = 0; i < $2 * 10; i++)); do
    [ -s "$1" ] && return 0
    sleep 0.1
  done
  return 1
}

start_test_display() {
  if [ "${QT_QPA_PLATFORM:-}" = "offscreen" ]; then
    TEST_PLATFORM="offscreen (QT_QPA_PLATFORM=offscreen was set by the caller)"
    return 0
  fi
  if ! command -v Xvfb >/dev/null 2>&1; then
    export QT_QPA_PLATFORM=offscreen
    TEST_PLATFORM="offscreen: FALLBACK, Xvfb is not installed (scripts/setup.sh --test installs it as root)"
    return 0
  fi
  _display_dir=$(mktemp -d "${TMPDIR:-/tmp}/agent-console-test-display.XXXXXX")
  Xvfb -displayfd 3 -screen 0 1366x768x24 -dpi 96 -nolisten tcp -noreset \
    3>"$_display_dir/display" >"$_display_dir/xvfb.log" 2>&1 &
  _xvfb_pid=$!
  if ! _wait_for_file "$_display_dir/display" 15; then
    echo "test: Xvfb did not start: $(tail -1 "$_display_dir/xvfb.log" 2>/dev/null)" >&2
    stop_test_display
    export QT_QPA_PLATFORM=offscreen
    TEST_PLATFORM="offscreen: FALLBACK, Xvfb could not be started"
    return 0
  fi
  export DISPLAY=":$(tr -d '[:space:]' <"$_display_dir/display")"
  export QT_QPA_PLATFORM=xcb
  unset WAYLAND_DISPLAY
  TEST_PLATFORM="xcb on Xvfb $DISPLAY (1366x768)"
  if command -v openbox >/dev/null 2>&1; then
    # --startup runs once openbox manages the screen: then windows get focus as on a desktop.
    openbox --sm-disable --startup "touch $_display_dir/wm-ready" >"$_display_dir/openbox.log" 2>&1 &
    _wm_pid=$!
    for ((i = 0; i < 150; i++)); do
      [ -e "$_display_dir/wm-ready" ] && break
      sleep 0.1
    done
    if [ -e "$_display_dir/wm-ready" ]; then
      export AGENT_CONSOLE_TEST_WM=openbox
      TEST_PLATFORM="$TEST_PLATFORM with the openbox window manager"
    else
      TEST_PLATFORM="$TEST_PLATFORM WITHOUT a window manager (openbox did not start)"
    fi
  else
    TEST_PLATFORM="$TEST_PLATFORM WITHOUT a window manager (openbox is not installed)"
  fi
}

stop_test_display() {
  local pid
  for pid in "$_wm_pid" "$_xvfb_pid"; do
    if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
      kill "$pid" 2>/dev/null || true
      wait "$pid" 2>/dev/null || true
    fi
  done
  _wm_pid=""
  _xvfb_pid=""
  [ -n "$_display_dir" ] && rm -rf "$_display_dir"
  _display_dir=""
}
