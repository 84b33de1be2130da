; Ventanilla IESS: per-machine Windows installer (NSIS 3).
;
;   makensis /DVERSION=0.1.0 /DPAYLOAD=..\..\dist\ventanilla /DOUTFILE=..\..\dist\ventanilla-0.1.0-instalador.exe ventanilla.nsi
;   (installer\windows\build.ps1 builds the bundle and runs exactly this)
;
; Install, as an administrator or from a deployment tool, silently:
;   ventanilla-0.1.0-instalador.exe /S /CENTRAL=postgresql+psycopg://uio01@central:5432/ventanilla
;       /CENTRE=UIO01 /COUNTER=3 /UPDATES=off [/UPDATEURL=https://…] [/D=C:\Ruta]
; The options write the machine-wide settings %PROGRAMDATA%\Ventanilla\settings.toml (what
; desktop/machine.py reads); without options a file IT placed there is left as it is.
; Uninstall: "Desinstalar.exe /S" (also listed in Apps & features). The uninstaller removes
; the program, its shortcuts and registry entries; the users' data (their AppData folders)
; and IT's machine-wide settings stay.

Unicode true
ManifestDPIAware true

!ifndef VERSION
  !error "pass /DVERSION=x.y.z"
!endif
!ifndef PAYLOAD
  !error "pass /DPAYLOAD=<the PyInstaller onedir folder>"
!endif
!ifndef OUTFILE
  !define OUTFILE "ventanilla-${VERSION}-instalador.exe"
!endif
!ifndef ICON
  !define ICON "..\..\resources\icons\ventanilla.ico"
!endif

!define APP "Ventanilla IESS"
!define PUBLISHER "Instituto Ecuatoriano de Seguridad Social"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\Ventanilla"
!define MACHINE_DIR "$APPDATA\Ventanilla"  ; C:\ProgramData\Ventanilla (SetShellVarContext all)

!include "MUI2.nsh"
!include "FileFunc.nsh"
!include "LogicLib.nsh"
!include "WinVer.nsh"
!include "x64.nsh"

Name "${APP}"
OutFile "${OUTFILE}"
InstallDir "$PROGRAMFILES64\Ventanilla"
RequestExecutionLevel admin
SetCompressor /SOLID lzma
BrandingText "${PUBLISHER}"

VIProductVersion "${VERSION}.0"
VIAddVersionKey /LANG=1034 "ProductName" "${APP}"
VIAddVersionKey /LANG=1034 "CompanyName" "${PUBLISHER}"
VIAddVersionKey /LANG=1034 "FileDescription" "Instalador de ${APP}"
VIAddVersionKey /LANG=1034 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=1034 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=1034 "LegalCopyright" "${PUBLISHER}"

!define MUI_ICON "${ICON}"
!define MUI_UNICON "${ICON}"
!define MUI_ABORTWARNING
!define MUI_FINISHPAGE_RUN "$INSTDIR\ventanilla.exe"
!define MUI_FINISHPAGE_RUN_TEXT "Abrir Ventanilla"
!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "Spanish"

Var Central
Var Centre
Var Counter
Var Updates
Var UpdateUrl

Function .onInit
  ${IfNot} ${AtLeastWin10}
    MessageBox MB_ICONSTOP|MB_OK "Ventanilla necesita Windows 10 o posterior." /SD IDOK
    Abort
  ${EndIf}
  ${IfNot} ${RunningX64}
    MessageBox MB_ICONSTOP|MB_OK "Ventanilla necesita Windows de 64 bits." /SD IDOK
    Abort
  ${EndIf}
  SetShellVarContext all
  SetRegView 64
  ${GetParameters} $R0
  ${GetOptions} $R0 "/CENTRAL=" $Central
  ${GetOptions} $R0 "/CENTRE=" $Centre
  ${GetOptions} $R0 "/COUNTER=" $Counter
  ${GetOptions} $R0 "/UPDATES=" $Updates
  ${GetOptions} $R0 "/UPDATEURL=" $UpdateUrl
  ${If} $Counter != ""
    IntOp $R1 $Counter + 0
    ${If} "$R1" != "$Counter"
      MessageBox MB_ICONSTOP|MB_OK "/COUNTER debe ser un número de ventanilla." /SD IDOK
      Abort
    ${EndIf}
  ${EndIf}
  ${If} $Updates != ""
  ${AndIf} $Updates != "on"
  ${AndIf} $Updates != "off"
    MessageBox MB_ICONSTOP|MB_OK "/UPDATES debe ser on u off." /SD IDOK
    Abort
  ${EndIf}
FunctionEnd

Function un.onInit
  SetShellVarContext all
  SetRegView 64
FunctionEnd

; TOML literal strings ('…') take the values as typed; a value with ' in it is refused.
!macro TomlLine HANDLE KEY VALUE
  ${If} ${VALUE} != ""
    FileWrite ${HANDLE} "${KEY} = '${VALUE}'$\r$\n"
  ${EndIf}
!macroend

Function WriteMachineSettings
  ${If} "$Central$Centre$Counter$Updates$UpdateUrl" == ""
    Return  ; nothing asked: keep what IT placed
  ${EndIf}
  CreateDirectory "${MACHINE_DIR}"
  FileOpen $0 "${MACHINE_DIR}\settings.toml" w
  FileWrite $0 "# Ventanilla: configuración del equipo (escrita por el instalador)$\r$\n"
  !insertmacro TomlLine $0 "central_url" $Central
  !insertmacro TomlLine $0 "centre" $Centre
  ${If} $Counter != ""
    FileWrite $0 "counter = $Counter$\r$\n"
  ${EndIf}
  ${If} $Updates == "off"
    FileWrite $0 "updates = false$\r$\n"
  ${ElseIf} $Updates == "on"
    FileWrite $0 "updates = true$\r$\n"
  ${EndIf}
  !insertmacro TomlLine $0 "update_url" $UpdateUrl
  FileClose $0
  ; everyone reads it; only administrators change it
  nsExec::Exec 'icacls "${MACHINE_DIR}\settings.toml" /inheritance:r /grant:r *S-1-5-32-544:F *S-1-5-18:F *S-1-5-32-545:R'
  Pop $1
FunctionEnd

Section "Ventanilla" SecMain
  SectionIn RO
  SetOutPath "$INSTDIR"
  File /r "${PAYLOAD}\*.*"
  WriteUninstaller "$INSTDIR\Desinstalar.exe"

  CreateDirectory "$SMPROGRAMS\${APP}"
  CreateShortcut "$SMPROGRAMS\${APP}\${APP}.lnk" "$INSTDIR\ventanilla.exe" "" "$INSTDIR\ventanilla.exe" 0
  CreateShortcut "$SMPROGRAMS\${APP}\Desinstalar ${APP}.lnk" "$INSTDIR\Desinstalar.exe"

  WriteRegStr HKLM "${UNINSTALL_KEY}" "DisplayName" "${APP}"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "Publisher" "${PUBLISHER}"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\ventanilla.exe"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\Desinstalar.exe"'
  WriteRegStr HKLM "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\Desinstalar.exe" /S'
  WriteRegDWORD HKLM "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKLM "${UNINSTALL_KEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  WriteRegDWORD HKLM "${UNINSTALL_KEY}" "EstimatedSize" $0

  Call WriteMachineSettings
  ; Self-update installs the next version from the clerk's session at the next start: with
  ; an update URL and updates on, the program folder must be writable by its users (the
  ; signed update metadata, not the folder's permissions, is then what guards the files).
  ${If} $UpdateUrl != ""
  ${AndIf} $Updates != "off"
    nsExec::Exec 'icacls "$INSTDIR" /grant *S-1-5-32-545:(OI)(CI)M'
    Pop $1
  ${EndIf}
SectionEnd

Section "Uninstall"
  Delete "$SMPROGRAMS\${APP}\${APP}.lnk"
  Delete "$SMPROGRAMS\${APP}\Desinstalar ${APP}.lnk"
  RMDir "$SMPROGRAMS\${APP}"
  ; the program folder holds only what the installer and the updater put there
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\ventanilla.exe"
  Delete "$INSTDIR\actualizacion.log"
  Delete "$INSTDIR\Desinstalar.exe"
  RMDir "$INSTDIR"
  DeleteRegKey HKLM "${UNINSTALL_KEY}"
SectionEnd
