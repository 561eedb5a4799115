#!/usr/bin/env bash
# Renders docs/screens/<template>.png for the four templates (zh-CN): the CLI writes each
# template into its own workbook, LibreOffice prints it to PDF, pdftoppm keeps page 1 at 60 dpi.
# Needs: node, soffice (libreoffice-calc-nogui), pdftoppm (poppler-utils), fonts-noto-cjk.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

npx --prefix "$root" tsc --outDir "$work/js" --module commonjs --moduleResolution node10 --target ES2020 \
  --strict --esModuleInterop --skipLibCheck --types node "$root/src/cli/bin.ts"
bin="$(find "$work/js" -path '*cli/bin.js' | head -n 1)"

for template in weekly monthly customers contracts; do
  NODE_PATH="$root/node_modules" node "$bin" write "$template" --out "$work/$template.xlsx" \
    --rep 张三 --week 2026-W48 --month 2026-11 >/dev/null
done

mkdir -p "$work/profile/user" "$root/docs/screens"
soffice "-env:UserInstallation=file://$work/profile" --headless --norestore --convert-to pdf --outdir "$work" \
  "$work"/weekly.xlsx "$work"/monthly.xlsx "$work"/customers.xlsx "$work"/contracts.xlsx >/dev/null
for template in weekly monthly customers contracts; do
  pdftoppm -png -r 60 -singlefile "$work/$template.pdf" "$root/docs/screens/$template"
done
ls -l "$root/docs/screens"
