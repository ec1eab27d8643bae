; Windows installer for egovops, built on Linux by packaging/build-windows with makensis (NSIS).
; Installs the payload (python.org's embeddable CPython with egovops in Lib\site-packages) for all
; users, a Start-menu and desktop shortcut named 电子政务运维, an egovops.cmd for the command line,
; and an uninstaller registered in "Apps & features".
Unicode true
!ifndef VERSION
  !error "makensis -DVERSION=x.y.z -DPAYLOAD=dir -DOUTFILE=file egovops.nsi"
!endif
!define NAME "电子政务运维"
!define KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\egovops"

Name "${NAME} (egovops ${VERSION})"
OutFile "${OUTFILE}"
InstallDir "$PROGRAMFILES64\egovops"
RequestExecutionLevel admin
SetCompressor /SOLID lzma
Icon "${PAYLOAD}\egovops.ico"
UninstallIcon "${PAYLOAD}\egovops.ico"
!include "x64.nsh"

Page directory
Page instfiles
UninstPage uninstConfirm
UninstPage instfiles

Function .onInit
  ${IfNot} ${RunningX64}
    MessageBox MB_OK|MB_ICONSTOP "egovops needs 64-bit Windows."
    Abort
  ${EndIf}
  SetShellVarContext all
FunctionEnd

Section "egovops"
  SetOutPath "$INSTDIR"
  File /r "${PAYLOAD}\*.*"
  ; The console without a console window: pythonw; the command line: egovops.cmd.
  CreateShortCut "$SMPROGRAMS\${NAME}.lnk" "$INSTDIR\python\pythonw.exe" "-m egovops console" "$INSTDIR\egovops.ico"
  CreateShortCut "$DESKTOP\${NAME}.lnk" "$INSTDIR\python\pythonw.exe" "-m egovops console" "$INSTDIR\egovops.ico"
  WriteUninstaller "$INSTDIR\uninstall.exe"
  WriteRegStr HKLM "${KEY}" "DisplayName" "${NAME} (egovops)"
  WriteRegStr HKLM "${KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKLM "${KEY}" "DisplayIcon" "$INSTDIR\egovops.ico"
  WriteRegStr HKLM "${KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegDWORD HKLM "${KEY}" "NoModify" 1
SectionEnd

Section "Uninstall"
  SetShellVarContext all
  Delete "$SMPROGRAMS\${NAME}.lnk"
  Delete "$DESKTOP\${NAME}.lnk"
  RMDir /r "$INSTDIR\python"
  Delete "$INSTDIR\egovops.cmd"
  Delete "$INSTDIR\egovops.ico"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
  DeleteRegKey HKLM "${KEY}"
SectionEnd
