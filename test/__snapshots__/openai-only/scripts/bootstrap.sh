#!/usr/bin/env bash
# Creates what GitHub Actions needs to deploy this landing zone with OpenID Connect, no secrets (OPS-01):
#   - the resource providers this landing zone's resources need, registered in the subscription;
#   - a resource group for the pipeline's identities;
#   - a read-only identity for pull requests (what-if), trusted only by pull_request jobs of the repository;
#     it may read and run what-if, nothing else (a custom role: Reader lacks the what-if action);
#   - a deploying identity, trusted only by jobs that run in this repository's GitHub environments;
#   - the least roles each needs on the subscription;
#   - the repository's GitHub environments, each deploying from main only, production waiting for a reviewer;
# then prints the repository variables to set. Safe to run again: what exists is kept.
# Needs the Azure CLI, signed in as someone who may assign roles on the subscription (Owner, or User
# Access Administrator with Contributor), and the GitHub CLI, signed in as an administrator of the repository.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/landing-zone.sh
source scripts/landing-zone.sh

usage() {
  cat <<'USAGE'
Usage: scripts/bootstrap.sh [--repository OWNER/NAME] [--subscription ID] [--resource-group NAME] [--deployment-stacks]
                           [--reviewers LOGIN,ORG/TEAM,...] [--no-github-environments]

  --repository      the GitHub repository that deploys (default: the origin remote of this clone)
  --subscription    where the landing zone is deployed (default: the Azure CLI's current subscription)
  --resource-group  where the identities live (default: rg-<workload>-github)
  --deployment-stacks
                    also let the deploying identity set deny settings (Azure Deployment Stack Owner), for
                    DEPLOYMENT_STACK_DENY_SETTINGS
  --reviewers       who must approve each deployment to prod: up to 6 GitHub user logins
                    or ORG/TEAM team slugs, comma-separated (default: you, as the GitHub CLI is signed in)
  --no-github-environments
                    leave the GitHub environments to you (no GitHub CLI here): prints what to create instead
USAGE
}

repository=""
subscription=""
resource_group="rg-${WORKLOAD_NAME}-github"
deployment_stacks=false
reviewers=""
github_environments=true
while [[ $# -gt 0 ]]; do
  case "$1" in
    --repository) repository="${2:-}"; shift 2 ;;
    --subscription) subscription="${2:-}"; shift 2 ;;
    --resource-group) resource_group="${2:-}"; shift 2 ;;
    --deployment-stacks) deployment_stacks=true; shift ;;
    --reviewers) reviewers="${2:-}"; shift 2 ;;
    --no-github-environments) github_environments=false; shift ;;
    -h | --help) usage; exit 0 ;;
    *) echo "unknown argument $1" >&2; usage >&2; exit 2 ;;
  esac
done

if [[ -z "$repository" ]]; then
  remote=$(git remote get-url origin 2>/dev/null || true)
  repository=$(sed -E 's#^.*github\.com[:/]##; s#\.git$##' <<<"$remote")
fi
if ! [[ "$repository" =~ ^[A-Za-z0-9][A-Za-z0-9-]*/[A-Za-z0-9._-]+$ ]]; then
  echo "--repository must be OWNER/NAME of the GitHub repository (got '${repository}')" >&2
  exit 2
fi

# GitHub environments (https://docs.github.com/rest/deployments/environments#create-or-update-an-environment):
# the deploying identity trusts any job in them, so each accepts deployments from main only, and production
# waits for a reviewer's approval. Reviewers are given to the API by ID, looked up here before anything is created.
readonly PRODUCTION_ENVIRONMENTS=('prod')

is_production() {
  local candidate
  for candidate in "${PRODUCTION_ENVIRONMENTS[@]}"; do
    [[ "$candidate" == "$1" ]] && return 0
  done
  return 1
}

