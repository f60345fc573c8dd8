# shellcheck shell=bash
# Shared by tools/run, tools/test and tools/setup: make sure the Debian 13 stack Wheelbench needs is
# there, and run commands with it.
#
# Two ways to get the stack:
#  - native: the host is Debian 13 or newer (or WHEELBENCH_ENV=native): the packages in
#    tools/lib/packages.txt are installed on the host (with apt-get when we are root).
#  - root:   any other Debian-like host: a Debian 13 root made with debootstrap, kept outside the
#    repository (WHEELBENCH_ROOT, default /var/cache/wheelbench/debian13-root) and reused by every
#    clone. A stamp of the package list re-runs the setup when the list changes. Commands run in it
#    through private mount namespaces that vanish on exit; the repository, ../shared, the current
#    folder, /tmp and the paths given on the command line appear inside at the same absolute paths.

WB_LIB="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
WB_REPO="$(cd "$WB_LIB/../.." && pwd)"
WB_ROOT="${WHEELBENCH_ROOT:-/var/cache/wheelbench/debian13-root}"
WB_SETUP_VERSION=3

wb_say() { printf 'wheelbench-tools: %s\n' "$*" >&2; }
wb_die() { wb_say "$*"; exit 1; }

wb_packages() { grep -v -e '^#' -e '^[[:space:]]*$' "$WB_LIB/packages.txt"; }

wb_stamp() {
    { echo "setup $WB_SETUP_VERSION"; cat "$WB_LIB/packages.txt" "$WB_LIB/cargo-offline.toml"; } \
        | sha256sum | cut -d' ' -f1
}

# native or root
wb_mode() {
    case "${WHEELBENCH_ENV:-}" in
        native|root) echo "$WHEELBENCH_ENV"; return ;;
        "") ;;
        *) wb_die "WHEELBENCH_ENV must be 'native' or 'root', not '$WHEELBENCH_ENV'" ;;
    esac
    local id="" version="" codename=""
    if [ -r /etc/os-release ]; then
        # shellcheck disable=SC1091
        id=$(. /etc/os-release; echo "${ID:-}")
        version=$(. /etc/os-release; echo "${VERSION_ID:-}")
        codename=$(. /etc/os-release; echo "${VERSION_CODENAME:-}")
    fi
    if [ "$id" = debian ]; then
        case "$codename" in trixie|forky|duke|sid) echo native; return ;; esac
        if [ -n "$version" ] && [ "${version%%.*}" -ge 13 ] 2>/dev/null; then echo native; return; fi
    fi
    echo root
}

# The Debian mirror the host already uses (deb822 .sources or one-line .list), unless WHEELBENCH_MIRROR says.
wb_mirror() {
    if [ -n "${WHEELBENCH_MIRROR:-}" ]; then echo "$WHEELBENCH_MIRROR"; return; fi
    local uri=""
    local f
    for f in /etc/apt/sources.list.d/*.sources; do
        [ -r "$f" ] || continue
        uri=$(awk 'BEGIN{RS=""; FS="\n"}
            { uris=""; suites="";
              for (i=1;i<=NF;i++) { if ($i ~ /^URIs:/) { uris=$i; sub(/^URIs:[ \t]*/,"",uris) }
                                    if ($i ~ /^Suites:/) { suites=$i } }
              if (suites !~ /security/ && uris ~ /debian\/?([ \t]|$)/) { split(uris,u,/[ \t]+/); print u[1]; exit } }' "$f")
        [ -n "$uri" ] && break
    done
    if [ -z "$uri" ]; then
        uri=$(cat /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null \
            | awk '$1=="deb" { n=2; if ($2 ~ /^\[/) { while ($n !~ /\]$/) n++; n++ }
                                if ($(n+1) !~ /security/ && $n ~ /debian\/?$/) { print $n; exit } }')
    fi
    [ -n "$uri" ] || wb_die "cannot find a Debian mirror in /etc/apt/sources*; set WHEELBENCH_MIRROR"
    echo "$uri"
}

