#!/bin/sh
# Regenerate the newsletter JPEGs from the hand-written SVGs in this folder.
#   news/<name>.jpg    1200x675, quality 78  (every SVG that is not an author)
#   authors/<key>.jpg   400x400, quality 80  (SVGs named after an author key)
# Usage: sh render.sh [name ...]   (no arguments = render everything)
# Rasteriser: rsvg-convert if installed, otherwise headless chromium.
# JPEG encoding: ImageMagick (/usr/bin/convert, or magick).
set -eu
SRC=$(cd "$(dirname "$0")" && pwd)
IMG=$(dirname "$SRC")
AUTHORS="nara-chaiyaporn daniel-hoang priya-raman tom-weller mei-lin-goh"

if [ -x /usr/bin/convert ]; then IM=/usr/bin/convert
elif command -v magick >/dev/null 2>&1; then IM=magick
else echo "ImageMagick not found" >&2; exit 1; fi
CHROME=$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)

TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

if [ $# -eq 0 ]; then
  set -- $(cd "$SRC" && ls *.svg | sed 's/\.svg$//')
fi

for name in "$@"; do
  svg="$SRC/$name.svg"
  case " $AUTHORS " in
    *" $name "*) dir=authors; w=400;  h=400; q=80 ;;
    *)           dir=news;    w=1200; h=675; q=78 ;;
  esac
  png="$TMP/$name.png"
  if command -v rsvg-convert >/dev/null 2>&1; then
    rsvg-convert -w "$w" -h "$h" "$svg" -o "$png"
  elif [ -n "$CHROME" ]; then
    "$CHROME" --headless --no-sandbox --disable-gpu --hide-scrollbars \
      --force-device-scale-factor=1 --window-size="$w,$h" \
      --screenshot="$png" "file://$svg" >/dev/null 2>&1
  else
    echo "need rsvg-convert or chromium" >&2; exit 1
  fi
  mkdir -p "$IMG/$dir"
  "$IM" "$png" -background '#f6f1e7' -flatten -resize "${w}x${h}!" -strip \
    -sampling-factor 4:2:0 -interlace JPEG -quality "$q" "$IMG/$dir/$name.jpg"
  echo "$dir/$name.jpg $(stat -c %s "$IMG/$dir/$name.jpg") bytes"
done
