<#
.SYNOPSIS
Creates what GitHub Actions needs to deploy this landing zone with OpenID Connect, no secrets (OPS-01).

.DESCRIPTION
The resource providers this landing zone's resources need, registered in the subscription; a resource
group for the pipeline's identities; a read-only identity for pull requests (what-if), trusted
only by pull_request jobs of the repository, which may read and run what-if, nothing else (a custom role:
Reader lacks the what-if action); a deploying identity, trusted only by jobs that run in this
repository's GitHub environments; the least roles each needs on the subscription; the repository's GitHub
environments, each deploying from main only, production waiting for a reviewer. Prints the repository variables to
set. Safe to run again: what exists is kept. Needs the Azure CLI, signed in as someone who may assign roles
on the subscription (Owner, or User Access Administrator with Contributor), and the GitHub CLI, signed in
as an administrator of the repository.

.EXAMPLE
./scripts/bootstrap.ps1 -Repository contoso/ai-landing-zone
#>
[CmdletBinding()]
param(
    # The GitHub repository that deploys (OWNER/NAME); default: the origin remote of this clone.
    [string] $Repository = '',
    # Where the landing zone is deployed; default: the Azure CLI's current subscription.
    [string] $Subscription = '',
    # Where the identities live; default: rg-<workload>-github.
    [string] $ResourceGroup = '',
    # Also let the deploying identity set deny settings (Azure Deployment Stack Owner), for DEPLOYMENT_STACK_DENY_SETTINGS.
    [switch] $DeploymentStacks,
    # Who must approve each deployment to prod: up to 6 GitHub user logins or ORG/TEAM team slugs;
    # default: you, as the GitHub CLI is signed in.
    [string[]] $Reviewers = @(),
    # Leave the GitHub environments to you (no GitHub CLI here): prints what to create instead.
    [switch] $NoGitHubEnvironments
)

Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'

$workloadName = 'fabrikam'
$location = 'westeurope'
$environments = @('dev', 'prod')
if (-not $ResourceGroup) { $ResourceGroup = "rg-$workloadName-github" }

# Runs the Azure CLI and stops at its first failure (native commands do not throw by themselves).
function Invoke-Az {
    $output = & az @args
    if ($LASTEXITCODE -ne 0) { throw "az $($args -join ' ') failed" }
    return $output
}

if (-not $Repository) {
    $remote = git remote get-url origin 2>$null
    $Repository = $remote -replace '^.*github\.com[:/]', '' -replace '\.git$', ''
}
if ($Repository -notmatch '^[A-Za-z0-9][A-Za-z0-9-]*/[A-Za-z0-9._-]+$') {
    throw "-Repository must be OWNER/NAME of the GitHub repository (got '$Repository')"
}
# Runs the GitHub CLI and stops at its first failure.
function Invoke-Gh {
    $output = & gh @args
    if ($LASTEXITCODE -ne 0) { throw "gh $($args -join ' ') failed" }
    return $output
}

# GitHub environments (https://docs.github.com/rest/deployments/environments#create-or-update-an-environment):
# the deploying identity trusts any job in them, so each accepts deployments from main only, and production
# waits for a reviewer's approval. Reviewers are given to the API by ID, looked up here before anything is created.
$productionEnvironments = @('prod')
if (-not $NoGitHubEnvironments) {
    $needsGh = "The GitHub environments need the GitHub CLI, signed in as an administrator of $Repository (gh auth login); or run with -NoGitHubEnvironments and create them yourself."
    if (-not (Get-Command gh -ErrorAction SilentlyContinue)) { throw $needsGh }
    gh auth status *> $null
    if ($LASTEXITCODE -ne 0) { throw $needsGh }
    if (-not $Reviewers) { $Reviewers = @(Invoke-Gh api user --jq .login) }
    if ($Reviewers.Count -gt 6) { throw "-Reviewers takes at most 6 users or teams (got $($Reviewers.Count))" }
    $reviewerIds = @(foreach ($reviewer in $Reviewers) {
            if ($reviewer -notmatch '^[A-Za-z0-9-]+(/[A-Za-z0-9._-]+)?$') {
                throw "-Reviewers must be GitHub user logins or ORG/TEAM team slugs (got '$reviewer')"
            }
            if ($reviewer -match '/') {
                $organization, $team = $reviewer -split '/', 2
                $id = gh api "orgs/$organization/teams/$team" --jq .id 2>$null
                if ($LASTEXITCODE -ne 0) { throw "-Reviewers: no team $reviewer that you can see (ORG/TEAM, the team's slug)" }
                @{ type = 'Team'; id = [long] $id }
            }
            else {
                $id = gh api "users/$reviewer" --jq .id 2>$null
                if ($LASTEXITCODE -ne 0) { throw "-Reviewers: no GitHub user $reviewer" }
                @{ type = 'User'; id = [long] $id }
            }
        })
}

