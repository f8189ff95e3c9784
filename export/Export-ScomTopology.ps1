<#
.SYNOPSIS
    Exports an Operations Manager management group's pool topology to JSON for `pooltopo import scom`.

.DESCRIPTION
    READ-ONLY: this script changes nothing. It only calls Get-* cmdlets of the OperationsManager
    module and opens registry keys for reading, then writes one file, -OutputPath.

    What it reads:
      - Get-SCOMManagementGroup: the group's Name and Version (its build).
      - Get-SCOMManagementServer: each server's DisplayName and IsGateway; for a gateway,
        GetPrimaryManagementServer() and GetFailoverManagementServers().
      - Get-SCOMAgent: the Windows agents, counted by PrimaryManagementServerName.
      - Get-SCOMResourcePool: DisplayName, IsDynamic, UseDefaultObserver, Members, Observers;
        Get-SCXAgent -ResourcePool for its UNIX/Linux agents; its network devices through the
        Microsoft.SystemCenter.ManagementActionPointManagesEntity relationship.
      - The registry of each server (HKLM\SYSTEM\CurrentControlSet\Services\HealthService\
        Parameters\PoolManager), through the Remote Registry service; a server whose registry cannot
        be read is exported with "PoolManager": null and a warning.
      - The registry of -ManagementServer (HKLM\SOFTWARE\Microsoft\Microsoft Operations Manager\
        3.0\Setup): where the operational and data warehouse databases are.

    Runs in Windows PowerShell 5.1 and PowerShell 7, on a management server or a machine with the
    Operations Manager console, as a user with the Operations Manager Operator role or higher.

.PARAMETER ManagementServer
    The management server to connect to (default: this computer).

.PARAMETER OutputPath
    The JSON file to write (UTF-8).

.EXAMPLE
    .\Export-ScomTopology.ps1 -ManagementServer ms01.contoso.com -OutputPath .\contoso.json
    npx pooltopo import scom contoso.json -o contoso.yaml
#>
[CmdletBinding()]
param(
    [string] $ManagementServer = $env:COMPUTERNAME,
    [Parameter(Mandatory = $true)]
    [string] $OutputPath
)

$ErrorActionPreference = 'Stop'

function Stop-Export([string] $Message) {
    [Console]::Error.WriteLine("Export-ScomTopology: $Message")
    exit 1
}

# The module is Windows PowerShell's; PowerShell 7 loads it in-process with -SkipEditionCheck, so
# that its objects keep their methods (a compatibility session would hand back copies without them).
try {
    if ($PSVersionTable.PSEdition -eq 'Core') {
        Import-Module OperationsManager -SkipEditionCheck
    } else {
        Import-Module OperationsManager
    }
} catch {
    Stop-Export "the OperationsManager module could not be loaded ($($_.Exception.Message)). Run this on a management server or a machine with the Operations Manager console installed."
}

try {
    New-SCOMManagementGroupConnection -ComputerName $ManagementServer
    $group = Get-SCOMManagementGroup
    $servers = @(Get-SCOMManagementServer)
    $agents = @(Get-SCOMAgent)
    $pools = @(Get-SCOMResourcePool)
} catch [System.UnauthorizedAccessException] {
    Stop-Export "access denied on $ManagementServer ($($_.Exception.Message)). Run it as a user with the Operations Manager Operator role or higher."
} catch {
    Stop-Export "could not read the management group from $ManagementServer ($($_.Exception.Message)). Check the name, that the System Center Data Access service runs there, and your Operations Manager role."
}

# Opens a key of a computer's HKEY_LOCAL_MACHINE for reading only; $null where it does not exist.
function Read-RegistryValues([string] $Computer, [string] $KeyPath, [string[]] $Names) {
    $base = [Microsoft.Win32.RegistryKey]::OpenRemoteBaseKey([Microsoft.Win32.RegistryHive]::LocalMachine, $Computer)
    try {
        $key = $base.OpenSubKey($KeyPath, $false)
        $values = [ordered]@{}
        foreach ($name in $Names) {
            if ($null -eq $key) { $values[$name] = $null } else { $values[$name] = $key.GetValue($name) }
        }
        if ($null -ne $key) { $key.Close() }
        return $values
    } finally {
        $base.Close()
    }
}

$setup = [ordered]@{ DatabaseServerName = $null; DatabaseName = $null; DataWarehouseDBServerName = $null; DataWarehouseDBName = $null }
try {
    $read = Read-RegistryValues $ManagementServer 'SOFTWARE\Microsoft\Microsoft Operations Manager\3.0\Setup' @('DatabaseServerName', 'DatabaseName', 'DataWarehouseDBServerName', 'DataWarehouseDBName')
    foreach ($name in @($read.Keys)) { $setup[$name] = $read[$name] }
} catch {
    Write-Warning "the database settings could not be read from the registry of $($ManagementServer): $($_.Exception.Message)"
}

