; Included by the kiosk's and the board's NSIS installers (apps/*/electron-builder.yml):
; start the app after boot for every user, and remove that again on uninstall.
!macro customInstall
  SetShellVarContext all
  CreateShortCut "$SMSTARTUP\${PRODUCT_NAME}.lnk" "$INSTDIR\${PRODUCT_FILENAME}.exe"
!macroend

!macro customUnInstall
  SetShellVarContext all
  Delete "$SMSTARTUP\${PRODUCT_NAME}.lnk"
!macroend
