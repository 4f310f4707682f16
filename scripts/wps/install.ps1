# 绩效自评助手 (selfeval) WPS add-in, offline install for Windows, per user (no administrator rights).
# Windows PowerShell 2.0 and later (Windows 7 included). Close WPS first (including its tray icon).
# Copies the add-in folder into %APPDATA%\kingsoft\wps\jsaddons and adds its entry to publish.xml
# there, keeping every other add-in's entry (the old file is kept as publish.xml.bak).
$ErrorActionPreference = 'Stop'
$Name = '@NAME@'
$Version = '@VERSION@'
$Folder = "${Name}_${Version}"
$Here = Split-Path -Parent $MyInvocation.MyCommand.Path
$Dir = if ($env:WPS_JSADDONS) { $env:WPS_JSADDONS } else { Join-Path $env:APPDATA 'kingsoft\wps\jsaddons' }
New-Item -ItemType Directory -Force -Path $Dir | Out-Null
Get-ChildItem -Path $Dir -Filter "${Name}_*" | Where-Object { $_.PSIsContainer } | Remove-Item -Recurse -Force
Copy-Item -Recurse -Force (Join-Path $Here $Folder) (Join-Path $Dir $Folder)
$Entry = "<jsplugin name=`"$Name`" type=`"et`" url=`"$Folder`" version=`"$Version`" enable=`"enable_dev`" install=`"null`" customDomain=`"`"/>"
$Pub = Join-Path $Dir 'publish.xml'
$Utf8 = New-Object System.Text.UTF8Encoding $false
$Xml = ''
if (Test-Path $Pub) {
  Copy-Item -Force $Pub "$Pub.bak"
  $Xml = [System.IO.File]::ReadAllText($Pub, [System.Text.Encoding]::UTF8)
  $Xml = [regex]::Replace($Xml, '<jsplugins(\s[^>]*)?/>', '<jsplugins$1></jsplugins>')
}
if ($Xml -match '</jsplugins>') {
  $Own = '(?s)[ \t]*<jsplugin(?:online)?\b[^>]*\bname="' + [regex]::Escape($Name) + '"[^>]*?(?:/>|>.*?</jsplugin(?:online)?>)[ \t]*\r?\n?'
  $Xml = [regex]::Replace($Xml, $Own, '')
  $Xml = $Xml.Replace('</jsplugins>', "  $Entry`r`n</jsplugins>")
} else {
  $Xml = "<?xml version=`"1.0`" encoding=`"UTF-8`"?>`r`n<jsplugins>`r`n  $Entry`r`n</jsplugins>`r`n"
}
[System.IO.File]::WriteAllText($Pub, $Xml, $Utf8)
Write-Host "已安装到 $Dir\$Folder 。请完全退出 WPS（包括托盘图标）后重新打开 WPS 表格，在“是否信任”提示中选择允许，再重启一次 WPS 表格。"