$agentCounts = @{}
foreach ($agent in $agents) {
    $primary = [string] $agent.PrimaryManagementServerName
    if ($agentCounts.ContainsKey($primary)) { $agentCounts[$primary] += 1 } else { $agentCounts[$primary] = 1 }
}

$serverRecords = foreach ($server in $servers) {
    $name = [string] $server.DisplayName
    $poolManager = $null
    try {
        $values = Read-RegistryValues $name 'SYSTEM\CurrentControlSet\Services\HealthService\Parameters\PoolManager' @('PoolLeaseRequestPeriodSeconds', 'PoolNetworkLatencySeconds')
        $poolManager = [pscustomobject]@{
            PoolLeaseRequestPeriodSeconds = $values['PoolLeaseRequestPeriodSeconds']
            PoolNetworkLatencySeconds     = $values['PoolNetworkLatencySeconds']
        }
    } catch {
        Write-Warning "the PoolManager values of $name could not be read (is the Remote Registry service running there?): exported as null"
    }
    $primaryServer = $null
    $failoverServers = @()
    if ($server.IsGateway) {
        $parent = $server.GetPrimaryManagementServer()
        if ($null -ne $parent) { $primaryServer = [string] $parent.DisplayName }
        $failoverServers = @($server.GetFailoverManagementServers() | ForEach-Object { [string] $_.DisplayName })
    }
    $count = 0
    if ($agentCounts.ContainsKey($name)) { $count = $agentCounts[$name] }
    [pscustomobject]@{
        DisplayName               = $name
        IsGateway                 = [bool] $server.IsGateway
        AgentCount                = $count
        PrimaryManagementServer   = $primaryServer
        FailoverManagementServers = $failoverServers
        PoolManager               = $poolManager
    }
}

# Network devices per pool: each device is the target of one ManagementActionPointManagesEntity
# relationship whose source is the pool that manages it.
$deviceCounts = $null
try {
    $relationship = Get-SCOMRelationship -Name 'Microsoft.SystemCenter.ManagementActionPointManagesEntity'
    $devices = @(Get-SCOMClass -Name 'System.NetworkManagement.Node' | Get-SCOMClassInstance)
    $deviceCounts = @{}
    if ($devices.Count -gt 0) {
        foreach ($link in @(Get-SCOMRelationshipInstance -TargetInstance $devices)) {
            if ($link.RelationshipId -ne $relationship.Id) { continue }
            $source = [string] $link.SourceObject.DisplayName
            if ($deviceCounts.ContainsKey($source)) { $deviceCounts[$source] += 1 } else { $deviceCounts[$source] = 1 }
        }
    }
} catch {
    Write-Warning "network devices could not be counted: $($_.Exception.Message)"
}

$poolRecords = foreach ($pool in $pools) {
    $poolName = [string] $pool.DisplayName
    $unixLinux = $null
    try {
        $unixLinux = @(Get-SCXAgent -ResourcePool $pool).Count
    } catch {
        Write-Warning "the UNIX/Linux agents of pool $poolName could not be counted: $($_.Exception.Message)"
    }
    $networkDevices = $null
    if ($null -ne $deviceCounts) {
        $networkDevices = 0
        if ($deviceCounts.ContainsKey($poolName)) { $networkDevices = $deviceCounts[$poolName] }
    }
    [pscustomobject]@{
        DisplayName         = $poolName
        IsDynamic           = [bool] $pool.IsDynamic
        UseDefaultObserver  = [bool] $pool.UseDefaultObserver
        Members             = @($pool.Members | ForEach-Object { [string] $_.DisplayName })
        Observers           = @($pool.Observers | ForEach-Object { [string] $_.DisplayName })
        UnixLinuxAgentCount = $unixLinux
        NetworkDeviceCount  = $networkDevices
    }
}

$export = [pscustomobject]@{
    source           = 'Export-ScomTopology.ps1'
    formatVersion    = 1
    managementGroup  = [pscustomobject]@{ Name = [string] $group.Name; Version = [string] $group.Version }
    databaseSetup    = [pscustomobject]$setup
    managementServers = @($serverRecords)
    resourcePools    = @($poolRecords)
}

$json = ConvertTo-Json -InputObject $export -Depth 6
$path = $ExecutionContext.SessionState.Path.GetUnresolvedProviderPathFromPSPath($OutputPath)
# UTF-8 without a byte-order mark in both editions (Out-File in Windows PowerShell writes UTF-16).
[System.IO.File]::WriteAllText($path, $json, (New-Object System.Text.UTF8Encoding($false)))
Write-Host "Export-ScomTopology: wrote $path ($($servers.Count) servers, $($pools.Count) pools). Next: npx pooltopo import scom `"$OutputPath`""
