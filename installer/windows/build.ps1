# Builds the Windows installer on a Windows 10/11 (64-bit) build machine that has Python 3.11+
# and NSIS 3 (makensis on PATH):
#
#   powershell -ExecutionPolicy Bypass -File installer\windows\build.ps1 [-UpdateRoot root.json]
#
# Output: dist\ventanilla\ (the onedir bundle) and dist\ventanilla-<version>-instalador.exe.
# -UpdateRoot builds in the update repository's root metadata (python -m installer.updates
# init); without it the installed program never updates itself.
param(
    [string]$UpdateRoot = "",
    [string]$Python = "python"
)
$ErrorActionPreference = "Stop"
Set-Location (Resolve-Path "$PSScriptRoot\..\..")

if (-not (Test-Path ".venv-build")) {
    & $Python -m venv .venv-build
    if ($LASTEXITCODE -ne 0) { throw "python -m venv failed" }
}
$venvPython = ".\.venv-build\Scripts\python.exe"
& $venvPython -m pip install --upgrade pip
& $venvPython -m pip install -e ".[build]"
if ($LASTEXITCODE -ne 0) { throw "pip install failed" }

$buildArgs = @("-m", "installer.build", "bundle")
if ($UpdateRoot -ne "") { $buildArgs += @("--update-root", $UpdateRoot) }
& $venvPython @buildArgs
if ($LASTEXITCODE -ne 0) { throw "the PyInstaller bundle failed" }

$version = (& $venvPython -c "from desktop.version import __version__; print(__version__)").Trim()
$payload = Join-Path $PWD "dist\ventanilla"
$output = Join-Path $PWD "dist\ventanilla-$version-instalador.exe"
& makensis /V2 /WX "/DVERSION=$version" "/DPAYLOAD=$payload" "/DOUTFILE=$output" `
    installer\windows\ventanilla.nsi
if ($LASTEXITCODE -ne 0) { throw "makensis failed" }
Write-Host "Instalador: $output"
