#!/usr/bin/env bash
# Compiles the landing zone the way the pipeline does: the template, every environment's parameters,
# the strict linter of bicepconfig.json (every finding is an error) and the canonical formatting.
set -euo pipefail
cd "$(dirname "$0")/.."

if command -v bicep >/dev/null; then
  bicep=bicep
elif [[ -x "$HOME/.azure/bin/bicep" ]]; then
  bicep="$HOME/.azure/bin/bicep"
else
  echo "Bicep not found: install it with 'az bicep install' or put bicep on PATH" >&2
  exit 2
fi

"$bicep" build infra/main.bicep --stdout >/dev/null
"$bicep" lint infra/main.bicep
for parameters in infra/params/*.bicepparam; do
  "$bicep" build-params "$parameters" --stdout >/dev/null
done

unformatted=0
while IFS= read -r -d '' file; do
  if ! "$bicep" format "$file" --stdout | diff -u "$file" - >/dev/null; then
    echo "not formatted: $file (run: bicep format $file)" >&2
    unformatted=1
  fi
done < <(find infra -name '*.bicep*' -print0)
exit "$unformatted"
