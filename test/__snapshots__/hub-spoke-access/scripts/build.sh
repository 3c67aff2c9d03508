#!/usr/bin/env bash
# Compiles the landing zone the way the pipeline does: every environment's parameters with the template they
# use, under the strict linter of bicepconfig.json (every finding is an error), and the canonical formatting.
# Each of the two steps starts the compiler once, however many environments and modules there are.
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

# A compiler that lives for a few compilations: .NET's profile-guided optimisation, and the delay before it promotes
# hot code from its first, slow tier, cost more than they return in so short a run (about a quarter of the time of
# the step below, measured on the largest configuration). Settings of your own win.
export DOTNET_TieredPGO="${DOTNET_TieredPGO:-0}" DOTNET_TC_CallCountingDelayMs="${DOTNET_TC_CallCountingDelayMs:-0}"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Each parameter file compiles with main.bicep and every module it calls; the linter's findings come with it.
"$bicep" build-params --pattern 'infra/params/*.bicepparam' --outdir "$work/compiled"

# A copy is formatted in place and compared with the files as they are.
cp -R infra bicepconfig.json "$work/"
(cd "$work" && "$bicep" format --pattern 'infra/**/*.bicep*')
if ! diff -ru --exclude='*.json' infra "$work/infra"; then
  echo "not formatted: the files above (run: bicep format --pattern 'infra/**/*.bicep*')" >&2
  exit 1
fi
