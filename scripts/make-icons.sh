#!/usr/bin/env bash
# Regenerates the add-in icons assets/icon-{16,32,64,80,128}.png (committed; run this only after changing the design).
#   - 32, 64, 80, 128: rendered from assets/logo.svg (a 128-unit grid whose lines sit on multiples of 4, so 32 px stays crisp)
#   - 16: hand-drawn pixel art below (same design: teal tile, white form with a mint header row and a label column,
#         dark-teal check mark), because a downscaled SVG turns to mush at 16 px.
# Needs ImageMagick (`apt-get install -y imagemagick`); uses rsvg-convert (librsvg2-bin) for the SVG when present.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v convert >/dev/null || { echo "make-icons: ImageMagick 'convert' not found" >&2; exit 1; }
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

# Write PNGs without timestamps so that regenerating an unchanged design gives identical files.
finish() { convert "$1" -strip -define png:exclude-chunks=date,time,tIME "PNG32:$2"; }

for size in 32 64 80 128; do
  if command -v rsvg-convert >/dev/null; then
    rsvg-convert -w "$size" -h "$size" assets/logo.svg -o "$tmp/raw-$size.png"
  else
    convert -background none -density 384 assets/logo.svg -resize "${size}x${size}" "$tmp/raw-$size.png"
  fi
  finish "$tmp/raw-$size.png" "assets/icon-$size.png"
done

cat > "$tmp/icon-16.xpm" <<'XPM'
/* XPM */
static char *icon16[] = {
"16 16 6 1",
"  c None",
"B c #0F8A6C",
"W c #FFFFFF",
"M c #BFE6D8",
"L c #6DBBA3",
"D c #0A5A4C",
" BBBBBBBBBBBBBB ",
"BBBBBBBBBBBBBBBB",
"BBMMMMMMMMMMMMBB",
"BBMMMMMMMMMMMMBB",
"BBLLLLLLLLLLLLBB",
"BBWWLWWWWWWWWWBB",
"BBWWLWWWWWWDDWBB",
"BBLLLWWWWWDDDWBB",
"BBWWLWWWWDDDWWBB",
"BBWWLWDWDDDWWWBB",
"BBLLLWDDDDWWWWBB",
"BBWWLWWDDWWWWWBB",
"BBWWLWWWWWWWWWBB",
"BBWWLWWWWWWWWWBB",
"BBBBBBBBBBBBBBBB",
" BBBBBBBBBBBBBB "
};
XPM
finish "$tmp/icon-16.xpm" assets/icon-16.png

for size in 16 32 64 80 128; do identify -format "%f %wx%h\n" "assets/icon-$size.png"; done