# Creates or updates an environment: deployments from main only, and the reviewers on production.
function Set-GitHubEnvironment([string] $Environment) {
    $body = @{ deployment_branch_policy = @{ protected_branches = $false; custom_branch_policies = $true } }
    if ($productionEnvironments -contains $Environment) {
        $body.reviewers = $reviewerIds
        # Whoever pushed may approve: with one reviewer, forbidding self-review would block every deployment.
        $body.prevent_self_review = $false
    }
    $bodyFile = New-TemporaryFile
    Set-Content -LiteralPath $bodyFile -Value ($body | ConvertTo-Json -Depth 5 -Compress)
    Invoke-Gh api --method PUT "repos/$Repository/environments/$Environment" --input $bodyFile --silent | Out-Null
    Remove-Item -LiteralPath $bodyFile
    # https://docs.github.com/rest/deployments/branch-policies#create-a-deployment-branch-policy
    $policies = Invoke-Gh api "repos/$Repository/environments/$Environment/deployment-branch-policies" --jq '.branch_policies[].name'
    if (@($policies) -notcontains 'main') {
        Invoke-Gh api --method POST "repos/$Repository/environments/$Environment/deployment-branch-policies" -f name=main -f type=branch --silent | Out-Null
    }
}

if (-not $Subscription) { $Subscription = Invoke-Az account show --query id --output tsv }
$tenant = Invoke-Az account show --subscription $Subscription --query tenantId --output tsv
$scope = "/subscriptions/$Subscription"

# Built-in role definition IDs (the same in every tenant).
$deploymentStackOwner = 'adb29209-aa1d-457b-a786-c913953d2891'
$contributor = 'b24988ac-6180-42a0-ab88-20f7382dd24c'
$resourcePolicyContributor = '36243c78-bf99-498c-9df9-86d9f8d28608'
$rbacAdministrator = 'f58310d9-a9f6-439a-9e8d-f62e7b41a168'
$owner = '8e3af657-a8ff-443c-a75c-2fe8c4bcb635'
$userAccessAdministrator = '18d7d88d-d35e-4fb5-a5c3-7773c20a72d9'
# The deployment grants the services and your groups their roles, so the deploying identity may assign
# roles, but never the privileged ones that would let it (or whoever controls the repository) take over
# the subscription: Owner, User Access Administrator and Role Based Access Control Administrator.
$privileged = "$owner, $userAccessAdministrator, $rbacAdministrator"
$notPrivileged = "((!(ActionMatches{'Microsoft.Authorization/roleAssignments/write'})) OR (@Request[Microsoft.Authorization/roleAssignments:RoleDefinitionId] ForAnyOfAllValues:GuidNotEquals {$privileged})) AND ((!(ActionMatches{'Microsoft.Authorization/roleAssignments/delete'})) OR (@Resource[Microsoft.Authorization/roleAssignments:RoleDefinitionId] ForAnyOfAllValues:GuidNotEquals {$privileged}))"
$tags = @("workload=$workloadName", 'purpose=github-actions')

function Set-Identity([string] $Name) {
    Invoke-Az identity create --subscription $Subscription --resource-group $ResourceGroup --name $Name `
        --location $location --tags @tags --query '{clientId: clientId, principalId: principalId}' --output json | ConvertFrom-Json
}

# Trusts GitHub's tokens whose subject is exactly $Subject (one repository, one kind of job).
function Set-Federation([string] $Identity, [string] $Name, [string] $Subject) {
    Invoke-Az identity federated-credential create --subscription $Subscription --resource-group $ResourceGroup `
        --identity-name $Identity --name $Name --issuer https://token.actions.githubusercontent.com `
        --subject $Subject --audiences api://AzureADTokenExchange --output none | Out-Null
}

