; NSIS script: the per-user Windows installer of 政府信息公开年报编辑器 — no administrator rights.
; Installs dist\ggbg\ to %LOCALAPPDATA%\Programs\ggbg-desktop, adds a Start-menu entry, associates
; .ggbg files (HKCU\Software\Classes), optionally puts the ggbg command on the user's PATH, and
; writes an uninstaller (Apps & features lists it). Chinese (Simplified) throughout.
;
; packaging/build.py compiles it (makensis runs on Linux and Windows):
;   makensis -INPUTCHARSET UTF8 -DVERSION=0.1.0 -DVERSION4=0.1.0.0 -DBUNDLE=dist\ggbg
;            -DICON=build\packaging\icons\ggbg.ico -DOUTFILE=dist\ggbg-desktop-0.1.0-setup.exe ggbg.nsi
;
; Silent install for IT departments:  ggbg-desktop-<version>-setup.exe /S [/ADDTOPATH] [/D=folder]
; Silent uninstall:                   "%LOCALAPPDATA%\Programs\ggbg-desktop\uninstall.exe" /S

Unicode true
Target amd64-unicode
ManifestDPIAware true
RequestExecutionLevel user
SetCompressor /SOLID lzma

!ifndef VERSION
  !error "makensis -DVERSION=… (packaging/build.py passes it)"
!endif
!define APP_NAME "政府信息公开年报编辑器"
!define APP_ID "ggbg-desktop"
!define GUI_EXE "ggbg-desktop.exe"
!define PROG_ID "ggbg.report"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\${APP_ID}"
; Qt 6.10+ needs Windows 10 1703 (build 15063): its Qt6Core imports the system icuuc.dll
!define MIN_BUILD 15063

!include "MUI2.nsh"
!include "FileFunc.nsh"
!include "WordFunc.nsh"
!include "WinVer.nsh"
!include "x64.nsh"

Name "${APP_NAME}"
OutFile "${OUTFILE}"
InstallDir "$LOCALAPPDATA\Programs\${APP_ID}"
InstallDirRegKey HKCU "${UNINSTALL_KEY}" "InstallLocation"
BrandingText "${APP_NAME} ${VERSION}"

VIProductVersion "${VERSION4}"
VIAddVersionKey /LANG=2052 "ProductName" "${APP_NAME}"
VIAddVersionKey /LANG=2052 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=2052 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=2052 "FileDescription" "${APP_NAME} 安装程序"
VIAddVersionKey /LANG=2052 "CompanyName" "ggbg_desktop"
VIAddVersionKey /LANG=2052 "LegalCopyright" "© ggbg_desktop"

!define MUI_ICON "${ICON}"
!define MUI_UNICON "${ICON}"
!define MUI_ABORTWARNING
!define MUI_COMPONENTSPAGE_NODESC
!define MUI_FINISHPAGE_RUN "$INSTDIR\${GUI_EXE}"

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_COMPONENTS
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "SimpChinese"


Section "!${APP_NAME}（必需）" SecProgram
  SectionIn RO
  ; an upgrade replaces the whole bundle: no stale libraries from an older version
  RMDir /r "$INSTDIR\_internal"
  SetOutPath "$INSTDIR"
  File /r "${BUNDLE}\*.*"
  WriteUninstaller "$INSTDIR\uninstall.exe"

  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayName" "${APP_NAME}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "Publisher" "ggbg_desktop"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\${GUI_EXE},0"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKCU "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "EstimatedSize" $0
SectionEnd

Section "开始菜单快捷方式" SecStartMenu
  SetOutPath "$DOCUMENTS"
  CreateShortcut "$SMPROGRAMS\${APP_NAME}.lnk" "$INSTDIR\${GUI_EXE}" "" "$INSTDIR\${GUI_EXE}" 0
SectionEnd

Section "用本程序打开 .ggbg 年报文件" SecAssociate
  WriteRegStr HKCU "Software\Classes\.ggbg" "" "${PROG_ID}"
  WriteRegStr HKCU "Software\Classes\.ggbg" "Content Type" "application/x-ggbg"
  WriteRegStr HKCU "Software\Classes\.ggbg\OpenWithProgids" "${PROG_ID}" ""
  WriteRegStr HKCU "Software\Classes\${PROG_ID}" "" "政府信息公开年报文件"
  WriteRegStr HKCU "Software\Classes\${PROG_ID}\DefaultIcon" "" '"$INSTDIR\${GUI_EXE}",0'
  WriteRegStr HKCU "Software\Classes\${PROG_ID}\shell\open\command" "" '"$INSTDIR\${GUI_EXE}" "%1"'
  WriteRegStr HKCU "Software\Classes\Applications\${GUI_EXE}" "FriendlyAppName" "${APP_NAME}"
  WriteRegStr HKCU "Software\Classes\Applications\${GUI_EXE}\SupportedTypes" ".ggbg" ""
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'  ; SHCNE_ASSOCCHANGED
SectionEnd

