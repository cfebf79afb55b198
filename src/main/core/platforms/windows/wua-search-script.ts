/**
 * The slow part of the Windows checkup: the Windows Update Agent's search for updates not yet
 * installed (seconds to a minute, needs the network). Its own PowerShell run, its own probe and
 * timeout, so the rest of the checkup never waits for it. ASCII only, constant text, JSON out.
 */

/**
 * The search criteria (Microsoft's documented syntax); a constant, never built from data. Software
 * AND drivers, as Windows Update offers both: a software-only search missed waiting drivers.
 */
export const WUA_SEARCH_CRITERIA =
  "IsInstalled=0 and Type='Software' and IsHidden=0 or IsInstalled=0 and Type='Driver' and IsHidden=0";

/** The update types the search covers, echoed in its output (`searched`) so a replay knows what was looked for. */
export const WUA_SEARCHED_TYPES = ['Software', 'Driver'] as const;

/** The pending-updates script (read from standard input by POWERSHELL_BOOTSTRAP). */
export const WINDOWS_WUA_SEARCH_SCRIPT = String.raw`
$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'
[Console]::OutputEncoding = New-Object System.Text.UTF8Encoding($false)
$session = New-Object -ComObject Microsoft.Update.Session
$searcher = $session.CreateUpdateSearcher()
$r = $searcher.Search("IsInstalled=0 and Type='Software' and IsHidden=0 or IsInstalled=0 and Type='Driver' and IsHidden=0")
$updates = @()
foreach ($u in $r.Updates) {
  $cats = @()
  foreach ($c in $u.Categories) { $cats += @{ id = [string]$c.CategoryID; type = [string]$c.Type } }
  $kbs = @()
  foreach ($k in $u.KBArticleIDs) { $kbs += [string]$k }
  $updates += @{
    title = [string]$u.Title
    type = [int]$u.Type
    updateId = [string]$u.Identity.UpdateID
    kb = $kbs
    msrcSeverity = if ($u.MsrcSeverity) { [string]$u.MsrcSeverity } else { $null }
    categories = $cats
    isDownloaded = [bool]$u.IsDownloaded
    isMandatory = [bool]$u.IsMandatory
    rebootBehavior = [int]$u.InstallationBehavior.RebootBehavior
  }
}
[pscustomobject]@{ resultCode = [int]$r.ResultCode; searched = @('Software', 'Driver'); updates = $updates } | ConvertTo-Json -Depth 6 -Compress
`;
