#!/usr/bin/env bash
# The Debian package: `cpack -G DEB` makes pneumoplan_VERSION_ARCH.deb holding the program under /usr/bin, the
# packs under /usr/share/pneumoplan, the manual pages, the completion and the licences, depending on the
# shared libraries it links (dpkg-shlibdeps) and on gnuplot. Unpacked (dpkg-deb -x, not installed on this
# machine), its program finds its packs beside it and runs one from another folder.
set -eu
build="$1"; man_pages="$2"
command -v dpkg-deb >/dev/null || { echo "SKIPPED: dpkg-deb is missing"; exit 77; }
command -v dpkg-shlibdeps >/dev/null || { echo "SKIPPED: dpkg-shlibdeps is missing (apt-get install dpkg-dev)"; exit 77; }
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
(cd "$work" && cpack -G DEB --config "$build/CPackConfig.cmake" -B "$work/package" >"$work/cpack.log" 2>&1) \
  || { cat "$work/cpack.log"; exit 1; }
deb=$(ls "$work"/package/pneumoplan_*.deb)
dpkg-deb --contents "$deb" >"$work/contents.txt"
for file in ./usr/bin/pneumoplan ./usr/share/pneumoplan/scenarios/xuzhou/scenario.ini \
            ./usr/share/pneumoplan/scenarios/heyuan/townships.csv ./usr/share/doc/pneumoplan/LICENSE \
            ./usr/share/doc/pneumoplan/DATA-LICENSES.md ./usr/share/bash-completion/completions/pneumoplan; do
  grep -q " $file\$" "$work/contents.txt" || { echo "the package lacks $file"; exit 1; }
done
if [ "$man_pages" = "ON" ]; then
  grep -q ' ./usr/share/man/man1/pneumoplan-run.1.gz$' "$work/contents.txt" || { echo "the package lacks its manual pages"; exit 1; }
fi
depends=$(dpkg-deb -f "$deb" Depends)
for library in libhdf5 libtbb libboost-program-options libc6 gnuplot; do
  echo "$depends" | grep -q "$library" || { echo "Depends lacks $library: $depends"; exit 1; }
done
[ "$(dpkg-deb -f "$deb" Package)" = pneumoplan ] && [ "$(dpkg-deb -f "$deb" Architecture)" = "$(dpkg --print-architecture)" ]

dpkg-deb -x "$deb" "$work/root"
mkdir "$work/elsewhere" && cd "$work/elsewhere"
[ "$("$work/root/usr/bin/pneumoplan" --data-dir)" = "$work/root/usr/share/pneumoplan" ]
"$work/root/usr/bin/pneumoplan" run heyuan --replicates 1 --set simulation.start_year=2010 --set simulation.end_year=2021 -q >/dev/null
[ -s output/heyuan/heyuan.h5 ]
echo "$(basename "$deb"): $(wc -l <"$work/contents.txt") entries; Depends: $depends"
