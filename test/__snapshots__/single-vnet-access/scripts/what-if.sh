#!/usr/bin/env bash
# Shows what deploying one environment would change, changing nothing. Pull requests run it with a
# read-only identity (hence ProviderNoRbac: Azure checks the template but not the caller's rights to
# write); in GitHub Actions the table also goes to the job summary.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/landing-zone.sh
source scripts/landing-zone.sh

environment="${1:-}"
require_environment "$environment"

result=$(az deployment sub what-if \
  --name "$(deployment_name "$environment")" \
  --location "$LOCATION" \
  --parameters "$(parameter_file "$environment")" \
  --validation-level ProviderNoRbac \
  --no-pretty-print --output json)

# One row per resource that would change; NoChange and Ignore rows would bury the ones that matter.
summary=$(jq -r --arg environment "$environment" '
  [.changes[] | select(.changeType != "NoChange" and .changeType != "Ignore")] as $changes
  | "### What-if: \($environment)\n",
    (if ($changes | length) == 0 then "No changes."
     else "| Change | Resource |", "|---|---|",
          ($changes[] | "| \(.changeType) | `\((.resourceId // .symbolicName // .deploymentId // "(unnamed)") | sub("^/subscriptions/[^/]+"; ""))` |")
     end),
    "",
    ([.changes[].changeType] | group_by(.) | map("\(length) \(.[0])") | join(", "))
' <<<"$result")

echo "$summary"
if [[ -n "${GITHUB_STEP_SUMMARY:-}" ]]; then
  printf '%s\n\n' "$summary" >> "$GITHUB_STEP_SUMMARY"
fi
