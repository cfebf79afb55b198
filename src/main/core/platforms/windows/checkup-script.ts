/**
 * The Windows checkup script (Windows PowerShell 5.1), kept as a constant so that nothing is ever
 * spliced into it: the only input is the environment variable REVISION_HISTORY_MAX. It prints ONE
 * compressed JSON document whose sections (meta, identity, autoUpdates, history, reboot, defender,
 * securityCenter, firewall, apps) each come from their own try/catch, so one failing part returns
 * `{ "error": "..." }` without losing the others. Dates are ISO 8601 (`ToString('o')`), enums are
 * their invariant names, booleans are booleans: no localised text is ever parsed by the app.
 * The text is ASCII only, because PowerShell reads standard input in the console's code page.
 */

/** Script version, echoed in `meta.scriptVersion` so captures say which script produced them. */
export const WINDOWS_CHECKUP_SCRIPT_VERSION = 2;

/** The checkup script (read from standard input by POWERSHELL_BOOTSTRAP). */
export const WINDOWS_CHECKUP_SCRIPT = String.raw`
$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'
[Console]::OutputEncoding = New-Object System.Text.UTF8Encoding($false)

function Invoke-Section([scriptblock]$Block) {
  try { & $Block } catch { @{ error = [string]$_.Exception.Message } }
}
function ConvertTo-Iso($Value) {
  if ($null -eq $Value) { return $null }
  try {
    $d = [datetime]$Value
    if ($d.Year -lt 1700) { return $null }
    return $d.ToUniversalTime().ToString('o')
  } catch { return $null }
}
# The Windows Update Agent returns its dates in UTC without saying so (DateTimeKind Unspecified).
function ConvertTo-IsoUtc($Value) {
  if ($null -eq $Value) { return $null }
  try {
    $d = [datetime]$Value
    if ($d.Year -lt 1700) { return $null }
    return [datetime]::SpecifyKind($d, [DateTimeKind]::Utc).ToString('o')
  } catch { return $null }
}
function Get-RegValues([string]$Path) {
  if (-not (Test-Path -LiteralPath $Path)) { return $null }
  $item = Get-ItemProperty -LiteralPath $Path
  $out = @{}
  foreach ($p in $item.PSObject.Properties) {
    if ($p.Name -like 'PS*') { continue }
    $v = $p.Value
    if ($v -is [array]) { $v = @($v | ForEach-Object { [string]$_ }) }
    elseif ($v -isnot [int] -and $v -isnot [long] -and $v -isnot [string]) { $v = [string]$v }
    $out[$p.Name] = $v
  }
  return $out
}

$result = [ordered]@{}

$result.meta = Invoke-Section {
  @{
    scriptVersion = 2
    psVersion = [string]$PSVersionTable.PSVersion
    culture = [string](Get-Culture).Name
    uiCulture = [string](Get-UICulture).Name
    is64BitProcess = [Environment]::Is64BitProcess
    generatedAt = (Get-Date).ToUniversalTime().ToString('o')
  }
}

$result.identity = Invoke-Section {
  $cv = Get-ItemProperty -LiteralPath 'HKLM:\SOFTWARE\Microsoft\Windows NT\CurrentVersion'
  $os = Get-CimInstance -ClassName Win32_OperatingSystem
  $cs = Get-CimInstance -ClassName Win32_ComputerSystem
  $cpu = $null
  try { $cpu = [string](Get-CimInstance -ClassName Win32_Processor | Select-Object -First 1).Name } catch { }
  $mdm = 0
  if (Test-Path -LiteralPath 'HKLM:\SOFTWARE\Microsoft\Enrollments') {
    foreach ($k in Get-ChildItem -LiteralPath 'HKLM:\SOFTWARE\Microsoft\Enrollments' -ErrorAction SilentlyContinue) {
      $p = Get-ItemProperty -LiteralPath $k.PSPath -ErrorAction SilentlyContinue
      if ($p -and $p.ProviderID -eq 'MS DM Server') { $mdm++ }
    }
  }
  @{
    productName = [string]$cv.ProductName
    editionId = [string]$cv.EditionID
    displayVersion = [string]$cv.DisplayVersion
    releaseId = [string]$cv.ReleaseId
    currentBuild = [string]$cv.CurrentBuild
    ubr = $cv.UBR
    installationType = [string]$cv.InstallationType
    caption = [string]$os.Caption
    osVersion = [string]$os.Version
    productType = [int]$os.ProductType
    lastBootUpTime = ConvertTo-Iso $os.LastBootUpTime
    installDate = ConvertTo-Iso $os.InstallDate
    architecture = [string]$env:PROCESSOR_ARCHITECTURE
    hostname = [string]$env:COMPUTERNAME
    partOfDomain = [bool]$cs.PartOfDomain
    domainRole = [int]$cs.DomainRole
    manufacturer = [string]$cs.Manufacturer
    model = [string]$cs.Model
    memoryBytes = [long]$cs.TotalPhysicalMemory
    cpu = $cpu
    mdmEnrollments = $mdm
  }
}

$result.autoUpdates = Invoke-Section {
  $mu = $null
  $services = @()
  try {
    $sm = New-Object -ComObject Microsoft.Update.ServiceManager
    foreach ($s in $sm.Services) { $services += [string]$s.ServiceID }
    $mu = $services -contains '7971f918-a847-4430-9279-4a52d1efe18d'
  } catch { $services = $null }
  $notificationLevel = $null
  try { $notificationLevel = [int](New-Object -ComObject Microsoft.Update.AutoUpdate).Settings.NotificationLevel } catch { }
  $storeSetting = $null
  try {
    $null = [Windows.ApplicationModel.Store.Preview.InstallControl.AppInstallManager,Windows.ApplicationModel.Store.Preview,ContentType=WindowsRuntime]
    $aim = New-Object Windows.ApplicationModel.Store.Preview.InstallControl.AppInstallManager
    $storeSetting = [string]$aim.AutoUpdateSetting
  } catch { }
  $svc = $null
  try { $svc = [string](Get-Service -Name wuauserv).StartType } catch { }
  $uso = $null
  try { $uso = [string](Get-Service -Name UsoSvc).StartType } catch { }
  $results = $null
  try {
    $r = (New-Object -ComObject Microsoft.Update.AutoUpdate).Results
    $results = @{ lastSearchSuccessDate = ConvertTo-IsoUtc $r.LastSearchSuccessDate; lastInstallationSuccessDate = ConvertTo-IsoUtc $r.LastInstallationSuccessDate }
  } catch { }
  @{
    policyAU = Get-RegValues 'HKLM:\SOFTWARE\Policies\Microsoft\Windows\WindowsUpdate\AU'
    policyWU = Get-RegValues 'HKLM:\SOFTWARE\Policies\Microsoft\Windows\WindowsUpdate'
    uxSettings = Get-RegValues 'HKLM:\SOFTWARE\Microsoft\WindowsUpdate\UX\Settings'
    storePolicy = Get-RegValues 'HKLM:\SOFTWARE\Policies\Microsoft\WindowsStore'
    storeLocal = Get-RegValues 'HKLM:\SOFTWARE\Microsoft\Windows\CurrentVersion\WindowsStore\WindowsUpdate'
    microsoftUpdateRegistered = $mu
    serviceIds = $services
    notificationLevel = $notificationLevel
    storeAutoUpdateSetting = $storeSetting
    wuauservStartType = $svc
    usoSvcStartType = $uso
    results = $results
  }
}

$result.history = Invoke-Section {
  $max = 200
  if ($env:REVISION_HISTORY_MAX -match '^[0-9]{1,4}$') { $max = [int]$env:REVISION_HISTORY_MAX }
  $session = New-Object -ComObject Microsoft.Update.Session
  $searcher = $session.CreateUpdateSearcher()
  $total = [int]$searcher.GetTotalHistoryCount()
  $entries = @()
  if ($total -gt 0) {
    foreach ($e in $searcher.QueryHistory(0, [Math]::Min($total, $max))) {
      $cats = @()
      try { foreach ($c in $e.Categories) { $cats += [string]$c.CategoryID } } catch { }
      $entries += @{
        date = ConvertTo-IsoUtc $e.Date
        title = [string]$e.Title
        operation = [int]$e.Operation
        resultCode = [int]$e.ResultCode
        hResult = [int]$e.HResult
        updateId = [string]$e.UpdateIdentity.UpdateID
        clientApplicationId = [string]$e.ClientApplicationID
        categoryIds = $cats
      }
    }
  }
  $hotfixes = @()
  try {
    foreach ($h in Get-HotFix) {
      $hotfixes += @{ id = [string]$h.HotFixID; installedOn = ConvertTo-Iso $h.InstalledOn }
    }
  } catch { }
  @{ totalCount = $total; entries = $entries; hotfixes = $hotfixes }
}

$result.reboot = Invoke-Section {
  $sm = Get-ItemProperty -LiteralPath 'HKLM:\SYSTEM\CurrentControlSet\Control\Session Manager' -ErrorAction SilentlyContinue
  $agent = $null
  try { $agent = [bool](New-Object -ComObject Microsoft.Update.SystemInfo).RebootRequired } catch { }
  @{
    cbsRebootPending = Test-Path -LiteralPath 'HKLM:\SOFTWARE\Microsoft\Windows\CurrentVersion\Component Based Servicing\RebootPending'
    wuRebootRequired = Test-Path -LiteralPath 'HKLM:\SOFTWARE\Microsoft\Windows\CurrentVersion\WindowsUpdate\Auto Update\RebootRequired'
    pendingFileRenameOperations = ($null -ne $sm -and $null -ne $sm.PendingFileRenameOperations)
    agentRebootRequired = $agent
  }
}

$result.defender = Invoke-Section {
  if (-not (Get-Command -Name Get-MpComputerStatus -ErrorAction SilentlyContinue)) { return @{ available = $false } }
  $s = Get-MpComputerStatus
  @{
    available = $true
    amServiceEnabled = [bool]$s.AMServiceEnabled
    antivirusEnabled = [bool]$s.AntivirusEnabled
    realTimeProtectionEnabled = [bool]$s.RealTimeProtectionEnabled
    onAccessProtectionEnabled = [bool]$s.OnAccessProtectionEnabled
    ioavProtectionEnabled = [bool]$s.IoavProtectionEnabled
    behaviorMonitorEnabled = [bool]$s.BehaviorMonitorEnabled
    antivirusSignatureLastUpdated = ConvertTo-Iso $s.AntivirusSignatureLastUpdated
    antivirusSignatureAge = [long]$s.AntivirusSignatureAge
    antivirusSignatureVersion = [string]$s.AntivirusSignatureVersion
    defenderSignaturesOutOfDate = [bool]$s.DefenderSignaturesOutOfDate
    amRunningMode = [string]$s.AMRunningMode
    amProductVersion = [string]$s.AMProductVersion
    isTamperProtected = [bool]$s.IsTamperProtected
  }
}

$result.securityCenter = Invoke-Section {
  $products = @()
  foreach ($p in Get-CimInstance -Namespace 'root/SecurityCenter2' -ClassName AntiVirusProduct) {
    $products += @{ displayName = [string]$p.displayName; productState = [long]$p.productState; path = [string]$p.pathToSignedProductExe }
  }
  $firewalls = @()
  try {
    foreach ($p in Get-CimInstance -Namespace 'root/SecurityCenter2' -ClassName FirewallProduct) {
      $firewalls += @{ displayName = [string]$p.displayName; productState = [long]$p.productState }
    }
  } catch { }
  @{ antivirus = $products; firewall = $firewalls }
}

$result.firewall = Invoke-Section {
  $profiles = @()
  foreach ($p in Get-NetFirewallProfile -PolicyStore ActiveStore) {
    $profiles += @{ name = [string]$p.Name; enabled = [string]$p.Enabled }
  }
  $svc = $null
  try { $svc = [string](Get-Service -Name mpssvc).Status } catch { }
  @{ profiles = $profiles; service = $svc }
}

$result.apps = Invoke-Section {
  $views = @(
    @{ source = 'registry'; path = 'HKLM:\SOFTWARE\Microsoft\Windows\CurrentVersion\Uninstall' },
    @{ source = 'registry-32'; path = 'HKLM:\SOFTWARE\WOW6432Node\Microsoft\Windows\CurrentVersion\Uninstall' },
    @{ source = 'registry-user'; path = 'HKCU:\SOFTWARE\Microsoft\Windows\CurrentVersion\Uninstall' }
  )
  $registry = @()
  foreach ($view in $views) {
    if (-not (Test-Path -LiteralPath $view.path)) { continue }
    foreach ($k in Get-ChildItem -LiteralPath $view.path -ErrorAction SilentlyContinue) {
      $p = Get-ItemProperty -LiteralPath $k.PSPath -ErrorAction SilentlyContinue
      if (-not $p -or -not $p.DisplayName) { continue }
      $registry += @{
        source = $view.source
        key = [string]$k.PSChildName
        name = [string]$p.DisplayName
        version = if ($p.DisplayVersion) { [string]$p.DisplayVersion } else { $null }
        publisher = if ($p.Publisher) { [string]$p.Publisher } else { $null }
        installDate = if ($p.InstallDate) { [string]$p.InstallDate } else { $null }
        systemComponent = ([string]$p.SystemComponent -eq '1')
        parentKeyName = if ($p.ParentKeyName) { [string]$p.ParentKeyName } else { $null }
        releaseType = if ($p.ReleaseType) { [string]$p.ReleaseType } else { $null }
      }
    }
  }
  $store = Invoke-Section {
    $list = @()
    foreach ($p in Get-AppxPackage) {
      if ($p.IsFramework -or $p.IsResourcePackage -or [string]$p.SignatureKind -eq 'System' -or $p.NonRemovable) { continue }
      $list += @{ name = [string]$p.Name; version = [string]$p.Version; publisher = [string]$p.Publisher; signatureKind = [string]$p.SignatureKind; displayName = $null }
    }
    try {
      $null = [Windows.Management.Deployment.PackageManager,Windows.Management.Deployment,ContentType=WindowsRuntime]
      $pm = New-Object Windows.Management.Deployment.PackageManager
      $names = @{}
      foreach ($pkg in $pm.FindPackagesForUser('')) {
        try { $names[[string]$pkg.Id.Name] = @{ d = [string]$pkg.DisplayName; p = [string]$pkg.PublisherDisplayName } } catch { }
      }
      foreach ($item in $list) {
        if ($names.ContainsKey($item.name)) { $item.displayName = $names[$item.name].d; $item.publisherDisplayName = $names[$item.name].p }
      }
    } catch { }
    @{ packages = $list }
  }
  @{ registry = $registry; store = $store }
}

[pscustomobject]$result | ConvertTo-Json -Depth 6 -Compress
`;
