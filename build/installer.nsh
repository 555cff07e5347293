; Included by electron-builder's NSIS scripts (electron-builder.yml: nsis.include).
; The vault is in %APPDATA%\Vangnet, outside the install folder, and the uninstaller never deletes
; it. An uninstall started by the adviser (not an update, not a silent uninstall) says where it is.
!macro customUnInstall
  ${ifNot} ${isUpdated}
  ${andIfNot} ${Silent}
    MessageBox MB_OK|MB_ICONINFORMATION "Vangnet is verwijderd. Uw kluis met klantgegevens is bewaard in $APPDATA\Vangnet.$\r$\n$\r$\nVangnet was removed. Your vault with client data is kept in $APPDATA\Vangnet."
  ${endIf}
!macroend
