#!/bin/sh
# package_test.sh SOURCE WORK: builds the .deb from SOURCE in WORK and checks it. Each check
# prints what it looked at; the first that fails ends the test with a non-zero status.
set -eu
source="$1"
work="$2"
rm -rf "$work"
mkdir -p "$work"
fail() { echo "FAILED: $*" >&2; exit 1; }

cmake -S "$source" -B "$work/build" -DCMAKE_BUILD_TYPE=Release -DCMAKE_INSTALL_PREFIX=/usr \
      -DKIOSK_BUILD_TESTS=OFF > "$work/configure.log"
cmake --build "$work/build" -j2 > "$work/build.log" 2>&1 || { tail -30 "$work/build.log"; fail "build"; }
if grep -q "warning:" "$work/build.log"; then grep "warning:" "$work/build.log"; fail "build warnings"; fi
(cd "$work/build" && cpack -G DEB > "$work/cpack.log") || { cat "$work/cpack.log"; fail "cpack"; }
deb=$(ls "$work"/build/kiosk_*.deb)
echo "package: $deb"

# What it installs: the program, the vendor's files, the operator's copies, the service.
dpkg-deb -c "$deb" | awk '{print $6}' > "$work/contents"
for path in ./usr/bin/kiosk ./usr/share/kiosk/fonts/NotoSans-Regular.ttf \
            ./usr/share/kiosk/content/slides.json ./etc/kiosk/kiosk.json \
            ./etc/kiosk/content/slides.json ./etc/kiosk/content/counter.json \
            ./lib/systemd/system/kiosk.service ./lib/systemd/system/getty@tty1.service.d/kiosk.conf \
            ./usr/share/doc/kiosk/copyright ./usr/share/man/man1/kiosk.1.gz; do
    grep -qx "$path" "$work/contents" || fail "the package lacks $path"
done
echo "contents: ok"

# The operator's files are conffiles, and nothing else is.
dpkg-deb --ctrl-tarfile "$deb" | tar -xO ./conffiles > "$work/conffiles"
cat "$work/conffiles"
[ "$(grep -c . "$work/conffiles")" -eq 5 ] || fail "conffiles"
grep -qx /etc/kiosk/kiosk.json "$work/conffiles" || fail "kiosk.json is no conffile"
grep -qx /etc/kiosk/content/slides.json "$work/conffiles" || fail "slides.json is no conffile"

# Dependencies come from the binary (dpkg-shlibdeps), not a hand-kept list.
depends=$(dpkg-deb -f "$deb" Depends)
echo "Depends: $depends"
for library in libsdl2-2.0-0 libsdl2-image-2.0-0 libcurl4 libharfbuzz0b libfreetype6 libicu72 \
               libfontconfig1 init-system-helpers; do
    echo "$depends" | grep -q "$library" || fail "Depends lacks $library"
done

# lintian: warnings are allowed (and listed), errors are not.
lintian "$deb" > "$work/lintian.log" 2>&1 || true
cat "$work/lintian.log"
if grep -q "^E:" "$work/lintian.log"; then fail "lintian reports errors"; fi

# The unit: systemd accepts it, and rates its sandbox OK (2.0 or less).
stage="$work/stage"
dpkg-deb -x "$deb" "$stage"
sed "s|ExecStart=/usr/bin/kiosk|ExecStart=$stage/usr/bin/kiosk|" \
    "$stage/lib/systemd/system/kiosk.service" > "$work/kiosk.service"
systemd-analyze verify --man=no "$work/kiosk.service" > "$work/verify.log" 2>&1 || {
    cat "$work/verify.log"; fail "systemd-analyze verify"; }
[ -s "$work/verify.log" ] && { cat "$work/verify.log"; fail "systemd-analyze verify said something"; }
score=$(systemd-analyze security --offline=true "$work/kiosk.service" 2>/dev/null |
        sed -n 's/.*Overall exposure level for kiosk.service: \([0-9.]*\).*/\1/p')
echo "systemd-analyze security: $score"
awk "BEGIN { exit !($score <= 2.0) }" || fail "exposure $score is above 2.0"

# Installed, with no path arguments, the program reads exactly the service's files.
"$stage/usr/bin/kiosk" --check > "$work/check.log" 2>&1 || { cat "$work/check.log"; fail "--check"; }
cat "$work/check.log"
grep -q "are clean" "$work/check.log" || fail "--check of the installed files is not clean"
echo '{"slides": [{"id": "mine", "en": {"title": "The operator'"'"'s slide"}}]}' \
    > "$stage/etc/kiosk/content/slides.json"
"$stage/usr/bin/kiosk" --check | grep -q "1 slides" || fail "--check did not read /etc/kiosk/content"
"$stage/usr/bin/kiosk" --screenshot "$work/mine.png" --slide mine --state-dir "$work/state" ||
    fail "--screenshot of the operator's slide"

# An upgrade keeps what the operator edited: installed into a root of its own with dpkg, edited,
# then upgraded to a version whose default slides differ.
root="$work/root"
mkdir -p "$root/var/lib/dpkg/info" "$root/var/lib/dpkg/updates"
touch "$root/var/lib/dpkg/status" "$root/var/lib/dpkg/available"
install() {
    dpkg --root="$root" --force-depends --force-script-chrootless --force-not-root \
         --force-confold --no-triggers --log=/dev/null -i "$1" > "$work/dpkg.log" 2>&1 || {
        cat "$work/dpkg.log"; fail "dpkg -i $1"; }
}
install "$deb"
echo '{"slides": [{"id": "edited", "en": {"title": "Edited at the venue"}}]}' \
    > "$root/etc/kiosk/content/slides.json"
dpkg-deb -R "$deb" "$work/next"
sed -i 's/^Version: .*/&+next/' "$work/next/DEBIAN/control"
echo "// the vendor's new default" >> "$work/next/etc/kiosk/content/slides.json"
(cd "$work/next" && find etc usr lib -type f -exec md5sum {} + > DEBIAN/md5sums)
dpkg-deb --root-owner-group -b "$work/next" "$work/next.deb" > /dev/null
install "$work/next.deb"
grep -q "Edited at the venue" "$root/etc/kiosk/content/slides.json" ||
    fail "the upgrade overwrote the operator's slides"
grep -q "the vendor's new default" "$root/etc/kiosk/content/slides.json.dpkg-dist" ||
    fail "the new default is not beside it as slides.json.dpkg-dist"
echo "upgrade: the edit stays, the new default is slides.json.dpkg-dist"
echo "all package checks passed"
