; Inno Setup 6 script for LocalPro: a per-user installer around the PyInstaller bundle.
;
; Build (Windows, after `python build_scripts/build.py`):
;   python build_scripts/build.py --installer
; which runs, with the version taken from localpro_desktop.__version__:
;   iscc /DAppVersion=0.1.0 /DNumericVersion=0.1.0.0 /DSourceDir=dist\LocalPro
;        /DOutputDir=dist build_scripts\installer\localpro.iss
;
; What it does
; * Installs for the current user only, without administrator rights, into
;   %LOCALAPPDATA%\Programs\LocalPro (PrivilegesRequired=lowest).
; * Start menu shortcut, and a desktop shortcut (a ticked task the user can untick).
; * Upgrades in place: the AppId below never changes, so a newer installer finds the old
;   install, closes a running LocalPro, replaces the program files (the old _internal folder
;   is removed first, so no stale library survives) and keeps the user's data.
; * Uninstall keeps the user's data (%LOCALAPPDATA%\LocalPro: the workspace, backups, logs)
;   unless the user ticks "Also delete my LocalPro data" (unticked by default). A silent
;   uninstall (/SILENT, /VERYSILENT) keeps it too, unless /DELETEDATA is passed. Deleting the
;   data also removes the saved sign-in and keys from Windows' Credential Manager (entries
;   "LocalPro" and "...@LocalPro"), through `localpro.com workspace forget-secrets --all`.
; * Two programs share one _internal folder: LocalPro.exe (the window, the shortcuts) and
;   localpro.com (the command line: a console program; "localpro demo" in cmd or PowerShell
;   runs it, .COM coming before .EXE in PATHEXT). The "addtopath" task puts the install
;   folder on the user's PATH (HKCU\Environment), and the uninstaller takes it off again.

; ArchitecturesAllowed=x64compatible below needs Inno Setup 6.3: ISCC itself knows its version.
#if Ver < EncodeVer(6, 3, 0)
  #error Inno Setup 6.3 or later is needed to compile this script (x64compatible)
#endif

#ifndef SourceDir
  #define SourceDir "..\..\dist\LocalPro"
#endif
#ifndef OutputDir
  #define OutputDir "..\..\dist"
#endif
#ifndef AppVersion
  ; The version resource of LocalPro.exe is written from __version__ by the spec.
  #define AppVersion GetVersionNumbersString(AddBackslash(SourceDir) + "LocalPro.exe")
#endif
#ifndef NumericVersion
  ; x.y.z[.w] for Windows' version fields (AppVersion may be "1.2.0rc1")
  #define NumericVersion AppVersion
#endif

#define AppName "LocalPro"
#define AppExe "LocalPro.exe"
#define CliExe "localpro.com"
#define AppPublisher "LocalPro"
; Where platformdirs puts the data: user_data_dir("LocalPro", appauthor=False).
#define DataDir "{localappdata}\LocalPro"