# Assigns a role on the subscription unless the identity already holds it (a rerun keeps what exists). A role
# or identity created moments ago may not have reached every Azure region yet, so creation is retried.
function Set-RoleAssignment([string] $Principal, [string] $Role, [string[]] $Extra = @()) {
    $existing = az role assignment list --assignee $Principal --role $Role --scope $scope --query 'length(@)' --output tsv
    if ($LASTEXITCODE -eq 0 -and $existing -ne '0') { return }
    foreach ($attempt in 1..6) {
        az role assignment create --assignee-object-id $Principal --assignee-principal-type ServicePrincipal `
            --role $Role --scope $scope @Extra --output none
        if ($LASTEXITCODE -eq 0) { return }
        if ($attempt -eq 6) { throw "could not assign role $Role to $Principal" }
        Write-Warning "Waiting for Azure to replicate the new identity or role (attempt $attempt of 6)..."
        Start-Sleep -Seconds 10
    }
}

# Only the providers these choices need: registering one widens what the subscription can create. Registering is
# idempotent, and --wait returns once the provider is registered (at once when it already is).
$providers = @('Microsoft.ApiManagement', 'Microsoft.Cdn', 'Microsoft.CognitiveServices', 'Microsoft.Compute', 'Microsoft.DevTestLab', 'Microsoft.Insights', 'Microsoft.KeyVault', 'Microsoft.ManagedIdentity', 'Microsoft.Network', 'Microsoft.OperationalInsights', 'Microsoft.PolicyInsights', 'Microsoft.Security', 'Microsoft.Storage')
Write-Output "Registering the resource providers $($providers -join ' ')..."
foreach ($provider in $providers) {
    Invoke-Az provider register --subscription $Subscription --namespace $provider --wait --output none | Out-Null
}

# The flow logs (SEC-11) go into the subscription's network watcher resource group (main.bicep's
# networkWatcherResourceGroupName). Azure creates NetworkWatcherRG with a subscription's first VNet unless the
# subscription opted out, in the region of that VNet; a group keeps its region, so an existing one is left as it is.
if ((Invoke-Az group exists --subscription $Subscription --name NetworkWatcherRG) -ne 'true') {
    Write-Output 'Creating NetworkWatcherRG for the network watcher and the flow logs...'
    Invoke-Az group create --subscription $Subscription --name NetworkWatcherRG --location $location --output none | Out-Null
}

Write-Output "Creating the pipeline's identities in $ResourceGroup for $Repository..."
Invoke-Az group create --subscription $Subscription --name $ResourceGroup --location $location --tags @tags --output none | Out-Null

# What-if checks a template against Azure without deploying it: read everything, plus the two actions
# that Reader lacks. ProviderNoRbac (scripts/what-if.sh) spares it the write rights a deployment needs.
# Role names are unique in the tenant, so the name carries the subscription; roles are assigned by their GUID.
$whatIfRoleName = "$workloadName what-if (GitHub pull requests, $Subscription)"
$whatIfRole = Invoke-Az role definition list --name $whatIfRoleName --scope $scope --query '[0].name' --output tsv
if (-not $whatIfRole) {
    $definition = @{
        Name             = $whatIfRoleName
        Description      = 'Reads everything and runs what-if and template validation; deploys nothing.'
        Actions          = @('*/read', 'Microsoft.Resources/deployments/whatIf/action', 'Microsoft.Resources/deployments/validate/action')
        AssignableScopes = @($scope)
    } | ConvertTo-Json -Compress
    $definitionFile = New-TemporaryFile
    Set-Content -LiteralPath $definitionFile -Value $definition
    $whatIfRole = Invoke-Az role definition create --query name --output tsv --role-definition "@$definitionFile"
    Remove-Item -LiteralPath $definitionFile
}

$planName = "id-$workloadName-github-plan"
$plan = Set-Identity $planName
Set-Federation $planName 'github-pull-request' "repo:${Repository}:pull_request"
Set-RoleAssignment $plan.principalId $whatIfRole

# What-if reads what the template touches outside this subscription's resource groups too, or it fails: Reader on each of
# these resource groups (those in this subscription are covered already). Yours to grant where you may; the platform
# team's otherwise, with the command printed at the end.
$outsideScopes = @('/subscriptions/11111111-2222-3333-4444-555555555555/resourceGroups/rg-certs')
$reader = 'acdd72a7-3385-48ef-bd42-f606fba81ae7'
$ungranted = @(foreach ($outside in $outsideScopes) {
        if ($outside.ToLowerInvariant().StartsWith("$scope/".ToLowerInvariant())) { continue }
        az role assignment create --assignee-object-id $plan.principalId --assignee-principal-type ServicePrincipal `
            --role $reader --scope $outside --output none 2>$null
        if ($LASTEXITCODE -ne 0) { $outside }
    })

$deployName = "id-$workloadName-github-deploy"
$deploy = Set-Identity $deployName
foreach ($environment in $environments) {
    Set-Federation $deployName "github-$environment" "repo:${Repository}:environment:$environment"
}
Set-RoleAssignment $deploy.principalId $contributor
# Policy assignments (NET-05) are not part of Contributor.
Set-RoleAssignment $deploy.principalId $resourcePolicyContributor
Set-RoleAssignment $deploy.principalId $rbacAdministrator @('--condition', $notPrivileged, '--condition-version', '2.0')
if ($DeploymentStacks) {
    # Deny settings are beyond Contributor: only a stack owner may set them.
    Set-RoleAssignment $deploy.principalId $deploymentStackOwner
}

