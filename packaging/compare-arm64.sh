#!/bin/sh
# Checks the cross-built arm64 package on this amd64 machine, under qemu-aarch64-static: its
# `kiosk --check` of the installed files must be clean, and its screenshot of every bundled
# slide must differ from the amd64 package's in under 1% of the pixels by more than 1% of a
# channel's range (2.5 of 255 levels). Smaller differences are counted and printed, not failed:
# SDL blends with SSE on amd64 and NEON on arm64, which round a channel differently by a level,
# at the anti-aliased edge of every glyph. Run after
#   sh packaging/build-deb.sh && sh packaging/build-deb.sh arm64
set -eu
cd "$(dirname "$0")/.."
command -v compare > /dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq imagemagick
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
dpkg-deb -x build-deb/kiosk_*_amd64.deb "$work/amd64"
dpkg-deb -x build-deb-arm64/kiosk_*_arm64.deb "$work/arm64"
file "$work/arm64/usr/bin/kiosk"
qemu-aarch64-static "$work/arm64/usr/bin/kiosk" --check

# Every enabled slide of the installed content, by id.
ids=$(sed -n 's/^ *"id": *"\([a-z0-9_-]*\)".*/\1/p' "$work/amd64/etc/kiosk/content/slides.json")
worst=0
for id in $ids; do
    "$work/amd64/usr/bin/kiosk" --screenshot "$work/$id-amd64.png" --slide "$id" \
        --state-dir "$work/state-amd64" 2> /dev/null
    qemu-aarch64-static "$work/arm64/usr/bin/kiosk" --screenshot "$work/$id-arm64.png" \
        --slide "$id" --state-dir "$work/state-arm64" 2> /dev/null
    differ=$(compare -metric AE "$work/$id-amd64.png" "$work/$id-arm64.png" null: 2>&1 || true)
    visible=$(compare -metric AE -fuzz 1% "$work/$id-amd64.png" "$work/$id-arm64.png" null: 2>&1 ||
              true)
    faint=$(compare -metric AE -fuzz 10% "$work/$id-amd64.png" "$work/$id-arm64.png" null: 2>&1 ||
            true)
    all=$(awk "BEGIN { printf \"%.3f\", 100 * $differ / (1920 * 1080) }")
    percent=$(awk "BEGIN { printf \"%.3f\", 100 * $visible / (1920 * 1080) }")
    echo "$id: $differ pixels differ at all ($all%), $visible by more than 1% ($percent%)," \
        "$faint by more than 10%"
    worst=$(awk "BEGIN { print ($percent > $worst) ? $percent : $worst }")
done
echo "most differing by more than 1%: $worst% of the pixels"
awk "BEGIN { exit !($worst < 1.0) }"