wb_ensure_native() {
    local missing=() p
    while read -r p; do
        dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
    done < <(wb_packages)
    [ ${#missing[@]} -eq 0 ] && return 0
    if [ "$(id -u)" -ne 0 ]; then
        wb_die "missing packages: ${missing[*]} — install them with: sudo apt-get install --no-install-recommends ${missing[*]}"
    fi
    wb_say "installing ${missing[*]}"
    apt-get update -q >&2 || wb_die "apt-get update failed"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}" >&2 \
        || wb_die "apt-get install failed"
}

wb_ensure_root() {
    local stamp
    stamp=$(wb_stamp)
    if [ -f "$WB_ROOT/.wheelbench-stamp" ] && [ "$(cat "$WB_ROOT/.wheelbench-stamp")" = "$stamp" ]; then
        return 0
    fi
    [ "$(id -u)" -eq 0 ] || wb_die "this host is not Debian 13: making the Debian 13 root in $WB_ROOT needs root (run as root, or install the packages in tools/lib/packages.txt on Debian 13 and set WHEELBENCH_ENV=native)"
    mkdir -p "$(dirname "$WB_ROOT")"
    exec 9>"$WB_ROOT.lock"
    flock 9
    # Another run may have finished the setup while we waited for the lock.
    if [ -f "$WB_ROOT/.wheelbench-stamp" ] && [ "$(cat "$WB_ROOT/.wheelbench-stamp")" = "$stamp" ]; then
        exec 9>&-; return 0
    fi
    local t0=$SECONDS
    if ! command -v debootstrap >/dev/null 2>&1; then
        wb_say "installing debootstrap on the host"
        apt-get update -q >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -q debootstrap >&2 \
            || wb_die "could not install debootstrap"
    fi
    if [ ! -x "$WB_ROOT/usr/bin/apt-get" ] || [ ! -f "$WB_ROOT/.wheelbench-bootstrapped" ]; then
        local mirror
        mirror=$(wb_mirror)
        wb_say "creating a Debian 13 root in $WB_ROOT (once; later runs and clones reuse it)"
        rm -rf "$WB_ROOT"
        debootstrap --variant=minbase trixie "$WB_ROOT" "$mirror" >"$WB_ROOT.debootstrap.log" 2>&1 \
            || { tail -20 "$WB_ROOT.debootstrap.log" >&2; wb_die "debootstrap failed (log: $WB_ROOT.debootstrap.log)"; }
        touch "$WB_ROOT/.wheelbench-bootstrapped"
    fi
    wb_say "installing the build and test packages into the Debian 13 root"
    mkdir -p "$WB_ROOT/root/.cargo"
    cp "$WB_LIB/cargo-offline.toml" "$WB_ROOT/root/.cargo/config.toml"
    local pkgs
    pkgs=$(wb_packages | tr '\n' ' ')
    WB_BINDS="" wb_exec_root / sh -c "apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends $pkgs && apt-get clean" \
        >"$WB_ROOT.setup.log" 2>&1 \
        || { tail -30 "$WB_ROOT.setup.log" >&2; wb_die "package installation in the root failed (log: $WB_ROOT.setup.log)"; }
    echo "$stamp" >"$WB_ROOT/.wheelbench-stamp"
    wb_say "Debian 13 root ready in $((SECONDS - t0)) s"
    exec 9>&-
}

wb_ensure() {
    if [ "$(wb_mode)" = native ]; then wb_ensure_native; else wb_ensure_root; fi
}

# Folders to make visible inside the root for these command-line arguments.
wb_arg_binds() {
    local a p
    for a in "$@"; do
        case "$a" in --*=*) a="${a#*=}" ;; esac
        case "$a" in ""|-*) continue ;; esac
        if [ -e "$a" ]; then p=$(realpath -- "$a")
        elif [ -d "$(dirname -- "$a")" ]; then p=$(realpath -- "$(dirname -- "$a")")
        else continue
        fi
        [ -d "$p" ] || p=$(dirname "$p")
        echo "$p"
    done
}

# wb_exec_root CWD CMD... : run CMD in the Debian 13 root, in CWD, with WB_BINDS (newline-separated
# absolute folders) visible at the same paths.
wb_exec_root() {
    local cwd="$1"; shift
    local keep=() v
    while IFS='=' read -r v _; do
        case "$v" in
            DISPLAY|XAUTHORITY|WAYLAND_DISPLAY|XDG_RUNTIME_DIR|TERM|COLUMNS|CI|QT_*|WHEELBENCH_*|CTEST_*|ASAN_OPTIONS|UBSAN_OPTIONS|LSAN_OPTIONS|CARGO_TERM_*|SOURCE_DATE_EPOCH)
                keep+=("$v=${!v}") ;;
        esac
    done < <(env)
    unshare --mount --fork -- bash "$WB_LIB/enter-root.sh" "$WB_ROOT" "$cwd" "${WB_BINDS:-}" \
        "${keep[@]}" -- "$@"
}

# wb_exec CMD... : run CMD with the stack, in the current folder.
wb_exec() {
    if [ "$(wb_mode)" = native ]; then "$@"; return; fi
    local binds
    binds=$(printf '%s\n' "$WB_REPO" "$(pwd -P)" /tmp)
    [ -d "$WB_REPO/../shared" ] && binds+=$'\n'$(cd "$WB_REPO/../shared" && pwd -P)
    [ -n "${XDG_RUNTIME_DIR:-}" ] && [ -d "$XDG_RUNTIME_DIR" ] && binds+=$'\n'$XDG_RUNTIME_DIR
    [ -n "${XAUTHORITY:-}" ] && [ -f "$XAUTHORITY" ] && binds+=$'\n'$(dirname "$XAUTHORITY")
    binds+=$'\n'$(wb_arg_binds "$@")
    WB_BINDS="$binds" wb_exec_root "$(pwd -P)" "$@"
}
