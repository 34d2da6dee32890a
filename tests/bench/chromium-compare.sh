#!/bin/sh
# chromium-compare.sh: the same crossfade and the same static slide as kiosk-bench, shown by
# Debian's Chromium in kiosk mode on an Xvfb screen of 1920x1080, for the README's cost table.
# Prints Chromium's CPU time (all its processes together) and PSS (summed over them).
#
#   tests/bench/chromium-compare.sh [SECONDS]      default 60; needs chromium and xvfb
#
# Like the kiosk on this machine, Chromium draws in software (--disable-gpu): there is no GPU.
set -eu
seconds="${1:-60}"
root=$(cd "$(dirname "$0")/../.." && pwd)
command -v chromium >/dev/null || { echo "chromium-compare: apt-get install chromium" >&2; exit 2; }
command -v Xvfb >/dev/null || { echo "chromium-compare: apt-get install xvfb" >&2; exit 2; }

work=$(mktemp -d)
# Chromium's last processes may still write to a profile for a moment after they were killed:
# the folder is removed again once they are gone.
trap 'kill $xvfb 2>/dev/null || true; rm -rf "$work" 2>/dev/null || { sleep 3; rm -rf "$work"; }' EXIT

# The two slides of kiosk-bench's fade, in the bundled fonts, 2 s each with 0.8 s crossfades;
# the band as the kiosk draws it.
cat > "$work/fade.html" <<EOF
<!doctype html><meta charset="utf-8"><style>
@font-face { font-family: Noto; src: url("file://$root/fonts/NotoSans-Regular.ttf"); }
@font-face { font-family: Noto; font-weight: bold; src: url("file://$root/fonts/NotoSans-Bold.ttf"); }
html, body { margin: 0; width: 1920px; height: 1080px; background: #0b1f3a; overflow: hidden;
  font-family: Noto; }
.slide { position: absolute; inset: 0 0 180px 0; padding: 96px; opacity: 0;
  transition: opacity 0.8s linear; }
.slide.on { opacity: 1; }
h1 { color: #f2c14e; font-size: 78px; margin: 0 0 24px; }
p { color: #fff; font-size: 52px; margin: 0 0 48px; } .en p { color: #c9d6e8; }
.band { position: absolute; left: 0; right: 0; bottom: 0; height: 180px; background: #07152b;
  color: #fff; font-size: 40px; padding: 30px 96px; box-sizing: border-box; }
</style>
<div class="slide on"><h1>Vì sao là “Công ước Hà Nội”?</h1><p>Đại hội đồng Liên hợp quốc thông qua
Công ước bằng đồng thuận chiều 24/12/2024 (giờ New York).</p><div class="en"><h1>Why “the Hanoi
Convention”?</h1><p>The UN General Assembly adopted it by consensus on 24 December 2024.</p></div></div>
<div class="slide"><h1>Việt Nam ký đầu tiên</h1><p>Bộ trưởng Bộ Công an Lương Tam Quang ký Công ước
thay mặt Việt Nam.</p><div class="en"><h1>Viet Nam signed first</h1><p>Minister of Public Security
Luong Tam Quang signed for Viet Nam.</p></div></div>
<div class="band">72 quốc gia đã ký<br>72 states have signed</div>
<script>
const s = document.querySelectorAll(".slide"); let i = 0;
if (!location.hash) setInterval(() => { s[i].classList.remove("on"); i = 1 - i; s[i].classList.add("on"); }, 2000);
</script>
EOF

display=:$((200 + $$ % 300))
Xvfb "$display" -screen 0 1920x1080x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
sleep 1

# Sum of utime+stime (clock ticks) and of PSS (KiB) over every process of a session.
session_cpu() { awk -v sid="$1" '$6 == sid { t += $14 + $15 } END { print t + 0 }' /proc/[0-9]*/stat 2>/dev/null; }
session_pss() {
    total=0
    for stat in /proc/[0-9]*/stat; do
        pid=${stat#/proc/}; pid=${pid%/stat}
        [ "$(awk '{print $6}' "$stat" 2>/dev/null)" = "$1" ] || continue
        kib=$(awk '/^Pss:/ {print $2}' "/proc/$pid/smaps_rollup" 2>/dev/null || echo 0)
        total=$((total + ${kib:-0}))
    done
    echo "$total"
}

run() {  # run WHAT URL: Chromium in its own session for the measured time
    profile="$work/profile-$1"
    DISPLAY=$display setsid chromium --kiosk --no-sandbox --disable-gpu --disable-quic \
        --no-first-run --disable-background-networking --disable-component-update --disable-sync \
        --user-data-dir="$profile" --window-size=1920,1080 --window-position=0,0 "$2" \
        >/dev/null 2>&1 &
    leader=$!
    sleep 8  # start-up and first paint settle
    tick=$(getconf CLK_TCK)
    c0=$(session_cpu "$leader")
    pss_max=0
    n=0
    while [ "$n" -lt "$seconds" ]; do
        sleep 1
        n=$((n + 1))
        if [ $((n % 10)) -eq 0 ]; then
            p=$(session_pss "$leader")
            [ "$p" -gt "$pss_max" ] && pss_max=$p
        fi
    done
    c1=$(session_cpu "$leader")
    procs=$(awk -v sid="$leader" '$6 == sid' /proc/[0-9]*/stat 2>/dev/null | wc -l)
    kill -TERM -- "-$leader" 2>/dev/null || true
    sleep 2
    kill -KILL -- "-$leader" 2>/dev/null || true
    awk -v what="$1" -v c="$((c1 - c0))" -v tick="$tick" -v s="$seconds" -v pss="$pss_max" \
        -v procs="$procs" 'BEGIN { printf "chromium %-22s %.2f CPU-s over %d s (%.1f%% of a core), PSS %.0f MiB in %d processes\n", what, c / tick, s, 100 * c / tick / s, pss / 1024, procs }'
}

echo "chromium-compare: $(chromium --version 2>/dev/null), Xvfb 1920x1080, software, $(nproc) cores"
run "crossfades" "file://$work/fade.html"
run "static slide" "file://$work/fade.html#still"