# Prints the reviewers as the API takes them, e.g. [{"type":"User","id":1},{"type":"Team","id":2}].
reviewers_json() {
  local reviewer id entries=() list
  IFS=, read -ra list <<<"$reviewers"
  if [[ ${#list[@]} -gt 6 ]]; then
    echo "--reviewers takes at most 6 users or teams (got ${#list[@]})" >&2
    exit 2
  fi
  for reviewer in "${list[@]}"; do
    if [[ "$reviewer" == */* ]]; then
      id=$(gh api "orgs/${reviewer%%/*}/teams/${reviewer#*/}" --jq .id 2>/dev/null) ||
        { echo "--reviewers: no team ${reviewer} that you can see (ORG/TEAM, the team's slug)" >&2; exit 2; }
      entries+=("{\"type\":\"Team\",\"id\":${id}}")
    else
      id=$(gh api "users/${reviewer}" --jq .id 2>/dev/null) || { echo "--reviewers: no GitHub user ${reviewer}" >&2; exit 2; }
      entries+=("{\"type\":\"User\",\"id\":${id}}")
    fi
  done
  local IFS=,
  printf '[%s]' "${entries[*]}"
}

# Creates or updates an environment: deployments from main only, and the reviewers on production.
ensure_environment() {
  local environment=$1 body='{"deployment_branch_policy":{"protected_branches":false,"custom_branch_policies":true}'
  # Whoever pushed may approve: with one reviewer, forbidding self-review would block every deployment.
  is_production "$environment" && body+=",\"reviewers\":${reviewer_ids},\"prevent_self_review\":false"
  gh api --method PUT "repos/${repository}/environments/${environment}" --input - --silent <<<"${body}}"
  # https://docs.github.com/rest/deployments/branch-policies#create-a-deployment-branch-policy
  if ! gh api "repos/${repository}/environments/${environment}/deployment-branch-policies" --jq '.branch_policies[].name' | grep -qx main; then
    gh api --method POST "repos/${repository}/environments/${environment}/deployment-branch-policies" \
      -f name=main -f type=branch --silent
  fi
}

if [[ "$github_environments" == true ]]; then
  if ! command -v gh >/dev/null || ! gh auth status >/dev/null 2>&1; then
    echo "The GitHub environments need the GitHub CLI, signed in as an administrator of ${repository} (gh auth login);" >&2
    echo "or run with --no-github-environments and create them yourself." >&2
    exit 2
  fi
  reviewers=${reviewers:-$(gh api user --jq .login)}
  if ! [[ "$reviewers" =~ ^[A-Za-z0-9-]+(/[A-Za-z0-9._-]+)?(,[A-Za-z0-9-]+(/[A-Za-z0-9._-]+)?)*$ ]]; then
    echo "--reviewers must be GitHub user logins or ORG/TEAM team slugs, comma-separated (got '${reviewers}')" >&2
    exit 2
  fi
  reviewer_ids=$(reviewers_json)
fi

subscription=${subscription:-$(az account show --query id --output tsv)}
tenant=$(az account show --subscription "$subscription" --query tenantId --output tsv)
scope="/subscriptions/${subscription}"

# Built-in role definition IDs (the same in every tenant).
readonly DEPLOYMENT_STACK_OWNER=adb29209-aa1d-457b-a786-c913953d2891
readonly CONTRIBUTOR=b24988ac-6180-42a0-ab88-20f7382dd24c
readonly RESOURCE_POLICY_CONTRIBUTOR=36243c78-bf99-498c-9df9-86d9f8d28608
readonly RBAC_ADMINISTRATOR=f58310d9-a9f6-439a-9e8d-f62e7b41a168
readonly OWNER=8e3af657-a8ff-443c-a75c-2fe8c4bcb635
readonly USER_ACCESS_ADMINISTRATOR=18d7d88d-d35e-4fb5-a5c3-7773c20a72d9
# The deployment grants the services and your groups their roles, so the deploying identity may assign
# roles, but never the privileged ones that would let it (or whoever controls the repository) take over
# the subscription: Owner, User Access Administrator and Role Based Access Control Administrator.
readonly PRIVILEGED="${OWNER}, ${USER_ACCESS_ADMINISTRATOR}, ${RBAC_ADMINISTRATOR}"
readonly NOT_PRIVILEGED="((!(ActionMatches{'Microsoft.Authorization/roleAssignments/write'})) OR (@Request[Microsoft.Authorization/roleAssignments:RoleDefinitionId] ForAnyOfAllValues:GuidNotEquals {${PRIVILEGED}})) AND ((!(ActionMatches{'Microsoft.Authorization/roleAssignments/delete'})) OR (@Resource[Microsoft.Authorization/roleAssignments:RoleDefinitionId] ForAnyOfAllValues:GuidNotEquals {${PRIVILEGED}}))"

# Prints the client ID of a user-assigned identity, creating it first if needed.
ensure_identity() {
  az identity create --subscription "$subscription" --resource-group "$resource_group" --name "$1" \
    --location "$LOCATION" --tags "workload=${WORKLOAD_NAME}" purpose=github-actions --query clientId --output tsv
}

# Trusts GitHub's tokens whose subject is exactly $3 (one repository, one kind of job).
ensure_federation() {
  az identity federated-credential create --subscription "$subscription" --resource-group "$resource_group" \
    --identity-name "$1" --name "$2" --issuer https://token.actions.githubusercontent.com \
    --subject "$3" --audiences api://AzureADTokenExchange --output none
}

# Assigns a role on the subscription unless the identity already holds it (a rerun keeps what exists). A role
# or identity created moments ago may not have reached every Azure region yet, so creation is retried.
assign_role() {
  local principal=$1 role=$2 existing attempt
  shift 2
  existing=$(az role assignment list --assignee "$principal" --role "$role" --scope "$scope" --query 'length(@)' --output tsv 2>/dev/null || echo 0)
  [[ "$existing" == 0 ]] || return 0
  for attempt in 1 2 3 4 5 6; do
    if az role assignment create --assignee-object-id "$principal" --assignee-principal-type ServicePrincipal \
      --role "$role" --scope "$scope" "$@" --output none; then
      return 0
    fi
    [[ "$attempt" -lt 6 ]] || return 1
    echo "Waiting for Azure to replicate the new identity or role (attempt ${attempt} of 6)..." >&2
    sleep 10
  done
}

principal_of() {
  az identity show --subscription "$subscription" --resource-group "$resource_group" --name "$1" --query principalId --output tsv
}

# Only the providers these choices need: registering one widens what the subscription can create. Registering is
# idempotent, and --wait returns once the provider is registered (at once when it already is).
readonly PROVIDERS=(Microsoft.ApiManagement Microsoft.CognitiveServices Microsoft.Insights Microsoft.KeyVault Microsoft.ManagedIdentity Microsoft.Network Microsoft.OperationalInsights Microsoft.PolicyInsights Microsoft.Security Microsoft.Storage)
echo "Registering the resource providers ${PROVIDERS[*]}…"
for provider in "${PROVIDERS[@]}"; do
  az provider register --subscription "$subscription" --namespace "$provider" --wait --output none
done

# The flow logs (SEC-11) go into the subscription's network watcher resource group (main.bicep's
# networkWatcherResourceGroupName). Azure creates NetworkWatcherRG with a subscription's first VNet unless the
# subscription opted out, in the region of that VNet; a group keeps its region, so an existing one is left as it is.
if [[ "$(az group exists --subscription "$subscription" --name NetworkWatcherRG)" != true ]]; then
  echo "Creating NetworkWatcherRG for the network watcher and the flow logs…"
  az group create --subscription "$subscription" --name NetworkWatcherRG --location "$LOCATION" --output none
fi

echo "Creating the pipeline's identities in ${resource_group} for ${repository}…"
az group create --subscription "$subscription" --name "$resource_group" --location "$LOCATION" \
  --tags "workload=${WORKLOAD_NAME}" purpose=github-actions --output none

# What-if checks a template against Azure without deploying it: read everything, plus the two actions
# that Reader lacks. ProviderNoRbac (scripts/what-if.sh) spares it the write rights a deployment needs.
# Role names are unique in the tenant, so the name carries the subscription; roles are assigned by their GUID.
what_if_role_name="${WORKLOAD_NAME} what-if (GitHub pull requests, ${subscription})"
what_if_role=$(az role definition list --name "$what_if_role_name" --scope "$scope" --query '[0].name' --output tsv)
if [[ -z "$what_if_role" ]]; then
  what_if_role=$(az role definition create --query name --output tsv --role-definition "{
    \"Name\": \"${what_if_role_name}\",
    \"Description\": \"Reads everything and runs what-if and template validation; deploys nothing.\",
    \"Actions\": [\"*/read\", \"Microsoft.Resources/deployments/whatIf/action\", \"Microsoft.Resources/deployments/validate/action\"],
    \"AssignableScopes\": [\"${scope}\"]
  }")
fi

plan_identity="id-${WORKLOAD_NAME}-github-plan"
plan_client_id=$(ensure_identity "$plan_identity")
ensure_federation "$plan_identity" github-pull-request "repo:${repository}:pull_request"
plan_principal=$(principal_of "$plan_identity")
assign_role "$plan_principal" "$what_if_role"

# What-if reads what the template touches outside this subscription's resource groups too, or it fails: Reader on each of
# these resource groups (those in this subscription are covered already). Yours to grant where you may; the platform
# team's otherwise, with the command printed at the end.
readonly OUTSIDE_SCOPES=('/subscriptions/11111111-2222-3333-4444-555555555555/resourceGroups/rg-connectivity' '/subscriptions/11111111-2222-3333-4444-555555555555/resourceGroups/rg-dns')
readonly READER=acdd72a7-3385-48ef-bd42-f606fba81ae7
ungranted=()
for outside in "${OUTSIDE_SCOPES[@]}"; do
  # Resource IDs compare without case; tr rather than ${x,,}, which macOS's bash 3 lacks.
  [[ "$(tr '[:upper:]' '[:lower:]' <<<"$outside")" == "$(tr '[:upper:]' '[:lower:]' <<<"$scope")/"* ]] && continue
  if ! az role assignment create --assignee-object-id "$plan_principal" --assignee-principal-type ServicePrincipal \
    --role "$READER" --scope "$outside" --output none 2>/dev/null; then
    ungranted+=("$outside")
  fi
done

deploy_identity="id-${WORKLOAD_NAME}-github-deploy"
deploy_client_id=$(ensure_identity "$deploy_identity")
for environment in "${ENVIRONMENTS[@]}"; do
  ensure_federation "$deploy_identity" "github-${environment}" "repo:${repository}:environment:${environment}"
done
deploy_principal=$(principal_of "$deploy_identity")
assign_role "$deploy_principal" "$CONTRIBUTOR"
# Policy assignments (NET-05) are not part of Contributor.
assign_role "$deploy_principal" "$RESOURCE_POLICY_CONTRIBUTOR"
assign_role "$deploy_principal" "$RBAC_ADMINISTRATOR" --condition "$NOT_PRIVILEGED" --condition-version 2.0
if [[ "$deployment_stacks" == true ]]; then
  # Deny settings are beyond Contributor: only a stack owner may set them.
  assign_role "$deploy_principal" "$DEPLOYMENT_STACK_OWNER"
fi

# The deployment also writes in resource groups outside this landing zone's:
#   - hub peering: /subscriptions/11111111-2222-3333-4444-555555555555/resourceGroups/rg-connectivity
#   - private DNS records: /subscriptions/11111111-2222-3333-4444-555555555555/resourceGroups/rg-dns
# In this subscription the roles above cover that; in another, the deploying identity gets a role of exactly those
# actions, assignable in those resource groups alone. Yours to grant where you may; the owners' otherwise, with the
# commands printed at the end.
not_granted=()
# $1 the role's name, $2 its definition (JSON), $3 the assignment's condition (or ""), $4 what fails without it, then
# where to assign it. Does nothing when every scope is in this subscription.
grant_outside() {
  local name=$1 definition=$2 condition=$3 without_it=$4 target role="" failed=false outside=() conditioned=()
  shift 4
  for target in "$@"; do
    # Resource IDs compare without case; tr rather than ${x,,}, which macOS's bash 3 lacks.
    [[ "$(tr '[:upper:]' '[:lower:]' <<<"$target")" == "$(tr '[:upper:]' '[:lower:]' <<<"$scope")/"* ]] || outside+=("$target")
  done
  [[ ${#outside[@]} -gt 0 ]] || return 0
  [[ -z "$condition" ]] || conditioned=(--condition "$condition" --condition-version 2.0)
  role=$(az role definition list --name "$name" --scope "${outside[0]%%/providers/*}" --query '[0].name' --output tsv 2>/dev/null || true)
  if [[ -z "$role" ]]; then
    role=$(az role definition create --query name --output tsv --role-definition "$definition" 2>/dev/null || true)
  fi
  for target in "${outside[@]}"; do
    if [[ -z "$role" ]] || ! az role assignment create --assignee-object-id "$deploy_principal" --assignee-principal-type ServicePrincipal \
      --role "$role" --scope "$target" ${conditioned[@]+"${conditioned[@]}"} --output none 2>/dev/null; then
      failed=true
    fi
  done
  [[ "$failed" == true ]] || return 0
  not_granted+=("" "You may not create or assign the role '${name}' there: until someone who may runs these, ${without_it}."
    "  az role definition create --role-definition '${definition//$'\n'/}'")
  for target in "${outside[@]}"; do
    not_granted+=("  az role assignment create --assignee-object-id ${deploy_principal} --assignee-principal-type ServicePrincipal --role '${name}' --scope ${target}${condition:+ --condition \"${condition}\" --condition-version 2.0}")
  done
}

grant_outside "${WORKLOAD_NAME} hub peering (GitHub deployments, ${subscription})" "{
    \"Name\": \"${WORKLOAD_NAME} hub peering (GitHub deployments, ${subscription})\",
    \"Description\": \"Peers the hub VNet with the spoke of this landing zone and links the API Management zone of the spoke to it; nothing else.\",
    \"Actions\": [\"Microsoft.Resources/deployments/*\", \"Microsoft.Resources/subscriptions/resourceGroups/read\", \"Microsoft.Network/virtualNetworks/read\", \"Microsoft.Network/virtualNetworks/virtualNetworkPeerings/read\", \"Microsoft.Network/virtualNetworks/virtualNetworkPeerings/write\", \"Microsoft.Network/virtualNetworks/peer/action\", \"Microsoft.Network/virtualNetworks/join/action\"],
    \"AssignableScopes\": [\"/subscriptions/11111111-2222-3333-4444-555555555555/resourceGroups/rg-connectivity\"]
  }" "" 'the deployment cannot peer the spoke with the hub' \
  '/subscriptions/11111111-2222-3333-4444-555555555555/resourceGroups/rg-connectivity'

grant_outside "${WORKLOAD_NAME} private DNS records (GitHub deployments, ${subscription})" "{
    \"Name\": \"${WORKLOAD_NAME} private DNS records (GitHub deployments, ${subscription})\",
    \"Description\": \"Lets the private endpoints of this landing zone register their records in the central private DNS zones; nothing else.\",
    \"Actions\": [\"Microsoft.Network/privateDnsZones/join/action\"],
    \"AssignableScopes\": [\"/subscriptions/11111111-2222-3333-4444-555555555555/resourceGroups/rg-dns\"]
  }" "" 'the private endpoints cannot register their names in the central zones' \
  '/subscriptions/11111111-2222-3333-4444-555555555555/resourceGroups/rg-dns/providers/Microsoft.Network/privateDnsZones/privatelink.openai.azure.com' '/subscriptions/11111111-2222-3333-4444-555555555555/resourceGroups/rg-dns/providers/Microsoft.Network/privateDnsZones/privatelink.vaultcore.azure.net' '/subscriptions/11111111-2222-3333-4444-555555555555/resourceGroups/rg-dns/providers/Microsoft.Network/privateDnsZones/privatelink.blob.core.windows.net' '/subscriptions/11111111-2222-3333-4444-555555555555/resourceGroups/rg-dns/providers/Microsoft.Network/privateDnsZones/privatelink.file.core.windows.net'

if [[ "$github_environments" == true ]]; then
  echo "Creating the GitHub environments ${ENVIRONMENTS[*]} of ${repository}…"
  for environment in "${ENVIRONMENTS[@]}"; do
    ensure_environment "$environment"
  done
fi

cat <<NEXT

Done. Set these repository variables (Settings > Secrets and variables > Actions > Variables), or run:

  gh variable set AZURE_TENANT_ID --repo ${repository} --body ${tenant}
  gh variable set AZURE_SUBSCRIPTION_ID --repo ${repository} --body ${subscription}
  gh variable set AZURE_PLAN_CLIENT_ID --repo ${repository} --body ${plan_client_id}
  gh variable set AZURE_DEPLOY_CLIENT_ID --repo ${repository} --body ${deploy_client_id}

NEXT
if [[ "$github_environments" == true ]]; then
  echo "The GitHub environments ${ENVIRONMENTS[*]} deploy from main only. ${PRODUCTION_ENVIRONMENTS[*]} waits for approval by ${reviewers}."
else
  echo "Create the GitHub environments ${ENVIRONMENTS[*]} (Settings > Environments), each with the deployment branch main only."
  echo "Give ${PRODUCTION_ENVIRONMENTS[*]} required reviewers as well."
fi
if [[ ${#ungranted[@]} -gt 0 ]]; then
  echo
  echo "You may not grant roles there: until someone who may runs these, what-if fails on every pull request."
  for outside in "${ungranted[@]}"; do
    echo "  az role assignment create --assignee-object-id ${plan_principal} --assignee-principal-type ServicePrincipal --role Reader --scope ${outside}"
  done
fi
[[ ${#not_granted[@]} -eq 0 ]] || printf '%s\n' "${not_granted[@]}"
