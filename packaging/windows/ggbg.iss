; Inno Setup 6 script: per-user installer of 政府信息公开年报编辑器 — no administrator rights.
; Installs to %LOCALAPPDATA%\Programs\ggbg-desktop, adds a Start-menu entry, associates
; .ggbg files (HKCU\Software\Classes) and optionally puts the ggbg command on the user's PATH.
;
; packaging/build.py compiles it on Windows after PyInstaller:
;   ISCC /DAppVersion=0.1.0 /DSourceDir=dist\ggbg /DIconFile=build\packaging\icons\ggbg.ico /Odist packaging\windows\ggbg.iss
; This file is UTF-8 with a byte-order mark, which Inno Setup 6 needs for the Chinese text.

#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif
#ifndef SourceDir
  #define SourceDir "..\..\dist\ggbg"
#endif
#ifndef IconFile
  #define IconFile "..\..\build\packaging\icons\ggbg.ico"
#endif
#define AppName "政府信息公开年报编辑器"
#define AppExe "ggbg-desktop.exe"
#define ProgId "ggbg.report"

[Setup]
; AppId identifies the program for upgrades and uninstall: never change it.
AppId={{6B0E3F52-4C1D-4A8E-9F27-3D5C8A1B7E40}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=ggbg_desktop
VersionInfoVersion={#AppVersion}
; per user, no UAC prompt: everything goes under the user's profile and HKCU
PrivilegesRequired=lowest
DefaultDirName={localappdata}\Programs\ggbg-desktop
DisableDirPage=auto
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
UsePreviousAppDir=yes
OutputDir=..\..\dist
OutputBaseFilename=ggbg-desktop-{#AppVersion}-setup
SetupIconFile={#IconFile}
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
ChangesAssociations=yes
ChangesEnvironment=yes
CloseApplications=yes
ShowLanguageDialog=no

[Languages]
; Inno Setup ships the Chinese messages in some versions only; the Windows workflow
; adds the file when missing. Without it the installer speaks English.
#if FileExists(AddBackslash(CompilerPath) + "Languages\ChineseSimplified.isl")
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"
#else
Name: "english"; MessagesFile: "compiler:Default.isl"
#endif

[CustomMessages]
AddToPath=把命令行工具 ggbg 加入 PATH（供批量处理）
AssociateFiles=用本程序打开 .ggbg 年报文件
FileTypeName=政府信息公开年报文件

[Tasks]
Name: "associate"; Description: "{cm:AssociateFiles}"
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked
Name: "addtopath"; Description: "{cm:AddToPath}"; Flags: unchecked

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
; an upgrade replaces the whole bundle: no stale libraries from an older version
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{userprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{userdocs}"
Name: "{userdesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{userdocs}"; Tasks: desktopicon

[Registry]
; .ggbg → ggbg.report, per user (HKCU\Software\Classes); removed again on uninstall
Root: HKCU; Subkey: "Software\Classes\.ggbg"; ValueType: string; ValueName: ""; ValueData: "{#ProgId}"; Flags: uninsdeletevalue; Tasks: associate
Root: HKCU; Subkey: "Software\Classes\.ggbg"; ValueType: string; ValueName: "Content Type"; ValueData: "application/x-ggbg"; Flags: uninsdeletevalue; Tasks: associate
Root: HKCU; Subkey: "Software\Classes\.ggbg\OpenWithProgids"; ValueType: string; ValueName: "{#ProgId}"; ValueData: ""; Flags: uninsdeletevalue
Root: HKCU; Subkey: "Software\Classes\{#ProgId}"; ValueType: string; ValueName: ""; ValueData: "{cm:FileTypeName}"; Flags: uninsdeletekey
Root: HKCU; Subkey: "Software\Classes\{#ProgId}\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"",0"
Root: HKCU; Subkey: "Software\Classes\{#ProgId}\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""
Root: HKCU; Subkey: "Software\Classes\Applications\{#AppExe}"; ValueType: string; ValueName: "FriendlyAppName"; ValueData: "{#AppName}"; Flags: uninsdeletekey
Root: HKCU; Subkey: "Software\Classes\Applications\{#AppExe}\SupportedTypes"; ValueType: string; ValueName: ".ggbg"; ValueData: ""
; the command line: the user's PATH, only if asked for and not there yet
Root: HKCU; Subkey: "Environment"; ValueType: expandsz; ValueName: "Path"; ValueData: "{olddata};{app}"; Tasks: addtopath; Check: NeedsAddPath(ExpandConstant('{app}'))

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[Code]
function NeedsAddPath(Dir: string): Boolean;
var
  Path: string;
begin
  if not RegQueryStringValue(HKEY_CURRENT_USER, 'Environment', 'Path', Path) then
  begin
    Result := True;
    exit;
  end;
  Result := Pos(';' + Uppercase(Dir) + ';', ';' + Uppercase(Path) + ';') = 0;
end;

procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
var
  Path, Dir: string;
  P: Integer;
begin
  { take {app} out of the user's PATH again }
  if CurUninstallStep <> usPostUninstall then
    exit;
  if not RegQueryStringValue(HKEY_CURRENT_USER, 'Environment', 'Path', Path) then
    exit;
  Dir := ExpandConstant('{app}');
  P := Pos(';' + Uppercase(Dir), Uppercase(Path));
  if P > 0 then
  begin
    Delete(Path, P, Length(Dir) + 1);
    RegWriteExpandStringValue(HKEY_CURRENT_USER, 'Environment', 'Path', Path);
  end;
end;
