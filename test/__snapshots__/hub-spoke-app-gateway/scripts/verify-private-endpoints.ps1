<#
.SYNOPSIS
Proves the private connectivity of one environment (NET-13).

.DESCRIPTION
Every name the environment's private endpoints serve (the deployment output privateEndpointFqdns) must
resolve to a private address and accept TCP on 443. Run it on the jumpbox or a VPN client; from the
internet every row fails, as it should. Exits 0 when every name passes, 1 when one fails.

.EXAMPLE
./scripts/verify-private-endpoints.ps1 -Environment dev

.EXAMPLE
./scripts/verify-private-endpoints.ps1 -FqdnsFile names.txt   # where the Azure CLI is not at hand
#>
[CmdletBinding(DefaultParameterSetName = 'Deployment')]
param(
    [Parameter(Mandatory, ParameterSetName = 'Deployment', Position = 0)]
    [ValidateSet('dev', 'prod')]
    [string] $Environment,

    [Parameter(Mandatory, ParameterSetName = 'File')]
    [string] $FqdnsFile,

    [ValidateRange(1, 60)]
    [int] $TimeoutSeconds = 5
)

Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'

function Get-PrivateEndpointFqdn {
    if ($PSCmdlet.ParameterSetName -eq 'File') {
        return Get-Content -LiteralPath $FqdnsFile | Where-Object { $_.Trim() }
    }
    $name = 'contoso' + '-' + $Environment
    $query = 'properties.outputs.privateEndpointFqdns.value'
    # Windows PowerShell 5.1 turns a native command's redirected error output into a terminating error
    # under 'Stop'; a missing deployment is expected here (it may be a deployment stack).
    $ErrorActionPreference = 'Continue'
    $json = az deployment sub show --name $name --query $query --output json 2>$null
    $ErrorActionPreference = 'Stop'
    if ($LASTEXITCODE -ne 0) {
        # Deployed as a deployment stack: the outputs live on the stack.
        $json = az stack sub show --name $name --query 'outputs.privateEndpointFqdns.value' --output json
        if ($LASTEXITCODE -ne 0) { throw "no deployment or deployment stack named $name (sign in with az login)" }
    }
    return $json | ConvertFrom-Json
}

# RFC 1918: where private endpoints take their addresses from.
function Test-PrivateAddress([System.Net.IPAddress] $Address) {
    $bytes = $Address.GetAddressBytes()
    return $bytes[0] -eq 10 -or ($bytes[0] -eq 172 -and $bytes[1] -ge 16 -and $bytes[1] -le 31) -or ($bytes[0] -eq 192 -and $bytes[1] -eq 168)
}

function Test-Https([System.Net.IPAddress] $Address) {
    $client = [System.Net.Sockets.TcpClient]::new()
    try {
        return $client.ConnectAsync($Address, 443).Wait([TimeSpan]::FromSeconds($TimeoutSeconds))
    } catch {
        return $false
    } finally {
        $client.Dispose()
    }
}

$results = foreach ($fqdn in @(Get-PrivateEndpointFqdn)) {
    # A wildcard (e.g. a workspace's inference names) is a pattern, not a name to resolve.
    if ($fqdn.StartsWith('*')) {
        [pscustomobject]@{ Name = $fqdn; Address = '-'; Private = '-'; Tcp443 = '-'; Result = 'skipped' }
        continue
    }
    $address = $null
    try {
        $address = [System.Net.Dns]::GetHostAddresses($fqdn) |
            Where-Object { $_.AddressFamily -eq [System.Net.Sockets.AddressFamily]::InterNetwork } |
            Select-Object -First 1
    } catch {
        Write-Verbose "$fqdn does not resolve: $($_.Exception.Message)"
    }
    $private = $null -ne $address -and (Test-PrivateAddress $address)
    $open = $private -and (Test-Https $address)
    [pscustomobject]@{
        Name    = $fqdn
        Address = if ($address) { $address.ToString() } else { 'unresolved' }
        Private = if ($private) { 'yes' } else { 'no' }
        Tcp443  = if (-not $private) { '-' } elseif ($open) { 'open' } else { 'closed' }
        Result  = if ($open) { 'pass' } else { 'FAIL' }
    }
}

if (-not $results) {
    Write-Error 'no names to check: the deployment has no privateEndpointFqdns output, or it is empty'
    exit 1
}
$results | Format-Table -AutoSize | Out-String -Width 200 | Write-Output
$failed = @($results | Where-Object Result -EQ 'FAIL')
if ($failed.Count -gt 0) {
    Write-Warning "$($failed.Count) name(s) failed: check the private DNS zones and their VNet links, the DNS server or resolver in use, and the NSG of the private endpoint subnet."
    exit 1
}
Write-Output 'Every private endpoint resolves to a private address and answers on 443.'