; off unless chosen, or /ADDTOPATH in a silent install (.onInit)
Section /o "把命令行工具 ggbg 加入 PATH（供批量处理）" SecPath
  ReadRegStr $0 HKCU "Environment" "Path"
  StrLen $1 "$0;$INSTDIR"
  IntOp $2 ${NSIS_MAX_STRLEN} - 1
  ${If} $1 >= $2
    ; NSIS strings hold NSIS_MAX_STRLEN - 1 characters: a longer PATH would be cut off, leave it alone
    DetailPrint "PATH 过长，未修改；请手动把 $INSTDIR 加入 PATH。"
    Goto done
  ${EndIf}
  ClearErrors
  ${WordFind} ";$0;" ";$INSTDIR;" "E+1{" $2  ; is it there already?
  ${If} ${Errors}
    ${If} $0 == ""
      WriteRegExpandStr HKCU "Environment" "Path" "$INSTDIR"
    ${Else}
      WriteRegExpandStr HKCU "Environment" "Path" "$0;$INSTDIR"
    ${EndIf}
    SendMessage ${HWND_BROADCAST} ${WM_SETTINGCHANGE} 0 "STR:Environment" /TIMEOUT=2000
    WriteRegDWORD HKCU "${UNINSTALL_KEY}" "AddedToPath" 1  ; the uninstaller takes out only what we put in
  ${EndIf}
  done:
SectionEnd

Function .onInit
  ${IfNot} ${RunningX64}
  ${OrIfNot} ${AtLeastWin10}
  ${OrIfNot} ${AtLeastBuild} ${MIN_BUILD}
    MessageBox MB_ICONSTOP "本程序需要 64 位 Windows 10（1703 版或更新）或 Windows 11。" /SD IDOK
    Abort
  ${EndIf}
  ; /ADDTOPATH: put ggbg on PATH also in a silent install
  ${GetParameters} $0
  ClearErrors
  ${GetOptions} $0 "/ADDTOPATH" $1
  ${IfNot} ${Errors}
    SectionSetFlags ${SecPath} ${SF_SELECTED}
  ${EndIf}
FunctionEnd

Section "Uninstall"
  ; the files this installer put there, then the folder if it is empty: never a user's own files
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\ggbg-desktop.exe"
  Delete "$INSTDIR\ggbg.exe"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
  Delete "$SMPROGRAMS\${APP_NAME}.lnk"

  ReadRegStr $0 HKCU "Software\Classes\.ggbg" ""
  ${If} $0 == "${PROG_ID}"
    DeleteRegValue HKCU "Software\Classes\.ggbg" ""
    DeleteRegValue HKCU "Software\Classes\.ggbg" "Content Type"
  ${EndIf}
  DeleteRegValue HKCU "Software\Classes\.ggbg\OpenWithProgids" "${PROG_ID}"
  DeleteRegKey /ifempty HKCU "Software\Classes\.ggbg\OpenWithProgids"
  DeleteRegKey /ifempty HKCU "Software\Classes\.ggbg"
  DeleteRegKey HKCU "Software\Classes\${PROG_ID}"
  DeleteRegKey HKCU "Software\Classes\Applications\${GUI_EXE}"
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'

  ReadRegDWORD $1 HKCU "${UNINSTALL_KEY}" "AddedToPath"
  ${If} $1 == 1
    ReadRegStr $0 HKCU "Environment" "Path"
    StrLen $2 ";$0;"
    IntOp $3 ${NSIS_MAX_STRLEN} - 1
    ${If} $2 < $3  ; else it may have been cut off on reading: leave it alone
      ${un.WordReplace} ";$0;" ";$INSTDIR;" ";" "+" $0
      StrCpy $0 $0 "" 1  ; the two semicolons added around it
      StrCpy $0 $0 -1
      WriteRegExpandStr HKCU "Environment" "Path" "$0"
      SendMessage ${HWND_BROADCAST} ${WM_SETTINGCHANGE} 0 "STR:Environment" /TIMEOUT=2000
    ${EndIf}
  ${EndIf}
  DeleteRegKey HKCU "${UNINSTALL_KEY}"
SectionEnd
