#!/usr/bin/env bash
# Deploys one environment. With DEPLOYMENT_STACK_DENY_SETTINGS set (denyDelete or denyWriteAndDelete),
# it deploys as a deployment stack whose deny assignment protects the resources from changes made
# outside this repository; otherwise as a plain subscription deployment.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/landing-zone.sh
source scripts/landing-zone.sh

environment="${1:-}"
require_environment "$environment"
name=$(deployment_name "$environment")
parameters=$(parameter_file "$environment")
deny_settings="${DEPLOYMENT_STACK_DENY_SETTINGS:-}"

case "$deny_settings" in
  "")
    az deployment sub create --name "$name" --location "$LOCATION" --parameters "$parameters" --output none
    ;;
  denyDelete | denyWriteAndDelete)
    # detachAll: a resource removed from the templates is left in place, never deleted by the pipeline.
    # Excluded principals (space-separated object IDs, at most five) may still change protected resources,
    # e.g. to approve private endpoint connections; list them in DEPLOYMENT_STACK_EXCLUDED_PRINCIPALS.
    # The Azure CLI takes the list as one space-separated argument.
    excluded=()
    if [[ -n "${DEPLOYMENT_STACK_EXCLUDED_PRINCIPALS:-}" ]]; then
      excluded=(--deny-settings-excluded-principals "$DEPLOYMENT_STACK_EXCLUDED_PRINCIPALS")
    fi
    az stack sub create --name "$name" --location "$LOCATION" --parameters "$parameters" \
      --deny-settings-mode "$deny_settings" ${excluded[@]+"${excluded[@]}"} \
      --action-on-unmanage detachAll --yes --output none
    ;;
  *)
    echo "DEPLOYMENT_STACK_DENY_SETTINGS='$deny_settings' is not valid; use denyDelete, denyWriteAndDelete, or leave it empty for a plain deployment" >&2
    exit 2
    ;;
esac
echo "Deployed $environment as $name."
