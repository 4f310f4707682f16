#!/bin/sh
# 绩效自评助手 (selfeval) WPS add-in, offline install for Linux (UOS, Kylin, Debian/Ubuntu .deb/.rpm WPS).
# Run as the user who uses WPS (not root), with WPS closed. Copies the add-in folder into WPS's
# jsaddons folder and adds its entry to publish.xml there, keeping every other add-in's entry.
# WPS_JSADDONS overrides the folder (tests, unusual installs).
set -eu
NAME=@NAME@
VERSION=@VERSION@
FOLDER="${NAME}_${VERSION}"
HERE=$(cd "$(dirname "$0")" && pwd)
if [ -z "${WPS_JSADDONS:-}" ] && [ "$(id -u)" = 0 ]; then
  echo "请以使用 WPS 的普通用户身份运行（不要用 root 或 sudo）。Run as the WPS user, not root." >&2
  exit 1
fi
DIR=${WPS_JSADDONS:-$HOME/.local/share/Kingsoft/wps/jsaddons}
command -v perl >/dev/null 2>&1 || { echo "需要 perl。perl is required." >&2; exit 1; }
mkdir -p "$DIR"
# Older versions of this add-in only; other add-ins' folders stay.
for old in "$DIR/${NAME}_"*; do
  [ -d "$old" ] && [ "$old" != "$DIR/$FOLDER" ] && rm -rf "$old"
done
rm -rf "$DIR/$FOLDER"
cp -R "$HERE/$FOLDER" "$DIR/$FOLDER"
ENTRY="<jsplugin name=\"$NAME\" type=\"et\" url=\"$FOLDER\" version=\"$VERSION\" enable=\"enable_dev\" install=\"null\" customDomain=\"\"/>"
PUB="$DIR/publish.xml"
[ -f "$PUB" ] && cp "$PUB" "$PUB.bak"
if [ -f "$PUB" ] && grep -q '<jsplugins' "$PUB"; then
  # An empty list may be written <jsplugins/>. Drop this add-in's old entries (online or offline,
  # on one line or several), then add ours.
  NAME="$NAME" ENTRY="$ENTRY" perl -0pi -e '
    s{<jsplugins(\s[^>]*)?/>}{"<jsplugins" . ($1 // "") . ">\n</jsplugins>"}e;
    s{[ \t]*<jsplugin(?:online)?\b[^>]*\bname="\Q$ENV{NAME}\E"[^>]*?(?:/>|>.*?</jsplugin(?:online)?>)[ \t]*\r?\n?}{}gs;
    s{</jsplugins>}{  $ENV{ENTRY}\n</jsplugins>};
  ' "$PUB"
else
  printf '<?xml version="1.0" encoding="UTF-8"?>\n<jsplugins>\n  %s\n</jsplugins>\n' "$ENTRY" > "$PUB"
fi
echo "已安装到 $DIR/$FOLDER 。请完全退出 WPS 后重新打开 WPS 表格，在“是否信任”提示中选择允许，再重启一次 WPS 表格。"
echo "Installed into $DIR/$FOLDER. Quit WPS completely, open WPS Spreadsheets, allow the add-in when asked, then restart it once."