[Setup]
; Never change this GUID: it is how an upgrade recognises the installed LocalPro.
AppId={{6F3C2A1E-8B4D-4E7A-9C51-2D7E0B9A4F36}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher={#AppPublisher}
VersionInfoVersion={#NumericVersion}
DefaultDirName={localappdata}\Programs\LocalPro
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
DisableDirPage=auto
UsePreviousAppDir=yes
PrivilegesRequired=lowest
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir={#OutputDir}
OutputBaseFilename=LocalPro-{#AppVersion}-setup
SetupIconFile=..\..\resources\icons\localpro.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
CloseApplications=yes
ChangesEnvironment=yes
RestartApplications=no
ShowLanguageDialog=auto

[Languages]
Name: "en"; MessagesFile: "compiler:Default.isl"
Name: "fr"; MessagesFile: "compiler:Languages\French.isl"

[CustomMessages]
en.DeleteDataTitle=Uninstall LocalPro
en.DeleteDataIntro=LocalPro will be removed from this computer.%n%nYour prospects, contacts, campaigns and backups are kept in:%n%1%nso that reinstalling LocalPro finds them again.
en.DeleteDataCheck=Also delete my LocalPro data (this cannot be undone)
en.AddToPath=Add the localpro command to the PATH (for scripts and the command prompt)
fr.AddToPath=Ajouter la commande localpro au PATH (pour les scripts et l'invite de commandes)
en.DeleteDataConfirm=Delete all your LocalPro data, including backups? This cannot be undone.
fr.DeleteDataTitle=Désinstaller LocalPro
fr.DeleteDataIntro=LocalPro va être supprimé de cet ordinateur.%n%nVos prospects, contacts, campagnes et sauvegardes sont conservés dans :%n%1%npour que LocalPro les retrouve s'il est réinstallé.
fr.DeleteDataCheck=Supprimer aussi mes données LocalPro (irréversible)
fr.DeleteDataConfirm=Supprimer toutes vos données LocalPro, sauvegardes comprises ? C'est irréversible.

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"
Name: "addtopath"; Description: "{cm:AddToPath}"; Flags: unchecked

[Registry]
; The user's own PATH (no administrator rights): the install folder, where localpro.com is.
Root: HKCU; Subkey: "Environment"; ValueType: expandsz; ValueName: "Path"; \
  ValueData: "{olddata};{app}"; Check: NotOnPath(ExpandConstant('{app}')); Tasks: addtopath

[InstallDelete]
; An upgrade replaces the whole bundle: libraries of the previous version must not linger.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[Code]
var
  DeleteUserData: Boolean;

function DataFolder(): String;
begin
  Result := ExpandConstant('{#DataDir}');
end;

{ True when Folder is not yet one of the entries of the user's PATH. }
function NotOnPath(Folder: String): Boolean;
var
  Path: String;
begin
  if not RegQueryStringValue(HKCU, 'Environment', 'Path', Path) then
    Path := '';
  Result := Pos(';' + Uppercase(Folder) + ';', ';' + Uppercase(Path) + ';') = 0;
end;

{ Takes Folder off the user's PATH (every occurrence), leaving the other entries as they were. }
procedure RemoveFromPath(Folder: String);
var
  Path, Entry, Kept: String;
  Cut: Integer;
begin
  if not RegQueryStringValue(HKCU, 'Environment', 'Path', Path) then
    exit;
  Kept := '';
  Path := Path + ';';
  while Length(Path) > 0 do
  begin
    Cut := Pos(';', Path);
    Entry := Copy(Path, 1, Cut - 1);
    Delete(Path, 1, Cut);
    if (Entry <> '') and (CompareText(RemoveBackslashUnlessRoot(Entry), RemoveBackslashUnlessRoot(Folder)) <> 0) then
    begin
      if Kept <> '' then
        Kept := Kept + ';';
      Kept := Kept + Entry;
    end;
  end;
  RegWriteExpandStringValue(HKCU, 'Environment', 'Path', Kept);
end;

function HasParam(const Name: String): Boolean;
var
  I: Integer;
begin
  Result := False;
  for I := 1 to ParamCount do
    if CompareText(ParamStr(I), Name) = 0 then
      Result := True;
end;

{ The uninstaller has no wizard pages: a small form asks, with the box unticked. }
function AskDeleteData(): Boolean;
var
  Form: TSetupForm;
  Intro: TNewStaticText;
  Check: TNewCheckBox;
  OkButton, CancelButton: TNewButton;
begin
  Result := True;
#if Ver >= EncodeVer(6, 6, 0)
  { Inno Setup 6.6 takes the size up front (and scales it itself). }
  Form := CreateCustomForm(460, 200, False, True);
#else
  Form := CreateCustomForm();
  Form.ClientWidth := ScaleX(460);
  Form.ClientHeight := ScaleY(200);
#endif
  try
    Form.Caption := CustomMessage('DeleteDataTitle');

    Intro := TNewStaticText.Create(Form);
    Intro.Parent := Form;
    Intro.Left := ScaleX(16);
    Intro.Top := ScaleY(16);
    Intro.Width := Form.ClientWidth - ScaleX(32);
    Intro.AutoSize := False;
    Intro.WordWrap := True;
    Intro.Height := ScaleY(96);
    Intro.Caption := FmtMessage(CustomMessage('DeleteDataIntro'), [DataFolder()]);

    Check := TNewCheckBox.Create(Form);
    Check.Parent := Form;
    Check.Left := ScaleX(16);
    Check.Top := ScaleY(120);
    Check.Width := Form.ClientWidth - ScaleX(32);
    Check.Height := ScaleY(20);
    Check.Caption := CustomMessage('DeleteDataCheck');
    Check.Checked := False;

    OkButton := TNewButton.Create(Form);
    OkButton.Parent := Form;
    OkButton.Width := ScaleX(90);
    OkButton.Height := ScaleY(26);
    OkButton.Left := Form.ClientWidth - ScaleX(16 + 90 + 8 + 90);
    OkButton.Top := Form.ClientHeight - ScaleY(26 + 16);
    OkButton.Caption := SetupMessage(msgButtonOK);
    OkButton.ModalResult := mrOk;
    OkButton.Default := True;

    CancelButton := TNewButton.Create(Form);
    CancelButton.Parent := Form;
    CancelButton.Width := ScaleX(90);
    CancelButton.Height := ScaleY(26);
    CancelButton.Left := Form.ClientWidth - ScaleX(16 + 90);
    CancelButton.Top := OkButton.Top;
    CancelButton.Caption := SetupMessage(msgButtonCancel);
    CancelButton.ModalResult := mrCancel;
    CancelButton.Cancel := True;

    if Form.ShowModal() <> mrOk then
      Result := False
    else if Check.Checked then
      DeleteUserData := MsgBox(CustomMessage('DeleteDataConfirm'), mbConfirmation,
        MB_YESNO or MB_DEFBUTTON2) = IDYES;
  finally
    Form.Free();
  end;
end;

function InitializeUninstall(): Boolean;
begin
  DeleteUserData := False;
  if UninstallSilent() then
  begin
    DeleteUserData := HasParam('/DELETEDATA');
    Result := True;
  end
  else
    Result := AskDeleteData();
end;

procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
var
  ResultCode: Integer;
begin
  if (CurUninstallStep = usUninstall) and DeleteUserData then
  begin
    { Before the program files go: the command line knows the keyring entries' names. }
    Exec(ExpandConstant('{app}\{#CliExe}'), 'workspace forget-secrets --all', '',
      SW_HIDE, ewWaitUntilTerminated, ResultCode);
  end;
  if CurUninstallStep = usPostUninstall then
    RemoveFromPath(ExpandConstant('{app}'));
  if (CurUninstallStep = usPostUninstall) and DeleteUserData then
  begin
    DelTree(DataFolder(), True, True, True);
    { QSettings of the app (map tile server choice): HKCU\Software\LocalPro }
    RegDeleteKeyIncludingSubkeys(HKCU, 'Software\LocalPro');
  end;
end;