# The deployment also writes in resource groups outside this landing zone's:
#   - certificate access: /subscriptions/11111111-2222-3333-4444-555555555555/resourceGroups/rg-certs
# In this subscription the roles above cover that; in another, the deploying identity gets a role of exactly those
# actions, assignable in those resource groups alone. Yours to grant where you may; the owners' otherwise, with the
# commands printed at the end.
$notGranted = [System.Collections.Generic.List[string]]::new()
# Does nothing when every scope is in this subscription.
function Grant-OutsideRole([string] $Name, [string] $Description, [string[]] $Actions, [string[]] $AssignableScopes, [string] $Condition, [string] $WithoutIt, [string[]] $Scopes) {
    $outside = @($Scopes | Where-Object { -not $_.ToLowerInvariant().StartsWith("$scope/".ToLowerInvariant()) })
    if ($outside.Count -eq 0) { return }
    $definition = @{ Name = $Name; Description = $Description; Actions = $Actions; AssignableScopes = $AssignableScopes } | ConvertTo-Json -Compress
    $conditioned = if ($Condition) { @('--condition', $Condition, '--condition-version', '2.0') } else { @() }
    $role = az role definition list --name $Name --scope ($outside[0] -replace '/providers/.*$', '') --query '[0].name' --output tsv 2>$null
    if (-not $role) {
        $definitionFile = New-TemporaryFile
        Set-Content -LiteralPath $definitionFile -Value $definition
        $role = az role definition create --query name --output tsv --role-definition "@$definitionFile" 2>$null
        Remove-Item -LiteralPath $definitionFile
    }
    $failed = -not $role
    foreach ($target in $outside) {
        if (-not $role) { break }
        az role assignment create --assignee-object-id $deploy.principalId --assignee-principal-type ServicePrincipal `
            --role $role --scope $target @conditioned --output none 2>$null
        if ($LASTEXITCODE -ne 0) { $failed = $true }
    }
    if (-not $failed) { return }
    $notGranted.Add("`nYou may not create or assign the role '$Name' there: until someone who may runs these, $WithoutIt.")
    $notGranted.Add("  az role definition create --role-definition '$definition'")
    $conditionText = if ($Condition) { " --condition `"$Condition`" --condition-version 2.0" } else { '' }
    foreach ($target in $outside) {
        $notGranted.Add("  az role assignment create --assignee-object-id $($deploy.principalId) --assignee-principal-type ServicePrincipal --role '$Name' --scope $target$conditionText")
    }
}

Grant-OutsideRole -Name "$workloadName certificate access (GitHub deployments, $Subscription)" -Description 'Adds the access policy of the Application Gateway to the Key Vault of its certificate; nothing else.' `
    -Actions @('Microsoft.Resources/deployments/*', 'Microsoft.Resources/subscriptions/resourceGroups/read', 'Microsoft.KeyVault/vaults/read', 'Microsoft.KeyVault/vaults/accessPolicies/write') `
    -AssignableScopes @('/subscriptions/11111111-2222-3333-4444-555555555555/resourceGroups/rg-certs') `
    -Condition '' -WithoutIt 'the deployment cannot give the Application Gateway its certificate' `
    -Scopes @('/subscriptions/11111111-2222-3333-4444-555555555555/resourceGroups/rg-certs')

if (-not $NoGitHubEnvironments) {
    Write-Output "Creating the GitHub environments $($environments -join ', ') of $Repository..."
    foreach ($environment in $environments) { Set-GitHubEnvironment $environment }
}

Write-Output @"

Done. Set these repository variables (Settings > Secrets and variables > Actions > Variables), or run:

  gh variable set AZURE_TENANT_ID --repo $Repository --body $tenant
  gh variable set AZURE_SUBSCRIPTION_ID --repo $Repository --body $Subscription
  gh variable set AZURE_PLAN_CLIENT_ID --repo $Repository --body $($plan.clientId)
  gh variable set AZURE_DEPLOY_CLIENT_ID --repo $Repository --body $($deploy.clientId)

"@
if (-not $NoGitHubEnvironments) {
    Write-Output "The GitHub environments $($environments -join ', ') deploy from main only. $($productionEnvironments -join ', ') waits for approval by $($Reviewers -join ', ')."
}
else {
    Write-Output "Create the GitHub environments $($environments -join ', ') (Settings > Environments), each with the deployment branch main only."
    Write-Output "Give $($productionEnvironments -join ', ') required reviewers as well."
}
Write-Output "`nThe jumpbox's local administrator password is read from each environment's secret JUMPBOX_ADMIN_PASSWORD:`n"
foreach ($environment in $environments) {
    Write-Output "  gh secret set JUMPBOX_ADMIN_PASSWORD --repo $Repository --env $environment"
}
if ($ungranted) {
    Write-Output "`nYou may not grant roles there: until someone who may runs these, what-if fails on every pull request."
    foreach ($outside in $ungranted) {
        Write-Output "  az role assignment create --assignee-object-id $($plan.principalId) --assignee-principal-type ServicePrincipal --role Reader --scope $outside"
    }
}
$notGranted | ForEach-Object { Write-Output $_ }
