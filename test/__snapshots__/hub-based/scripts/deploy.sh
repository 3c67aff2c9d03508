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

# The managed network's private endpoints to this landing zone's services are approved by the workspace's own identity,
# whose approver role the deployment can grant only once the workspace exists: a first deployment can leave them
# pending. Provisioning the managed network again (every deployment; it changes nothing once all are in place) creates
# them now that the role exists. https://learn.microsoft.com/azure/machine-learning/how-to-managed-network#manually-provision-a-managed-vnet
group="rg-${WORKLOAD_NAME}-${environment}"
for id in $(az resource list --resource-group "$group" --resource-type Microsoft.MachineLearningServices/workspaces \
  --query "[?kind!='Project'].id" --output tsv); do
  echo "Provisioning the managed network of ${id##*/} (its private endpoints to the workload's services)…"
  az rest --method post --url "${id}/provisionManagedNetwork?api-version=2026-05-01" --body '{"includeSpark": false}' --output none
done
echo "Deployed $environment as $name."
