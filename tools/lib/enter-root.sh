# shellcheck shell=bash
# Runs inside a private mount namespace (unshare --mount): mounts what the command needs into the
# Debian 13 root, then chroots into it. Every mount vanishes when the command exits.
# Usage: enter-root.sh ROOT CWD BINDS [VAR=VALUE ...] -- CMD...
set -e
root="$1" cwd="$2" binds="$3"; shift 3
envs=()
while [ $# -gt 0 ] && [ "$1" != -- ]; do envs+=("$1"); shift; done
shift

mount --make-rprivate /
mount -t proc proc "$root/proc"
mount --rbind /dev "$root/dev"
mount --rbind /sys "$root/sys"
while IFS= read -r dir; do
    [ -n "$dir" ] && [ -d "$dir" ] || continue
    case "$dir" in /|/usr|/usr/*|/etc|/etc/*|/bin|/sbin|/lib|/lib64|/var|/proc|/proc/*|/dev|/dev/*|/sys|/sys/*) continue ;; esac
    mkdir -p "$root$dir"
    mount --rbind "$dir" "$root$dir"
done <<<"$binds"

exec chroot "$root" /usr/bin/env -i HOME=/root LANG=C.UTF-8 \
    PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    "${envs[@]}" /bin/sh -c 'cd "$1" || exit 1; shift; exec "$@"' sh "$cwd" "$@"
